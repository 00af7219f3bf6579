import Verdict
import VerdictData

/// A client file without a column that names its clients, given with record tables: its
/// clients are named by file and line, which no record names, so every client would be judged
/// on empty tables (owing nothing) and every record reported as matching no client. `run`,
/// `check --data`, `explain`, `test --data` and the REPL refuse it alike.
package enum KeylessClients {
  /// The problem of the client file `file`, whose columns are `columns`, when the policy has
  /// the record table `table` (its first); `nil` when the file has a key column.
  ///
  /// A file with the column a table is keyed by is most likely that table's file given as the
  /// client file (a policy of tables alone needs none): the hint says how to give it.
  package static func problem(file: String, columns: [String], keyColumn: Int?, table: RecordTable?)
    -> RunFailure.Problem?
  {
    guard let table, keyColumn == nil, !columns.isEmpty else { return nil }
    let message =
      "\(MessageText.escaped(file)) has no column that names its clients (id, name or --key), so no record of "
      + "table '\(table.name)' can be matched to them"
    if case .found = HeaderIndex(columns).find(table.keyColumn) {
      return RunFailure.Problem(
        message,
        hint: "it has the column '\(table.keyColumn)' that table '\(table.name)' is keyed by: if it is the "
          + "table's file, give it with --table \(table.name)=\(MessageText.escaped(file)), not as the client file")
    }
    let shown = columns.prefix(8).map { Value.quote($0) }.joined(separator: ", ") + (columns.count > 8 ? ", …" : "")
    return RunFailure.Problem(
      message,
      hint: "name the column that holds the '\(table.keyColumn)' of table '\(table.name)' with --key COLUMN "
        + "(its columns: \(shown))")
  }

  /// ``problem(file:columns:keyColumn:table:)`` as a failure that stops the command (exit 2).
  package static func failure(file: String, columns: [String], keyColumn: Int?, table: RecordTable?) -> RunFailure? {
    problem(file: file, columns: columns, keyColumn: keyColumn, table: table).map {
      RunFailure(.data, $0.message, hint: $0.hint)
    }
  }
}
