import XCTest

@testable import VerdictData

/// Lines before the header: blank ones are skipped, a preamble with `skipLines`; line numbers
/// stay the file's own.
final class CSVPreambleTests: XCTestCase {
  private func read(_ text: String, skipLines: Int, chunkSize: Int) throws -> (header: [String], records: [ReadRecord])
  {
    let source = ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize)
    let reader = try CSVReader(source: source, dialect: nil, skipLines: skipLines, maxRecordBytes: 1 << 20)
    var records: [ReadRecord] = []
    try reader.forEachRecord { records.append(ReadRecord(line: $0.position.line, fields: $0.strings())) }
    return (reader.header, records)
  }

  func testBankPreambleIsSkippedAndLinesKeepTheirNumbers() throws {
    let export =
      "Kontoauszug;\"Konto: DE12 \"\"Giro\"\"\"\r\nZeitraum: 01.11.2026 - 30.11.2026\r\n\r\n;;\r\nBuchungstag;Betrag\r\n01.11.2026;-12,50\r\n"
    for chunkSize in [1, 2, 3, 7, 1 << 20] {
      let (header, records) = try read(export, skipLines: 2, chunkSize: chunkSize)
      XCTAssertEqual(header, ["Buchungstag", "Betrag"], "chunk size \(chunkSize)")
      XCTAssertEqual(records, [ReadRecord(line: 6, fields: ["01.11.2026", "-12,50"])], "chunk size \(chunkSize)")
    }
  }

  func testBlankLinesBeforeTheHeaderAreSkippedWithoutAsking() throws {
    for ending in ["\n", "\r\n", "\r"] {
      let text = ["", "  ", "id,amount", "C1,12.50"].joined(separator: ending)
      let (header, records) = try read(text, skipLines: 0, chunkSize: 2)
      XCTAssertEqual(header, ["id", "amount"])
      XCTAssertEqual(records, [ReadRecord(line: 4, fields: ["C1", "12.50"])], "line ending \(ending.debugDescription)")
    }
  }

  func testAPreambleThatIsTheWholeFileSaysSo() {
    XCTAssertThrowsError(try read("Konto 1\nKonto 2\n", skipLines: 5, chunkSize: 4)) { error in
      XCTAssertEqual((error as? DataReadError)?.message, "no header row after 2 lines")
      XCTAssertEqual((error as? DataReadError)?.hint, "--skip-lines 5 skips the whole file")
    }
  }

  func testCarriageReturnOnlyExportWithoutFinalNewline() throws {
    let (header, records) = try read("id;amount\rC1;1,5\rC2;2", skipLines: 0, chunkSize: 3)
    XCTAssertEqual(header, ["id", "amount"])
    XCTAssertEqual(records, [ReadRecord(line: 2, fields: ["C1", "1,5"]), ReadRecord(line: 3, fields: ["C2", "2"])])
  }
}
