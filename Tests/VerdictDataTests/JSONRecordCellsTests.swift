import Foundation
import Testing

@testable import VerdictData

/// Reading JSON records straight into cells must give exactly what reading their members gives:
/// the same value bytes for every key, and the same error for every malformed record.
@Suite struct JSONRecordCellsTests {
  /// Each record's cells for `keys`, or its error, read from `text` in `layout`.
  static func cells(
    _ text: String, keys: [String], layout: JSONRecordReader.Layout = .lines, chunkSize: Int = 1 << 16
  ) throws -> [Result<[String?], DataReadError>] {
    try cells(Array(text.utf8), keys: keys, layout: layout, chunkSize: chunkSize)
  }

  /// Each record's cells for `keys`, or its error, read from `bytes` in `layout`.
  static func cells(
    _ bytes: [UInt8], keys: [String], layout: JSONRecordReader.Layout = .lines, chunkSize: Int = 1 << 16
  ) throws -> [Result<[String?], DataReadError>] {
    let reader = JSONRecordReader(source: ByteSource(bytes: bytes, chunkSize: chunkSize), layout: layout)
    let table = JSONKeyTable(keys: keys)
    let cells = JSONRecordCells(slots: keys.count)
    var results: [Result<[String?], DataReadError>] = []
    try reader.forEachRecordText { record in
      do throws(DataReadError) {
        try record.cells(table, into: cells)
        results.append(
          .success(
            keys.indices.map { cells.cells[$0].isEmpty ? nil : String(decoding: cells.cells[$0], as: UTF8.self) }))
      } catch {
        results.append(.failure(error))
      }
    } onError: { error in
      results.append(.failure(error))
    }
    return results
  }

  /// What the members of each record give for `keys`: the value's text (the last, when a key
  /// repeats; keys compared as `String`s), `nil` for a key the record lacks, or the error.
  static func expected(
    _ bytes: [UInt8], keys: [String], layout: JSONRecordReader.Layout = .lines
  ) throws -> [Result<[String?], DataReadError>] {
    let reader = JSONRecordReader(source: ByteSource(bytes: bytes), layout: layout)
    var results: [Result<[String?], DataReadError>] = []
    try reader.forEachRecord { _, members in
      results.append(
        .success(
          keys.map { key in
            guard let member = members.last(where: { $0.key == key }) else { return nil }
            switch member.value {
            case .string(let text), .nested(let text): return text
            case .number(let text): return JSONNumberText.plain(text)
            case .bool(let flag): return flag ? "true" : "false"
            case .null: return nil
            }
          }))
    } onError: { error in
      results.append(.failure(error))
    }
    return results
  }

  /// Compares the two readings, treating an empty value and no value alike (both empty cells).
  static func expectSame(_ text: String, keys: [String], layout: JSONRecordReader.Layout = .lines) throws {
    try expectSame(Array(text.utf8), keys: keys, layout: layout)
  }

  /// ``expectSame(_:keys:layout:)`` for bytes that need not be UTF-8.
  static func expectSame(_ bytes: [UInt8], keys: [String], layout: JSONRecordReader.Layout = .lines) throws {
    let text = String(decoding: bytes, as: UTF8.self)
    let got = try cells(bytes, keys: keys, layout: layout).map { $0.map { $0.map { $0 ?? "" } } }
    let want = try expected(bytes, keys: keys, layout: layout).map { $0.map { $0.map { $0 ?? "" } } }
    #expect(got.count == want.count)
    for (index, (left, right)) in zip(got, want).enumerated() {
      switch (left, right) {
      case (.success(let a), .success(let b)): #expect(a == b, "record \(index) of \(text)")
      case (.failure(let a), .failure(let b)): #expect(a == b, "record \(index) of \(text)")
      default: Issue.record("record \(index) of \(text): cells \(left), members \(right)")
      }
    }
  }

  @Test func valuesOfEveryKindReadAsTheMembersGiveThem() throws {
    let keys = ["id", "name", "amount", "paid", "tags", "owner", "missing", "note"]
    let text = """
      {"id": 1, "name": "Kira \\"K\\" Schmidt", "amount": -12.50e3, "paid": true, "tags": ["a", {"b": null}], "owner": {"x": [1, 2]}, "note": null}
      {"name":"caf\\u00e9 \\ud83d\\ude00","id":"C-2","amount":0,"paid":false,"extra":{"deep":[[[]]]}}
      \u{FEFF}{ "id" : 3 , "amount" : 1e-7 }
      {}
      {"id": 4, "id": 5, "name": "first", "name": "last\\ttab"}
      {"note": "ünïcödé and a € sign", "id": 6}
      """
    try Self.expectSame(text, keys: keys)
    let cells = try Self.cells(text, keys: keys)
    #expect(try cells[0].get()[1] == "Kira \"K\" Schmidt")
    #expect(try cells[1].get()[1] == "café 😀")
    #expect(try cells[4].get()[0] == "5")
    #expect(try cells[4].get()[1] == "last\ttab")
    #expect(try cells[0].get()[4] == "[\"a\", {\"b\": null}]")
    #expect(try cells[0].get()[2] == "-12500")
    #expect(try cells[2].get()[2] == "0.0000001")
  }

