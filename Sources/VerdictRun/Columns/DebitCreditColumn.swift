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
package enum DebitCreditColumn {
  /// Headers that name a row's side, lowercased and with letters alone (`Af/Bij` is `afbij`), in
  /// the languages of the exports seen. Not the bare `S/H`, which US exports use for shipping and
  /// handling, nor `D/C`, which is as often `DC` (a data centre, Washington).
  private static let names: Set<String> = [
    "afbij", "bijaf", "debitcredit", "creditdebit", "debetcredit", "creditdebet", "debetkredit", "kreditdebet",
    "crdr", "drcr", "debitcreditindicator", "creditdebitindicator", "cdtdbtind", "dcindicator",
    "debitcreditflag", "creditdebitflag", "debitorcredit", "creditordebit", "sollhaben", "habensoll",
    "sollhabenkennzeichen", "sollhabenkz", "shkennzeichen", "dareavere", "cargoabono", "débitcrédit",
    "créditdébit",
  ]

  /// A side column of a file and the money field that reads amounts beside it.
  package struct Finding {
    /// The column's index in the file's header.
    package var column: Int
    /// The money field's slot.
    package var field: Int
  }

  /// The side column of `columns` that a file read by `policy` has and no field reads (one that
  /// does shows the policy knows of it), with a money field the policy reads; `nil` when there
  /// is none.
  package static func find(columns: [String], policy: Policy) -> Finding? {
    let read = HeaderIndex(columns).columnsRead(by: policy)
    guard let column = columns.indices.first(where: { isSide(columns[$0]) && !read.contains($0) }),
      let field = policy.fields.indices.first(where: {
        policy.fields[$0].isUsed && policy.fields[$0].type == .money
      })
    else { return nil }
    return Finding(column: column, field: field)
  }

  /// What is wrong: `has a column 'Af Bij' that says whether each amount is money in or out, …`.
  package static func sentence(_ found: Finding, columns: [String], policy: Policy) -> String {
    "has a column '\(MessageText.escaped(columns[found.column]))' that says whether each amount is money in "
      + "or out, but no field reads it: '\(policy.fields[found.field].name)' takes every amount as it is "
      + "written, whichever side it is on"
  }

  /// How to read the column.
  package static func hint(_ found: Finding, columns: [String], policy: Policy) -> String {
    "if the amounts carry no sign, read the column as well (field side: text from "
      + "\"\(MessageText.escaped(columns[found.column]))\") and tell money in from money out by it, "
      + "as in sum(… where side == \"…\")"
  }

  /// The summary's warning for `columns` of the file `file` read by `policy`, or `nil`.
  package static func warning(columns: [String], policy: Policy, file: String) -> String? {
    guard let found = find(columns: columns, policy: policy) else { return nil }
    return "warning: \(MessageText.escaped(file)) \(sentence(found, columns: columns, policy: policy)): "
      + hint(found, columns: columns, policy: policy)
  }

  /// Whether a header names a row's side.
  package static func isSide(_ header: String) -> Bool {
    names.contains(String(header.lowercased().filter(\.isLetter)))
  }
}
