import Foundation
import GRDB
import Verdict

/// Forgetting runs: a run recorded on a wrong day (a mistyped `--today`, a test run) would
/// otherwise refuse every run of an earlier day, the real one included, for good.
extension History {
  /// Removes the runs of `day` and of every later day, with everything they recorded, in one
  /// transaction: newest day first, each as a re-run of its day removes its record
  /// (``deleteRecord(ofDay:in:)``). Returns the runs removed, oldest first; none (and the file
  /// unchanged) when no run is of `day` or later.
  ///
  /// Waits up to the busy timeout for another process that is recording. Before committing, what
  /// is left is read as a run reads it: a history whose ids would not stay dense (only a damaged
  /// one) is refused with ``HistoryError/Kind/corrupt`` and left as it was.
  package func forgetRuns(from day: CalendarDate) throws(HistoryError) -> [RecordedRun] {
    try claim()
    defer { release() }
    var forgotten: [RecordedRun] = []
    do {
      try queue.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          forgotten = try RunRow.all(db, path: path).filter { $0.info.today >= day }
          for run in forgotten.reversed() { try Self.deleteRecord(ofDay: run.info.today.daysSinceEpoch, in: db) }
          _ = try ChangeLog(db, before: Int64.max, path: path)
          return forgotten.isEmpty ? .rollback : .commit
        }
      }
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "forgetting the runs from \(day) on")
    }
    return forgotten
  }

  /// Deletes the record of the run on `day` (days since 1970-01-01): its run, changes, clients
  /// kept, and the clients and outcomes first seen that day. Those have the highest ids when
  /// `day` is the latest run, since runs are recorded in the order of their days: the ids stay
  /// dense.
  static func deleteRecord(ofDay day: Int64, in db: Database) throws {
    for table in ["changes", "carried", "keys", "outcomes", "runs"] {
      try db.execute(sql: "DELETE FROM \(table) WHERE day = ?", arguments: [day])
    }
  }

  /// The refusal of a run on `today` in a history whose latest run is of `latest`, a later day.
  ///
  /// When runs are recorded after the real date (the system clock), the hint says that they
  /// were likely recorded with a wrong `--today`, and gives the command that removes them all: a
  /// run without `--today` is refused by them until then, every day.
  static func laterRunRecorded(
    _ db: Database, path: String, latest: CalendarDate, today: CalendarDate
  ) throws -> HistoryError {
    let message = "history \(path) has a run of \(latest); a run of \(today) would rewrite the past"
    let realDate = CalendarDate.today()
    guard latest > realDate else {
      return HistoryError(
        .earlierThanLatestRun, message,
        hint: "record runs in the order of their days, or use another history for this one")
    }
    let future = try Int64.fetchAll(
      db, sql: "SELECT day FROM runs WHERE day > ? ORDER BY day", arguments: [realDate.daysSinceEpoch])
    let first = future.first.map(CalendarDate.init(daysSinceEpoch:)) ?? latest
    let command = "verdict history --history \(shellWord(path)) --forget-from \(first)"
    let runs = future.count == 1 ? "its run of \(first) is" : "its \(future.count) runs from \(first) on are"
    let them = future.count == 1 ? "it" : "them"
    return HistoryError(
      .earlierThanLatestRun, message,
      hint:
        "\(runs) after today's date (\(realDate)), likely recorded with a wrong --today; remove \(them) with: \(command)"
    )
  }

  /// `text` as one word of a POSIX shell: as it is when it holds no character the shell treats
  /// specially, else in single quotes.
  static func shellWord(_ text: String) -> String {
    let plain =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "/._-+:,@%=".unicodeScalars.contains(scalar))
      }
    return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
