import Verdict
import VerdictHistory

/// `verdict history --forget-from DAY`: removing the runs recorded on a wrong day.
extension HistoryCommand {
  /// Removes the runs of `day` and later from the history at `path` (which exists), and lists
  /// them as `verdict history` does; refuses when there is none.
  func forgetRuns(from day: CalendarDate, in path: String) throws(CommandFailure) {
    let forgotten: [RecordedRun]
    let left: [RecordedRun]
    do throws(HistoryError) {
      let opened = try History.open(path: path)
      defer { opened.disconnect() }
      forgotten = try opened.forgetRuns(from: day)
      left = forgotten.isEmpty ? try opened.runs() : []
    } catch {
      throw CommandFailure(message: error.message, hint: error.hint, exitCode: 2)
    }
    guard !forgotten.isEmpty else {
      throw CommandFailure(
        message: "history \(path) has no run of \(day) or later: nothing was removed",
        hint: left.last.map { "its latest run is of \($0.info.today)" } ?? "it holds no run yet", exitCode: 2)
    }
    if format == .json {
      Terminal.out(HistoryJSON.array(forgotten.map(HistoryJSON.run)) + "\n")
      return
    }
    let count = forgotten.count == 1 ? "1 run" : "\(forgotten.count) runs"
    let days =
      forgotten.count == 1
      ? "of \(forgotten[0].info.today)"
      : "from \(forgotten[0].info.today) to \(forgotten[forgotten.count - 1].info.today)"
    Terminal.show("removed \(count) \(days) from history \(path):\n" + HistoryCommand.table(of: forgotten) + "\n")
  }
}
