import Verdict
import VerdictHistory

/// What the HTML report shows of the run history (``RunHistory``): what it knew before the run,
/// read once when the run began, and the clients of the previous run that this run's data no
/// longer has.
struct PageHistory {
  /// What the history knew before the run.
  let past: PastRuns
  /// The keys of the clients in the previous run that are not in this run's data, sorted.
  let departed: [String]

  /// The day of the previous run; `nil` on the first run.
  var previousRun: CalendarDate? { past.facts.runDays.last }

  /// What the history knew of the client of `entry`; `nil` for a client it had not seen, or one
  /// without a key (the history records none of those).
  func client(_ entry: ReportEntry) -> ClientHistory? {
    entry.keyed ? past.client(PageHistory.key(entry.client)) : nil
  }

  /// The key as the history records it: without spaces and tabs around it.
  static func key(_ client: String) -> String { ClientKey.trimmed(client) }
}

/// The clients of the previous run not met in this one yet: the writer crosses off every key it
/// records, and those left at the end left the data.
final class Departures {
  private var waiting: Set<String>

  init(_ past: PastRuns) {
    waiting = past.facts.clientsInLatestRun
  }

  /// Crosses off the client with `key`.
  func met(_ key: String) {
    if !waiting.isEmpty { waiting.remove(key) }
  }

  /// The keys not met, sorted.
  var departed: [String] { waiting.sorted() }
}
