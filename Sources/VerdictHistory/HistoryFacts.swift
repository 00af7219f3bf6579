import GRDB
import Verdict

/// What a history knows before a run: the days with a recorded run before it, and each client's
/// changes up to then. Loaded once per run; looking a client up costs a hash and a short walk.
public struct HistoryFacts: Sendable {
  let log: ChangeLog

  /// The days with a recorded run before the run these facts are for, oldest first.
  public var runDays: [CalendarDate] { log.runDays }

  /// How many clients have a recorded outcome before the run.
  public var clientCount: Int { log.keys.count }

  /// What the history knows of the client with `key`; `nil` when no run before recorded it.
  public func client(_ key: String) -> ClientHistory? {
    guard let id = withBytes(of: key, log.keys.find) else { return nil }
    return ClientHistory(log: log, client: id)
  }
}
