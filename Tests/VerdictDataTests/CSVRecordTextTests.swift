import Foundation
import XCTest

@testable import VerdictData

/// A CSV file read on several threads: `CSVReader.forEachRecordText` finds where the records end,
/// `CSVPartReader` splits them into fields. Together they must give what `forEachRecord` gives,
/// record for record (fields, lines, quote flaws, whether the record lies in one piece) and the
/// same error after the same records, whatever the bytes, the chunks they arrive in, and where
/// the parts end.
final class CSVRecordTextTests: XCTestCase {
  /// One record as the tests compare them.
  struct Seen: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [[UInt8]]
    var flaw: CSVQuoteFlaw?
    var inOnePiece: Bool

    init(_ record: borrowing CSVRecord) {
      line = record.position.line
      fields = (0..<record.count).map { Array(record[$0]) }
      flaw = record.quoteFlaw
      inOnePiece = record.bytes != nil
    }

    var description: String {
      "\(line): \(fields.map { String(decoding: $0, as: UTF8.self) }) \(String(describing: flaw))"
    }
  }

  struct Reading: Equatable {
    var records: [Seen] = []
    var error: DataReadError?
  }

  static func serial(_ bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int, dialect: CSVDialect?) throws -> Reading {
    let reader = try CSVReader(
      source: ByteSource(bytes: bytes, chunkSize: chunkSize), dialect: dialect, maxRecordBytes: maxRecordBytes)
    var reading = Reading()
    do {
      try reader.forEachRecord { reading.records.append(Seen($0)) }
    } catch let error as DataReadError {
      reading.error = error
    }
    return reading
  }

  /// The records found by `forEachRecordText`, put into parts of at most `partRows` rows (blank
  /// lines as `\r\n`, as `CSVPart` holds them) and split by one `CSVPartReader`.
  static func split(
    _ bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int, dialect: CSVDialect?, partRows: Int
  ) throws -> Reading {
    let reader = try CSVReader(
      source: ByteSource(bytes: bytes, chunkSize: chunkSize), dialect: dialect, maxRecordBytes: maxRecordBytes)
    var parts: [(firstLine: Int, bytes: [UInt8])] = []
    var rows = 0
    func add(_ piece: some Sequence<UInt8>, line: Int) {
      if parts.isEmpty || rows == partRows {
        parts.append((line, []))
        rows = 0
      }
      parts[parts.count - 1].bytes += piece
      rows += 1
    }
    var reading = Reading()
    do {
      try reader.forEachRecordText { record, line, blankLines in
        for blank in 0..<blankLines { add([0x0D, 0x0A], line: line - blankLines + blank) }
        add(record, line: line)
      }
    } catch let error as DataReadError {
      reading.error = error
    }
    let splitter = CSVPartReader(separator: reader.dialect.separator)
    for part in parts {
      part.bytes.withUnsafeBufferPointer { splitter.load($0, firstLine: part.firstLine) }
      try splitter.forEachRecord { reading.records.append(Seen($0)) }
    }
    return reading
  }

  static func expectSame(
    _ bytes: [UInt8], chunkSizes: [Int] = [1, 2, 3, 5, 8, 13, ByteSource.defaultChunkSize],
    maxRecordBytes: Int = CSVReader.maxRecordBytes, dialect: CSVDialect? = nil, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    for chunkSize in chunkSizes {
      let serial = try serial(bytes, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes, dialect: dialect)
      for partRows in [1, 2, 3, 1000] {
        let split = try split(
          bytes, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes, dialect: dialect, partRows: partRows)
        XCTAssertEqual(
          split.records, serial.records, "\(message) chunk \(chunkSize), part \(partRows)", file: file, line: line)
        XCTAssertEqual(
          split.error, serial.error, "\(message) chunk \(chunkSize), part \(partRows)", file: file, line: line)
      }
    }
  }

  func testQuotesLineBreaksAndBlankLines() throws {
    let inputs = [
      "a,b\n1,2\n\"x,\"\"y\"\"\nz\",3\r\n\r\n\n4,\"\"\r5,6\n\n\n",
      "a;b\r\n\"1\";\"\"\r\n;\n\"q\"tail;x\"y\r\r\n\"\"\"\";\"a\rb\"",
      "a,b\n\"open,1\n2,3\n",  // a quote left open to the end
      "a,b\n1,2\n\"x\"\"",  // an escaped quote at the very end
      "a,b\n1\r",  // a lone CR at the end
      "\u{FEFF}a,b\n\n\n1,2",  // a byte order mark, blank lines before a record
      "a,b\n \"1\",\"2\" ,3\n\"1\"\"\",x\n",  // a quote after a space is not a field's first byte
      "a\tb\n1\t\"2\t3\"\n\"4\"\t5\n",
      "a,b\n1,2\n\n\r\n\r",  // blank lines at the end are no records
    ]
    for input in inputs {
      try Self.expectSame(Array(input.utf8), input.debugDescription)
    }
  }

  func testRecordsTooLongForTheWindow() throws {
    let input =
      "a,b\n1,2\n\"" + String(repeating: "x", count: 40) + "\"\n3,4\n" + String(repeating: "y", count: 40) + "\n5,6"
    try Self.expectSame(Array(input.utf8), chunkSizes: [1, 3, 8, 16], maxRecordBytes: 32)
    try Self.expectSame(Array(input.utf8), chunkSizes: [1, 3, 8, 16], maxRecordBytes: 64)
  }

  func testARecordWithTooManyFields() throws {
    let many = String(repeating: ",", count: CSVRecordScanner.maxFieldsPerRecord)
    for tail in ["\n1,2\n", "", "\"\n"] {
      let input = "a,b\n1,2\n" + many + tail
      try Self.expectSame(Array(input.utf8), chunkSizes: [4096, ByteSource.defaultChunkSize], tail.debugDescription)
    }
    let justEnough = "a,b\n" + String(repeating: ",", count: CSVRecordScanner.maxFieldsPerRecord - 1) + "\n1,2"
    try Self.expectSame(Array(justEnough.utf8), chunkSizes: [4096, ByteSource.defaultChunkSize])
  }

  /// Random bytes of CSV's own alphabet, damaged on purpose: quotes anywhere, every line break,
  /// invalid UTF-8, control bytes.
  func testRandomDamagedInput() throws {
    var generator = SeededGenerator(seed: 0xC5F)
    let alphabet: [[UInt8]] = [
      Array("a".utf8), Array("7".utf8), Array(" ".utf8), Array(",".utf8), Array(";".utf8), Array("\"".utf8),
      Array("\"\"".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array("\t".utf8), [0xFF],
      Array("ü".utf8), [0x00], [0x0B], Array("\",\"".utf8), Array("longer text".utf8),
    ]
    for round in 0..<150 {
      var bytes = Array("id,x,y\n".utf8)
      for _ in 0..<Int.random(in: 0...120, using: &generator) {
        bytes += alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
      }
      let dialect: CSVDialect? = round % 4 == 0 ? .german : nil
      try Self.expectSame(
        bytes, chunkSizes: [1, 2, 5, 64], maxRecordBytes: round % 3 == 0 ? 24 : CSVReader.maxRecordBytes,
        dialect: dialect, "round \(round)")
    }
  }

  func testSpectrum() throws {
    let folder = try ConformanceData.directory("csv-spectrum").appendingPathComponent("csvs")
    let files = try ConformanceData.files(in: folder, withExtension: "csv")
    XCTAssertEqual(files.count, 12, "csv-spectrum looks incomplete")
    for file in files {
      try Self.expectSame(Array(try Data(contentsOf: file)), file.lastPathComponent)
    }
  }
}
