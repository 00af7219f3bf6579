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

  /// Excel's `sep=;` line names the separator and is no header; it counts as one of the lines
  /// `--skip-lines` skips, so that a command that skipped it by hand reads the same header.
  func testExcelsSeparatorLineIsReadAndSkipped() throws {
    for chunkSize in [1, 2, 5, 1 << 20] {
      for skipLines in [0, 1] {
        let (header, records) = try read(
          "sep=;\r\nid;amount\r\nC1;12,50\r\n", skipLines: skipLines, chunkSize: chunkSize)
        XCTAssertEqual(header, ["id", "amount"], "chunk size \(chunkSize), skip \(skipLines)")
        XCTAssertEqual(records, [ReadRecord(line: 3, fields: ["C1", "12,50"])], "chunk size \(chunkSize)")
      }
      // Named, it wins over the header's counts (a header of one column has no separator).
      let (header, _) = try read("SEP=|\nid,name|amount\nC1,x|5\n", skipLines: 0, chunkSize: chunkSize)
      XCTAssertEqual(header, ["id,name", "amount"], "chunk size \(chunkSize)")
      let (preamble, lines) = try read("sep=,\nBank AG\n\nid,amount\nC1,5\n", skipLines: 2, chunkSize: chunkSize)
      XCTAssertEqual(preamble, ["id", "amount"])
      XCTAssertEqual(lines, [ReadRecord(line: 5, fields: ["C1", "5"])])
    }
    // A header that only starts so is a header.
    let (header, _) = try read("sep=;x,y\n1,2\n", skipLines: 0, chunkSize: 3)
    XCTAssertEqual(header, ["sep=;x", "y"])
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
