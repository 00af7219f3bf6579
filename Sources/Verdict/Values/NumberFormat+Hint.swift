extension NumberFormat {
  /// The hint for a number whose decimal mark is not known, naming the two readings of
  /// `example`, a cell with two (`"1,250"`: 1250 with `--decimal .`, 1.25 with `--decimal ,`);
  /// `scope` is what the option applies to ("file" or "column").
  ///
  /// The readings are what the cell reader makes of the cell with each mark, as a number, else
  /// as money (`€-1.250`), else as a percent; for an example that does not read both ways (or
  /// none) the hint shows `1.250`.
  package static func decimalMarkHint(example: String?, scope: String) -> String {
    let (cell, point, comma) =
      example.flatMap { cell in readings(of: cell).map { (cell.trimmedOfSpaces, $0.point, $0.comma) } }
      ?? ("1.250", "1.25", "1250")
    return "say how the \(scope) writes numbers: --decimal . if \(Value.quote(cell)) means \(point), "
      + "--decimal , if it means \(comma)"
  }

  /// The cell read with a decimal point and with a decimal comma, when both read and differ.
  private static func readings(of cell: String) -> (point: String, comma: String)? {
    let fields = [
      FieldInfo(name: "n", type: .number), FieldInfo(name: "m", type: .money, currency: .euro),
      FieldInfo(name: "p", type: .percent),
    ]
    for field in fields {
      guard case .success(let point) = CellReader(numbers: .point).read(cell, for: field),
        case .success(let comma) = CellReader(numbers: .comma).read(cell, for: field)
      else { continue }
      let (pointText, commaText) = (amount(point), amount(comma))
      return pointText == commaText ? nil : (pointText, commaText)
    }
    return nil
  }

  /// A reading as the hint shows it: a number as printed, money as its amount, a percent with `%`.
  private static func amount(_ value: Value) -> String {
    guard case .money(let money) = value else { return value.description }
    return DecimalNumber(significand: UInt128(money.scaledAmount.magnitude), scale: 4, negative: money.scaledAmount < 0)
      .description
  }
}

extension String {
  /// The text without the spaces around it.
  fileprivate var trimmedOfSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