  /// The first slot a record fills twice is named, record by record (the cell keeps the last
  /// value, as the members do); a key outside the table may repeat.
  @Test func aSlotFilledTwiceInARecordIsNamed() throws {
    let text = """
      {"id": 1, "amount": 2, "amount": 3, "id": 4}
      {"id": 1, "amount": 2}
      {"x": 1, "x": 2, "amount": null, "amount": 5}
      {"amount": 6}
      """
    let reader = JSONRecordReader(source: ByteSource(bytes: Array(text.utf8)), layout: .lines)
    let cells = JSONRecordCells(slots: 2)
    var found: [Int?] = []
    var amounts: [String] = []
    try reader.forEachRecordText { record in
      try? record.cells(JSONKeyTable(keys: ["id", "amount"]), into: cells)
      found.append(cells.repeatedSlot)
      amounts.append(String(decoding: cells.cells[1], as: UTF8.self))
    } onError: { _ in
    }
    #expect(found == [1, nil, 1, nil])
    #expect(amounts == ["3", "2", "5", "6"])
  }

  /// A JSON number's exponent is written out, keeping the digits written; a number whose plain
  /// form would be far longer than any cell may be is left as written (and refused as a cell).
  @Test func numbersWithAnExponentAreWrittenOut() {
    let cases: [(String, String?)] = [
      ("1e2", "100"), ("1E+2", "100"), ("1.5e-7", "0.00000015"), ("-2.50E-1", "-0.250"), ("0e5", "0"),
      ("0.0e1", "0"), ("-0.5e1", "-5"), ("123.456e1", "1234.56"), ("123.456e3", "123456"), ("9e0", "9"),
      ("1e-0", "1"), ("7e00000000000002", "700"), ("12", nil), ("-0.5", nil), ("0e99999999999", "0"),
      ("-0.00E-999999999999", "-0"),
      ("1e63", "1" + String(repeating: "0", count: 63)), ("1e64", nil),
      ("1e-64", "0." + String(repeating: "0", count: 63) + "1"), ("1e-65", nil), ("1e9999999999", nil),
      ("1e-9999999999", nil),
    ]
    for (number, plain) in cases {
      #expect(JSONNumberText.plain(number) == plain ?? number, "\(number)")
    }
  }

  /// A number token is written in the terms of the reader that reads its cell: as written for a
  /// decimal point, with a comma for a decimal comma, and with a fourth decimal where a reader
  /// that decides each cell's mark would see two readings (`1.250`).
  @Test func numbersAreWrittenInTheReadersNotation() {
    let cases: [(String, point: String, comma: String, unambiguous: String)] = [
      ("1.250", "1.250", "1,250", "1.2500"), ("1250", "1250", "1250", "1250"), ("-0.5", "-0.5", "-0,5", "-0.5"),
      ("1.25e3", "1250", "1250", "1250"), ("1234.567", "1234.567", "1234,567", "1234.5670"),
      ("1.5e-3", "0.0015", "0,0015", "0.0015"), ("2.125e1", "21.25", "21,25", "21.25"),
      ("10.000", "10.000", "10,000", "10.0000"),
    ]
    for (number, point, comma, unambiguous) in cases {
      for (notation, expected) in [(JSONNumberNotation.point, point), (.comma, comma), (.unambiguous, unambiguous)] {
        var text = number
        let cell = text.withUTF8 { JSONNumberText.cell($0, notation: notation) }
        #expect(cell.map { String(decoding: $0, as: UTF8.self) } ?? number == expected, "\(number) \(notation)")
      }
    }
  }

  /// The plain form is the number Foundation's `Decimal` reads from the JSON text (38 digits,
  /// more than these have), on seeded numbers with exponents.
  @Test func plainFormsAreTheNumbersWritten() throws {
    var random = SeededRandom(seed: 0x4A53_4F4E_2045_7870)
    func digits(_ most: Int) -> String {
      String((0..<random.next(below: most + 1)).map { _ in Character(String(random.next(below: 10))) })
    }
    for _ in 0..<20_000 {
      let sign = random.next(below: 2) == 0 ? "-" : ""
      let whole = random.next(below: 2) == 0 ? "0" : String(1 + random.next(below: 9)) + digits(12)
      let fraction = digits(12)
      let marker = ["e", "E", "e+", "E-", "e-"][random.next(below: 5)]
      let number = sign + whole + (fraction.isEmpty ? "" : "." + fraction) + marker + String(random.next(below: 31))
      let plain = JSONNumberText.plain(number)
      #expect(!plain.contains { $0 == "e" || $0 == "E" }, "\(number)")
      #expect(Decimal(string: plain) == Decimal(string: number), "\(number) → \(plain)")
    }
  }

