import Testing

@testable import Verdict

/// Cells that are values of another type than their field's (`CellReader+OtherTypes.swift`):
/// refused, with a hint naming the declaration that reads them.
struct OtherTypeCellTests {
  /// The error for `cell` in a field of `type`, in a column of `numbers`.
  static func error(_ cell: String, _ type: ValueType, numbers: NumberFormat = .point) -> CellError? {
    guard case .failure(let error) = CellReader(numbers: numbers).read(cell, for: FieldInfo(name: "f", type: type))
    else { return nil }
    return error
  }

  static let percentHint =
    "a number followed by % is a percent: declare the field 'percent' to read it "
    + "(a bare 20 then reads as 20% too), and compare it with percents such as 20%"

  /// `12%` in a number field was "not a number" with no hint; a percent field reads it, as the
  /// hint says.
  @Test(arguments: [("12%", NumberFormat.point), ("12.5 %", .point), ("-3%", .point), ("1.234,5%", .comma)])
  func aPercentInANumberFieldNamesThePercentType(cell: String, numbers: NumberFormat) {
    #expect(
      Self.error(cell, .number, numbers: numbers)
        == CellError(message: "\"\(cell)\" is not a number", hint: Self.percentHint))
    let asPercent = CellReader(numbers: numbers).read(cell, for: FieldInfo(name: "f", type: .percent))
    guard case .success(.percent) = asPercent else {
      Issue.record("\(cell) as a percent: \(asPercent)")
      return
    }
  }

  /// What a percent field does not read either keeps the plain error.
  @Test(arguments: ["%", "abc%", "12%%", "12% EUR"]) func otherCellsWithAPercentSignHaveNoPercentHint(cell: String) {
    #expect(Self.error(cell, .number)?.hint != Self.percentHint)
  }
}
