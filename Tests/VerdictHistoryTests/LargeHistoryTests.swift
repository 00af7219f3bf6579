import Foundation
import GRDB
import Testing
import Verdict
import VerdictHistory

/// Histories large enough that their keys are unpacked on another thread while their changes are
/// read, and a run's new keys go in with their index slots loaded ahead (as `verdict run` records
/// them): the facts are the same as the outcomes recorded, and a file that cannot be read is
/// refused and left as it is.
@Suite struct LargeHistoryTests {
  /// More clients than a history unpacks on the calling thread.
  static let clients = 60_000
  /// Clients first seen on day 2.
  static let newcomers = 5_000

  /// Client `client`'s verdict on `day`: every seventh changes on day 2.
  static func verdict(_ client: Int, day: Int) -> String {
    Sample.verdicts[(client + (day == 2 && client % 7 == 0 ? 1 : 0)) % Sample.verdicts.count]
  }

  /// Whether client `client` is in the data of `day`: every third of the first ones leaves on
  /// day 2, when the newcomers arrive.
  static func isPresent(_ client: Int, day: Int) -> Bool {
    day == 1 ? client < clients : client >= clients || client % 3 != 0
  }

  /// Records days 1 and 2 as the writer of `verdict run` does: a batch of 4,096 clients at a
  /// time, the new ones announced first (``RunRecorder/expectNew(_:)``).
  static func record(_ history: History, days: ClosedRange<Int> = 1...2) throws {
    for day in days {
      let known = day == 1 ? 0 : clients
      let recorder = try history.beginRun(Sample.run(day))
      let present = (0..<(clients + newcomers)).filter { isPresent($0, day: day) }
      for start in stride(from: 0, to: present.count, by: 4096) {
        let batch = present[start..<min(start + 4096, present.count)]
        recorder.expectNew(batch.filter { $0 >= known }.map { "client-\($0)" })
        for client in batch {
          let outcome = Sample.outcome("client-\(client)", verdict(client, day: day))
          let code = recorder.code(
            verdict: outcome.verdict, severity: outcome.severity, rule: outcome.rule, clauses: outcome.clauses)
          if client >= known {
            try recorder.addNew(key: outcome.key, code: code)
          } else {
            try recorder.add(key: outcome.key, code: code)
          }
        }
      }
      try recorder.commit(counts: [:], errors: 0)
    }
  }

  @Test func keysUnpackedOnAnotherThreadGiveTheFactsRecorded() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.record(history)
    let facts = try history.facts(before: Sample.day(3))
    #expect(facts.clientCount == Self.clients + Self.newcomers)
    let severities = facts.verdictIndexes(in: Sample.verdicts)
    var guess = 0
    for client in 0..<(Self.clients + Self.newcomers) {
      let id = try #require(facts.clientID("client-\(client)", guess: &guess))
      let past = try #require(facts.client(id: id))
      let latest = try #require(facts.latest(id: id))
      let day = Self.isPresent(client, day: 2) ? 2 : 1
      #expect(past.lastVerdict == Self.verdict(client, day: day))
      #expect(past.lastDay == Sample.day(day))
      #expect(past.wasInLatestRun == (day == 2))
      let changed = client < Self.clients && day == 2 && client % 7 == 0
      #expect(past.verdictSince == Sample.day(client >= Self.clients || changed ? 2 : 1))
      // The plain values the evaluating threads use say the same.
      #expect(severities[latest.outcome] == past.lastSeverity)
      #expect(latest.verdictSince == past.verdictSince)
      #expect(latest.lastDay == past.lastDay)
      #expect(latest.wasInLatestRun == past.wasInLatestRun)
    }
    #expect(facts.client("client-\(Self.clients + Self.newcomers)") == nil)
    let timeline = try history.timeline(of: "client-3")
    #expect(timeline.map(\.day) == [Sample.day(1), Sample.day(2)])
    #expect(timeline.map(\.verdict) == [Self.verdict(3, day: 1), nil])
  }

  @Test func aNewKeyAddedTwiceIsRefusedWhateverWasAnnounced() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    let recorder = try history.beginRun(Sample.run(1))
    let code = recorder.code(verdict: "keep", severity: 0, rule: nil, clauses: [:])
    // What is announced only decides which slots are loaded ahead: each key is found by its own.
    recorder.expectNew(["other", "keys", "entirely"])
    try recorder.addNew(key: "A", code: code)
    try recorder.addNew(key: "B", code: code)
    let error = #expect(throws: HistoryError.self) { try recorder.addNew(key: "A", code: code) }
    #expect(error?.kind == .duplicateClient)
    recorder.expectNew([])
    try recorder.addNew(key: "C", code: code)
    try recorder.commit(counts: ["keep": 3], errors: 0)
    let facts = try history.facts(before: Sample.day(2))
    #expect(facts.clientCount == 3)
    #expect(["A", "B", "C"].map { facts.client($0)?.lastVerdict } == ["keep", "keep", "keep"])
  }

  /// A history of day 1, then `sql` run on it; returns its path and its contents after.
  static func damaged(_ scratch: HistoryScratch, _ sql: String) throws -> (String, [String]) {
    let path = scratch.path()
    try record(try History.open(path: path), days: 1...1)
    try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
    return (path, try contents(of: path))
  }

  @Test func unreadableKeysAreRefusedAndLeftAsTheyAre() throws {
    let scratch = HistoryScratch()
    let (path, before) = try Self.damaged(scratch, "UPDATE keys SET lengths = x'05' WHERE first = 0")
    let history = try History.open(path: path)
    let reads: [() throws -> Void] = [
      { _ = try history.facts(before: Sample.day(2)) }, { _ = try history.beginRun(Sample.run(2)) },
    ]
    for read in reads {
      let error = #expect(throws: HistoryError.self) { try read() }
      #expect(error?.kind == .corrupt)
      #expect(error?.message == "history \(path) is corrupt: its client keys from number 0 on are unreadable")
    }
    #expect(try contents(of: path) == before)
  }

  @Test func unreadableChangesAreRefusedAfterTheKeysAre() throws {
    let scratch = HistoryScratch()
    let (path, before) = try Self.damaged(scratch, "UPDATE changes SET data = x'ff' WHERE part = 0")
    let history = try History.open(path: path)
    let error = #expect(throws: HistoryError.self) { _ = try history.facts(before: Sample.day(2)) }
    #expect(error?.message == "history \(path) is corrupt: its changes of 2026-11-01 are unreadable")
    #expect(try contents(of: path) == before)
    // With the keys unreadable too, the keys are named: they are read first.
    try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE keys SET count = count + 1") }
    let damagedTwice = try contents(of: path)
    let both = #expect(throws: HistoryError.self) { _ = try History.open(path: path).facts(before: Sample.day(2)) }
    #expect(both?.message == "history \(path) is corrupt: its client keys from number 0 on are unreadable")
    #expect(try contents(of: path) == damagedTwice)
  }
}
