/// Cells that a program writes where a value is missing or could not be computed: `N/A`, `NULL`,
/// `None`, `-`, German `k.A.`, a spreadsheet's formula errors (`#N/A`, `#DIV/0!`) and its
/// accounting format's zero (`$ -`). They stay
/// refused, as an empty cell is the one missing value and `-` may be an accountant's zero, but
/// their hint says what they are: the general one (`write money as 1200.50, …`) did not, and a
/// CRM export with `N/A` down a column had a row error each without a word why.
extension CellReader {
  /// The error for a trimmed cell of a field of `type` that is such a placeholder, or `nil` for
  /// any other cell.
  static func placeholder(_ cell: CellScanner, _ type: ValueType) -> CellError? {
    guard let (hint, kind) = placeholderHint(cell, type) else { return nil }
    // `"N/A" is not true or false`, as the other bool cells' messages say it. The hint quotes the
    // cell: one of each kind is enough for a column (`N/A`, then `n/a`).
    return cell.mismatch(type == .bool ? "true or false" : type.described, hint: hint, kind: kind)
  }

  /// The hint for a trimmed cell that is such a placeholder, and its kind; `nil` for any other
  /// cell.
  private static func placeholderHint(_ cell: CellScanner, _ type: ValueType) -> (hint: String, kind: String)? {
    // Every placeholder is short: a long cell is not lowercased to find out.
    guard cell.end - cell.start <= 12 else { return nil }
    let text = cell.string
    let lowered = text.lowercased()
    if formulaErrors.contains(lowered) {
      return (
        "\(text) is a spreadsheet's formula error, not a value: correct the formula before exporting, "
          + "or leave the cell empty for a missing value", "formula error"
      )
    }
    // `$ -`, `- €`: a spreadsheet's accounting format shows a zero so, the symbol beside the dash.
    if type.isNumeric, lowered.contains(where: { "$€£".contains($0) }),
      lowered.filter({ !"$€£".contains($0) && !$0.isWhitespace }) == "-"
    {
      return (
        "\(Value.quote(text)) is how a spreadsheet's accounting format shows zero: export the column as plain "
          + "numbers (0), or the cell empty for a missing value", "accounting zero"
      )
    }
    guard missingMarks.contains(lowered) else { return nil }
    return (
      "a missing value is an empty cell: export \(Value.quote(text)) as an empty cell (or as 0 where it means zero)",
      "missing"
    )
  }

  /// What exports write for a missing value, in small letters.
  private static let missingMarks: Set<String> = [
    "n/a", "na", "n.a.", "null", "none", "nil", "nan", "-", "--", "—", "–", "?", "(blank)", "(empty)", "k.a.",
    "k. a.", "n.v.", "missing", "unknown",
  ]

  /// The errors a spreadsheet shows for a formula, in small letters.
  private static let formulaErrors: Set<String> = [
    "#n/a", "#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!", "#getting_data",
  ]
}
