import Verdict
import VerdictRun

/// What a run's summary would say of the files a client book holds, for `verdict explain` and
/// the REPL's `:data` and `:run`, which read the files otherwise.
extension ClientBook {
  /// Why the loaded client file cannot be joined with `policy`'s record tables: it has no
  /// column that names its clients (``KeylessClients``); `nil` when it can, or is not loaded.
  package func keylessProblem(for policy: Policy) -> String? {
    guard let table else { return nil }
    return KeylessClients.problem(
      file: table.name, columns: table.columns, keyColumn: table.keyColumn, table: policy.tables.first
    ).map { $0.message + ($0.hint.map { "\n  hint: \($0)" } ?? "") }
  }

  /// The warnings a run's summary gives about the loaded files for `policy`: client keys on more
  /// than one row (`:client` finds the first), percent fields whose every value in the client
  /// file is a bare fraction (`0.15`, read as 0.15%), a currency column no field reads
  /// and a column saying which side each amount is on (``UnreadColumns``), headers naming another unit than their fields' (``HeaderUnits``),
  /// texts the rows write another way than the policy compares them with
  /// (``TextVariants``), a file read as Windows-1252 that looks written in another code page
  /// (``CodePageLook``), then ``recordWarnings(for:)``.
  package func warnings(for policy: Policy) -> [String] {
    guard let table else { return recordWarnings(for: policy) }
    let repeated = RunSummary.duplicateKeysSentence(ClientKey.repeated(table.rows.map(\.key)), more: false)
    let decidedTable = decided.table(table, for: policy)
    let scale = PercentScale(decidedTable, for: policy)
    return (repeated.map { ["warning: \($0)"] } ?? []) + scale.warnings(fields: policy.fields, sources: [table.name])
      + UnreadColumns.warnings(columns: table.columns, policy: policy, file: table.name)
      + HeaderUnits.warnings(columns: table.columns, policy: policy, file: table.name)
      + TextVariants(decidedTable, for: policy).warnings(
        fields: policy.fields, sources: [table.name])
      + (table.codePageLook.map { ["warning: " + $0.warning(file: table.name)] } ?? [])
      + recordWarnings(for: policy)
  }

  /// The warnings a run's summary gives about the tables' records: texts their filters compare
  /// with that they write another way; those whose key matches no client of the client file;
  /// without one, keys written two ways, each a client of its own. Nothing about keys for a
  /// client file without a key column, whose problem says that no record matches.
  package func recordWarnings(for policy: Policy) -> [String] {
    guard let records, records.fit(policy) else { return [] }
    guard keylessProblem(for: policy) == nil else { return records.textVariants }
    guard let table else { return records.textVariants + (records.lookalikeKeys.map { ["warning: \($0)"] } ?? []) }
    let unmatched = records.unmatchedRecords(clients: entries.map(\.key), clientFile: table.name)
    return records.textVariants + (unmatched.map { ["warning: \($0)"] } ?? [])
  }
}
