import Foundation
import TestSupport
import Testing

/// `previous_verdict`, `flagged_since`, `days_flagged` and `times_flagged` as a run sees them:
/// shown by `--explain` when the rule that reads them wins, missing without a history.
struct HistoryFactsCLITests {
  /// A policy whose rule "facts" reads every history fact and wins whenever they are all known.
  static let policy = """
    field late: number

    rule "late" when late > 30 then recommend talk
    rule "facts"
      when late > 30 and flagged_since >= 2026-01-01 and days_flagged >= 0d
        and times_flagged(30d) >= 0 and times_flagged(30d, "review") >= 0
      then recommend review reason previous_verdict
    otherwise recommend keep

    """

  /// The verdict, reason and explanation of client A in a `-f jsonl --explain` report.
  static func outcome(_ result: VerdictBinary.Result) throws -> (verdict: String, reason: String?, explain: String) {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    return (object["verdict"] as? String ?? "?", object["reason"] as? String, object["explain"] as? String ?? "?")
  }

  /// The explanation of rule "facts" with these values.
  static func facts(since: String, days: String, flagged: Int, reviewed: Int) -> String {
    "rule 2 \"facts\": late 40 > 30 (by 10); flagged_since \(since) >= 2026-01-01; "
      + "days_flagged \(days) >= 0d; times_flagged(30d) \(flagged) >= 0; "
      + "times_flagged(30d, \"review\") \(reviewed) >= 0"
  }

