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

  /// A cell of printable ASCII is copied whole; a byte that is not, at any place around a word of
  /// eight, sends the cell through the byte-by-byte path: a line break or tab as a space, another
  /// control character dropped, other text kept.
  @Test func tableCellsOfEveryLengthWithAnOddByteAtEachPlace() {
    for length in 0..<20 {
      let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
      let buffer = ByteBuffer(capacity: 16)
      buffer.append("|")
      plain.withUnsafeBufferPointer { buffer.appendTableCell($0) }
      #expect(Array(buffer.bytes) == [UInt8(ascii: "|")] + plain)
      for place in 0..<length {
        for (odd, shown) in [(0x0A, " "), (0x09, " "), (0x0D, " "), (0x07, ""), (0x7F, ""), (0x1F, "")]
          as [(UInt8, String)]
        {
          var bytes = plain
          bytes[place] = odd
          let cell = ByteBuffer(capacity: 16)
          bytes.withUnsafeBufferPointer { cell.appendTableCell($0) }
          let expected =
            String(decoding: plain[..<place], as: UTF8.self) + shown
            + String(decoding: plain[(place + 1)...], as: UTF8.self)
          #expect(cell.text == expected, "\(odd) at \(place) of \(length)")
        }
        var accented = plain
        accented.replaceSubrange(place..<(place + 1), with: Array("é".utf8))
        let cell = ByteBuffer(capacity: 16)
        accented.withUnsafeBufferPointer { cell.appendTableCell($0) }
        #expect(Array(cell.bytes) == accented)
      }
    }
  }

  /// Spaces come in words of eight: any count, after any number of bytes, in a buffer that grows
  /// under them, gives that many spaces and nothing else.
  @Test func spacesOfEveryCountAtEveryOffset() {
    for offset in 0..<20 {
      for n in -1..<40 {
        let buffer = ByteBuffer(capacity: 16)
        for _ in 0..<offset { buffer.append(UInt8(ascii: "x")) }
        buffer.appendSpaces(n)
        buffer.append("|")
        #expect(buffer.text == String(repeating: "x", count: offset) + String(repeating: " ", count: max(n, 0)) + "|")
        buffer.append(" \t  ")
        buffer.trimTrailingSpaces()
        #expect(buffer.text.hasSuffix("| \t"))
      }
    }
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
