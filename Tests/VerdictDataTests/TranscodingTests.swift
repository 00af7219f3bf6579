import Foundation
import XCTest

@testable import VerdictData

/// Exact conversion to UTF-8: every Windows-1252 and Latin-1 byte, UTF-16 split at every
/// possible place, errors for broken UTF-16, and CSV files read end to end.
final class TranscodingTests: XCTestCase {
  /// WHATWG Encoding Standard, index-windows-1252, pointers 0-31 (bytes 0x80-0x9F).
  static let whatwgWindows1252: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static let chunkSizes = [1, 2, 3, 7, ByteSource.defaultChunkSize]
  static let bufferSizes = [1, 2, 3, 5, 4096]

  func testEveryWindows1252ByteDecodesAsWHATWGSays() throws {
    var agreedWithFoundation = 0
    for byte in UInt8(0x80)...UInt8(0xFF) {
      let expected = byte < 0xA0 ? Self.whatwgWindows1252[Int(byte) - 0x80] : UInt32(byte)
      let decoded = try EncodedText.text(of: ByteSource(bytes: [byte], encoding: .windows1252))
      XCTAssertEqual(decoded.unicodeScalars.map(\.value), [expected], "byte \(byte)")
      if let foundation = String(data: Data([byte]), encoding: .windowsCP1252), foundation != "\u{FFFD}" {
        XCTAssertEqual(decoded, foundation, "byte \(byte) against Foundation")
        agreedWithFoundation += 1
      }
    }
    // Foundation knows at least the 123 bytes Windows defines.
    XCTAssertGreaterThanOrEqual(agreedWithFoundation, 123)
  }

  func testAllBytesInOneStreamSurviveTinyChunksAndBuffers() throws {
    let bytes = (0...255).map { UInt8($0) }
    let windows1252 = String(
      String.UnicodeScalarView(
        bytes.map { Unicode.Scalar($0 < 0x80 || $0 >= 0xA0 ? UInt32($0) : Self.whatwgWindows1252[Int($0) - 0x80])! }))
    let latin1 = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    XCTAssertEqual(String(data: Data(bytes), encoding: .isoLatin1), latin1)
    for chunkSize in Self.chunkSizes {
      for bufferSize in Self.bufferSizes {
        let context = "chunk \(chunkSize), buffer \(bufferSize)"
        let source = ByteSource(bytes: bytes, encoding: .windows1252, chunkSize: chunkSize)
        XCTAssertEqual(try EncodedText.text(of: source, bufferSize: bufferSize), windows1252, context)
        let latin = ByteSource(bytes: bytes, encoding: .latin1, chunkSize: chunkSize)
        XCTAssertEqual(try EncodedText.text(of: latin, bufferSize: bufferSize), latin1, context)
      }
    }
  }

  func testUTF16SurrogatePairsSplitAnywhere() throws {
    let text = "Empfänger\t€ 😀 𝄞\r\nZ\u{FEFF}ß🇩🇪\n"  // a later U+FEFF is a character, kept
    for order in [UTF16ByteOrder.littleEndian, .bigEndian] {
      for mark in [true, false] {
        let bytes = EncodedText.utf16(text, order, mark: mark)
        for chunkSize in Self.chunkSizes {
          for bufferSize in Self.bufferSizes {
            let context = "\(order), mark \(mark), chunk \(chunkSize), buffer \(bufferSize)"
            let source = ByteSource(bytes: bytes, encoding: nil, chunkSize: chunkSize)
            XCTAssertEqual(source.encoding, .utf16, context)
            XCTAssertEqual(try EncodedText.drain(source, bufferSize: bufferSize), Array(text.utf8), context)
          }
        }
      }
    }
  }

