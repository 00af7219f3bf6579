/// The code of every warning a policy can get, so that the list is closed and documented:
/// `docs/language.md` lists each one with an example, and a test holds the page to this list.
package enum WarningCode: String, CaseIterable, Sendable {
  /// A rule whose condition no value satisfies (`x > 10 and x < 5`).
  case neverMatches = "never-matches"
  /// A rule with the same condition as an earlier one that always wins over it.
  case neverWins = "never-wins"
  /// `hold until paid` in a policy with no money to wait for.
  case holdWithoutMoney = "hold-without-money"
  /// A verdict declared in `verdicts` that no rule recommends.
  case unusedVerdict = "unused-verdict"
  /// A declared field nothing uses.
  case unusedField = "unused-field"
  /// A let nothing uses.
  case unusedLet = "unused-let"
  /// An undeclared name close to a let's: read from the data, but probably a typo.
  case possibleTypo = "possible-typo"
  /// A table no aggregate reads.
  case unusedTable = "unused-table"
  /// `verdict check --data`: cells of a column that do not fit their field.
  case cellType = "cell-type"
  /// `verdict check --data`: rows a run reports as errors whatever the policy reads in them (too
  /// few or too many cells, a blank key); about the data file's line, not the policy.
  case rowError = "row-error"
  /// `verdict check --data`: a percent column whose every value is a bare fraction (`0.15`),
  /// which reads as 0.15%, as a run's summary warns.
  case percentFractions = "percent-fractions"
  /// `verdict check --data`: a column that names each row's currency (`Currency`) that no field
  /// reads, while a money field reads bare amounts in one currency, as a run's summary warns.
  case currencyColumn = "currency-column"
  /// `verdict check --data`: a column that says whether each row's amount is money in or out
  /// (`Af Bij`, `Soll/Haben-Kennzeichen`) that no field reads, while a money field reads the
  /// amounts, as a run's summary warns.
  case debitCreditColumn = "debit-credit-column"
  /// `verdict check --data`: a record table that `--table` gives no file for, so its records'
  /// cells are not checked (and a run would stop).
  case uncheckedTable = "unchecked-table"
  /// `verdict check --data`: a column whose header names another currency or duration unit than
  /// its field reads bare numbers in (`Amount (USD)` for a field of euros), as a run's summary warns.
  case headerUnit = "header-unit"
  /// `verdict check --data`: a text the policy compares a field with that the data writes
  /// another way (`Pro` for `"pro"`), whose rows silently do not match, as a run's summary warns.
  case textVariant = "text-variant"
  /// `verdict check --data`: a file read as Windows-1252 whose words look written in another
  /// code page (`£ódŸ` for `Łódź`), whose texts then equal none of the policy's, as a run's
  /// summary warns.
  case codePage = "code-page"
  /// `verdict check --data`: client keys on more than one row of a client file, each judged
  /// apart, as a run's summary warns; about the data file's line, not the policy.
  case duplicateKeys = "duplicate-keys"
  /// `verdict check --data` with the tables' files: records whose key matches no client of the
  /// client file, which a run counts for no one, as its summary warns.
  case unmatchedRecords = "unmatched-records"
  /// `verdict check --table` without a client file: keys of the tables that differ only in case,
  /// quotes, spaces or zeros in front, each a client of its own, as a run's summary warns.
  case lookalikeKeys = "lookalike-keys"
}

/// The code of a mistake in one of a policy's own examples: an error in `verdict test`, and a
/// warning wherever the policy is compiled to run, so that a broken test does not stop a run.
package enum ExampleMistake: String, CaseIterable, Sendable {
  /// Two examples with the same name.
  case duplicateExample = "duplicate-example"
  /// A field given twice in one example, or in one record.
  case duplicateValue = "duplicate-example-value"
  /// Records for a table the policy does not have, or a value where a table's records belong.
  case records = "example-records"
  /// A field the policy (or the table) does not have.
  case field = "example-field"
  /// A value that is not a constant.
  case constant = "example-constant"
  /// A value of the wrong type for its field.
  case value = "example-value"
  /// An expected verdict the policy does not have.
  case unknownVerdict = "unknown-verdict"
  /// A clause expected twice.
  case duplicateClause = "duplicate-clause"
  /// An expected clause value of the wrong type.
  case clauseType = "clause-type"
}

extension Diagnostic {
  /// A mistake in an example, as an error (``Policy/compile(_:)`` makes it a warning).
  static func mistake(
    _ code: ExampleMistake, _ message: String, at range: SourceRange, hint: String? = nil, notes: [Note] = []
  ) -> Diagnostic {
    .error(code.rawValue, message, at: range, hint: hint, notes: notes)
  }
}
