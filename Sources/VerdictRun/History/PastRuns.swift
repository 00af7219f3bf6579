import Verdict
import VerdictHistory

/// A client's standing against the run history: whether its verdict is new, changed or the
/// same as at the previous run, since when it has held, and whether it is still cooling off.
struct ClientStanding: Sendable {
  /// What happened to the client's verdict.
  enum Status: String, Sendable {
    /// The history has no earlier run with the client.
    case new
    /// A verdict with a `cooldown` that has not held that long yet.
    case pending
    /// A verdict whose `cooldown` ran out at this run: time to act.
    case due
    /// The same verdict as at the previous run.
    case unchanged
    /// Another verdict than at the previous run.
    case changed
  }

  var status: Status
  /// The first run day of the verdict's unbroken stretch (today for a new or changed one).
  var since: CalendarDate
  /// For a pending verdict, the day its cooldown runs out.
  var coolingOffUntil: CalendarDate?

  /// Whether `--changed` reports the client: a new or changed verdict (pending or not), or a
  /// cooldown that ran out.
  func isNews(today: CalendarDate) -> Bool {
    switch status {
    case .new, .changed, .due: true
    case .pending: since == today
    case .unchanged: false
    }
  }
}

/// What a run history knew before a run on `today`: each client's past, the values of the
/// policy's history facts, and each client's standing. Read-only, so evaluating threads share it;
/// `verdict explain` uses it without recording anything.
final class PastRuns: @unchecked Sendable {
  let today: CalendarDate
  /// What the history knew before `today`.
  let facts: HistoryFacts
  /// The verdict of each of the history's outcomes as its severity in the run's verdicts; -1 for
  /// a verdict the run's policy does not have.
  private let severities: [Int]
  /// The cooldown of each of the history's outcomes, read back from its clause; `nil` for none.
  private let cooldowns: [TimeSpan?]

  /// Reads what `history` knows before `today`, for a run whose policy has `verdicts`.
  /// - Throws: `HistoryError` for a file that cannot be read.
  convenience init(history: History, today: CalendarDate, verdicts: [String] = []) throws(HistoryError) {
    self.init(facts: try history.facts(before: today), today: today, verdicts: verdicts)
  }

  /// What `facts` say, for a run on `today` whose policy has `verdicts`.
  init(facts: HistoryFacts, today: CalendarDate, verdicts: [String]) {
    self.today = today
    self.facts = facts.ranked(by: verdicts)
    severities = facts.verdictIndexes(in: verdicts)
    let field = FieldInfo(name: "cooldown", type: .duration)
    cooldowns = facts.outcomeClauses.map { clauses in
      guard let text = clauses["cooldown"], case .success(.duration(let span)) = CellReader().read(text, for: field)
      else { return nil }
      return span
    }
  }

  /// What the history knows of `key`.
  func client(_ key: String) -> ClientHistory? { facts.client(key) }

  /// What the history knows of `key`, trying the client after the one found before first (see
  /// ``HistoryFacts/client(_:guess:)``).
  func client(_ key: String, guess: inout Int) -> ClientHistory? { facts.client(key, guess: &guess) }

  /// The id of the client with `key` in the history; `nil` for a new one (see
  /// ``HistoryFacts/clientID(_:guess:)``).
  func clientID(_ key: String, guess: inout Int) -> Int? { facts.clientID(key, guess: &guess) }

  /// ``clientID(_:guess:)`` with the key as its UTF-8 bytes (``Batch/withRecordedKey(_:_:)``).
  @inline(__always)
  func clientID(keyBytes key: UnsafeBufferPointer<UInt8>, guess: inout Int) -> Int? {
    facts.clientID(keyBytes: key, guess: &guess)
  }

  /// What the history knows of the client with id `id`.
  func client(id: Int) -> ClientHistory? { facts.client(id: id) }

  /// Writes `policy`'s history facts for a client whose history is `history` into its slots.
  func fill(_ client: inout Client, history: ClientHistory?, policy: Policy) {
    let facts = policy.historyFacts
    guard !facts.isEmpty else { return }
    let end = policy.historySlot(facts.count - 1) + 1
    if client.values.count < end {
      client.values += Array(repeating: .missing, count: end - client.values.count)
    }
    for (index, fact) in facts.enumerated() {
      client.values[policy.historySlot(index)] = value(of: fact, history, otherwise: policy.otherwiseSeverity)
    }
  }

