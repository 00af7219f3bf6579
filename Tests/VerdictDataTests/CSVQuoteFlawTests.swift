import XCTest

@testable import VerdictData

/// `CSVRecord.quoteFlaw`: the first field whose quotes are out of place, found whatever the
/// chunk boundaries, while the fields themselves are read as before.
final class CSVQuoteFlawTests: XCTestCase {
  typealias Flaw = CSVQuoteFlaw

  /// Each data line (after the header `a,b`), its fields and its flaw.
  static let cases: [(line: String, fields: [String], flaw: Flaw?)] = [
    ("ab\"c,d", ["ab\"c", "d"], Flaw(field: 0, kind: .quoteInUnquotedField)),
    ("x,d\"", ["x", "d\""], Flaw(field: 1, kind: .quoteInUnquotedField)),
    ("\"ab\"c,d", ["abc", "d"], Flaw(field: 0, kind: .textAfterClosingQuote)),
    ("x,\"y\"z\"", ["x", "yz\""], Flaw(field: 1, kind: .textAfterClosingQuote)),
    ("\"ab\"c,x\"y", ["abc", "x\"y"], Flaw(field: 0, kind: .textAfterClosingQuote)),
    ("\"l1\nl2\"x,y", ["l1\nl2x", "y"], Flaw(field: 0, kind: .textAfterClosingQuote)),
    ("abcdefghijklmnop\"qrstuvwx,y", ["abcdefghijklmnop\"qrstuvwx", "y"], Flaw(field: 0, kind: .quoteInUnquotedField)),
    ("abcdefghijklmnopqrstuvwx,y\"", ["abcdefghijklmnopqrstuvwx", "y\""], Flaw(field: 1, kind: .quoteInUnquotedField)),
    ("\"ab\"  ,d", ["ab  ", "d"], nil),
    ("\"a\"\"b\",d", ["a\"b", "d"], nil),
    ("\"a,b\",\"\"", ["a,b", ""], nil),
    ("abcdefghijklmnopqrstuvwx,yz", ["abcdefghijklmnopqrstuvwx", "yz"], nil),
  ]

  func testEveryCaseWithEveryChunkSize() throws {
    for chunkSize in CSVReaderTests.chunkSizes {
      for testCase in Self.cases {
        // A clean record after the flawed one, to show the flaw is not carried over.
        let text = "a,b\n\(testCase.line)\n1,2\n"
        let reader = try CSVReader(
          source: ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize), dialect: nil,
          maxRecordBytes: CSVReader.maxRecordBytes)
        var read: [([String], Flaw?)] = []
        try reader.forEachRecord { read.append(($0.strings(), $0.quoteFlaw)) }
        let context = "\(testCase.line.debugDescription), chunk size \(chunkSize)"
        XCTAssertEqual(read.map(\.0), [testCase.fields, ["1", "2"]], context)
        XCTAssertEqual(read.map(\.1), [testCase.flaw, nil], context)
      }
    }
  }

  func testBlankLinesAndTheirNeighboursHaveNoFlaw() throws {
    let reader = try CSVReader(source: ByteSource(bytes: Array("a\nx\"\n\n\"y\"\n".utf8)))
    var flaws: [Flaw?] = []
    try reader.forEachRecord { flaws.append($0.quoteFlaw) }
    XCTAssertEqual(flaws, [Flaw(field: 0, kind: .quoteInUnquotedField), nil, nil])
  }
}