  @Test func keysInAnotherOrderOnEachRecordFindTheirSlots() throws {
    // The reader first tries the slot a key had at the same place in the record before.
    let keys = ["a", "b", "c"]
    let text = """
      {"a": 1, "b": 2, "c": 3}
      {"c": 30, "a": 10, "b": 20}
      {"x": 0, "b": 200}
      {"b": 2000, "x": 0, "a": 1000, "c": 3000}
      """
    try Self.expectSame(text, keys: keys)
    #expect(try Self.cells(text, keys: keys)[1].get() == ["10", "20", "30"])
    #expect(try Self.cells(text, keys: keys)[2].get() == [nil, "200", nil])
  }

  @Test func keysAreComparedAsTextNotBytes() throws {
    // "é" precomposed and decomposed are one key to a Swift `String`, as the members compare them.
    let keys = ["caf\u{E9}", "esc\"aped"]
    let text = """
      {"cafe\u{301}": "decomposed", "esc\\"aped": 1}
      {"caf\\u00e9": "escaped", "esc\\u0022aped": 2}
      """
    try Self.expectSame(text, keys: keys)
    #expect(try Self.cells(text, keys: keys)[0].get() == ["decomposed", "1"])
    #expect(try Self.cells(text, keys: keys)[1].get() == ["escaped", "2"])
  }

  @Test func anASCIIKeyFindsTheKeyItIsCanonicallyEquivalentTo() throws {
    // The Kelvin sign's canonical decomposition is the letter K: one key to the members.
    let text = "{\"\u{212A}\": 1, \"K\": 2}\n{\"K\": 3}"
    try Self.expectSame(text, keys: ["\u{212A}"])
    #expect(try Self.cells(text, keys: ["\u{212A}"]).map { try $0.get() } == [["2"], ["3"]])
  }

  @Test func aKeyAskedForTwiceFillsBothSlots() throws {
    let text = #"{"a": 1, "b": 2}"#
    #expect(try Self.cells(text, keys: ["b", "a", "b"])[0].get() == ["2", "1", "2"])
  }

  @Test func malformedRecordsGiveTheMembersErrorAndReadingGoesOn() throws {
    let keys = ["a", "b"]
    let text = """
      {"a": 1, "b": 2,}
      {"a": 01}
      {"a": "tab\there"}
      {"a": "bad \\x escape"}
      {"a": tru}
      {"a" 1}
      {"a": 1} trailing
      [1, 2]
      {"a": "\\ud800"}
      {"a": 2, "b": [1, 2}
      {"a": 3, "b": "fine"}
      """
    try Self.expectSame(text, keys: keys)
    let cells = try Self.cells(text, keys: keys)
    #expect(cells.count == 11)
    #expect(cells.prefix(10).allSatisfy { if case .failure = $0 { true } else { false } })
    #expect(try cells[10].get() == ["3", "fine"])
  }

  @Test func invalidUTF8InAStringIsRefused() throws {
    let bytes = Array(#"{"a": "x"#.utf8) + [0xC3, 0x28] + Array("\"}\n{\"a\": 1}\n".utf8)
    try Self.expectSame(bytes, keys: ["a"])
    let cells = try Self.cells(bytes, keys: ["a"])
    #expect(cells.count == 2)
    if case .failure(let error) = cells[0] {
      #expect(error.message.hasPrefix("invalid UTF-8"))
    } else {
      Issue.record("accepted")
    }
    #expect(try cells[1].get() == ["1"])
  }

  @Test func arraysOfRecordsAcrossChunkBoundariesReadTheSame() throws {
    let records = (0..<200).map { #"{"id": \#($0), "name": "client \"\#($0)\"", "n": [\#($0), {"k": "v"}]}"# }
    let text = "[" + records.joined(separator: ",\n ") + "]"
    try Self.expectSame(text, keys: ["name", "id", "n"], layout: .array)
    let small = try Self.cells(text, keys: ["name", "id", "n"], layout: .array, chunkSize: 7)
    #expect(small.count == 200)
    #expect(try small[199].get() == ["client \"199\"", "199", #"[199, {"k": "v"}]"#])
  }

  @Test func everyObjectOfTheJSONTestSuiteReadsTheSame() throws {
    // Each test_parsing document on one line, read as a JSON Lines record: both readings must
    // accept and refuse the same documents, with the same values and the same errors.
    let folder = try ConformanceData.directory("JSONTestSuite/test_parsing")
    var compared = 0
    for file in try ConformanceData.files(in: folder, withExtension: "json") {
      let bytes = [UInt8](try Data(contentsOf: file))
      guard !bytes.contains(UInt8(ascii: "\n")), !bytes.contains(UInt8(ascii: "\r")) else { continue }
      let members = (try? JSONCursor.members(of: bytes)) ?? []
      let keys = Array(Set(members.map(\.key))).sorted() + ["absent"]
      try Self.expectSame(bytes, keys: keys)
      compared += 1
    }
    #expect(compared > 250)
  }
}

extension JSONCursor {
  /// The members of `bytes` read as one record object (for tests that pick keys to ask for).
  fileprivate static func members(of bytes: [UInt8]) throws -> JSONRecordMembers {
    try bytes.withUnsafeBufferPointer { buffer in
      var cursor = JSONCursor(buffer, line: 1, column: 1)
      return try cursor.parseRecordObject(skippingByteOrderMark: true)
    }
  }
}
