import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

struct ByteBufferTests {
  @Test func durationsMatchTheLanguage() {
    let buffer = ByteBuffer()
    var seconds: [Int64] = [
      0, 1, 59, 60, 90 * 60, 3_600, 86_400, 63 * 86_400, 7 * 86_400, 365 * 86_400, 30 * 86_400, -86_400, -5,
    ]
    var generator = SystemRandomNumberGenerator()
    seconds += [1_062_720, 1_061_856, 1_047_600, 36 * 3_600, -36 * 3_600, 97_254, 456_686, .max, .min]
    for _ in 0..<2_000 { seconds.append(Int64.random(in: -400 * 86_400...400 * 86_400, using: &generator) / 60 * 60) }
    for step: Int64 in [18, 432, 864, 8_640] {
      for _ in 0..<500 { seconds.append(Int64.random(in: -40_000...40_000, using: &generator) * step) }
    }
    for value in seconds {
      buffer.removeAll()
      buffer.appendDuration(TimeSpan(seconds: value))
      #expect(buffer.text == TimeSpan(seconds: value).description)
    }
  }

  @Test func decimals() {
    let buffer = ByteBuffer()
    for value in [0, 7, -7, 10, 99, 100, 1_234_567, 12_345_678, 99_999_999, 100_000_000, Int.max, Int.min] {
      buffer.removeAll()
      buffer.appendDecimal(value)
      #expect(buffer.text == String(value))
    }
  }

  @Test func datesAsTheirDescriptionRepeatedOrNot() {
    let buffer = ByteBuffer(capacity: 16)
    var expected = ""
    // Days a few apart (the remembered ones are reused), far apart, and years past 9999 or before 0.
    let days: [Int64] = [0, 4, 0, 20_790, 20_791, 20_794, 20_790, -1, -719_529, 2_932_897, 2_932_896, 20_790]
    for day in days + (0..<400).map({ 20_000 + Int64($0) * 37 }) {
      let date = CalendarDate(daysSinceEpoch: day)
      buffer.append(",")
      buffer.appendDate(date)
      expected += ",\(date)"
    }
    #expect(buffer.text == expected)
  }

  @Test func decimalsBetweenText() {
    let buffer = ByteBuffer(capacity: 16)
    var expected = ""
    for value in 0..<2_000 {
      buffer.append(":")
      buffer.appendDecimal(value * 977)
      expected += ":\(value * 977)"
    }
    #expect(buffer.text == expected)
  }

  @Test func jsonEscaping() {
    let buffer = ByteBuffer()
    let text = "a\"b\\c\nd\te\u{1}f é €"
    Array(text.utf8).withUnsafeBufferPointer { buffer.appendJSONEscaped($0) }
    #expect(buffer.text == #"a\"b\\c\nd\te\u0001f é €"#)
    buffer.removeAll()
    [UInt8(ascii: "x"), 0xFF, UInt8(ascii: "\"")].withUnsafeBufferPointer { buffer.appendJSONEscaped($0) }
    #expect(buffer.text == "x\u{FFFD}\\\"")
  }

  @Test func csvFields() {
    let buffer = ByteBuffer()
    buffer.appendCSVField("plain")
    buffer.append(",")
    buffer.appendCSVField("Acme, Inc.")
    buffer.append(",")
    buffer.appendCSVField("say \"hi\"\nbye")
    #expect(buffer.text == "plain,\"Acme, Inc.\",\"say \"\"hi\"\"\nbye\"")
  }

  @Test func tableCellsStayOnOneLine() {
    let buffer = ByteBuffer()
    Array("Nordlicht\r\nBakery\u{7}".utf8).withUnsafeBufferPointer { buffer.appendTableCell($0) }
    #expect(buffer.text == "Nordlicht  Bakery")
    #expect(Array("Café".utf8).withUnsafeBufferPointer { ByteBuffer.displayWidth($0) } == 4)
    // C1 controls (a terminal's CSI is U+009B) and bidirectional formatting characters drop out
    // too; other characters led by the same bytes (é, £, €, ‘) stay.
    let other = ByteBuffer()
    Array("a\u{9B}2J\u{202E}Zoë £5 €\u{2066}‘x’\u{200F}\u{85}".utf8).withUnsafeBufferPointer {
      other.appendTableCell($0)
    }
    #expect(other.text == "a2JZoë £5 €‘x’")
    #expect(
      Array("a\u{9B}2J\u{202E}Zoë".utf8).withUnsafeBufferPointer { ByteBuffer.displayWidth($0) } == 6)
  }

  @Test func growsAndDropsFirstBytes() {
    let buffer = ByteBuffer(capacity: 16)
    for _ in 0..<1_000 { buffer.append("0123456789") }
    #expect(buffer.count == 10_000)
    buffer.removeFirst(9_995)
    #expect(buffer.text == "56789")
  }
}

extension ByteBufferTests {
  /// The eight-bytes-at-a-time scan must escape exactly what the byte loop does.
  @Test func aWordsLowestLookFlagIsItsFirstByteThatNeedsALook() {
    func needsLook(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F }
    // Every byte at every place among plain ones, and before a second byte that needs a look.
    for byte in UInt8.min...UInt8.max {
      for place in 0..<8 {
        for later in [UInt8(ascii: "a"), 0x00, 0x22, 0xFF] {
          var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
          bytes[place] = byte
          if place < 7 { bytes[7] = later }
          let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
          let flags = ByteBuffer.lookFlags(word)
          let first = bytes.firstIndex(where: needsLook)
          #expect(flags == 0 ? first == nil : flags.trailingZeroBitCount >> 3 == first, "\(bytes)")
        }
      }
    }
  }

  @Test func longStringsEscapeLikeShortOnes() {
    let pieces = ["plain text ", "\"", "\\", "\n", "\u{7F}", "é", "€", "\u{1F}", "abcdefgh", " "]
    var state: UInt64 = 7
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<Int(state % 12) {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        text += pieces[Int(state >> 33) % pieces.count]
      }
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let buffer = ByteBuffer()
      Array(text.utf8).withUnsafeBufferPointer { buffer.appendJSONEscaped($0) }
      var expected = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": expected += "\\\""
        case "\\": expected += "\\\\"
        case "\n": expected += "\\n"
        case "\r": expected += "\\r"
        case "\t": expected += "\\t"
        case "\u{0}"..."\u{1F}", "\u{7F}": expected += String(format: "\\u%04x", scalar.value)
        default: expected.unicodeScalars.append(scalar)
        }
      }
      #expect(buffer.text == expected)
    }
  }
}
