import Foundation
import XCTest

@testable import VerdictData

/// One CSV record as plain values, for comparing with expectations.
struct ReadRecord: Equatable, CustomStringConvertible {
  var line: Int
  var fields: [String]

  var description: String { "\(line): \(fields)" }
}

/// Everything a CSV reader produced for one input: header, records, and the error that ended it.
struct CSVReadResult: Equatable {
  var header: [String]
  var dialect: CSVDialect
  var records: [ReadRecord]
  var error: DataReadError?
}

enum CSVFixture {
  /// Reads `text` completely with the given chunk size, collecting records and any error.
  static func read(
    _ text: String, chunkSize: Int = ByteSource.defaultChunkSize, dialect: CSVDialect? = nil,
    maxRecordBytes: Int = CSVReader.maxRecordBytes
  ) throws -> CSVReadResult {
    try read(
      Array(text.utf8), chunkSize: chunkSize, dialect: dialect, maxRecordBytes: maxRecordBytes)
  }

  /// Reads `bytes` completely with the given chunk size, collecting records and any error.
  static func read(
    _ bytes: [UInt8], chunkSize: Int = ByteSource.defaultChunkSize, dialect: CSVDialect? = nil,
    maxRecordBytes: Int = CSVReader.maxRecordBytes
  ) throws -> CSVReadResult {
    let source = ByteSource(bytes: bytes, chunkSize: chunkSize)
    let reader = try CSVReader(source: source, dialect: dialect, maxRecordBytes: maxRecordBytes)
    var result = CSVReadResult(
      header: reader.header, dialect: reader.dialect, records: [], error: nil)
    do {
      try reader.forEachRecord { record in
        result.records.append(ReadRecord(line: record.position.line, fields: record.strings()))
      }
    } catch let error as DataReadError {
      result.error = error
    }
    return result
  }
}

enum SharedTestData {
  /// The `shared/testdata` directory beside the package (or beside any folder above this file).
  ///
  /// The package lives at `/work/main` with `/work/shared`, and in CI at `<clone>/` with a copy
  /// of `shared` next to the clone; both are found by walking up from this source file.
  static func directory(
    _ name: String, filePath: String = #filePath
  ) throws -> URL {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("shared/testdata/\(name)")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    throw XCTSkip(
      "shared/testdata/\(name) not found in any folder above \(filePath); "
        + "check out the shared test data beside the package to run this conformance test")
  }

  /// The regular files in `folder`, sorted by name.
  static func files(in folder: URL, withExtension pathExtension: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == pathExtension }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }
}
