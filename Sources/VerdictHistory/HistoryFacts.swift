import GRDB
import Verdict

/// What a history knows before a run: the days with a recorded run before it, and each client's
/// changes up to then. Loaded once per run; looking a client up costs a hash and a short walk.
package struct HistoryFacts: Sendable {
  let log: ChangeLog
  /// Each outcome's severity in the verdicts of the policy asking (``ranked(by:)``), by outcome
  /// id; `nil` for the severities the runs recorded.
  private var ranks: [Int]?

  init(log: ChangeLog) {
    self.log = log
  }

  /// These facts with each verdict ranked by its place in `verdicts`, a policy's, least severe
  /// first (a verdict the policy does not have ranks below every one it has); unchanged for no
  /// verdicts. The runs recorded severities as places in their own policy's verdicts, so a
  /// policy that added or reordered verdicts counted a past `watch` as `fire` in
  /// `times_flagged(30d, "fire")`.
  package func ranked(by verdicts: [String]) -> HistoryFacts {
    guard !verdicts.isEmpty else { return self }
    var ranked = self
    ranked.ranks = verdictIndexes(in: verdicts)
    return ranked
  }

  /// The days with a recorded run before the run these facts are for, oldest first.
  package var runDays: [CalendarDate] { log.runDays }

  /// How many clients have a recorded outcome before the run.
  package var clientCount: Int { log.keys.count }

  /// What the history knows of the client with `key`; `nil` when no run before recorded it.
  package func client(_ key: String) -> ClientHistory? {
    guard let id = withBytes(of: key, log.keys.find) else { return nil }
    return ClientHistory(log: log, client: id, ranks: ranks)
  }

  /// What the history knows of the client with `key`, trying the client with id `guess` first;
  /// `guess` becomes the id after the client's. A run whose rows come in the order of the run
  /// before finds each client without hashing its key.
  package func client(_ key: String, guess: inout Int) -> ClientHistory? {
    clientID(key, guess: &guess).flatMap(client(id:))
  }

  /// The id of the client with `key` among those the history knows (see
  /// ``client(_:guess:)`` for `guess`); `nil` for a key new to the history.
  package func clientID(_ key: String, guess: inout Int) -> Int? {
    withBytes(of: key) { bytes in clientID(keyBytes: bytes, guess: &guess) }
  }

  /// ``clientID(_:guess:)`` with the key as its UTF-8 bytes (valid UTF-8), as a run's rows
  /// hold it: no `String` is made for a row.
  @inline(__always)
  package func clientID(keyBytes bytes: UnsafeBufferPointer<UInt8>, guess: inout Int) -> Int? {
    // A first run looks up nothing. The keys are used in place: a copy of the table would
    // retain its buffers, which the evaluating threads share, on every row.
    guard log.keys.count > 0 else { return nil }
    let found = guess < log.keys.count && log.keys.matches(guess, bytes) ? guess : log.keys.find(bytes)
    guard let found else { return nil }
    guess = found + 1
    return found
  }

  /// What the history knows of the client with id `id` (from ``clientID(_:guess:)``).
  package func client(id: Int) -> ClientHistory? { ClientHistory(log: log, client: id, ranks: ranks) }

  /// The latest outcome of the client with id `id` (from ``clientID(_:guess:)``), as plain
  /// values: unlike a ``ClientHistory`` it holds no reference to the history, whose count of
  /// references the evaluating threads would otherwise both change on every row.
  package func latest(id: Int) -> LatestOutcome? {
    // As ``ClientHistory`` finds them, from the log's columns.
    let first = Int(log.starts[id])
    let end = Int(log.starts[id + 1])
    guard end > first else { return nil }
    guard log.changeOutcomes[end - 1] >= 0, let latestRun = log.runDays.last else {
      // A client that left the data (or a history without runs): rare enough for the long way.
      return ClientHistory(log: log, client: id, ranks: ranks).map { client in
        LatestOutcome(
          outcome: client.outcomeID, verdictSince: client.verdictSince, lastDay: client.lastDay,
          lastJudgedDay: client.lastJudgedDay, wasInLatestRun: client.wasInLatestRun)
      }
    }
    let since = CalendarDate(daysSinceEpoch: Int64(log.changeDays[log.stretchStart(of: end - 1, from: first)]))
    return LatestOutcome(
      outcome: Int(log.changeOutcomes[end - 1]), verdictSince: since, lastDay: latestRun,
      lastJudgedDay: log.lastJudgedDay(of: id, atOrBefore: latestRun), wasInLatestRun: true)
  }

  /// The clauses of each of the history's outcomes, by outcome id (`cooldown`: `3d`).
  package var outcomeClauses: [[String: String]] { log.outcomes.map(\.clauses) }

  /// The verdict of each outcome id (``LatestOutcome/outcome``) as its index in `verdicts`; -1
  /// for a verdict that is not among them.
  package func verdictIndexes(in verdicts: [String]) -> [Int] {
    log.outcomes.map { verdicts.firstIndex(of: $0.verdict) ?? -1 }
  }
}

/// A client's latest recorded outcome before a run (``HistoryFacts/latest(id:)``): what the run
/// compares its own outcome with.
package struct LatestOutcome: Sendable {
  /// The outcome's id in the history (see ``HistoryFacts/verdictIndexes(in:)``).
  package var outcome: Int
  /// See ``ClientHistory/verdictSince``.
  package var verdictSince: CalendarDate
  /// See ``ClientHistory/lastDay``.
  package var lastDay: CalendarDate
  /// See ``ClientHistory/lastJudgedDay``.
  package var lastJudgedDay: CalendarDate
  /// See ``ClientHistory/wasInLatestRun``.
  package var wasInLatestRun: Bool
}
