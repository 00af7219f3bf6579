import Testing

@testable import Verdict

/// `list` fields read from data: a JSON array of one kind of item, as CRM exports give a client's
/// tags. Such a cell was refused ("lists cannot come from data cells").
struct ListCellTests {
  static let field = FieldInfo(name: "tags", type: .list)

  static func read(_ cell: String) -> Result<Value, CellError> { CellReader().read(cell, for: field) }

  @Test func arraysOfOneKindAreLists() {
    #expect(Self.read(#"["vip", "slow payer"]"#) == .success(.list([.text("vip"), .text("slow payer")])))
    #expect(Self.read(#" [ "a" ,"b" ] "#) == .success(.list([.text("a"), .text("b")])))
    #expect(Self.read("[]") == .success(.list([])))
    let numbers = ["1", "2.50", "-3"].map { Value.decimal(DecimalNumber($0)!) }
    #expect(Self.read("[1, 2.50, -3]") == .success(.list(numbers)))
    #expect(Self.read("[true,false]") == .success(.list([.bool(true), .bool(false)])))
  }

  /// Escapes are JSON's: `\"`, `\\`, `\n`, `\u00e9`, and a surrogate pair for `😀`.
  @Test func textsAreUnescapedAsJSONSays() {
    #expect(
      Self.read(#"["say \"hi\"", "a\\b", "caf\u00e9", "\ud83d\ude00", "x\/y"]"#)
        == .success(.list([.text("say \"hi\""), .text("a\\b"), .text("café"), .text("😀"), .text("x/y")])))
  }

  @Test(arguments: [
    #"["a", 1]"#, "[null]", #"[["a"]]"#, #"[{"a": 1}]"#, "[1e3]", "[01]", "[1.]", "[.5]", "[+1]", "[1,]", "[,1]",
    #"["a""#, #"["a"] x"#, "slow", #""slow""#, #"["\ud83d"]"#, #"["\x"]"#, "[tru]", "[\"a\tb\"]",
  ])
  func otherCellsAreRefused(_ cell: String) throws {
    let error = try #require(
      { () -> CellError? in
        if case .failure(let error) = Self.read(cell) { return error }
        return nil
      }())
    #expect(error.hint?.hasPrefix("a list in data is a JSON array") == true, "\(cell)")
  }

  /// A data list's items are compared with `in` as a literal list's are, and one of another
  /// type than the value looked for is an error, as in any comparison.
  @Test func membershipOfAListFromData() throws {
    let policy = try Policy(
      """
      field tags: list
      when "slow payer" in tags then recommend watch
      otherwise recommend keep
      """)
    func verdict(_ cell: String) throws -> String? {
      let context = EvaluationContext(today: CalendarDate(year: 2026, month: 12, day: 7)!)
      return try policy.evaluate(try policy.client(["tags": try Self.read(cell).get()]), in: context).verdict
    }
    #expect(try verdict(#"["vip", "slow payer"]"#) == "watch")
    #expect(try verdict(#"["vip"]"#) == "keep")
    #expect(throws: (any Error).self) { try verdict("[1, 2]") }
  }
}
