extension NumberFormat {
  /// The hint for a number whose decimal mark is not known, naming the two readings of
  /// `example`, a cell with two (`"1,250"`: 1250 with `--decimal .`, 1.25 with `--decimal ,`);
  /// `scope` is what the option applies to ("file" or "column").
  ///
  /// A cell has two readings when its only separator is one `.` or `,` with three digits after
  /// it; for another example (or none) the hint shows `1.250`.
  package static func decimalMarkHint(example: String?, scope: String) -> String {
    let (cell, thousands, fraction) = example.flatMap(readings) ?? ("1.250", "1250", "1.25")
    let quoted = Value.quote(cell)
    let (point, comma) = cell.contains(".") ? (fraction, thousands) : (thousands, fraction)
    return "say how the \(scope) writes numbers: --decimal . if \(quoted) means \(point), "
      + "--decimal , if it means \(comma)"
  }

  /// `cell` (trimmed), and its readings as twelve hundred and fifty and as one and a quarter,
  /// when its one separator has three digits after it; `nil` otherwise.
  private static func readings(_ cell: String) -> (cell: String, thousands: String, fraction: String)? {
    let trimmed = String(cell.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    let separators = trimmed.filter { $0 == "." || $0 == "," }
    guard separators.count == 1, let separator = trimmed.firstIndex(where: { $0 == "." || $0 == "," }) else {
      return nil
    }
    let isDigit = { (character: Character) in character.isASCII && character.isWholeNumber }
    let before = trimmed[..<separator].filter(isDigit)
    let after = trimmed[trimmed.index(after: separator)...].prefix(while: isDigit)
    guard !before.isEmpty, after.count == 3 else { return nil }
    let sign = trimmed.hasPrefix("-") ? "-" : ""
    var whole = String(before.drop { $0 == "0" })
    if whole.isEmpty { whole = "0" }
    let thousands = whole == "0" ? String(Int(after) ?? 0) : whole + after
    var places = Substring(after)
    while places.last == "0" { places = places.dropLast() }
    return (trimmed, sign + thousands, sign + (places.isEmpty ? whole : whole + "." + places))
  }
}
