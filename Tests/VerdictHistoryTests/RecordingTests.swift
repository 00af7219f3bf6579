import Foundation
import Testing
import Verdict
import VerdictHistory

/// Recording runs: only changes are written, a day is recorded once, the past is not rewritten,
/// and a run that is not committed leaves nothing.
@Suite struct RecordingTests {
  @Test func onlyChangedOutcomesAreWrittenAndDeparturesAreLogged() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Sample.record(
      history, 1, [Sample.outcome("A", "keep"), Sample.outcome("B", "talk"), Sample.outcome("C", "keep")])
    #expect(try storedCount("changes", in: scratch.path()) == 3)
    // B unchanged, A changes verdict, C's clauses change, D is new.
    try Sample.record(
      history, 2,
      [
        Sample.outcome("A", "watch"), Sample.outcome("B", "talk"),
        Sample.outcome("C", "keep", clauses: ["notice": "7d"]),
        Sample.outcome("D", "fire"),
      ])
    #expect(try storedCount("changes", in: scratch.path()) == 6)
    // C left the data: one departure row; the others are unchanged.
    try Sample.record(
      history, 3, [Sample.outcome("A", "watch"), Sample.outcome("B", "talk"), Sample.outcome("D", "fire")])
    let runs = try history.runs()
    #expect(runs.map(\.changes) == [3, 3, 1])
    #expect(runs.map(\.clients) == [3, 4, 3])
    #expect(try history.timeline(of: "C").map(\.verdict) == ["keep", "keep", nil])
    #expect(try history.timeline(of: "C").map(\.day) == [Sample.day(1), Sample.day(2), Sample.day(3)])
    #expect(try history.timeline(of: "C")[1].clauses == ["notice": "7d"])
    #expect(try history.timeline(of: "B").count == 1)
    #expect(try history.timeline(of: "nobody").isEmpty)
  }

  /// Every key ever recorded, in the order first recorded, also those that left the data: what
  /// `verdict history` suggests a key not found was meant as.
  @Test func theClientKeysAreEveryKeyInTheOrderFirstRecorded() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    #expect(try history.clientKeys() == [])
    try Sample.record(history, 1, [Sample.outcome("C102", "keep"), Sample.outcome("b", "talk")])
    try Sample.record(history, 2, [Sample.outcome("A", "keep"), Sample.outcome("C102", "fire")])
    try Sample.record(history, 3, [Sample.outcome("A", "keep")])
    #expect(try history.clientKeys() == ["C102", "b", "A"])
  }

  @Test func runsKeepWhatTheRunSaidOfItself() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    let recorder = try history.beginRun(Sample.run(4, policyHash: "sha256:bb"))
    try recorder.add(Sample.outcome("A", "fire", clauses: ["cooldown": "3d", "reason": "said \"no\" twice\n"]))
    try recorder.commit(counts: ["fire": 1, "keep": 0], errors: 2)
    let runs = try history.runs()
    #expect(runs.count == 1)
    #expect(runs[0].info == Sample.run(4, policyHash: "sha256:bb"))
    #expect(runs[0].counts == ["fire": 1, "keep": 0])
    #expect(runs[0].errors == 2)
    #expect(try history.timeline(of: "A")[0].clauses == ["cooldown": "3d", "reason": "said \"no\" twice\n"])
    #expect(try history.timeline(of: "A")[0].rule == "fire_rule")
  }

  @Test func aRerunOfTheSameDayReplacesItsRecord() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Sample.record(history, 1, [Sample.outcome("A", "keep"), Sample.outcome("B", "keep")])
    try Sample.record(
      history, 2, [Sample.outcome("A", "talk"), Sample.outcome("B", "keep"), Sample.outcome("N", "fire")])
    let once = try contents(of: scratch.path())
    try Sample.record(
      history, 2, [Sample.outcome("A", "talk"), Sample.outcome("B", "keep"), Sample.outcome("N", "fire")])
    #expect(try contents(of: scratch.path()) == once)
    // A different re-run of day 2: N (first seen that day) is gone with it, B changed.
    try Sample.record(history, 2, [Sample.outcome("A", "keep"), Sample.outcome("B", "watch")])
    #expect(try history.runs().map(\.info.today) == [Sample.day(1), Sample.day(2)])
    #expect(try history.timeline(of: "N").isEmpty)
    #expect(try history.timeline(of: "A").map(\.verdict) == ["keep"])
    #expect(try history.timeline(of: "B").map(\.verdict) == ["keep", "watch"])
    #expect(try storedCount("keys", in: scratch.path()) == 2)
  }

  @Test func aRunBeforeTheLatestRecordedOneIsRefused() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Sample.record(history, 10, [Sample.outcome("A", "keep")])
    let before = try contents(of: scratch.path())
    let error = #expect(throws: HistoryError.self) { try history.beginRun(Sample.run(9)) }
    #expect(error?.kind == .earlierThanLatestRun)
    #expect(
      error?.message == "history \(scratch.path()) has a run of 2026-11-10; a run of 2026-11-09 would rewrite the past")
    #expect(try contents(of: scratch.path()) == before)
    // The connection is free again.
    try Sample.record(history, 11, [Sample.outcome("A", "keep")])
  }

  @Test func anAbandonedOrDroppedRecorderLeavesNothing() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Sample.record(history, 1, [Sample.outcome("A", "keep")])
    let before = try contents(of: scratch.path())
    let recorder = try history.beginRun(Sample.run(2))
    for index in 0..<10_000 { try recorder.add(Sample.outcome("X\(index)", "fire")) }
    recorder.abandon()
    #expect(try contents(of: scratch.path()) == before)
    let finished = #expect(throws: HistoryError.self) { try recorder.add(Sample.outcome("B", "keep")) }
    #expect(finished?.kind == .recorderFinished)
    do {
      let dropped = try history.beginRun(Sample.run(3))
      try dropped.add(Sample.outcome("Y", "talk"))
    }
    #expect(try contents(of: scratch.path()) == before)
    #expect(try history.runs().count == 1)
  }

  @Test func aClientAddedTwiceIsRefusedAndTheRunIsNotWritten() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    for known in [false, true] {
      if known { try Sample.record(history, 1, [Sample.outcome("A", "keep")]) }
      let before = try contents(of: scratch.path())
      let recorder = try history.beginRun(Sample.run(2))
      try recorder.add(Sample.outcome("A", "keep"))
      let error = #expect(throws: HistoryError.self) { try recorder.add(Sample.outcome("A", "talk")) }
      #expect(error?.kind == .duplicateClient)
      #expect(error?.message == "client A was added twice to the run of 2026-11-02")
      recorder.abandon()
      #expect(try contents(of: scratch.path()) == before)
    }
  }

  @Test func readingWhileRecordingOnTheSameConnectionIsRefused() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    let recorder = try history.beginRun(Sample.run(1))
    let reading = #expect(throws: HistoryError.self) { try history.runs() }
    #expect(reading?.kind == .busy)
    let second = #expect(throws: HistoryError.self) { try history.beginRun(Sample.run(1)) }
    #expect(second?.kind == .busy)
    try recorder.commit(counts: [:], errors: 0)
    #expect(try history.runs().count == 1)
  }
}