  func testBrokenUTF16IsAnErrorNotAReplacementCharacter() {
    // Each case follows "ab\r\nä\n" (12 bytes; CRLF is one line break) and an "ä" on line 3,
    // so the problem is at byte offset 14, line 3, byte column 3 of the UTF-8 text.
    let cases: [(name: String, units: [UInt16], tail: [UInt8], detail: String)] = [
      (
        "high surrogate before a letter", [0xD83D, 0x61], [],
        "high surrogate 0xD83D at byte offset 14 is followed by 0x0061"
      ),
      ("lone low surrogate", [0xDE00], [], "low surrogate 0xDE00 at byte offset 14 has no high surrogate"),
      ("high surrogate at the end", [0xD83D], [], "high surrogate 0xD83D at byte offset 14 ends the input"),
      ("odd byte at the end", [], [0x62], "its last byte, at byte offset 14, is half a 16-bit unit"),
    ]
    for testCase in cases {
      let units = Array("ab\r\nä\nä".utf16) + testCase.units
      let bytes = units.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] } + testCase.tail
      for chunkSize in Self.chunkSizes {
        let context = "\(testCase.name), chunk \(chunkSize)"
        let source = ByteSource(bytes: bytes, encoding: .utf16, chunkSize: chunkSize)
        let error = EncodedText.readError(source, bufferSize: 3)
        XCTAssertEqual(error?.message.hasPrefix("the input is not valid UTF-16: "), true, context)
        XCTAssertEqual(error?.message.contains(testCase.detail), true, "\(context): \(String(describing: error))")
        XCTAssertEqual(error?.line, 3, context)
        XCTAssertEqual(error?.column, 3, context)
        XCTAssertNotNil(error?.hint, context)
      }
    }
  }

  func testWindows1252CSVReadsToExactStrings() throws {
    let text = """
      Empfänger;Betrag;Verwendungszweck
      Müller & Söhne GmbH;1.234,56;Rechnung „Nr. 5“ – 30 €
      "Weiß; Groß";0,99;‰ ‹Œ› ™

      """
    let bytes = try EncodedText.windows1252(text)
    XCTAssertNil(String(bytes: bytes, encoding: .utf8), "the fixture must not be UTF-8")
    for chunkSize in Self.chunkSizes + [16] {
      let source = ByteSource(bytes: bytes, encoding: nil, chunkSize: chunkSize)
      XCTAssertEqual(source.encoding, .windows1252)
      let reader = try CSVReader(source: source)
      var rows: [[String]] = []
      try reader.forEachRecord { rows.append($0.strings()) }
      XCTAssertEqual(reader.dialect, .german, "chunk \(chunkSize)")
      XCTAssertEqual(reader.header, ["Empfänger", "Betrag", "Verwendungszweck"], "chunk \(chunkSize)")
      XCTAssertEqual(
        rows,
        [
          ["Müller & Söhne GmbH", "1.234,56", "Rechnung „Nr. 5“ – 30 €"],
          ["Weiß; Groß", "0,99", "‰ ‹Œ› ™"],
        ], "chunk \(chunkSize)")
    }
  }

  func testExcelUnicodeTextReadsToExactStrings() throws {
    // Excel's "Unicode text": UTF-16 little endian with a mark, tab-separated, CRLF.
    let text = "Empfänger\tBetrag\r\nŁukasz Żółć 😀\t12,50\r\n"
    let source = ByteSource(bytes: EncodedText.utf16(text, .littleEndian, mark: true), encoding: nil, chunkSize: 3)
    XCTAssertEqual(source.encoding, .utf16)
    let reader = try CSVReader(source: source)
    var rows: [[String]] = []
    try reader.forEachRecord { rows.append($0.strings()) }
    XCTAssertEqual(reader.dialect, .tabSeparated)
    XCTAssertEqual(reader.header, ["Empfänger", "Betrag"])
    XCTAssertEqual(rows, [["Łukasz Żółć 😀", "12,50"]])
  }

  func testJSONLinesInWindows1252ReadToExactStrings() throws {
    let bytes = try EncodedText.windows1252("{\"name\":\"Jürgen – € 5\"}\n")
    let reader = JSONRecordReader(source: ByteSource(bytes: bytes, encoding: nil, chunkSize: 2), layout: .lines)
    var names: [String] = []
    try reader.forEachRecord { _, members in
      for member in members {
        if case .string(let name) = member.value {
          names.append(name)
        }
      }
    } onError: { error in
      XCTFail("\(error)")
    }
    XCTAssertEqual(names, ["Jürgen – € 5"])
  }
}
