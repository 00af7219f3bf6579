import Testing

@testable import Verdict

/// Number and money cells written with a habit of the program that exported them
/// (`CellReader+NearMisses.swift`): still refused, never guessed, but the hint gives the cell as
/// it is read. They were "not a number" with no hint, or money's hint of the usual forms, which
/// a bank's `1.234,56-` seemed to follow.
struct NearMissCellTests {
  /// The error for `cell` in a field of `type` (money in EUR), in a column of `numbers`.
  static func error(_ cell: String, _ type: ValueType, numbers: NumberFormat = .point) -> CellError? {
    var format = CellFormat(FieldInfo(name: "f", type: type), numbers: numbers)
    format.currency = type == .money ? .euro : nil
    var text = cell
    guard case .failure(let error) = text.withUTF8({ CellReader().read($0, as: format) }) else { return nil }
    return error
  }

  static let negative = "if it is negative, write it with the minus before the amount"

  @Test(arguments: [
    ("(1,234.00)", ValueType.money, NumberFormat.point, "\(negative): -1,234.00"),
    ("$(1,234.00)", .money, .point, "\(negative): -$1,234.00"),
    ("(1.234,56)", .number, .comma, "\(negative): -1.234,56"),
    ("100-", .number, .point, "\(negative): -100"),
    ("1.234,56- €", .money, .comma, "\(negative): -1.234,56 €"),
    ("1.234,56 €-", .money, .comma, "\(negative): -1.234,56 €"),
    ("5.00 -", .money, .point, "\(negative): -5.00"),
    ("- 5.00", .money, .point, "write the minus next to the amount: -5.00"),
    ("1’234.50", .number, .point, "group thousands with a plain apostrophe (') or a space: 1'234.50"),
    ("−5", .number, .point, "write the minus sign as a hyphen (-): -5"),
    (".5", .number, .point, "write a digit on each side of the decimal mark: 0.5"),
    ("-,5", .number, .comma, "write a digit on each side of the decimal mark: -0,5"),
    ("5.", .money, .point, "write a digit on each side of the decimal mark: 5"),
  ])
  func aHabitOfTheExporterIsRefusedWithTheCellAsItIsRead(
    cell: String, type: ValueType, numbers: NumberFormat, hint: String
  ) {
    let error = Self.error(cell, type, numbers: numbers)
    #expect(error?.message == "\"\(cell)\" is not \(type == .money ? "money" : "a number")")
    #expect(error?.hint == hint)
  }

  /// A cell whose rewriting would not read, or that is no such habit, keeps the usual error: a
  /// hyphen between digits is no minus after an amount (`12-5` is not -125).
  @Test func otherCellsKeepTheirErrors() {
    #expect(Self.error("12-5", .number) == CellError(message: "\"12-5\" is not a number", hint: nil))
    #expect(Self.error("(n/a)", .number) == CellError(message: "\"(n/a)\" is not a number", hint: nil))
    #expect(
      Self.error("(12) USD x", .money)?.hint == "write money as 1200.50, 1200.50 EUR, €1200 or 1200 €")
  }
}
