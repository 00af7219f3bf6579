import VerdictRun

/// A record table's file, given with `:data TABLE=FILE` (or `repl --table`), that the policy
/// cannot use as it now declares the table: it cannot be opened or read, lacks a column the
/// table reads, or has a number column of two readings. `verdict run` refuses such a file, so
/// the REPL evaluates no loaded client while one is there, rather than judge them with the
/// table's aggregates missing. The path is kept: the file is read again when the policy changes
/// (`:load`, a statement typed) and when `:data` gives it again, so that a file put right is
/// taken up.
struct TableFault: Sendable {
  /// The table's name in the policy.
  var table: String
  /// The file as it was given.
  var path: String
  /// Why the file cannot be used, as `verdict run` says it.
  var failure: RunFailure

  /// The failure, then what to do: `verdict: …` lines, then `  hint: …`.
  var message: String {
    RunFailure.Problem.render(
      "table '\(table)' cannot be used, so no loaded client is evaluated",
      hint: "put the file or the policy right; ':data \(table)=\(path)' or ':load POLICY' reads the file again")
  }
}
