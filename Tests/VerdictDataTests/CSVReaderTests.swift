import XCTest

@testable import VerdictData

/// Table-driven checks of the CSV grammar, each run with every chunk size from 1 to 16 bytes
/// and with the default 1 MiB, so records straddling chunk boundaries are covered everywhere.
final class CSVReaderTests: XCTestCase {
  struct Case {
    var name: String
    var input: String
    var dialect: CSVDialect? = nil
    var header: [String]
    var records: [[String]]
    var lines: [Int]
    var expectedDialect: CSVDialect = .standard
  }

  static let cases: [Case] = [
    Case(
      name: "simple LF", input: "a,b,c\n1,2,3\n4,5,6\n", header: ["a", "b", "c"],
      records: [["1", "2", "3"], ["4", "5", "6"]], lines: [2, 3]),
    Case(
      name: "no final newline", input: "a,b\n1,2\n3,4", header: ["a", "b"],
      records: [["1", "2"], ["3", "4"]], lines: [2, 3]),
    Case(
      name: "CRLF", input: "a,b\r\n1,2\r\n3,4\r\n", header: ["a", "b"],
      records: [["1", "2"], ["3", "4"]], lines: [2, 3]),
    Case(
      name: "lone CR", input: "a,b\r1,2\r3,4", header: ["a", "b"],
      records: [["1", "2"], ["3", "4"]], lines: [2, 3]),
    Case(
      name: "separator inside quotes", input: "name,n\n\"Acme, Inc.\",5\n", header: ["name", "n"],
      records: [["Acme, Inc.", "5"]], lines: [2]),
    Case(
      name: "doubled quotes", input: "a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n", header: ["a"],
      records: [["say \"hi\""], ["\""]], lines: [2, 3]),
    Case(
      name: "two escaped fields in one record", input: "a,b\n\"x\"\"1\",\"y\"\"2\"\n",
      header: ["a", "b"], records: [["x\"1", "y\"2"]], lines: [2]),
    Case(
      name: "empty cells", input: "a,b,c\n,,\n1,,3\n\"\",x,\n", header: ["a", "b", "c"],
      records: [["", "", ""], ["1", "", "3"], ["", "x", ""]], lines: [2, 3, 4]),
    Case(
      name: "quoted LF moves line numbers", input: "a,b\n\"l1\nl2\",x\n3,4\n", header: ["a", "b"],
      records: [["l1\nl2", "x"], ["3", "4"]], lines: [2, 4]),
    Case(
      name: "quoted CRLF", input: "a,b\r\n\"l1\r\nl2\r\nl3\",x\r\n3,4\r\n", header: ["a", "b"],
      records: [["l1\r\nl2\r\nl3", "x"], ["3", "4"]], lines: [2, 5]),
    Case(
      name: "quoted lone CR", input: "a\n\"x\ry\"\nz\n", header: ["a"],
      records: [["x\ry"], ["z"]], lines: [2, 4]),
    Case(
      name: "UTF-8 BOM", input: "\u{FEFF}id,name\n1,Jürgen\n", header: ["id", "name"],
      records: [["1", "Jürgen"]], lines: [2]),
    Case(
      name: "header trimmed, data kept", input: " id , name \n 1 , x \n", header: ["id", "name"],
      records: [[" 1 ", " x "]], lines: [2]),
    Case(
      name: "semicolon detected as German", input: "id;name;revenue\n1;\"a;b\";12345,67\n",
      header: ["id", "name", "revenue"], records: [["1", "a;b", "12345,67"]], lines: [2],
      expectedDialect: .german),
    Case(
      name: "quoted commas do not win detection", input: "\"a,b,c\";d\n1;2\n",
      header: ["a,b,c", "d"], records: [["1", "2"]], lines: [2], expectedDialect: .german),
    Case(
      name: "tab detected", input: "a\tb\n1\t2,5\n", header: ["a", "b"],
      records: [["1", "2,5"]], lines: [2], expectedDialect: .tabSeparated),
    Case(
      name: "explicit dialect wins", input: "a;b\n1;2\n", dialect: .standard, header: ["a;b"],
      records: [["1;2"]], lines: [2]),
    Case(
      name: "ragged rows reported", input: "a,b,c\n1,2\n1,2,3,4\n", header: ["a", "b", "c"],
      records: [["1", "2"], ["1", "2", "3", "4"]], lines: [2, 3]),
    Case(
      name: "trailing blank lines ignored", input: "a\n1\n\n\n", header: ["a"],
      records: [["1"]], lines: [2]),
    Case(
      name: "trailing blank CRLF lines ignored", input: "a\r\n1\r\n\r\n\r\n", header: ["a"],
      records: [["1"]], lines: [2]),
    Case(
      name: "blank lines in the middle are records", input: "a\n1\n\n\r\n2\n\n",
      header: ["a"], records: [["1"], [""], [""], ["2"]], lines: [2, 3, 4, 5]),
    Case(
      name: "stray quote in unquoted field is literal", input: "a,b\nab\"c,d\"\n",
      header: ["a", "b"], records: [["ab\"c", "d\""]], lines: [2]),
    Case(
      name: "text after closing quote is appended", input: "a,b\n\"ab\"c,\"x\"\"y\"z\n",
      header: ["a", "b"], records: [["abc", "x\"yz"]], lines: [2]),
    Case(
      name: "trailing separator gives empty last field", input: "a,b\n1,\n2,",
      header: ["a", "b"], records: [["1", ""], ["2", ""]], lines: [2, 3]),
    Case(
      name: "quoted last field at end of file", input: "a\n\"x\"\"\"", header: ["a"],
      records: [["x\""]], lines: [2]),
    Case(
      name: "control bytes inside long fields are data",
      input: "a,b\nlong\tfield\u{0}with\u{B}controls,\"quoted\tlong\u{C}field here\"\n",
      header: ["a", "b"],
      records: [["long\tfield\u{0}with\u{B}controls", "quoted\tlong\u{C}field here"]],
      lines: [2]),
    Case(name: "header only", input: "a,b\r\n", header: ["a", "b"], records: [], lines: []),
    Case(
      name: "quoted header with line break", input: "\"first\nname\",b\n1,2\n",
      header: ["first\nname", "b"], records: [["1", "2"]], lines: [3]),
  ]

