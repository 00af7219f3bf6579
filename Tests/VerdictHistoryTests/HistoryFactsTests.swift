import Foundation
import Testing
import Verdict
import VerdictHistory

/// What the history tells a run about each client: its last outcome, since when, its severity at
/// each earlier run, and how often it was flagged; runs skipped and clients missing from a run.
@Suite struct HistoryFactsTests {
  /// Runs on days 1, 2, 3, 5, 6 and 8 of November (none on 4 and 7):
  ///
  ///     day   1     2               3               5     6     8
  ///     A     keep  talk (late)     talk (ghosting) fire  fire  fire
  ///     B     talk  talk            —               talk  keep  —
  ///     C                                                       watch
  static func recordMonth(_ history: History, days range: ClosedRange<Int> = 1...8) throws {
    let days: [(Int, [ClientOutcome])] = [
      (1, [Sample.outcome("A", "keep"), Sample.outcome("B", "talk")]),
      (2, [Sample.outcome("A", "talk", clauses: ["reason": "late"]), Sample.outcome("B", "talk")]),
      (3, [Sample.outcome("A", "talk", clauses: ["reason": "ghosting"])]),
      (5, [Sample.outcome("A", "fire", clauses: ["cooldown": "3d"]), Sample.outcome("B", "talk")]),
      (6, [Sample.outcome("A", "fire", clauses: ["cooldown": "3d"]), Sample.outcome("B", "keep")]),
      (8, [Sample.outcome("A", "fire", clauses: ["cooldown": "3d"]), Sample.outcome("C", "watch")]),
    ]
    for (day, outcomes) in days where range.contains(day) { try Sample.record(history, day, outcomes) }
  }

  @Test func theLatestOutcomeAndSinceWhen() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.recordMonth(history)
    let facts = try history.facts(before: Sample.day(8))
    #expect(facts.runDays == [1, 2, 3, 5, 6].map(Sample.day))
    #expect(facts.clientCount == 2)
    let a = try #require(facts.client("A"))
    #expect(a.lastVerdict == "fire")
    #expect(a.lastSeverity == 3)
    #expect(a.lastRule == "fire_rule")
    #expect(a.clauses == ["cooldown": "3d"])
    #expect(a.lastDay == Sample.day(6))
    #expect(a.verdictSince == Sample.day(5))
    #expect(a.wasInLatestRun)
    let b = try #require(facts.client("B"))
    #expect(b.lastVerdict == "keep")
    #expect(b.lastRule == nil)
    #expect(b.verdictSince == Sample.day(6))
    #expect(facts.client("C") == nil)
  }

  @Test func aChangedRuleKeepsTheStretchAMissingRunBreaksIt() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.recordMonth(history, days: 1...5)
    let before4 = try history.facts(before: Sample.day(4))
    #expect(before4.client("A")?.verdictSince == Sample.day(2))
    #expect(before4.client("A")?.clauses == ["reason": "ghosting"])
    // B was talk on days 1 and 2, then missing from day 3's data.
    let b = try #require(before4.client("B"))
    #expect(b.lastVerdict == "talk")
    #expect(b.lastDay == Sample.day(2))
    #expect(!b.wasInLatestRun)
    #expect(try history.facts(before: Sample.day(6)).client("B")?.verdictSince == Sample.day(5))
  }

  @Test func severityOnEachRunDay() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.recordMonth(history)
    let facts = try history.facts(before: Sample.day(9))
    let a = try #require(facts.client("A"))
    #expect((1...9).map { a.severity(on: Sample.day($0)) } == [0, 2, 2, nil, 3, 3, nil, 3, nil])
    #expect(a.verdict(on: Sample.day(3)) == "talk")
    let b = try #require(facts.client("B"))
    #expect((1...9).map { b.severity(on: Sample.day($0)) } == [2, 2, nil, nil, 2, 0, nil, nil, nil])
    #expect(b.verdict(on: Sample.day(8)) == nil)
    #expect(b.lastDay == Sample.day(6))
    #expect(!b.wasInLatestRun)
    #expect(facts.client("C")?.severity(on: Sample.day(8)) == 1)
    #expect(facts.client("C")?.severity(on: Sample.day(6)) == nil)
  }

  @Test func timesFlaggedCountsRunDaysAtOrAboveASeverity() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.recordMonth(history)
    let facts = try history.facts(before: Sample.day(9))
    let a = try #require(facts.client("A"))
    #expect(a.timesFlagged(atLeast: 2, since: Sample.day(1)) == 5)
    #expect(a.timesFlagged(atLeast: 2, since: Sample.day(3)) == 4)
    #expect(a.timesFlagged(atLeast: 2, since: Sample.day(4)) == 3)
    #expect(a.timesFlagged(atLeast: 3, since: Sample.day(1)) == 3)
    #expect(a.timesFlagged(atLeast: 3, since: Sample.day(9)) == 0)
    #expect(a.timesFlagged(atLeast: 0, since: Sample.day(1)) == 6)
    let b = try #require(facts.client("B"))
    #expect(b.timesFlagged(atLeast: 2, since: Sample.day(1)) == 3)
    #expect(b.timesFlagged(atLeast: 0, since: Sample.day(1)) == 4)
    // Before day 8, day 8's run is not counted.
    #expect(try history.facts(before: Sample.day(8)).client("A")?.timesFlagged(atLeast: 3, since: Sample.day(1)) == 2)
  }

  @Test func factsBeforeADayIgnoreThatDaysOwnRecord() throws {
    let scratch = HistoryScratch()
    let history = try History.open(path: scratch.path())
    try Self.recordMonth(history, days: 1...6)
    let before = try history.facts(before: Sample.day(8))
    try Self.recordMonth(history, days: 8...8)
    let rerun = try history.facts(before: Sample.day(8))
    #expect(rerun.runDays == before.runDays)
    for key in ["A", "B", "C"] {
      let old = before.client(key)
      let new = rerun.client(key)
      #expect(old?.lastVerdict == new?.lastVerdict && old?.lastDay == new?.lastDay, "\(key)")
      #expect(old?.verdictSince == new?.verdictSince && old?.clauses == new?.clauses, "\(key)")
      #expect(
        old?.timesFlagged(atLeast: 1, since: Sample.day(1)) == new?.timesFlagged(atLeast: 1, since: Sample.day(1)))
    }
    #expect(try history.facts(before: Sample.day(1)).runDays.isEmpty)
    #expect(try history.facts(before: Sample.day(1)).client("A") == nil)
  }
}
