import GRDB
import Verdict

/// Records one run into a history: outcomes are added one by one, and ``commit(counts:errors:)``
/// writes the run in the same transaction. Until then nothing is visible to others, and a process
/// that dies, or a recorder that is abandoned or released, leaves the history as it was.
///
/// Only changes are written: an outcome equal to the client's state at the run before costs a
/// comparison in memory.
package final class RunRecorder {
  private let history: History
  private let run: RunInfo
  private var baseline: RecordingBaseline
  private var pending: [PendingChange] = []
  private var newClients: [(id: Int64, key: String)] = []
  private var clients = 0
  private var changes = 0
  private var isOpen = true
  /// Rows are written in batches of this many, to keep memory flat whatever the run's size.
  private static let batchSize = 4096

  /// A change row waiting to be written.
  private struct PendingChange {
    var client: Int64
    var verdict: String?
    var severity: Int?
    var rule: String?
    var clauses: String?
  }

  /// Begins the transaction (taking the write lock), removes the record of the same day if any,
  /// and loads the state the run is compared with.
  init(history: History, run: RunInfo) throws(HistoryError) {
    self.history = history
    self.run = run
    let day = run.today.daysSinceEpoch
    let path = history.path
    do {
      baseline = try history.queue.writeWithoutTransaction { db in
        try db.beginTransaction(.immediate)
        do {
          if let latest = try Int64.fetchOne(db, sql: "SELECT max(day) FROM runs"), latest > day {
            let latestDay = CalendarDate(daysSinceEpoch: latest)
            throw HistoryError(
              .earlierThanLatestRun,
              "history \(path) has a run of \(latestDay); a run of \(run.today) would rewrite the past",
              hint: "record runs in the order of their days, or use another history for this one")
          }
          // A re-run of the day replaces its record; clients first seen that day go with it.
          try db.execute(
            sql: """
              DELETE FROM clients WHERE id IN (SELECT client FROM changes WHERE day = ?1)
                AND NOT EXISTS (SELECT 1 FROM changes AS earlier WHERE earlier.client = clients.id AND earlier.day < ?1)
              """, arguments: [day])
          try db.execute(sql: "DELETE FROM changes WHERE day = ?", arguments: [day])
          try db.execute(sql: "DELETE FROM runs WHERE day = ?", arguments: [day])
          return try RecordingBaseline(db)
        } catch {
          try? db.rollback()
          throw error
        }
      }
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "beginning to record the run of \(run.today)")
    }
  }

  deinit {
    if isOpen { abandon() }
  }

  /// Adds one client's outcome. Refuses a client added twice to the run.
  package func add(_ outcome: ClientOutcome) throws(HistoryError) {
    try checkOpen()
    guard let (id, isNew) = baseline.admit(outcome.key) else {
      throw HistoryError(
        .duplicateClient, "client \(outcome.key) was added twice to the run of \(run.today)",
        hint: "a client's key must be unique in a run")
    }
    clients += 1
    if isNew {
      newClients.append((id, outcome.key))
    } else if baseline.isUnchanged(id, outcome) {
      return
    }
    let clauses = baseline.clauseText(outcome.clauses)
    pending.append(
      PendingChange(
        client: id, verdict: outcome.verdict, severity: outcome.severity, rule: outcome.rule, clauses: clauses))
    if pending.count >= Self.batchSize { try flush() }
  }

  /// Writes the run with its verdict counts and error count, and the departures of clients that
  /// were in the run before and were not added; then commits. The recorder is finished after.
  package func commit(counts: [String: Int], errors: Int) throws(HistoryError) {
    try checkOpen()
    for id in baseline.departed { pending.append(PendingChange(client: id)) }
    try flush()
    let row = RunRow(info: run, counts: counts, errors: errors, clients: clients, changes: changes)
    try writing("committing") { db in
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
    pending = []
    newClients = []
    history.release()
  }

  private func checkOpen() throws(HistoryError) {
    guard isOpen else {
      throw HistoryError(.recorderFinished, "the recording of the run of \(run.today) has already ended")
    }
  }

  /// Writes the new clients and the pending changes.
  private func flush() throws(HistoryError) {
    let day = run.today.daysSinceEpoch
    try writing("recording") { db in
      let insertClient = try DirectStatement(db, "INSERT INTO clients (id, key) VALUES (?, ?)")
      for client in newClients {
        insertClient.bind(client.id, at: 1)
        insertClient.bind(client.key, at: 2)
        try insertClient.execute()
      }
      let insertChange = try DirectStatement(
        db, "INSERT INTO changes (client, day, verdict, severity, rule, clauses) VALUES (?, ?, ?, ?, ?, ?)")
      for change in pending {
        insertChange.bind(change.client, at: 1)
        insertChange.bind(day, at: 2)
        insertChange.bind(change.verdict, at: 3)
        insertChange.bind(change.severity, at: 4)
        insertChange.bind(change.rule, at: 5)
        insertChange.bind(change.clauses, at: 6)
        try insertChange.execute()
      }
    }
    changes += pending.count
    newClients.removeAll(keepingCapacity: true)
    pending.removeAll(keepingCapacity: true)
  }

  /// Runs `body` in the open transaction; on failure rolls the whole run back and finishes.
  private func writing(_ doing: String, _ body: (Database) throws -> Void) throws(HistoryError) {
    do {
      try history.queue.writeWithoutTransaction(body)
    } catch {
      abandon()
      throw HistoryError.sqlite(error, path: history.path, doing: "\(doing) the run of \(run.today)")
    }
  }
}
