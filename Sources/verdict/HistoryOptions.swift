import ArgumentParser
import VerdictHistory

/// Where the run history is: `--history FILE`, `--default-history`, or the file the environment
/// variable `VERDICT_HISTORY` names. Without any of them a run has no history.
struct HistoryOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The run history file (SQLite): run records in it, creating it if absent; other commands only read it. Default: $VERDICT_HISTORY, if set.",
      valueName: "file"))
  var history: String?

  @Flag(
    help:
      "Use the default history file: $VERDICT_HISTORY, else $XDG_DATA_HOME/verdict/history.sqlite, else ~/.local/share/verdict/history.sqlite."
  )
  var defaultHistory = false

  /// The history file chosen, or `nil` for none.
  /// - Throws: ``CommandFailure`` (exit 2) when both options are given, or no default can be found.
  func path(environment: [String: String]) throws(CommandFailure) -> String? {
    if let history {
      guard !defaultHistory else {
        throw CommandFailure(message: "give --history FILE or --default-history, not both", exitCode: 2)
      }
      // An empty name (a variable unset in a script: --history "$H") names no file.
      guard !history.isEmpty else {
        throw CommandFailure(message: "--history: the file name is empty; give the history's file", exitCode: 2)
      }
      return history
    }
    if defaultHistory {
      guard let path = History.defaultPath(environment: environment) else {
        throw CommandFailure(
          message: "--default-history: neither VERDICT_HISTORY, XDG_DATA_HOME nor HOME is set; give --history FILE",
          exitCode: 2)
      }
      return path
    }
    return environment["VERDICT_HISTORY"].flatMap { $0.isEmpty ? nil : $0 }
  }
}
