import Foundation
import XCTest

@testable import VerdictData

/// Encoding detection and forced encodings on `ByteSource`, from memory, files and pipes.
final class TextEncodingTests: XCTestCase {
  static let german = "Empfänger;Betrag\nMüller GmbH;1.234,56 €\n"

  func testRawValuesAreTheNamesUsersType() {
    XCTAssertEqual(
      TextEncoding.allCases.map(\.rawValue),
      [
        "utf-8", "windows-1252", "latin-1", "windows-1250", "windows-1251", "windows-1254", "macintosh", "shift_jis",
        "euc-jp", "gbk", "big5", "euc-kr", "utf-16",
      ])
    XCTAssertEqual(TextEncoding(rawValue: "windows-1252"), .windows1252)
  }

  func testPlainUTF8AndEmptyInputAreUTF8AndPassedThrough() throws {
    for bytes in [Array(Self.german.utf8), [], Array("id,name\n".utf8)] {
      let source = ByteSource(bytes: bytes, encoding: nil)
      XCTAssertEqual(source.encoding, .utf8)
      XCTAssertEqual(try EncodedText.drain(source), bytes)
    }
  }

  func testUTF8ByteOrderMarkMeansUTF8AndStaysInTheStream() throws {
    // The mark wins even over bytes that are not UTF-8 later on.
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\n".utf8) + [0xE4]
    let source = ByteSource(bytes: bytes, encoding: nil)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(source), bytes)
  }

  func testInvalidUTF8IsReadAsWindows1252() throws {
    let bytes = Array("Empf".utf8) + [0xE4] + Array("nger;Betrag\n".utf8)
    let source = ByteSource(bytes: bytes, encoding: nil)
    XCTAssertEqual(source.encoding, .windows1252)
    XCTAssertEqual(try EncodedText.text(of: source), "Empfänger;Betrag\n")
  }

  func testIllFormedUTF8SequencesAreNotUTF8() {
    let cases: [(String, [UInt8])] = [
      ("overlong slash", [0xC0, 0xAF]),
      ("overlong three-byte", [0xE0, 0x80, 0xAF]),
      ("surrogate U+D800", [0xED, 0xA0, 0x80]),
      ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
      ("F5 lead", [0xF5, 0x80, 0x80, 0x80]),
      ("lone continuation", [0x80]),
      ("cut off by the end of the input", [0xC3]),
    ]
    for (name, sequence) in cases {
      let source = ByteSource(bytes: Array("name\nab".utf8) + sequence, encoding: nil)
      XCTAssertEqual(source.encoding, .windows1252, name)
    }
  }

  /// A UTF-8 export cut in the middle of its last character, or with one damaged byte among its
  /// well-formed characters, is still UTF-8: reading all its text as Windows-1252 would mangle
  /// every name.
  func testDamagedUTF8StaysUTF8() {
    let text = Array("name\nCafé Marlène\nMüller\nZhang Wei 张伟\n".utf8)
    XCTAssertEqual(ByteSource(bytes: Array(text.dropLast(2)), encoding: nil).encoding, .utf8)
    XCTAssertEqual(ByteSource(bytes: text + [0xE4] + Array("\n".utf8), encoding: nil).encoding, .utf8)
    let windows: [UInt8] = Array("name\nCaf".utf8) + [0xE9] + Array("\nM".utf8) + [0xFC] + Array("ller\n".utf8)
    XCTAssertEqual(ByteSource(bytes: windows, encoding: nil).encoding, .windows1252)
  }

  func testUTF16ByteOrderMarksDecideTheByteOrder() throws {
    for order in [UTF16ByteOrder.littleEndian, .bigEndian] {
      let source = ByteSource(bytes: EncodedText.utf16(Self.german, order, mark: true), encoding: nil)
      XCTAssertEqual(source.encoding, .utf16, "\(order)")
      XCTAssertEqual(try EncodedText.text(of: source), Self.german, "\(order): mark dropped, text exact")
    }
  }

  func testUTF16WithoutAMarkIsRecognisedByItsNulBytes() throws {
    for order in [UTF16ByteOrder.littleEndian, .bigEndian] {
      let bytes = EncodedText.utf16(Self.german, order)
      XCTAssertEqual(bytes.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) }, order)
      let source = ByteSource(bytes: bytes, encoding: nil)
      XCTAssertEqual(source.encoding, .utf16, "\(order)")
      XCTAssertEqual(try EncodedText.text(of: source), Self.german, "\(order)")
    }
  }

  func testUTF16WithoutAMarkInAnotherScriptIsRecognisedByItsNulBytes() throws {
    // Fewer than half the units have a NUL (the letters have none): the digits, separators and
    // line breaks do, on one side; `一` (U+4E00) has its NUL on the other.
    let texts = [
      "клиент;долг\nАльфа;120,50\nБета;50\nГамма;0\n", "顧客,金額\n一二三商事,1200\n東京精密,300\n",
      "πελάτης\tοφειλή\nΆλφα\t120\n",
    ]
    for text in texts {
      for order in [UTF16ByteOrder.littleEndian, .bigEndian] {
        let bytes = EncodedText.utf16(text, order)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) }, order, "\(text) \(order)")
        let source = ByteSource(bytes: bytes, encoding: nil)
        XCTAssertEqual(source.encoding, .utf16, "\(text) \(order)")
        XCTAssertEqual(try EncodedText.text(of: source), text, "\(text) \(order)")
      }
      // The same text in UTF-8 has no NUL byte.
      XCTAssertEqual(ByteSource(bytes: Array(text.utf8), encoding: nil).encoding, .utf8)
    }
  }

  func testNulBytesOfBinaryDataDoNotMakeUTF16() {
    // A line break as a unit of its own, but also units of two NULs, as binary data has.
    let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x00]
    XCTAssertNil(bytes.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) })
    // NULs on both sides alike.
    let mixed: [UInt8] = [0x0A, 0x00, 0x00, 0x41, 0x42, 0x00, 0x00, 0x43, 0x44, 0x45]
    XCTAssertNil(mixed.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) })
  }

  /// A stray NUL before a short file's line break, a unit of its own (`\0\n`), as one in eight
  /// units: no text in another script, which has at least four such units. It was read as
  /// UTF-16 (found by the `csv` fuzzer).
  func testAStrayNulBeforeALineBreakDoesNotMakeUTF16() {
    let bytes = Array("a,b,c\r".utf8) + [0] + Array("\n1,2,3\r\n".utf8)
    XCTAssertNil(bytes.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) })
    XCTAssertEqual(ByteSource(bytes: bytes, encoding: nil).encoding, .utf8)
  }

  func testWindows1250And1251AreReadAsTheirCodePagesSay() throws {
    // Bytes whose characters differ from Windows-1252's, the undefined ones (C1 controls) and
    // ASCII, through the transcoder's reads.
    let cases: [(TextEncoding, [UInt8], String)] = [
      (.windows1250, [0xA3, 0xF3, 0x64, 0x9F, 0x2C, 0xB9, 0x8C, 0x81, 0xFF, 0x0A], "Łódź,ąŚ\u{81}˙\n"),
      (.windows1251, [0xC0, 0xEB, 0xFC, 0xF4, 0xE0, 0x3B, 0xA8, 0xB9, 0x98, 0x0A], "Альфа;Ё№\u{98}\n"),
      (
        .windows1254, [0xDD, 0x7A, 0x6D, 0x69, 0x72, 0x3B, 0x49, 0xFE, 0xFD, 0x6B, 0xF0, 0xD0, 0xDE, 0x8E, 0x80],
        "İzmir;IşıkğĞŞ\u{8E}€"
      ),
    ]
    for (encoding, bytes, text) in cases {
      let source = ByteSource(bytes: bytes, encoding: encoding)
      XCTAssertEqual(source.encoding, encoding)
      XCTAssertEqual(try EncodedText.text(of: source), text, "\(encoding)")
    }
    XCTAssertEqual(CodePageTables.windows1250.count, 128)
    XCTAssertEqual(CodePageTables.windows1251.count, 128)
    XCTAssertEqual(CodePageTables.windows1254.count, 128)
  }

  func testAFewNulBytesDoNotMakeUTF16() throws {
    // Half the units are (non-NUL, NUL): not more than half, so not UTF-16.
    let bytes: [UInt8] = [0x61, 0x00, 0x61, 0x62]
    XCTAssertNil(bytes.withUnsafeBufferPointer { TextEncoding.nulPattern(in: $0) })
    let text = Array("id,name\n1,a".utf8) + [0] + Array("b\n".utf8)
    let source = ByteSource(bytes: text, encoding: nil)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(source), text)
  }

  func testCharacterCutByTheSampleBoundaryIsStillUTF8() throws {
    // "ä" is C3 A4: C3 is the last byte of the 1 MiB sample, A4 the first byte after it.
    let prefix = [UInt8](repeating: UInt8(ascii: "a"), count: ByteSource.detectionSampleSize - 1)
    let bytes = prefix + Array("ä;b\n".utf8)
    let memory = ByteSource(bytes: bytes, encoding: nil)
    XCTAssertEqual(memory.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(memory, bufferSize: 1 << 16), bytes)

    let feed = try PipeFeed(bytes, pieceSize: 4096)
    let piped = try ByteSource(path: feed.path, encoding: nil)
    XCTAssertEqual(piped.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(piped, bufferSize: 1 << 16), bytes)
    feed.finish()

    // The same lead byte ending the whole input is a cut-off sequence, not UTF-8.
    XCTAssertEqual(ByteSource(bytes: prefix + [0xC3], encoding: nil).encoding, .windows1252)
  }

  func testDetectionLooksOnlyAtTheFirstMebibyte() throws {
    let prefix = [UInt8](repeating: UInt8(ascii: "a"), count: ByteSource.detectionSampleSize)
    let source = ByteSource(bytes: prefix + [0xE4], encoding: nil)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(source, bufferSize: 1 << 16).last, 0xE4)
  }

  func testForcedEncodingsWinOverDetection() throws {
    let utf8Umlaut = Array("ä".utf8)
    XCTAssertEqual(try EncodedText.text(of: ByteSource(bytes: utf8Umlaut, encoding: .windows1252)), "Ã¤")
    XCTAssertEqual(try EncodedText.text(of: ByteSource(bytes: [0x80], encoding: .windows1252)), "€")
    XCTAssertEqual(try EncodedText.text(of: ByteSource(bytes: [0x80], encoding: .latin1)), "\u{80}")
    let forcedUTF8 = ByteSource(bytes: [0x61, 0xE4], encoding: .utf8)
    XCTAssertEqual(forcedUTF8.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(forcedUTF8), [0x61, 0xE4])
  }

  func testForcedUTF16FindsItsByteOrder() throws {
    // No mark: the NUL pattern says big endian.
    let bigEndian = ByteSource(bytes: EncodedText.utf16("Betrag\n", .bigEndian), encoding: .utf16)
    XCTAssertEqual(try EncodedText.text(of: bigEndian), "Betrag\n")
    // No mark and no NULs (CJK text): little endian by default.
    let cjk = ByteSource(bytes: EncodedText.utf16("中文字", .littleEndian), encoding: .utf16)
    XCTAssertEqual(try EncodedText.text(of: cjk), "中文字")
    // Undetectable without the mark or NULs (2D 4E 87 65 57 5B is not UTF-8).
    XCTAssertEqual(
      ByteSource(bytes: EncodedText.utf16("中文字", .littleEndian), encoding: nil).encoding, .windows1252)
    // A mark decides, even against the NUL pattern.
    let marked = ByteSource(bytes: EncodedText.utf16("ab", .bigEndian, mark: true), encoding: .utf16)
    XCTAssertEqual(try EncodedText.text(of: marked), "ab")
  }

  func testExistingInitializersPassBytesThrough() throws {
    let bytes = Array("Empf".utf8) + [0xE4, 0x00, 0xFF, 0xFE]
    let source = ByteSource(bytes: bytes)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(try EncodedText.drain(source), bytes)
  }

  func testFilesAndPipesAreDetectedLikeMemory() throws {
    let text = String(repeating: Self.german, count: 5000)  // ~200 KB: several pipe reads
    let windows1252 = try EncodedText.windows1252(text)
    let utf16 = EncodedText.utf16(text, .littleEndian, mark: true)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("verdict-encoding-\(UInt32.random(in: 0...UInt32.max)).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }

    for (bytes, expected) in [(windows1252, TextEncoding.windows1252), (utf16, .utf16)] {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let file = try ByteSource(path: path, encoding: nil, chunkSize: 7)
      XCTAssertEqual(file.encoding, expected)
      XCTAssertEqual(try EncodedText.text(of: file, bufferSize: 5), text)

      let feed = try PipeFeed(bytes)
      let piped = try ByteSource(path: feed.path, encoding: nil)
      XCTAssertEqual(piped.encoding, expected)
      XCTAssertEqual(try EncodedText.text(of: piped), text)
      feed.finish()

      let forcedFeed = try PipeFeed(bytes)
      let forced = try ByteSource(path: forcedFeed.path, encoding: expected, chunkSize: 3)
      XCTAssertEqual(try EncodedText.text(of: forced, bufferSize: 2), text)
      forcedFeed.finish()
    }
  }

  func testUnreadablePathIsStillAnOpenError() {
    XCTAssertThrowsError(try ByteSource(path: "/nonexistent/verdict/x.csv", encoding: nil)) { error in
      XCTAssertEqual((error as? DataReadError)?.message.hasPrefix("cannot open"), true)
    }
  }
}
