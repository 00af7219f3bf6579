import Foundation
import Synchronization
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
    } else if let last = latest?.lastJudgedDay, last.daysSinceEpoch < until.daysSinceEpoch {
      // Due at the first run that judges the client once the cooldown ran out: a run that kept
      // it without judging it (an error row on the day) did not say so.
      standing.status = .due
    }
    return standing
  }
}

/// The run history as one `verdict run` uses it: what earlier runs said (``PastRuns``) and the
/// recorder that writes this run in one transaction, committed only once the report is.
final class RunHistory: @unchecked Sendable {
  /// What the history knew before this run.
  let past: PastRuns
  private let history: History
  private let recorder: RunRecorder
  private let verdicts: [String]
  private let rules: [String]
  private let texts: [String]
  /// The recorder's code of each distinct outcome of the run so far, shared by the evaluating
  /// threads (each asks only for outcomes its own ``OutcomeCodes`` has not met yet).
  private let codes = Mutex(OutcomeCodes())
  /// The hashes of the keys of a batch's clients new to the history (used by the writer's
  /// thread alone).
  @exclusivity(unchecked) private var newKeyHashes: [UInt64] = []
  /// The verdicts of the previous run that the policy no longer has, which its history facts
  /// cannot count.
  let forgottenVerdicts: ForgottenVerdicts?
  /// Whether the client ids found in ``past`` are the recorder's, so that the evaluating threads'
  /// look-ups spare the writer finding each key again.
  let sharesClientIDs: Bool

  /// Opens the history at `path`, reads what it knows before `today`, and starts recording.
  /// - Throws: ``RunFailure`` for a file that is not a Verdict history, from a newer version,
  ///   corrupt, busy, or whose latest run is later than `today`.
  init(path: String, policy: Policy, configuration: RunConfiguration) throws(RunFailure) {
    verdicts = policy.verdicts
    // As the report names them (an unnamed rule by its line): a timeline shows one label a rule.
    // Runs recorded before named an unnamed rule `rule 2` (its place); those are kept as they are.
    rules = policy.ruleLabels
    texts = policy.reportTexts
    do throws(HistoryError) {
      history = try History.open(path: path)
      let before = try PastRuns(history: history, today: configuration.today, verdicts: policy.verdicts)
      forgottenVerdicts = try ForgottenVerdicts.find(in: history, before: configuration.today, policy: policy)
      recorder = try history.beginRun(
        RunInfo(
          today: configuration.today, startedAt: Date(), policyPath: policy.source.name,
          policyHash: RunHistory.hash(policy.source.bytes),
          dataFiles: configuration.inputs + configuration.tables.map(\.path),
          verdicts: policy.verdicts, otherwiseIndex: policy.otherwiseSeverity))
      // Another run may have committed while this one waited for the lock: the facts, standings
      // and --changed are then taken from what the recorder read under it, as the run is
      // recorded against that (a run's report said 'changed' for a change it did not record).
      past =
        recorder.sharesClientIDs(with: before.facts)
        ? before
        : PastRuns(facts: recorder.factsBefore, today: configuration.today, verdicts: policy.verdicts)
    } catch {
      throw RunFailure.history(error)
    }
    sharesClientIDs = recorder.sharesClientIDs(with: past.facts)
  }

  /// Records the outcomes of `batch`'s rows (``Batch/outcomes``) in row order (see
  /// ``record(key:hash:client:code:)``); rows without a key are not recorded.
  func record(_ batch: Batch) throws(RunFailure) {
    let outcomes = batch.outcomes
    if sharesClientIDs {
      newKeyHashes.removeAll(keepingCapacity: true)
      for index in outcomes.indices where outcomes[index].client == nil && outcomes[index].code != nil {
        batch.withRecordedKey(outcomes[index].row) { key in
          if !key.isEmpty { newKeyHashes.append(RunRecorder.hashOf(key)) }
        }
      }
      recorder.expectNew(hashes: newKeyHashes)
    }
    // The new keys come in the order their hashes were made above.
    var nextNew = 0
    for index in outcomes.indices {
      let outcome = outcomes[index]
      let failure = batch.withRecordedKey(outcome.row) { key -> HistoryError? in
        guard !key.isEmpty else { return nil }
        var hash: UInt64?
        if sharesClientIDs && outcome.client == nil && outcome.code != nil {
          // A client new to the history: its key's hash was made above.
          hash = newKeyHashes[nextNew]
          nextNew += 1
        }
        return record(key: key, hash: hash, client: outcome.client, code: outcome.code)
      }
      if let failure { throw RunFailure(.history, "history: \(failure.message)") }
    }
  }

