import XCTest

@testable import VerdictData

/// The streaming JSON record reader in both layouts, including bad records and chunk boundaries.
final class JSONRecordReaderTests: XCTestCase {
  struct Outcome: Equatable {
    var records: [(line: Int, members: [String])] = []
    var errors: [DataReadError] = []
    var thrown: DataReadError?

    static func == (left: Outcome, right: Outcome) -> Bool {
      left.records.map(\.line) == right.records.map(\.line)
        && left.records.map(\.members) == right.records.map(\.members)
        && left.errors == right.errors && left.thrown == right.thrown
    }
  }

  /// Renders members as `key=value` strings so results compare easily.
  static func render(_ members: JSONRecordMembers) -> [String] {
    members.map { member in
      switch member.value {
      case .string(let text): return "\(member.key)=s:\(text)"
      case .number(let text): return "\(member.key)=n:\(text)"
      case .bool(let flag): return "\(member.key)=b:\(flag)"
      case .null: return "\(member.key)=null"
      case .nested(let raw): return "\(member.key)=raw:\(raw)"
      }
    }
  }

  static func read(
    _ text: String, layout: JSONRecordReader.Layout, chunkSize: Int = ByteSource.defaultChunkSize,
    maxRecordBytes: Int = JSONRecordReader.maxRecordBytes
  ) -> Outcome {
    let source = ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize)
    let reader = JSONRecordReader(source: source, layout: layout, maxRecordBytes: maxRecordBytes)
    var outcome = Outcome()
    do {
      try reader.forEachRecord { position, members in
        outcome.records.append((position.line, render(members)))
      } onError: { error in
        outcome.errors.append(error)
      }
    } catch {
      outcome.thrown = error as? DataReadError
    }
    return outcome
  }

  /// Reads `text` with every chunk size from 1 to 16 and checks they all agree with 1 MiB.
  private func readEverywhere(
    _ text: String, layout: JSONRecordReader.Layout, file: StaticString = #filePath,
    line: UInt = #line
  ) -> Outcome {
    let reference = Self.read(text, layout: layout)
    for chunkSize in 1...16 {
      XCTAssertEqual(
        Self.read(text, layout: layout, chunkSize: chunkSize), reference, "chunk \(chunkSize)",
        file: file, line: line)
    }
    return reference
  }

  func testArrayLayoutWithNestedValues() {
    let text = """
      [
        {"id": 1, "name": "Acme, Inc.", "revenue": 12345.67},
        {"id": 2, "tags": [1, {"x": null}], "meta": {"a": "b"}, "ok": true}
      ]

      """
    let outcome = readEverywhere(text, layout: .array)
    XCTAssertEqual(outcome.records.map(\.line), [2, 3])
    XCTAssertEqual(
      outcome.records.map(\.members),
      [
        ["id=n:1", "name=s:Acme, Inc.", "revenue=n:12345.67"],
        // An object's members follow it under their paths; an array's do not.
        ["id=n:2", #"tags=raw:[1, {"x": null}]"#, #"meta=raw:{"a": "b"}"#, "meta.a=s:b", "ok=b:true"],
      ])
    XCTAssertEqual(outcome.errors, [])
    XCTAssertNil(outcome.thrown)
  }

  func testArrayLayoutEmptyAndBOM() {
    XCTAssertEqual(readEverywhere(" [ ] \n", layout: .array), Outcome())
    XCTAssertEqual(
      readEverywhere("\u{FEFF}[{\"a\":1}]", layout: .array).records.map(\.members), [["a=n:1"]])
  }

  /// Found by fuzzing: a byte order mark is allowed at the start of the file, not before an
  /// element, where the whole-document parser rejects it too.
  func testArrayLayoutRefusesAByteOrderMarkInsideTheArray() {
    let outcome = readEverywhere("[{\"a\":1},\u{FEFF}{\"a\":2}]", layout: .array)
    XCTAssertEqual(outcome.records.map(\.members), [["a=n:1"]])
    XCTAssertEqual(
      outcome.errors,
      [DataReadError(line: 1, column: 10, message: "expected '{' to start a record object, found byte 0xEF")])
    XCTAssertThrowsError(try JSONParser.parse(Array("[{\"a\":1},\u{FEFF}{\"a\":2}]".utf8)))
  }

  func testArrayLayoutBadElementsAreReportedAndSkipped() {
    let text = "[{\"a\": 1},\n {\"a\": 01},\n 7,\n {\"a\": 2}]"
    let outcome = readEverywhere(text, layout: .array)
    XCTAssertEqual(outcome.records.map(\.line), [1, 4])
    XCTAssertEqual(outcome.records.map(\.members), [["a=n:1"], ["a=n:2"]])
    XCTAssertEqual(
      outcome.errors,
      [
        DataReadError(line: 2, column: 8, message: "numbers must not have leading zeros"),
        DataReadError(
          line: 3, column: 2, message: "expected '{' to start a record object, found '7'"),
      ])
    XCTAssertNil(outcome.thrown)
  }

  func testArrayLayoutStructureErrorsAreThrownAfterEarlierRecords() {
    let cases: [(String, Int, String)] = [
      ("{\"a\": 1}", 1, "expected '[' at the start of a JSON array file"),
      ("[{\"a\": 1}\n {\"a\": 2}]", 2, "expected ',' or ']' after array element"),
      ("[{\"a\": 1}, {\"a\": 2}] x", 1, "unexpected data after the top-level array"),
      (
        "[{\"a\": 1},\n {\"a\": \"cut", 2,
        "array element starting here is cut off by the end of the file"
      ),
      ("[{\"a\": 1},]", 1, "unexpected ']' after ','; trailing commas are not allowed"),
      ("[{\"a\": 1}", 1, "unexpected end of input; expected ',' or ']' after array element"),
    ]
    for (text, line, message) in cases {
      let outcome = readEverywhere(text, layout: .array)
      XCTAssertEqual(outcome.thrown?.line, line, text)
      XCTAssertEqual(outcome.thrown?.message, message, text)
      if text.hasPrefix("[") {
        XCTAssertEqual(outcome.records.first?.members, ["a=n:1"], text)
      }
    }
    // A record cut off is said where it starts, column too.
    XCTAssertEqual(readEverywhere("[{\"a\": 1},\n {\"a\": \"cut", layout: .array).thrown?.column, 2)
  }

  func testLinesLayoutReportsBadLineAndKeepsTheOthers() {
    let text =
      "{\"id\": 1}\r\n\n  {\"id\": 2, \"x\": [true]}\n{\"id\": 3,}\n{\"id\": \"4\"}\n   \n{\"id\":5}"
    let outcome = readEverywhere(text, layout: .lines)
    XCTAssertEqual(outcome.records.map(\.line), [1, 3, 5, 7])
    XCTAssertEqual(
      outcome.records.map(\.members),
      [["id=n:1"], ["id=n:2", "x=raw:[true]"], ["id=s:4"], ["id=n:5"]])
    XCTAssertEqual(
      outcome.errors,
      [DataReadError(line: 4, column: 10, message: "expected a string key after ',' in object")])
    XCTAssertNil(outcome.thrown)
  }

  func testLinesLayoutRejectsNonObjectsAndTrailingData() {
    let outcome = readEverywhere("[1]\n{\"a\":1} {\"b\":2}\n{\"c\":3}\n", layout: .lines)
    XCTAssertEqual(outcome.records.map(\.members), [["c=n:3"]])
    XCTAssertEqual(outcome.errors.map(\.line), [1, 2])
    XCTAssertEqual(outcome.errors.map(\.column), [1, 9])
  }

  func testOverlongLineIsSkippedAndReadingContinues() {
    let long = "{\"a\": \"" + String(repeating: "x", count: 200) + "\"}"
    let text = "{\"n\": 1}\n\(long)\n{\"n\": 3}\n"
    let outcome = Self.read(text, layout: .lines, chunkSize: 8, maxRecordBytes: 64)
    XCTAssertEqual(outcome.records.map(\.line), [1, 3])
    XCTAssertEqual(outcome.errors.map(\.line), [2])
    XCTAssertNil(outcome.thrown)
  }

  func testDuplicateKeysLastValueWinsAtFirstPosition() {
    let many = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let text = "{\"a\": 1, \"b\": 2, \"a\": 3}\n{\(many), \"k3\": \"late\"}\n"
    let outcome = readEverywhere(text, layout: .lines)
    XCTAssertEqual(outcome.records.first?.members, ["a=n:3", "b=n:2"])
    XCTAssertEqual(outcome.records.last?.members.count, 20)
    XCTAssertEqual(outcome.records.last?.members[3], "k3=s:late")
  }

  func testErrorThrownByTheCallbackStopsReading() {
    struct Stop: Error {}
    let reader = JSONRecordReader(
      source: ByteSource(bytes: Array("{\"a\":1}\nbad\n{\"a\":2}\n".utf8)), layout: .lines)
    var seen = 0
    XCTAssertThrowsError(
      try reader.forEachRecord { _, _ in
        seen += 1
      } onError: { _ in
        throw Stop()
      }
    ) { error in
      XCTAssertTrue(error is Stop)
    }
    XCTAssertEqual(seen, 1)
  }
}