  static let chunkSizes = Array(1...16) + [ByteSource.defaultChunkSize]

  func testTableWithEveryChunkSize() throws {
    for testCase in Self.cases {
      for chunkSize in Self.chunkSizes {
        let context = "\(testCase.name), chunk size \(chunkSize)"
        let result = try CSVFixture.read(
          testCase.input, chunkSize: chunkSize, dialect: testCase.dialect)
        XCTAssertNil(result.error, context)
        XCTAssertEqual(result.header, testCase.header, context)
        XCTAssertEqual(result.records.map(\.fields), testCase.records, context)
        XCTAssertEqual(result.records.map(\.line), testCase.lines, context)
        XCTAssertEqual(
          result.dialect, testCase.dialect ?? testCase.expectedDialect, context)
      }
    }
  }

  func testDialectDetection() {
    XCTAssertEqual(CSVDialect.detect(headerLine: Array("a,b;c,d".utf8)), .standard)
    XCTAssertEqual(CSVDialect.detect(headerLine: Array("a;b;c,d".utf8)), .german)
    XCTAssertEqual(CSVDialect.detect(headerLine: Array("a\tb\tc;d".utf8)), .tabSeparated)
    XCTAssertEqual(CSVDialect.detect(headerLine: Array("\"x;y;z\",a,b".utf8)), .standard)
    XCTAssertEqual(CSVDialect.detect(headerLine: Array("single".utf8)), .standard)
    XCTAssertTrue(CSVDialect.german.decimalComma)
    XCTAssertFalse(CSVDialect.standard.decimalComma)
  }

  func testRecordAccessorsDoNotTrapOnShortRows() throws {
    let reader = try CSVReader(source: ByteSource(bytes: Array("a,b,c\n1,22\n".utf8)))
    var checked = 0
    try reader.forEachRecord { record in
      XCTAssertEqual(record.count, 2)
      XCTAssertEqual(Array(record[1]), Array("22".utf8))
      XCTAssertEqual(record[2].count, 0)
      XCTAssertEqual(record[-1].count, 0)
      XCTAssertEqual(record.string(5), "")
      XCTAssertTrue(record.field(1, equals: "22"))
      XCTAssertFalse(record.field(1, equals: "2"))
      XCTAssertFalse(record.field(0, equals: "x"))
      checked += 1
    }
    XCTAssertEqual(checked, 1)
  }

  func testReadsFromFile() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("verdict-data-\(UInt32.random(in: 0...UInt32.max)).csv").path
    try Data("id;amount\n7;1,5\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try CSVReader(source: ByteSource(path: path))
    var rows: [[String]] = []
    try reader.forEachRecord { rows.append($0.strings()) }
    XCTAssertEqual(reader.dialect, .german)
    XCTAssertEqual(rows, [["7", "1,5"]])
  }

  func testMissingFileIsAnErrorWithoutPosition() {
    XCTAssertThrowsError(try ByteSource(path: "/nonexistent/verdict/clients.csv")) { error in
      let readError = error as? DataReadError
      XCTAssertEqual(readError?.line, 0)
      XCTAssertEqual(
        readError?.message.hasPrefix("cannot open '/nonexistent/verdict/clients.csv'"), true)
    }
  }
}
