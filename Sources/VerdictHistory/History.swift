import Foundation
import GRDB
import Verdict

/// A run history: a SQLite file that records what each run decided for each client, so that a
/// run can ask what was decided before (see ``HistoryFacts``).
///
/// One `History` is one connection; it records one run at a time. Several processes may share
/// the file: SQLite's locks and the busy timeout put their recordings one after the other.
package final class History: @unchecked Sendable {
  /// The file's path, as given.
  package let path: String
  let queue: DatabaseQueue
  private let state = NSLock()
  private var recording = false
  /// The history as ``facts(before:)`` last read it, for the recording that follows to compare
  /// with instead of reading it again.
  private var lastRead: ChangeLog?

  init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
  }

  /// What the history knows of each client before a run on `today`: the state as of the latest
  /// recorded run strictly before `today` (a re-run of a day ignores that day's own record).
  package func facts(before today: CalendarDate) throws(HistoryError) -> HistoryFacts {
    let log = try reading("reading the history") { db in
      try ChangeLog(db, before: today.daysSinceEpoch, path: path)
    }
    state.lock()
    lastRead = log
    state.unlock()
    return HistoryFacts(log: log)
  }

  /// Starts recording a run. Outcomes are then added one by one and the whole run is committed in
  /// one transaction, or nothing is written.
  ///
  /// Holds the file's write lock until the recorder commits or is abandoned (waiting up to the
  /// busy timeout for another process's recording to end). A run of a day already recorded
  /// replaces it; a run of a day before the latest recorded run is refused.
  package func beginRun(_ run: RunInfo) throws(HistoryError) -> RunRecorder {
    try claim()
    state.lock()
    let read = lastRead
    lastRead = nil
    state.unlock()
    do {
      return try RunRecorder(history: self, run: run, read: read)
    } catch {
      release()
      throw error
    }
  }

  /// Closes the connection; the history cannot be used after. Closing the file's last
  /// connection moves the write-ahead log into the file: the file alone then holds every
  /// recorded run, however long something else keeps this object alive (a process that exits
  /// with it still open leaves its last run in the `-wal` file beside it, safe, but not in a
  /// copy of the file alone).
  package func disconnect() {
    try? queue.close()
  }

  /// Every recorded run, oldest first.
  package func runs() throws(HistoryError) -> [RecordedRun] {
    try reading("reading the runs") { db in try RunRow.all(db, path: path) }
  }

  /// The latest recorded run before `today`, if there is one.
  package func latestRun(before today: CalendarDate) throws(HistoryError) -> RecordedRun? {
    try reading("reading the runs") { db in try RunRow.all(db, path: path, before: today.daysSinceEpoch).last }
  }

  /// One client's changes, oldest first: a first entry when it appeared, then one per run where
  /// its outcome changed or it left or came back. Empty for a client never recorded.
  package func timeline(of client: String) throws(HistoryError) -> [TimelineEntry] {
    try reading("reading the timeline of \(client)") { db in
      let log = try ChangeLog(db, before: Int64.max, path: path)
      guard let id = withBytes(of: client, log.keys.find) else { return [] }
      return log.timeline(of: id)
    }
  }

  /// Every client key the history holds, in the order they were first recorded: what a key
  /// that ``timeline(of:)`` does not find may have been meant as.
  package func clientKeys() throws(HistoryError) -> [String] {
    try reading("reading the client keys") { db in
      let parts = try KeyParts(db, before: Int64.max)
      parts.unpack()
      let keys = try parts.keys(path: path)
      return (0..<keys.count).map(keys.key)
    }
  }

  /// Runs `body` in a read transaction, unless a recording holds the connection.
  private func reading<T>(_ doing: String, _ body: (Database) throws -> T) throws(HistoryError) -> T {
    state.lock()
    let busy = recording
    state.unlock()
    if busy {
      throw HistoryError(
        .busy, "history \(path) is recording a run on this connection",
        hint: "read the history before beginRun, or after the recorder commits")
    }
    do {
      return try queue.read(body)
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: doing)
    }
  }

  /// Marks the connection as held by a recording.
  func claim() throws(HistoryError) {
    state.lock()
    defer { state.unlock() }
    guard !recording else {
      throw HistoryError(
        .busy, "history \(path) is already recording a run on this connection",
        hint: "commit or abandon the first recorder before beginning another")
    }
    recording = true
  }

  /// Frees the connection after a recording ends.
  func release() {
    state.lock()
    recording = false
    state.unlock()
  }
}
