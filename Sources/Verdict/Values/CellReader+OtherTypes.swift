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

  /// How to write money that `cell`'s column reads in `field`: in the field's currency (the
  /// euro's for a field without one), with the column's decimal mark, `write money as 1200.50,
  /// 1200.50 EUR, €1200 or 1200 €`; `write money as 1200,50, 1200,50 CHF or CHF 1200,50`; in a
  /// field whose rows name their currency, the amount alone.
  static func moneyForms(_ cell: CellScanner, _ field: CellFormat) -> String {
    let amount = cell.numbers.decimalMark == .comma ? "1200,50" : "1200.50"
    // A field whose rows name their currency: the amount alone, or with the row's code.
    if field.currency == .ofRow {
      return
        "write money as \(amount), in the row's currency, or with its code after it (\(amount) USD in a row of USD)"
    }
    let currency = field.currency ?? .euro
    let signs: [String] =
      switch currency.code {
      case "EUR": ["€1200", "1200 €"]
      case "USD": ["$1200"]
      case "GBP": ["£1200"]
      default: ["\(currency.code) \(amount)"]
      }
    let forms = [amount, "\(amount) \(currency.code)"] + signs
    return "write money as " + forms.dropLast().joined(separator: ", ") + " or " + forms[forms.count - 1]
  }

  /// The error for a trimmed cell of a money `field` without a currency that is a bare number
  /// (`1200`); `nil` for any other cell.
  static func bareMoney(_ cell: CellScanner, _ field: CellFormat) -> CellError? {
    guard field.currency == nil, cell.number() != nil else { return nil }
    return cell.mismatch(
      "money", hint: "give the currency (\(cell.string) EUR), or declare the field 'in EUR'", kind: "give the currency")
  }
}
