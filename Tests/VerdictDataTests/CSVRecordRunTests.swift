import XCTest

@testable import VerdictData

/// `CSVReader.splitRun(into:limit:)`: the records of a run, each as `CSVRecordRun.withRecord`
/// gives it, and those `readRecord` reads between runs, are the records `forEachRecord` gives,
/// in order, whatever the chunks the input comes in (records across a window's edge), the
/// runs' lengths, blank lines (held back, so no run while one is), quotes and line breaks.
final class CSVRecordRunTests: XCTestCase {
  /// One record as the reader gave it.
  struct Taken: Equatable {
    var line: Int
    var fields: [[UInt8]]
    var hasBytes: Bool
    var flaw: CSVQuoteFlaw?
    /// Whether every field lies within the record's bytes, when it has them.
    var inside: Bool
  }

  static func taken(_ record: borrowing CSVRecord) -> Taken {
    var inside = true
    if let bytes = record.bytes {
      let low = UInt(bitPattern: bytes.baseAddress)
      for index in 0..<record.count where record[index].count > 0 {
        let offset = UInt(bitPattern: record[index].baseAddress) &- low
        inside = inside && offset <= UInt(bytes.count) && offset + UInt(record[index].count) <= UInt(bytes.count)
      }
    }
    return Taken(
      line: record.position.line, fields: (0..<record.count).map { Array(record[$0]) },
      hasBytes: record.bytes != nil, flaw: record.quoteFlaw, inside: inside)
  }

  /// The records of `text` both ways, and how many the runs took.
  static func compare(
    _ text: [UInt8], chunkSize: Int, limits: [Int], file: StaticString = #filePath, line: UInt = #line
  ) throws -> Int {
    let dialect = CSVDialect(separator: UInt8(ascii: ","), decimalComma: false)
    let whole = try CSVReader(
      source: ByteSource(bytes: text, chunkSize: chunkSize), dialect: dialect, maxRecordBytes: 1 << 20)
    var expected: [Taken] = []
    try whole.forEachRecord { expected.append(Self.taken($0)) }
    let reader = try CSVReader(
      source: ByteSource(bytes: text, chunkSize: chunkSize), dialect: dialect, maxRecordBytes: 1 << 20)
    let run = CSVRecordRun()
    var got: [Taken] = []
    var inRuns = 0
    var round = 0
    while true {
      let limit = limits[round % limits.count]
      round += 1
      let count = reader.splitRun(into: run, limit: limit)
      XCTAssertEqual(count, run.count, file: file, line: line)
      XCTAssertLessThanOrEqual(count, limit, file: file, line: line)
      if count > 0 {
        inRuns += count
        for index in 0..<count { run.withRecord(index) { got.append(Self.taken($0)) } }
      } else if try !reader.readRecord({ got.append(Self.taken($0)) }) {
        break
      }
    }
    XCTAssertEqual(got, expected, file: file, line: line)
    XCTAssertTrue(got.allSatisfy(\.inside), file: file, line: line)
    return inRuns
  }

  func testRunsGiveTheRecordsOneByOneReadingGives() throws {
    let rows = [
      "1,Kira Schmidt,6,2,153.8", "2,\"Vera \"\"VE\"\" Fischer\",5,4,33.1", "3,\"Silva, Dubois GmbH\",1,1,0.0", "",
      "4,ragged", "5,a\"b,1,2,3", "6,\"x\"y,1,2,3", "\"\"\"\",2,3,4,5", "7,\"multi\nline\",1,2,3", " , , ,", "",
      "", "8,ü,1,2,3", String(repeating: "long,", count: 40) + "end",
    ]
    for ending in ["\n", "\r\n", "\r"] {
      let text = Array(("id,name,a,b,c" + ending + rows.joined(separator: ending) + ending).utf8)
      for chunkSize in [7, 16, 33, 64, 1 << 20] {
        let inRuns = try Self.compare(text, chunkSize: chunkSize, limits: [1, 2, 256, 3])
        if chunkSize == 1 << 20 { XCTAssertGreaterThanOrEqual(inRuns, 5, "\(ending.utf8.map { $0 })") }
      }
    }
  }

  /// A file longer than a run's table of fields, and than a window (records across its edge).
  func testLongFilesAcrossWindowsAndFullTables() throws {
    var generator = SeededGenerator(seed: 0x2C5)
    var lines = ["k,v,w"]
    for index in 0..<3000 {
      let kind = Int.random(in: 0..<20, using: &generator)
      switch kind {
      case 0: lines.append("\(index),\"say \"\"hi\"\"\",x")
      case 1: lines.append("")
      case 2: lines.append(Array(repeating: "f", count: 70).joined(separator: ","))
      default: lines.append("\(index),v\(kind),w")
      }
    }
    let text = Array((lines.joined(separator: "\n") + "\n").utf8)
    for chunkSize in [4096, 1 << 20] {
      let inRuns = try Self.compare(text, chunkSize: chunkSize, limits: [256, 17, 1])
      XCTAssertGreaterThan(inRuns, 2000)
    }
  }
}
