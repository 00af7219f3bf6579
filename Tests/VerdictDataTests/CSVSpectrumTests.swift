import Foundation
import XCTest

@testable import VerdictData

/// max-mapper/csv-spectrum: each `csvs/X.csv` must produce the records in `json/X.json`.
final class CSVSpectrumTests: XCTestCase {
  /// Known defects of the upstream fixtures, checked explicitly instead of papered over.
  ///
  /// `location_coordinates.json` is a single object rather than an array of records, and its
  /// phone number (1234567890) differs from the one in the CSV (2095257564); the CSV is the
  /// input, so the reader must return the CSV's value.
  static let fixtureCorrections: [String: [String: (fixture: String, csv: String)]] = [
    "location_coordinates": ["Contact Phone Number": (fixture: "1234567890", csv: "2095257564")]
  ]

  func testSpectrum() throws {
    let folder = try ConformanceData.directory("csv-spectrum")
    let csvFiles = try ConformanceData.files(
      in: folder.appendingPathComponent("csvs"), withExtension: "csv")
    XCTAssertEqual(csvFiles.count, 12, "csv-spectrum looks incomplete")
    for csvFile in csvFiles {
      let name = csvFile.deletingPathExtension().lastPathComponent
      let jsonFile = folder.appendingPathComponent("json/\(name).json")
      var expected = try Self.expectedRecords(jsonFile)
      for (column, values) in Self.fixtureCorrections[name] ?? [:] {
        for index in expected.indices {
          XCTAssertEqual(
            expected[index][column], values.fixture, "\(name): fixture changed upstream")
          expected[index][column] = values.csv
        }
      }
      for chunkSize in [1, 2, 3, 7, 16, ByteSource.defaultChunkSize] {
        let reader = try CSVReader(
          source: ByteSource(path: csvFile.path, chunkSize: chunkSize), dialect: nil,
          maxRecordBytes: CSVReader.maxRecordBytes)
        var records: [[String: String]] = []
        try reader.forEachRecord { record in
          XCTAssertEqual(record.count, reader.header.count, "\(name): ragged row")
          var row: [String: String] = [:]
          for (index, key) in reader.header.enumerated() {
            row[key] = record.string(index)
          }
          records.append(row)
        }
        XCTAssertEqual(reader.dialect, .standard, name)
        XCTAssertEqual(records, expected, "\(name), chunk size \(chunkSize)")
      }
    }
  }

  /// The expected records, read with Foundation's JSON parser (independent of ours).
  static func expectedRecords(_ file: URL) throws -> [[String: String]] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
    let records = (object as? [[String: String]]) ?? (object as? [String: String]).map { [$0] }
    return try XCTUnwrap(records, "\(file.lastPathComponent) is not a list of string records")
  }
}

/// The conformance data is found in the repository, and a missing suite fails rather than skips.
final class ConformanceDataTests: XCTestCase {
  func testEverySuiteIsInTheRepository() throws {
    for suite in ["csv-spectrum/csvs", "csv-spectrum/json", "JSONTestSuite/test_parsing"] {
      XCTAssertNoThrow(try ConformanceData.directory(suite), suite)
    }
    for file in ["csv-spectrum/LICENSE", "JSONTestSuite/LICENSE", "README.md"] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: ConformanceData.root.appendingPathComponent(file).path), file)
    }
  }

  func testMissingFolderFailsWithItsPath() {
    XCTAssertThrowsError(try ConformanceData.directory("no-such-suite")) { error in
      XCTAssertFalse(error is XCTSkip, "a missing suite must fail the test, not skip it")
      XCTAssertTrue("\(error)".contains("Conformance/no-such-suite is missing"), "\(error)")
    }
  }
}
