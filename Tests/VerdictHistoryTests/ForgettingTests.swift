import Foundation
import Testing
import Verdict
import VerdictHistory

/// Forgetting the runs from a day on: the history is left as it was before that day, its ids
/// dense, and the refusal of a run before a run of a future day says how to forget that one.
@Suite struct ForgettingTests {
  @Test func forgettingLeavesTheHistoryAsItWasBeforeTheDay() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Sample.record(history, 1, [Sample.outcome("A", "keep"), Sample.outcome("B", "talk")])
    // N is first seen on the 2nd, with an outcome first seen then.
    try Sample.record(
      history, 2, [Sample.outcome("A", "talk"), Sample.outcome("B", "talk"), Sample.outcome("N", "fire")])
    let beforeThe3rd = try contents(of: scratch.path())
    // M and its outcome are first seen on the 3rd, where B's row could not be judged (carried);
    // Z on the 4th.
    let recorder = try history.beginRun(Sample.run(3))
    for outcome in [Sample.outcome("A", "keep"), Sample.outcome("N", "fire"), Sample.outcome("M", "watch")] {
      try recorder.add(outcome)
    }
    try recorder.carryOver(key: "B")
    try recorder.commit(counts: ["keep": 1, "fire": 1, "watch": 1], errors: 1)
    try Sample.record(
      history, 4, [Sample.outcome("A", "fire", clauses: ["notice": "7d"]), Sample.outcome("Z", "keep")])
    #expect(try storedCount("carried", in: scratch.path()) == 1)

    let forgotten = try history.forgetRuns(from: Sample.day(3))
    #expect(forgotten.map(\.info.today) == [Sample.day(3), Sample.day(4)])
    #expect(forgotten.map(\.errors) == [1, 0])
    #expect(try contents(of: scratch.path()) == beforeThe3rd)
    #expect(try storedCount("carried", in: scratch.path()) == 0)
    #expect(try history.clientKeys() == ["A", "B", "N"])
    #expect(try history.timeline(of: "M").isEmpty)
    #expect(try history.timeline(of: "Z").isEmpty)
    #expect(try history.timeline(of: "N").map(\.verdict) == ["fire"])
    #expect(try history.timeline(of: "A").map(\.verdict) == ["keep", "talk"])

    // The next run goes on from the 2nd: a client new again takes the next id, one seen before
    // keeps its own, and the history reads back whole.
    try Sample.record(history, 3, [Sample.outcome("A", "talk"), Sample.outcome("Z", "watch")])
    #expect(try history.clientKeys() == ["A", "B", "N", "Z"])
    #expect(try history.timeline(of: "A").map(\.verdict) == ["keep", "talk"])
    #expect(try history.timeline(of: "N").map(\.verdict) == ["fire", nil])
    #expect(try history.timeline(of: "Z").map(\.day) == [Sample.day(3)])
    let facts = try history.facts(before: Sample.day(5))
    #expect(facts.runDays == [Sample.day(1), Sample.day(2), Sample.day(3)])
  }

  @Test func nothingToForgetChangesNothing() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    #expect(try history.forgetRuns(from: Sample.day(1)).isEmpty)
    try Sample.record(history, 5, [Sample.outcome("A", "keep")])
    let before = try contents(of: scratch.path())
    #expect(try history.forgetRuns(from: Sample.day(6)).isEmpty)
    #expect(try contents(of: scratch.path()) == before)
    // From a day without a run of its own: the later runs go.
    #expect(try history.forgetRuns(from: Sample.day(4)).map(\.info.today) == [Sample.day(5)])
    #expect(try history.runs().isEmpty)
    #expect(try history.clientKeys().isEmpty)
  }

  /// A run recorded on a day after the real date refuses every run until it is forgotten: the
  /// refusal says so, and gives the command, with the file's name quoted for the shell.
  @Test func aRunAfterTheRealDateIsNamedWithTheCommandThatForgetsIt() throws {
    let scratch = HistoryScratch()
    let path = scratch.path("client's history.sqlite")
    let history = try History.open(path: path)
    try Sample.record(history, 2, [Sample.outcome("A", "keep")])
    let realDate = CalendarDate.today()
    let future = [
      CalendarDate(daysSinceEpoch: realDate.daysSinceEpoch + 30),
      CalendarDate(daysSinceEpoch: realDate.daysSinceEpoch + 31),
    ]
    for day in future {
      var run = Sample.run(1)
      run.today = day
      let recorder = try history.beginRun(run)
      try recorder.add(Sample.outcome("A", "talk"))
      try recorder.commit(counts: ["talk": 1], errors: 0)
    }
    let error = #expect(throws: HistoryError.self) { try history.beginRun(Sample.run(3)) }
    #expect(error?.kind == .earlierThanLatestRun)
    #expect(error?.message == "history \(path) has a run of \(future[1]); a run of 2026-11-03 would rewrite the past")
    let quoted = "'" + scratch.folder + "/client'\\''s history.sqlite'"
    #expect(
      error?.hint
        == "its 2 runs from \(future[0]) on are after today's date (\(realDate)), likely recorded with a wrong --today;"
        + " remove them with: verdict history --history \(quoted) --forget-from \(future[0])")
    #expect(try history.forgetRuns(from: future[0]).count == 2)
    try Sample.record(history, 3, [Sample.outcome("A", "keep")])
    #expect(try history.runs().map(\.info.today) == [Sample.day(2), Sample.day(3)])
  }
}
