/// Amounts with a credit or debit mark after them, as bank statements and accounting exports
/// write them: `12.50 CR`, `12.50 DR`, `12.50Cr`, and in German ledgers `12,50 S` (Soll) or
/// `12,50 H` (Haben).
///
/// The mark says which way the money went, but whether a credit is money in or money out depends
/// on whose books the export is from, so the cell stays refused rather than given a sign; its
/// hint names the mark, where the generic one offered forms of money that the cell already
/// follows. The error path alone pays for it.
extension CellReader {
  /// The marks after an amount: credit and debit in English, for numbers and money; `S` and `H`,
  /// for money only (a number field's `12 H` is as likely hours).
  private static let marks: [(mark: String, moneyOnly: Bool, says: String)] = [
    ("CR", false, "a credit or a debit"), ("DR", false, "a credit or a debit"),
    ("Cr", false, "a credit or a debit"), ("Dr", false, "a credit or a debit"),
    ("cr", false, "a credit or a debit"), ("dr", false, "a credit or a debit"),
    ("S", true, "a debit or a credit (Soll/Haben)"), ("H", true, "a debit or a credit (Soll/Haben)"),
  ]

  /// The error for a trimmed `cell` of a number or money `field` that is an amount the field
  /// reads followed by a credit or debit mark; `nil` for any other cell.
  func debitCreditMark(_ cell: CellScanner, _ field: CellFormat, expected: String) -> CellError? {
    // No amount is longer: a cell of megabytes is not looked at character by character.
    guard cell.end - cell.start <= 64 else { return nil }
    let text = cell.string
    for (mark, moneyOnly, says) in CellReader.marks where !moneyOnly || field.type == .money {
      guard text.hasSuffix(mark) else { continue }
      let amount = text.dropLast(mark.count)
      // `12.50CR` or `12.50 CR`, not a word that ends in the mark (`12.50 IDR`, rupiahs); a
      // letter alone only apart from the amount (`12,50 S`, where `9S` may be anything).
      guard let last = amount.last, last == " " || (last.isNumber && mark.count > 1) else { continue }
      let trimmed = CellReader.collapsed(amount)
      guard !trimmed.isEmpty, reads(trimmed, as: field) else { continue }
      return cell.mismatch(
        expected,
        hint: "\"\(mark)\" marks \(says), which is not read as a sign: export the amounts signed "
          + "(\(trimmed) or -\(trimmed)), or the marks in a column of their own", kind: "debit or credit mark")
    }
    return nil
  }
}
