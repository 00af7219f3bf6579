import Foundation
import Synchronization
import Verdict
import VerdictData
import VerdictHistory

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
  /// The latest run when another policy made it (``OtherPolicyRun``).
  let otherPolicyRun: OtherPolicyRun?
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
      otherPolicyRun = try OtherPolicyRun.find(in: history, upTo: configuration.today, policy: policy)
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

  /// The summary's warning for a run whose data had no client at all while the run before had
  /// some (``Tally/readsEveryClient``: they are kept, not recorded as having left); `nil`
  /// otherwise. Read before ``commit(_:)``.
  func emptyDataWarning(_ tally: Tally) -> String? {
    let before = recorder.clientsBefore
    guard tally.read == 0, before > 0 else { return nil }
    return "warning: the data has no clients: the history keeps the \(before) client\(before == 1 ? "" : "s") "
      + "of its last run as they were, none recorded as having left (an export that came out empty?)"
  }

  /// The summary's warning for clients recorded as gone while a client keyed alike but for
  /// letter case and spaces came (``RunRecorder/rewrittenKeys(limit:)``); `nil` for none. Read
  /// before ``commit(_:)``.
  func rewrittenKeysWarning(_ tally: Tally) -> String? {
    guard tally.readsEveryClient else { return nil }
    // One more than shown, to say whether there are more.
    let pairs = recorder.rewrittenKeys(limit: 6)
    guard !pairs.isEmpty else { return nil }
    let shown = pairs.prefix(5).map { "\(MessageText.escaped($0.new)) (was \(MessageText.escaped($0.old)))" }
    return "warning: new to the history, keyed as a client that left but for letter case or spaces: "
      + shown.joined(separator: ", ") + (pairs.count > 5 ? ", …" : "")
      + ": the history follows keys as written, so each is recorded as a new client (its stretch and "
      + "cooldown start again); keep the export's keys as they were"
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
