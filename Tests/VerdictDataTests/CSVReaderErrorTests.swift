import XCTest

@testable import VerdictData

/// Malformed CSV, size limits, and a randomized round trip against an RFC 4180 writer.
final class CSVReaderErrorTests: XCTestCase {
  func testUnterminatedQuoteReportsWhereItOpenedAfterEarlierRecords() throws {
    let input = "a,b\n1,2\n3,\"open\nmore\nstill open\n"
    for chunkSize in CSVReaderTests.chunkSizes {
      let result = try CSVFixture.read(input, chunkSize: chunkSize)
      XCTAssertEqual(
        result.records, [ReadRecord(line: 2, fields: ["1", "2"])], "chunk \(chunkSize)")
      XCTAssertEqual(result.error?.line, 3, "chunk \(chunkSize)")
      XCTAssertEqual(result.error?.column, 3, "chunk \(chunkSize)")
      XCTAssertEqual(result.error?.message, "unterminated quoted field")
    }
  }

  func testUnterminatedQuoteAfterQuotedLineBreaks() throws {
    let result = try CSVFixture.read("a\n\"x\ny\"\n\"z\r\n")
    XCTAssertEqual(result.records, [ReadRecord(line: 2, fields: ["x\ny"])])
    XCTAssertEqual(result.error?.line, 4)
    XCTAssertEqual(result.error?.column, 1)
  }

  func testEscapedQuoteAtEndOfFileIsStillUnterminated() throws {
    let result = try CSVFixture.read("a\n\"x\"\"")
    XCTAssertEqual(result.records, [])
    XCTAssertEqual(result.error?.line, 2)
  }

  func testEmptyInputsHaveNoHeader() {
    for input in ["", "\u{FEFF}"] {
      XCTAssertThrowsError(try CSVFixture.read(input)) { error in
        XCTAssertEqual(
          error as? DataReadError,
          DataReadError(line: 1, column: 1, message: "file is empty; expected a header row"))
      }
    }
    XCTAssertThrowsError(try CSVFixture.read("\n \r\n;;\n")) { error in
      XCTAssertEqual(
        error as? DataReadError, DataReadError(line: 3, column: 0, message: "no header row after 3 lines"))
    }
  }

  func testOverlongRecordIsAnErrorNotUnboundedMemory() throws {
    let long = String(repeating: "x", count: 300)
    let result = try CSVFixture.read(
      "a,b\n1,2\n\(long),3\n4,5\n", chunkSize: 16, maxRecordBytes: 64)
    XCTAssertEqual(result.records.map(\.fields), [["1", "2"]])
    XCTAssertEqual(result.error?.line, 3)
    XCTAssertEqual(result.error?.message.hasPrefix("record is longer than"), true)

    let unclosed = try CSVFixture.read(
      "a,b\n1,\"never closed\n\(long)\n", chunkSize: 16, maxRecordBytes: 64)
    XCTAssertEqual(unclosed.error?.line, 2)
    XCTAssertEqual(unclosed.error?.hint, "a quote opened on this line is probably never closed")
  }

  func testTooManyFieldsIsAnError() throws {
    let limit = CSVRecordScanner.maxFieldsPerRecord
    let result = try CSVFixture.read("a\n1\n" + String(repeating: ",", count: limit) + "\n")
    XCTAssertEqual(result.records.map(\.fields), [["1"]])
    XCTAssertEqual(result.error?.line, 3)
    XCTAssertEqual(result.error?.message, "record has more than \(limit) fields")
    let widest = try CSVFixture.read("a\n" + String(repeating: ",", count: limit - 1) + "\n")
    XCTAssertNil(widest.error)
    XCTAssertEqual(widest.records.first?.fields.count, limit)
  }

  func testRecordsLargerThanTheChunkGrowTheWindow() throws {
    let wide = (0..<50).map { "field\($0)" }
    let input =
      "h\n" + wide.joined(separator: ",") + "\n\"" + String(repeating: "q\"\"", count: 40)
      + "\"\n"
    let result = try CSVFixture.read(input, chunkSize: 8, maxRecordBytes: 4096)
    XCTAssertNil(result.error)
    XCTAssertEqual(result.records.map(\.fields), [wide, [String(repeating: "q\"", count: 40)]])
  }

  func testErrorDescription() {
    let error = DataReadError(
      line: 3, column: 7, message: "unterminated quoted field", hint: "close it")
    XCTAssertEqual(
      error.description, "line 3, column 7: unterminated quoted field (hint: close it)")
    XCTAssertEqual(DataReadError(line: 2, column: 0, message: "m").description, "line 2: m")
    XCTAssertEqual(DataReadError(line: 0, column: 0, message: "io").description, "io")
  }

  /// Writes random records (quotes, separators, CR, LF, non-ASCII) as RFC 4180 with mixed line
  /// ends, and checks every chunk size reads back the same fields and physical lines.
  func testRandomRoundTrip() throws {
    var generator = SeededGenerator(seed: 0x5EED)
    let alphabet: [String] = [
      "a", "b", "7", " ", ",", ";", "\"", "\n", "\r", "\r\n", "ü", "€", "", "\t", "\u{0}",
      "\u{B}", "longer text", "abcdefghijklmnop",
    ]
    for round in 0..<60 {
      let separator: Character = round % 3 == 0 ? ";" : ","
      let columns = Int.random(in: 1...5, using: &generator)
      var text = (0..<columns).map { "h\($0)" }.joined(separator: String(separator)) + "\n"
      var expected: [ReadRecord] = []
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        let count = Int.random(in: 1...5, using: &generator)
        let fields = (0..<count).map { _ in
          (0..<Int.random(in: 0...12, using: &generator))
            .map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }.joined()
        }
        if fields == [""] {
          continue
        }
        let line =
          1 + text.unicodeScalars.filter { $0 == "\n" }.count
          + text.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.filter { $0 == "\r" }
          .count
        expected.append(ReadRecord(line: line, fields: fields))
        text += fields.map { field in
          let special: Set<UInt8> = [separator.asciiValue ?? 0, 0x22, 0x0A, 0x0D]
          let needsQuotes =
            field.utf8.contains(where: special.contains)
            || (field.isEmpty && Bool.random(using: &generator))
          return needsQuotes
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(separator))
        text += Bool.random(using: &generator) ? "\r\n" : "\n"
      }
      for chunkSize in CSVReaderTests.chunkSizes {
        let dialect: CSVDialect = separator == ";" ? .german : .standard
        let result = try CSVFixture.read(text, chunkSize: chunkSize, dialect: dialect)
        XCTAssertNil(result.error, "round \(round) chunk \(chunkSize)")
        XCTAssertEqual(
          result.records, expected, "round \(round) chunk \(chunkSize): \(text.debugDescription)")
      }
    }
  }
}

/// SplitMix64, so randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
