import Testing

@testable import Verdict

/// Cells a CRM or spreadsheet writes where a value is missing (`N/A`, `NULL`, `-`) or a formula
/// failed (`#DIV/0!`).
struct PlaceholderCellTests {
  static func read(_ cell: String, _ type: ValueType) -> Result<Value, CellError> {
    var format = CellFormat(FieldInfo(name: "f", type: type))
    format.currency = type == .money ? .euro : nil
    var text = cell
    return text.withUTF8 { CellReader().read($0, as: format) }
  }

  static let missing = "a missing value is an empty cell: export"

  /// They stay refused (an empty cell is the one missing value, `-` may be an accountant's
  /// zero), with a hint that says what they are; the hint was the type's usual forms, or none.
  @Test(arguments: [
    ("N/A", ValueType.number, "a number", "\(missing) \"N/A\" as an empty cell (or as 0 where it means zero)"),
    ("n/a", .money, "money", "\(missing) \"n/a\" as an empty cell (or as 0 where it means zero)"),
    ("NULL", .date, "a date", "\(missing) \"NULL\" as an empty cell (or as 0 where it means zero)"),
    ("None", .bool, "true or false", "\(missing) \"None\" as an empty cell (or as 0 where it means zero)"),
    ("-", .money, "money", "\(missing) \"-\" as an empty cell (or as 0 where it means zero)"),
    ("k.A.", .percent, "a percent", "\(missing) \"k.A.\" as an empty cell (or as 0 where it means zero)"),
    ("—", .duration, "a duration", "\(missing) \"—\" as an empty cell (or as 0 where it means zero)"),
    (
      "#DIV/0!", .number, "a number",
      "#DIV/0! is a spreadsheet's formula error, not a value: correct the formula before exporting, "
        + "or leave the cell empty for a missing value"
    ),
    (
      "#N/A", .money, "money",
      "#N/A is a spreadsheet's formula error, not a value: correct the formula before exporting, "
        + "or leave the cell empty for a missing value"
    ),
    (
      "$ -", .money, "money",
      "\"$ -\" is how a spreadsheet's accounting format shows zero: export the column as plain numbers (0), or "
        + "the cell empty for a missing value"
    ),
    (
      "- €", .number, "a number",
      "\"- €\" is how a spreadsheet's accounting format shows zero: export the column as plain numbers (0), or "
        + "the cell empty for a missing value"
    ),
  ])
  func aPlaceholderIsRefusedAndNamed(_ cell: String, _ type: ValueType, _ expected: String, _ hint: String) {
    guard case .failure(let error) = Self.read(cell, type) else {
      Issue.record("\(cell) was read")
      return
    }
    #expect(error.message == "\(Value.quote(cell)) is not \(expected)")
    #expect(error.hint == hint)
  }

  /// Text is text: `N/A` in a text field is the text `N/A`.
  @Test func textKeepsThem() {
    #expect(Self.read("N/A", .text) == .success(.text("N/A")))
  }
}
