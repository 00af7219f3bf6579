import Testing

@testable import VerdictData

/// A nested object's members are columns named by their paths (`billing.outstanding`), read the
/// same way by a record's members and straight into cells.
@Suite struct JSONNestedPathTests {
  /// The keys and values a record's members give, in order.
  static func members(_ text: String) throws -> [String] {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      var cursor = JSONCursor(buffer, line: 1, column: 1)
      return try cursor.parseRecordObject(skippingByteOrderMark: true).map { key, value in
        switch value {
        case .string(let text): "\(key)=\"\(text)\""
        case .number(let text), .nested(let text): "\(key)=\(text)"
        case .bool(let flag): "\(key)=\(flag)"
        case .null: "\(key)=null"
        }
      }
    }
  }

  @Test func anObjectsMembersFollowItUnderTheirPaths() throws {
    let record = #"{"id": "C1", "billing": {"outstanding": 500, "terms": {"days": 30}}, "tags": [{"a": 1}]}"#
    #expect(
      try Self.members(record) == [
        #"id="C1""#, #"billing={"outstanding": 500, "terms": {"days": 30}}"#, "billing.outstanding=500",
        #"billing.terms={"days": 30}"#, "billing.terms.days=30", #"tags=[{"a": 1}]"#,
      ])
    // An empty object, `null` and a value that is no object give no paths.
    #expect(try Self.members(#"{"a": {}, "b": null, "c": 5}"#) == ["a={}", "b=null", "c=5"])
    // A key's escapes are resolved in its path; a path may repeat a key written flat.
    #expect(try Self.members(#"{"a": {"b\u002ec": 1}}"#) == [#"a={"b\u002ec": 1}"#, "a.b.c=1"])
  }

  @Test func cellsReadPathsAsTheMembersGiveThem() throws {
    let keys = ["id", "billing.outstanding", "billing", "billing.terms.days", "customer.name", "tags.a", "absent.x"]
    let text = """
      {"id": "C1", "billing": {"outstanding": 500, "terms": {"days": 30}}, "tags": [{"a": 1}]}
      {"id": "C2", "billing": {"outstanding": "1.200,50", "terms": null}, "customer": {"name": "A \\"B\\""}}
      {"id": "C3", "billing": {}, "customer": {"na\\u006de": "esc", "name2": {"x": [1, {"y": 2}]}}}
      {"id": "C4", "billing": 7, "customer": "text"}
      {"id": "C5", "billing": {"outstanding": 1}, "billing": {"terms": {"days": 2}}}
      {"id": "C6", "billing": {"outstanding": {"amount": 3, "currency": "EUR"}}}
      {"id": "C7", "billing": {"outstanding": 1, "terms": {"days": 2}
      {"id": "C8", "billing": {"outstanding": 1,}}
      """
    try JSONRecordCellsTests.expectSame(text, keys: keys)
    let cells = try JSONRecordCellsTests.cells(text, keys: keys)
    #expect(try cells[0].get()[1] == "500")
    #expect(try cells[0].get()[3] == "30")
    #expect(try cells[0].get()[5] == nil)
    #expect(try cells[1].get()[1] == "1.200,50")
    #expect(try cells[1].get()[4] == "A \"B\"")
    #expect(try cells[2].get()[4] == "esc")
    #expect(try cells[3].get()[1] == nil)
    #expect(try cells[3].get()[2] == "7")
    #expect(try cells[5].get()[1] == #"{"amount": 3, "currency": "EUR"}"#)
    #expect(throws: DataReadError.self) { try cells[6].get() }
    #expect(throws: DataReadError.self) { try cells[7].get() }
  }

  /// A path written both as a nested member and as a key of its own is a key given twice.
  @Test func aPathGivenTwiceIsNamed() throws {
    let text = """
      {"billing": {"outstanding": 1}, "billing.outstanding": 2}
      {"billing": {"outstanding": 1, "outstanding": 2}}
      {"billing": {"outstanding": 1}, "other": {"outstanding": 2}}
      """
    let reader = JSONRecordReader(source: ByteSource(bytes: Array(text.utf8)), layout: .lines)
    let cells = JSONRecordCells(slots: 1)
    var found: [Int?] = []
    try reader.forEachRecordText { record in
      try record.cells(JSONKeyTable(keys: ["billing.outstanding"]), into: cells)
      found.append(cells.repeatedSlot)
    } onError: { _ in
    }
    #expect(found == [0, 0, nil])
  }

  /// Objects deeper than ``JSONCursor/deepestPath`` are their text only; deeper than JSON's
  /// own limit, the record is refused by both readings alike.
  @Test func deepObjectsGivePathsUpToALimit() throws {
    func nested(_ levels: Int) -> String {
      String(repeating: #"{"k": "#, count: levels) + "1" + String(repeating: "}", count: levels)
    }
    let deepest = JSONCursor.deepestPath
    let path = { (levels: Int) in (["r"] + Array(repeating: "k", count: levels)).joined(separator: ".") }
    let text = [#"{"r": \#(nested(deepest))}"#, #"{"r": \#(nested(deepest + 1))}"#, #"{"r": \#(nested(600))}"#]
      .joined(separator: "\n")
    let keys = [path(deepest), path(deepest + 1), path(deepest - 1)]
    try JSONRecordCellsTests.expectSame(text, keys: keys)
    let cells = try JSONRecordCellsTests.cells(text, keys: keys)
    #expect(try cells[0].get()[0] == "1")
    #expect(try cells[1].get()[0] == #"{"k": 1}"#)
    #expect(try cells[1].get()[1] == nil)
    #expect(throws: DataReadError.self) { try cells[2].get() }
  }

  /// A path longer than ``JSONCursor/longestPath`` is no column, nor are its members'.
  @Test func longPathsAreNoColumns() throws {
    let long = String(repeating: "k", count: JSONCursor.longestPath - 2)
    let text = #"{"a": {"\#(long)": 1, "b": {"\#(long)": {"c": 2}}, "d": 3}}"#
    #expect(try Self.members(text).map { String($0.prefix(while: { $0 != "=" })) } == ["a", "a." + long, "a.b", "a.d"])
    try JSONRecordCellsTests.expectSame(text, keys: ["a." + long, "a.b." + long, "a.b." + long + ".c", "a.d"])
    let cells = try JSONRecordCellsTests.cells(text, keys: ["a." + long, "a.b." + long, "a.d"])
    #expect(try cells[0].get() == ["1", nil, "3"])
  }

  /// Random records of nested objects, arrays and scalars: both readings give every path alike.
  @Test func randomNestedRecordsReadTheSame() throws {
    var generator = SeededGenerator(seed: 0x5EED)
    var paths: Set<String> = []
    func value(_ depth: Int, _ path: String) -> String {
      switch generator.next() % (depth > 3 ? 4 : 6) {
      case 0: return "\(Int(generator.next() % 1000))"
      case 1: return #""v\#(generator.next() % 10)""#
      case 2: return "null"
      case 3: return generator.next() % 2 == 0 ? "true" : "[1, {\"x\": 2}]"
      default:
        let count = Int(generator.next() % 4)
        let members = (0..<count).map { _ -> String in
          let key = ["a", "b", "c", "a.b"][Int(generator.next() % 4)]
          paths.insert(path + "." + key)
          return #""\#(key)": \#(value(depth + 1, path + "." + key))"#
        }
        return "{" + members.joined(separator: ", ") + "}"
      }
    }
    let records = (0..<300).map { _ in #"{"id": 1, "r": \#(value(0, "r")), "s": \#(value(0, "s"))}"# }
    let keys = ["id", "r", "s"] + paths.sorted()
    #expect(keys.count > 20)
    try JSONRecordCellsTests.expectSame(records.joined(separator: "\n"), keys: keys)
  }
}
