import Verdict
import VerdictData

/// A data file's column that says whether each row's amount is money in or out (ING's `Af Bij`,
/// DATEV's `Soll/Haben-Kennzeichen`, `Debit/Credit`, `CR/DR`), as bank and accounting exports
/// have beside an amount written without a sign, while no field reads it.
///
/// Each such amount is then read as it is written, whichever side it is on: a sum of a client's
/// payments adds the refunds sent to them as if they were payments received, without a word. The
/// warning names the column and how to read it. A warning, not an error: some exports with such a
/// column sign their amounts as well, and the run cannot know which before reading every row.
package enum DebitCreditColumn: UnreadColumn {
  /// Headers that name a row's side, lowercased and with letters alone (`Af/Bij` is `afbij`), in
  /// the languages of the exports seen. Not the bare `S/H`, which US exports use for shipping and
  /// handling, nor `D/C`, which is as often `DC` (a data centre, Washington).
  private static let names: Set<String> = [
    "afbij", "bijaf", "debitcredit", "creditdebit", "debetcredit", "creditdebet", "debetkredit", "kreditdebet",
    "crdr", "drcr", "debitcreditindicator", "creditdebitindicator", "cdtdbtind", "dcindicator",
    "debitcreditflag", "creditdebitflag", "debitorcredit", "creditordebit", "sollhaben", "habensoll",
    "sollhabenkennzeichen", "sollhabenkz", "shkennzeichen", "dareavere", "cargoabono", "débitcrédit",
    "créditdébit",
    // Wise's `Direction` (`IN`, `OUT`); Japanese, Chinese and Korean banks' and payment apps'.
    "direction", "inout", "入出金区分", "入出金", "收支", "收付", "借贷标志", "借贷", "입출금구분", "입출금",
    // Portuguese and Spanish, Turkish, Hebrew, Arabic.
    "débitocrédito", "debitocredito", "créditodébito", "borçalacak", "borcalacak", "alacakborç", "חובהזכות",
    "مديندائن",
  ]

  /// What is wrong: `has a column 'Af Bij' that says whether each amount is money in or out, …`.
  package static func sentence(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String {
    "has a column '\(MessageText.escaped(columns[found.column]))' that says whether each amount is money in "
      + "or out, but no field reads it: '\(policy.fields[found.field].name)' takes every amount as it is "
      + "written, whichever side it is on"
  }

  /// How to read the column.
  package static func hint(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String {
    let name = newFieldName("side", header: columns[found.column], policy: policy)
    return "if the amounts carry no sign, read the column as well (field \(name): text from "
      + "\"\(MessageText.escaped(columns[found.column]))\") and tell money in from money out by it, "
      + "as in sum(… where \(name) == \"…\")"
  }

  /// Whether `field` reads amounts: every money field does.
  package static func concerns(_ field: FieldInfo) -> Bool {
    true
  }

  /// Whether a header names a row's side: `D/C` with its slash (a bare `DC` is as often a data
  /// centre or Washington).
  package static func isNamed(_ header: String) -> Bool {
    let trimmed = header.trimmingCharacters(in: .whitespaces).uppercased()
    return names.contains(String(header.lowercased().filter(\.isLetter))) || trimmed == "D/C" || trimmed == "C/D"
  }
}
