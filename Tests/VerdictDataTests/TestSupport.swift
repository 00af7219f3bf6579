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

/// The upstream conformance suites under `Conformance/` (see its README for where each comes from).
enum ConformanceData {
  /// The folder `Conformance/` beside this file.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

  /// A suite's data is missing: the clone is incomplete, which fails the test, never skips it.
  struct Missing: Error, CustomStringConvertible {
    var path: String
    var description: String {
      "\(path) is missing; the conformance data is part of the repository (Conformance/README.md)"
    }
  }

  /// The folder `Conformance/<name>`.
  static func directory(_ name: String) throws -> URL {
    let folder = root.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw Missing(path: folder.path)
    }
    return folder
  }

  /// The regular files in `folder`, sorted by name.
  static func files(in folder: URL, withExtension pathExtension: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == pathExtension }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }
}
