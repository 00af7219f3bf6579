import GRDB
import Verdict

/// A distinct outcome registered with a ``RunRecorder`` (see ``RunRecorder/code(verdict:severity:rule:clauses:)``),
/// so that a run adds each client with a small integer rather than its verdict, rule and clauses.
package struct OutcomeCode: Hashable, Sendable {
  let id: Int32
}

/// Records one run into a history: outcomes are added one by one, and ``commit(counts:errors:)``
/// writes the run in the same transaction. Until then nothing is visible to others, and a process
/// that dies, or a recorder that is abandoned or released, leaves the history as it was.
///
/// Only changes are written: an outcome equal to the client's state at the run before costs a
/// comparison of two integers. (Its state is unchecked for exclusive access: a recorder is used
/// by one thread at a time, and the checks would cost more than recording.)
package final class RunRecorder {
  let history: History
  let run: RunInfo
  let day: Int64
  /// The history before the run: client ids and outcome ids continue from it.
  private let log: ChangeLog
  /// Each known client's outcome id at the run before; -1 when it had none or had left.
  @exclusivity(unchecked) var baseline: [Int32]
  /// Whether each known client was added to this run.
  @exclusivity(unchecked) private var seen: [Bool]
  /// The keys of clients new to the history; their ids follow the known ones.
  @exclusivity(unchecked) var newKeys = KeyTable()
  /// How many of `newKeys` are written already.
  @exclusivity(unchecked) var keysWritten = 0
  @exclusivity(unchecked) private var outcomeIDs: [StoredOutcome: Int32] = [:]
  @exclusivity(unchecked) private var newOutcomes: [StoredOutcome] = []
  /// The changes not written yet, packed: per change the step from the previous client id
  /// (signed) and the outcome id + 1 (0: the client left the data).
  @exclusivity(unchecked) var pendingChanges: [UInt8] = []
  @exclusivity(unchecked) var pendingCount = 0
  @exclusivity(unchecked) var previousClient = 0
  @exclusivity(unchecked) var partsWritten = 0
  /// The clients kept without being judged (``carryOver(keyBytes:)``) not written yet, packed as
  /// the changes' client ids are.
  @exclusivity(unchecked) var pendingCarried: [UInt8] = []
  @exclusivity(unchecked) var carriedCount = 0
  @exclusivity(unchecked) var previousCarried = 0
  @exclusivity(unchecked) var carriedParts = 0
  /// The clients this run kept without judging them (their rows were errors), written at the
  /// commit: a later row that judges the same client takes its place.
  @exclusivity(unchecked) private var carried: Set<Int> = []
  /// The id the next added client most likely has: clients tend to come in the same order.
  @exclusivity(unchecked) var guess = 0
  @exclusivity(unchecked) var clients = 0
  @exclusivity(unchecked) var changes = 0
  @exclusivity(unchecked) var isOpen = true
  /// The sum of the index slots ``expectNew(_:)`` loaded, kept so that the loads are not
  /// optimised away.
  @exclusivity(unchecked) var loaded: UInt64 = 0
  /// The hashes of the keys ``expectNew(_:)`` was last given, and how many of them were added.
  @exclusivity(unchecked) var expected: [UInt64] = []
  @exclusivity(unchecked) var nextExpected = 0
  /// How many keys ahead of the one added the index slots are loaded.
  static let lookahead = 32
  /// Changes and keys are written in parts of this many, to keep memory flat and blobs small.
  static let partSize = StoredParts.size

  /// Begins the transaction (taking the write lock), removes the record of the same day if any,
  /// and takes the state the run is compared with: `read` when it is still current, else read anew.
  init(history: History, run: RunInfo, read: ChangeLog?) throws(HistoryError) {
    self.history = history
    self.run = run
    let day = run.today.daysSinceEpoch
    self.day = day
    let path = history.path
    do {
      log = try history.queue.writeWithoutTransaction { db in
        try db.beginTransaction(.immediate)
        do {
          if let latest = try Int64.fetchOne(db, sql: "SELECT max(day) FROM runs"), latest > day {
            throw try History.laterRunRecorded(
              db, path: path, latest: CalendarDate(daysSinceEpoch: latest), today: run.today)
          }
          // A re-run of the day replaces its record.
          try History.deleteRecord(ofDay: day, in: db)
          if let read, read.day == day, try read.isCurrent(db) { return read }
          return try ChangeLog(db, before: day, path: path)
        } catch {
          try? db.rollback()
          throw error
        }
      }
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "beginning to record the run of \(run.today)")
    }
    let known = log.keys.count
    baseline = [Int32](repeating: -1, count: known)
    for client in 0..<known { baseline[client] = log.latestOutcome(of: client) }
    seen = [Bool](repeating: false, count: known)
    outcomeIDs.reserveCapacity(log.outcomes.count)
    for (id, outcome) in log.outcomes.enumerated() { outcomeIDs[outcome] = Int32(id) }
  }

  deinit {
    if isOpen { abandon() }
  }

  /// Adds one client's outcome. Refuses a client added twice to the run.
  package func add(_ outcome: ClientOutcome) throws(HistoryError) {
    try add(
      key: outcome.key,
      code: code(verdict: outcome.verdict, severity: outcome.severity, rule: outcome.rule, clauses: outcome.clauses))
  }

  /// The code of an outcome, to add clients with it by ``add(key:code:)``: equal outcomes get
  /// equal codes.
  package func code(verdict: String, severity: Int, rule: String?, clauses: [String: String]) -> OutcomeCode {
    let outcome = StoredOutcome(verdict: verdict, severity: severity, rule: rule, clauses: clauses)
    if let id = outcomeIDs[outcome] { return OutcomeCode(id: id) }
    let id = Int32(log.outcomes.count + newOutcomes.count)
    newOutcomes.append(outcome)
    outcomeIDs[outcome] = id
    return OutcomeCode(id: id)
  }

  /// What the history knew before the run's day, as read under the write lock: the state the run
  /// is compared with and recorded against, newer than facts read before the lock when another
  /// run committed in between.
  package var factsBefore: HistoryFacts { HistoryFacts(log: log) }

  /// Whether the known client `client` was added to this run.
  func wasAdded(_ client: Int) -> Bool { seen[client] }

  /// The key of the known client `client`.
  func knownKey(_ client: Int) -> String { log.keys.key(client) }

  /// How many clients the run before this one judged or kept (those that had not left).
  package var clientsBefore: Int { baseline.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

  /// Whether the client ids of `facts` are this recorder's: true when both come from the same
  /// read of the history, so that an id found in the facts can be passed to
  /// ``add(key:code:knownAs:)`` instead of finding the key again.
  package func sharesClientIDs(with facts: HistoryFacts) -> Bool { log === facts.log }

  /// Adds the client with `key` with the outcome of `code`. Refuses a client added twice.
  ///
  /// `known` is the client's id in facts that share this recorder's ids
  /// (``sharesClientIDs(with:)``), found from `key` (`nil`: not known, or not looked up).
  package func add(key: String, code: OutcomeCode, knownAs known: Int? = nil) throws(HistoryError) {
    try withKeyBytes(key) { bytes throws(HistoryError) in try add(keyBytes: bytes, code: code, knownAs: known) }
  }

  /// ``add(key:code:knownAs:)`` with the key as its UTF-8 bytes (valid UTF-8): a run's rows
  /// hold their keys as bytes, and a `String` made for each would cost more than recording it.
  package func add(keyBytes key: UnsafeBufferPointer<UInt8>, code: OutcomeCode, knownAs known: Int? = nil)
    throws(HistoryError)
  {
    try checkOpen()
    if !carried.isEmpty, let client = known ?? log.keys.find(key), carried.remove(client) != nil {
      // A row that could not be judged came first (its key on two rows): this one judges the
      // client, so the run records it as judged, and its cooldown is not due again tomorrow.
      if baseline[client] != code.id { try append(client, stored: code.id + 1) }
      return
    }
    let admitted = if let known { admitKnown(known) } else { admit(key) }
    guard let client = admitted else { throw duplicate(key) }
    clients += 1
    if client < baseline.count, baseline[client] == code.id { return }
    try append(client, stored: code.id + 1)
  }

  /// Adds the client with `key` with its outcome at the run before, when it was in that run
  /// (for a client that could not be judged this time), and records that it was not judged;
  /// does nothing otherwise.
  package func carryOver(key: String) throws(HistoryError) {
    try withKeyBytes(key) { bytes throws(HistoryError) in try carryOver(keyBytes: bytes) }
  }

  /// ``carryOver(key:)`` with the key as its UTF-8 bytes (see ``add(keyBytes:code:knownAs:)``).
  package func carryOver(keyBytes key: UnsafeBufferPointer<UInt8>) throws(HistoryError) {
    try checkOpen()
    guard let client = log.keys.find(key), baseline[client] >= 0 else { return }
    guard !seen[client] else { throw duplicate(key) }
    seen[client] = true
    guess = client + 1
    clients += 1
    carried.insert(client)
  }

  /// Writes the run with its verdict counts and error count, and the departures of clients that
  /// were in the run before and were not added; then commits. The recorder is finished after.
  ///
  /// With `dataReadWhole` false (a data file could not be read to the end, or a row could not be
  /// told whose it is), a client that was not added may be in what was not read: it keeps what
  /// it had, as a client whose row could not be judged does, rather than leave the data and come
  /// back as new.
  package func commit(counts: [String: Int], errors: Int, dataReadWhole: Bool = true) throws(HistoryError) {
    try checkOpen()
    for client in carried.sorted() { try appendCarried(client) }
    for client in baseline.indices where baseline[client] >= 0 && !seen[client] {
      if dataReadWhole { try append(client, stored: 0) } else { try appendCarried(client) }
    }
    try writeParts(final: true)
    let row = RunRow(info: run, counts: counts, errors: errors, clients: clients, changes: changes)
    let firstNew = log.outcomes.count
    try writing("committing") { db in
      let insert = try DirectStatement(
        db, "INSERT INTO outcomes (id, day, verdict, severity, rule, clauses) VALUES (?, ?, ?, ?, ?, ?)")
      for (offset, outcome) in newOutcomes.enumerated() {
        insert.bind(Int64(firstNew + offset), at: 1)
        insert.bind(day, at: 2)
        insert.bind(outcome.verdict, at: 3)
        insert.bind(outcome.severity, at: 4)
        insert.bind(outcome.rule, at: 5)
        insert.bind(ClauseText.encode(outcome.clauses), at: 6)
        try insert.execute()
      }
      try row.insert(db)
      try db.commit()
    }
    finish()
  }

  /// Discards everything added: the history stays as it was before ``History/beginRun(_:)``.
  /// The recorder is finished after.
  package func abandon() {
    guard isOpen else { return }
    history.queue.writeWithoutTransaction { db in try? db.rollback() }
    finish()
  }

  private func finish() {
    isOpen = false
    pendingChanges = []
    pendingCarried = []
    carried = []
    newKeys = KeyTable()
    baseline = []
    seen = []
    history.release()
  }

  func checkOpen() throws(HistoryError) {
    guard isOpen else {
      throw HistoryError(.recorderFinished, "the recording of the run of \(run.today) has already ended")
    }
  }

  /// Runs `body` on the UTF-8 bytes of `key`.
  func withKeyBytes(
    _ key: String, _ body: (UnsafeBufferPointer<UInt8>) throws(HistoryError) -> Void
  ) throws(HistoryError) {
    let failure: HistoryError? = withBytes(of: key) { bytes in
      do throws(HistoryError) {
        try body(bytes)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
  }

  func duplicate(_ key: UnsafeBufferPointer<UInt8>) -> HistoryError {
    HistoryError(
      .duplicateClient,
      "client \(String(decoding: key, as: UTF8.self)) was added twice to the run of \(run.today)",
      hint: "a client's key must be unique in a run")
  }

  /// `client` (a known id) when it was not added to this run yet.
  private func admitKnown(_ client: Int) -> Int? {
    guard !seen[client] else { return nil }
    seen[client] = true
    guess = client + 1
    return client
  }

  /// The id of the client with `key`, a new one for a key new to the history; `nil` when the
  /// client was already added to this run.
  private func admit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let known = baseline.count
    let client: Int
    if guess < known, log.keys.matches(guess, bytes) {
      client = guess
    } else if let found = log.keys.find(bytes) {
      client = found
    } else {
      let (id, isNew) = newKeys.insert(bytes)
      guard isNew else { return nil }
      guess = known + id + 1
      return guess - 1
    }
    guard !seen[client] else { return nil }
    seen[client] = true
    guess = client + 1
    return client
  }

}