  /// The explanation without the "(by …)" margins of the history facts, which say nothing more
  /// (the margin of `late` is kept).
  static func withoutMargins(_ explain: String) -> String {
    explain.replacingOccurrences(of: #" >= ([^;(]*?) \(by [^)]*\)"#, with: " >= $1", options: .regularExpression)
  }

  @Test func theFactsOverSixWeeks() throws {
    let workspace = try HistoryWorkspace(policy: Self.policy)
    // Late on every run day but the 3rd of November.
    let days = [
      "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-12-01",
      "2026-12-02",
    ]
    var seen: [String: (verdict: String, reason: String?, explain: String)] = [:]
    for day in days {
      try workspace.write("clients.csv", "id,late\nA,\(day == "2026-11-03" ? 0 : 40)\n")
      let result = try workspace.run(day, ["-f", "jsonl", "--explain"])
      #expect(result.status == 0, "\(day): \(result.stderr)")
      seen[day] = try Self.outcome(result)
    }
    // The first run: no previous verdict, no flagged stretch; the facts rule cannot decide.
    #expect(seen["2026-11-01"]?.verdict == "talk")
    #expect(seen["2026-11-01"]?.explain == "rule 1 \"late\": late 40 > 30 (by 10)")
    #expect(seen["2026-11-02"]?.verdict == "review")
    #expect(seen["2026-11-02"]?.reason == "talk")
    #expect(
      seen["2026-11-02"].map { Self.withoutMargins($0.explain) }
        == Self.facts(since: "2026-11-01", days: "1d", flagged: 1, reviewed: 0))
    #expect(seen["2026-11-03"]?.verdict == "keep")
    // After a day at keep, the flagged stretch starts again: flagged_since is missing.
    #expect(seen["2026-11-04"]?.verdict == "talk")
    #expect(seen["2026-11-05"]?.reason == "talk")
    #expect(
      seen["2026-11-05"].map { Self.withoutMargins($0.explain) }
        == Self.facts(since: "2026-11-04", days: "1d", flagged: 3, reviewed: 1))
    #expect(seen["2026-11-06"]?.reason == "review")
    #expect(
      seen["2026-11-06"].map { Self.withoutMargins($0.explain) }
        == Self.facts(since: "2026-11-04", days: "2d", flagged: 4, reviewed: 2))
    // 1 December: the window of 30 days reaches back to 1 November.
    #expect(
      seen["2026-12-01"].map { Self.withoutMargins($0.explain) }
        == Self.facts(since: "2026-11-04", days: "27d", flagged: 5, reviewed: 3))
    // 2 December: 1 November has left the window, 1 December has come in; 28 days show as 4w.
    #expect(
      seen["2026-12-02"].map { Self.withoutMargins($0.explain) }
        == Self.facts(since: "2026-11-04", days: "4w", flagged: 5, reviewed: 4))
  }

  @Test func withoutAHistoryTheFactsAreMissing() throws {
    let workspace = try HistoryWorkspace(policy: Self.policy)
    try workspace.write("clients.csv", "id,late\nA,40\n")
    let result = try workspace.verdict(
      ["run", "policy.verdict", "clients.csv", "--today", "2026-11-02", "-f", "jsonl", "--explain"])
    #expect(result.status == 0)
    let outcome = try Self.outcome(result)
    #expect(outcome.verdict == "talk")
    #expect(outcome.explain == "rule 1 \"late\": late 40 > 30 (by 10)")
  }

  /// Past verdicts are ranked by the current policy's verdicts, by name: the runs recorded each
  /// verdict's place in their own list, so a policy that added `watch` and `talk` below `review`
  /// found no past `review` (place 1 then, 4 now), and one with only `keep < fire` counted a
  /// past `watch` (place 1) as `fire`; `explain` counts as the run does.
  @Test func pastVerdictsAreRankedByTheCurrentPolicysVerdicts() throws {
    let workspace = try HistoryWorkspace(
      policy: "verdicts keep < review\nfield late: number\nwhen late > 30 then recommend review\n")
    try workspace.write("clients.csv", "id,late\nA,40\nB,0\n")
    for day in [1, 2] { #expect(try workspace.run(HistoryWorkspace.november(day)).status == 0) }
    try workspace.write(
      "policy.verdict",
      """
      verdicts keep < watch < talk < review < fire
      field late: number
      rule "again" when late > 30 and times_flagged(30d, "review") >= 2 then recommend fire
      rule "slow" when late > 30 then recommend review
      rule "watched" when times_flagged(30d, "watch") >= 1 then recommend watch

      """)
    let run = try workspace.run(HistoryWorkspace.november(3), ["-f", "csv"])
    #expect(run.stdout.contains("\nA,fire,again,"), "\(run.stdout)")
    #expect(run.stdout.contains("\nB,keep,"), "\(run.stdout)")
    let explain = try workspace.verdict([
      "explain", "policy.verdict", "clients.csv", "--client", "A", "--history", workspace.history.path,
      "--today", HistoryWorkspace.november(3),
    ])
    #expect(explain.stdout.hasPrefix("A: fire, by rule 1 \"again\""), "\(explain.stdout)")
  }

  /// `explain` finds a client whose key has spaces around it in the history, as the run does
  /// (the run trims keys; explain looked the padded key up and found no past), and by its key
  /// without them; named without them, as the run names it.
  @Test func explainFindsAPaddedKeyInTheHistory() throws {
    let workspace = try HistoryWorkspace(
      policy: "field late: number\n"
        + "rule \"again\" when late > 30 and times_flagged(30d) >= 2 then recommend review\n"
        + "rule \"late\" when late > 30 then recommend talk\n")
    try workspace.write("clients.csv", "id,late\n\" C2 \",40\n")
    for day in [1, 2] { #expect(try workspace.run(HistoryWorkspace.november(day)).status == 0) }
    for name in [" C2 ", "C2"] {
      let explain = try workspace.verdict([
        "explain", "policy.verdict", "clients.csv", "--client", name, "--history", workspace.history.path,
        "--today", HistoryWorkspace.november(3),
      ])
      #expect(explain.stdout.hasPrefix("C2: review, by rule 1 \"again\""), "\(name): \(explain.stdout)")
    }
  }

  @Test func aNewClientWasFlaggedZeroTimes() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number
        rule "first time" when late > 30 and times_flagged(30d) == 0 then recommend talk
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late\nA,40\n")
    let first = try workspace.run("2026-11-01", ["-f", "jsonl", "--explain"])
    #expect(
      try Self.outcome(first).explain == "rule 1 \"first time\": late 40 > 30 (by 10); times_flagged(30d) 0 == 0")
    let without = try workspace.verdict([
      "run", "policy.verdict", "clients.csv", "--today", "2026-11-01", "-f", "jsonl",
    ])
    #expect(try Self.outcome(without).verdict == "keep")
  }
}