  /// Records a client's outcome by its code (``code(of:cache:)``); a client that could not be
  /// evaluated (`code` is `nil`) keeps its earlier one. `client` is its id in ``past`` when
  /// ``sharesClientIDs``, found from `key`; `hash` is the hash of the key of a client new to the
  /// history (`client` is `nil` then), and only of such a client. Returns why it could not be
  /// recorded, if it could not.
  private func record(
    key: UnsafeBufferPointer<UInt8>, hash: UInt64?, client: Int?, code: OutcomeCode?
  ) -> HistoryError? {
    do throws(HistoryError) {
      if let code {
        if let hash {
          try recorder.addNew(keyBytes: key, hash: hash, code: code)
        } else {
          try recorder.add(keyBytes: key, code: code, knownAs: client)
        }
      } else {
        try recorder.carryOver(keyBytes: key)
      }
    } catch {
      // A key on two rows is recorded once, as its first row says (the summary names the
      // repeated keys).
      return error.kind == .duplicateClient ? nil : error
    }
    return nil
  }

  /// The recorder's code for `outcome`, found in `cache` (the calling thread's own) or else in
  /// the run's shared codes, which make its verdict, rule and clauses as text once per distinct
  /// outcome of the run.
  func code(of outcome: ReportOutcome, cache: inout OutcomeCodes) -> OutcomeCode {
    if let code = cache.code(of: outcome) { return code }
    let code = codes.withLock { codes in
      if let code = codes.code(of: outcome) { return code }
      let code = makeCode(outcome)
      codes.add(code, for: outcome)
      return code
    }
    cache.add(code, for: outcome)
    return code
  }

  /// Registers `outcome` with the recorder (under the lock of ``codes``).
  private func makeCode(_ outcome: ReportOutcome) -> OutcomeCode {
    var clauses: [String: String] = [:]
    if let notice = outcome.notice { clauses["notice"] = notice.description }
    if let cooldown = outcome.cooldown { clauses["cooldown"] = cooldown.description }
    if outcome.holdUntilPaid { clauses["hold"] = "until paid" }
    if let meet = outcome.meet { clauses["meet"] = meet.rawValue }
    if let reason = outcome.reason.string(in: texts) { clauses["reason"] = reason }
    if let refer = outcome.refer.string(in: texts) { clauses["refer"] = refer }
    return recorder.code(
      verdict: verdicts[outcome.severity], severity: outcome.severity, rule: outcome.winningRule.map { rules[$0] },
      clauses: clauses)
  }

  /// Commits the run, once its report is written.
  func commit(_ tally: Tally) throws(RunFailure) {
    var counts: [String: Int] = [:]
    for (severity, verdict) in verdicts.enumerated() { counts[verdict] = tally.verdicts[severity] }
    do throws(HistoryError) {
      try recorder.commit(counts: counts, errors: tally.errors, dataReadWhole: tally.readsEveryClient)
    } catch {
      abandon()
      throw RunFailure(.history, "history: the report was written, but the run was not recorded: \(error.message)")
    }
    history.disconnect()
  }

  /// Leaves the history as it was. The history is closed after either.
  func abandon() {
    recorder.abandon()
    history.disconnect()
  }

  /// A short hash of the policy's bytes (FNV-1a, 64 bits), to tell when the policy changed.
  static func hash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }
}

extension RunFailure {
  /// A history that cannot be opened, read or recorded in (exit 2).
  static func history(_ error: HistoryError) -> RunFailure {
    RunFailure(.history, error.message, hint: error.hint)
  }
}

/// What `verdict explain` and the REPL read of a run history, without recording.
package final class HistoryReader: @unchecked Sendable {
  private let past: PastRuns
  /// The facts ranked by a policy's verdicts, for the last list of verdicts asked with.
  private var ranked: (verdicts: [String], facts: HistoryFacts)?
  /// The history's file, as it was named.
  package let path: String

  /// Reads what the history at `path` knows before `today`.
  /// - Throws: ``RunFailure`` for a missing file, or one that is not a readable Verdict history.
  package init(path: String, today: CalendarDate) throws(RunFailure) {
    // A link to nothing is said to be one (History.openForReading), not to be no history.
    guard FileManager.default.fileExists(atPath: path) || History.isLink(path) else {
      throw RunFailure(.history, "there is no history at \(path) (verdict run --history creates one)")
    }
    self.path = path
    do throws(HistoryError) {
      past = try PastRuns(history: try History.openForReading(path: path), today: today)
    } catch {
      throw RunFailure.history(error)
    }
  }

  /// The day the history is read as of: its runs before this day count.
  package var today: CalendarDate { past.today }

  /// Writes `policy`'s history facts about `key` into `client`.
  package func fill(_ client: inout Client, key: String, policy: Policy) {
    // The facts ranked by the policy's verdicts, once for each list of verdicts (the REPL's
    // policy changes as it is typed).
    let facts: HistoryFacts
    if let ranked, ranked.verdicts == policy.verdicts {
      facts = ranked.facts
    } else {
      facts = past.facts.ranked(by: policy.verdicts)
      ranked = (policy.verdicts, facts)
    }
    // Keys are recorded without the spaces and tabs around them, as a run reads them.
    past.fill(&client, history: facts.client(ClientKey.trimmed(key)), policy: policy)
  }
}