  private func value(of fact: HistoryFact, _ history: ClientHistory?, otherwise: Int) -> Value {
    switch fact.kind {
    case .previousVerdict:
      return history.map { .text($0.lastVerdict) } ?? .missing
    case .flaggedSince:
      return flaggedSince(history, otherwise: otherwise).map { .date($0) } ?? .missing
    case .daysFlagged:
      guard let since = flaggedSince(history, otherwise: otherwise) else { return .missing }
      return .duration(TimeSpan(seconds: (today.daysSinceEpoch - since.daysSinceEpoch) * 86_400))
    case .timesFlagged(let window, let atLeast):
      guard let history else { return .int(0) }
      // The window's first day: part of a day counts as a whole day; the first date there is at
      // the earliest (the longest duration, as a window, overflowed here).
      let (start, overflow) = today.daysSinceEpoch.subtractingReportingOverflow(window.daysRoundedUp)
      let since = CalendarDate(
        daysSinceEpoch: overflow ? CalendarDate.first.daysSinceEpoch : max(CalendarDate.first.daysSinceEpoch, start))
      return .int(Int64(history.timesFlagged(atLeast: atLeast ?? otherwise + 1, since: since)))
    }
  }

  /// The first run day of the unbroken stretch of verdicts more severe than `otherwise`'s that
  /// reaches the latest earlier run; `nil` when the client was not flagged there.
  func flaggedSince(_ history: ClientHistory?, otherwise: Int) -> CalendarDate? {
    guard let history, history.wasInLatestRun, history.lastSeverity > otherwise else { return nil }
    let days = facts.runDays
    var index = days.firstIndex(of: history.verdictSince) ?? 0
    while index > 0, let severity = history.severity(on: days[index - 1]), severity > otherwise {
      index -= 1
    }
    return days.isEmpty ? history.verdictSince : days[index]
  }

  /// The day the cooldown of `latest`'s outcome ran out as the run that gave it counted it: the
  /// client was pending at its last judged run when that run was before it. A cooldown the policy
  /// shortened since, or one it computes (`days_until(project_end) - 10d`), ends earlier today
  /// than it did then, and was never due by today's count alone. `otherwise` (today's end) for
  /// an outcome recorded without a cooldown.
  private func pendingUntil(_ latest: LatestOutcome, otherwise: CalendarDate) -> CalendarDate {
    guard latest.outcome < cooldowns.count, let cooldown = cooldowns[latest.outcome], cooldown.seconds >= 0 else {
      return otherwise
    }
    return latest.verdictSince.adding(wholeDaysOf: cooldown)
  }

  /// The standing of the client with id `client` (`nil`: new to the history): its verdict
  /// against the previous run's, and its cooldown. The run's verdicts are those given to ``init(history:today:verdicts:)``.
  func standing(of client: Int?, _ outcome: ReportOutcome) -> ClientStanding {
    // Not `client.flatMap(facts.latest(id:))`: the closure would hold the history's facts, whose
    // count of references the evaluating threads would both change on every row.
    var latest: LatestOutcome?
    if let client { latest = facts.latest(id: client) }
    var standing: ClientStanding
    if let latest, latest.wasInLatestRun {
      let same = severities[latest.outcome] == outcome.severity
      standing = ClientStanding(status: same ? .unchanged : .changed, since: same ? latest.verdictSince : today)
    } else {
      standing = ClientStanding(status: latest == nil ? .new : .changed, since: today)
    }
    // Evaluation refuses a negative cooldown; `0d` runs out the day the verdict starts.
    guard let cooldown = outcome.cooldown, cooldown.seconds >= 0 else { return standing }
    let until = standing.since.adding(wholeDaysOf: cooldown)
    if today.daysSinceEpoch < until.daysSinceEpoch {
      standing.status = .pending
      standing.coolingOffUntil = until
    } else if standing.status != .unchanged {
      // A new or changed verdict whose cooldown ran out already (`cooldown 0d`): due at once.
      standing.status = .due
    } else if let latest, latest.lastJudgedDay.daysSinceEpoch < pendingUntil(latest, otherwise: until).daysSinceEpoch {
      // Due at the first run that judges the client once the cooldown ran out: a run that kept
      // it without judging it (an error row on the day) did not say so.
      standing.status = .due
    }
    return standing
  }
}
