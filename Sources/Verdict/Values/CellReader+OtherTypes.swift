/// Cells that are values of another type than their field's: a percent in a number field
/// (`12%`), a bare number in a duration field without a unit (`45`) or in a money field without
/// a currency (`1200`). Each is refused, as a field reads the type it declares, with a hint that
/// says which declaration would read it and what that declaration means for the column's other
/// cells.
extension CellReader {
  /// The error for a trimmed cell of a number field that is a percent (`12%`, `12,5 %`); `nil`
  /// for any other cell.
  static func percentInNumber(_ cell: CellScanner) -> CellError? {
    guard !cell.isEmpty, cell.bytes[cell.end - 1] == UInt8(ascii: "%"), cell.percent() != nil else { return nil }
    return cell.mismatch(
      "a number",
      hint: "a number followed by % is a percent: declare the field 'percent' to read it "
        + "(a bare 20 then reads as 20% too), and compare it with percents such as 20%")
  }

  /// The error for a trimmed cell of a duration `field` without a unit that is a bare number
  /// (`45`); `nil` for any other cell.
  static func bareDuration(_ cell: CellScanner, _ field: CellFormat) -> CellError? {
    guard field.durationUnit == nil, cell.number() != nil else { return nil }
    return cell.mismatch(
      "a duration", hint: "a bare number is not a duration: write \(cell.string)d, or declare the field 'in days'",
      kind: "a bare number is not a duration")
  }

  /// The error for a trimmed cell of a money `field` without a currency that is a bare number
  /// (`1200`); `nil` for any other cell.
  static func bareMoney(_ cell: CellScanner, _ field: CellFormat) -> CellError? {
    guard field.currency == nil, cell.number() != nil else { return nil }
    return cell.mismatch(
      "money", hint: "give the currency (\(cell.string) EUR), or declare the field 'in EUR'", kind: "give the currency")
  }
}
