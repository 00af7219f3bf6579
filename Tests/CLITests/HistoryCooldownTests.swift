import Foundation
import Testing

/// The lengths a `cooldown` may have: `0d` is no time to sleep on it (due at the first run), and
/// a negative one is refused, by `verdict check` when written as a constant, as an error row when
/// computed for a client.
struct HistoryCooldownTests {
  /// `cooldown 0d` has run out the day the verdict starts: `due` at that first run (never
  /// `pending`), then unchanged; `--changed` reports it once.
  @Test func aCooldownOfNoTimeIsDueAtTheFirstRun() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number
        rule "late" when late > 30 then recommend fire cooldown 0d
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late\nA,40\nB,0\n")
    let first = try workspace.run("2026-11-01", ["-f", "csv"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("A,fire,late,,0d,false,,,,,clients.csv:2,due,2026-11-01,\n"), "\(first.stdout)")
    #expect(first.stdout.contains("B,keep,,,,false,,,,,clients.csv:3,new,2026-11-01,\n"), "\(first.stdout)")
    let second = try workspace.run("2026-11-02", ["--changed", "--quiet"])
    #expect(second.status == 0 && second.stdout.isEmpty, "\(second.stdout)")
    try workspace.write("clients.csv", "id,late\nA,40\nB,50\n")
    let third = try workspace.run("2026-11-03", ["--changed"])
    #expect(third.stdout.contains("B       fire (due)"), "\(third.stdout)")
    #expect(!third.stdout.contains("A  "), "\(third.stdout)")
  }

  /// A cooldown written as a negative constant is an error of the policy, where it is written.
  @Test func aNegativeConstantCooldownIsRefusedByCheck() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number
        rule "late" when late > 30 then recommend fire cooldown -3d

        """)
    let check = try workspace.verdict(["check", "policy.verdict"])
    #expect(check.status == 1)
    #expect(
      check.stderr == """
        policy.verdict:2:57: error: 'cooldown' must be 0d or more, not -3d
            2 | rule "late" when late > 30 then recommend fire cooldown -3d
              |                                                         ^~~
              = hint: 0d means acting at once; max(0d, …) keeps a computed one from going below
        policy.verdict: 1 error

        """)
    try workspace.write("clients.csv", "id,late\nA,40\n")
    let run = try workspace.run("2026-11-01")
    #expect(run.status == 2 && run.stdout.isEmpty, "\(run.stdout)")
    #expect(!FileManager.default.fileExists(atPath: workspace.history.path))
  }

  /// A cooldown computed negative for a client makes the client's row an error that says where,
  /// as a clause value of the wrong type does; the history keeps what it had for the client.
  @Test func aCooldownComputedNegativeIsAnErrorRow() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number
        field wait: duration in days
        rule "late" when late > 30 then recommend fire cooldown wait - 5d
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late,wait\nA,40,2\nB,40,8\n")
    let run = try workspace.run("2026-11-01")
    #expect(run.status == 1)
    #expect(
      run.stderr.hasPrefix(
        "clients.csv:2: 'cooldown' must be 0d or more, not -3d (policy.verdict:3:57)\n"), "\(run.stderr)")
    #expect(run.stdout.contains("B       fire (cooling off until 2026-11-04)"), "\(run.stdout)")
    let eval = try workspace.verdict(["eval", "policy.verdict", "--set", "late=40", "--set", "wait=1"])
    #expect(eval.status == 1)
    #expect(eval.stdout.isEmpty)
  }

  /// A cooldown that is shorter at each run (computed from a date, as docs/history.md suggests)
  /// or that the policy shortened is due once, at the first run it has run out: before, it went
  /// from pending to unchanged, and `--changed` never reported the client.
  @Test func aShorteningCooldownIsDueOnce() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number
        field project_end: date
        rule "late" when late > 30 then recommend fire cooldown max(0d, days_until(project_end) - 10d)
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late,project_end\nA,40,2026-11-14\n")
    var statuses: [String] = []
    for day in 1...5 {
      let run = try workspace.run(HistoryWorkspace.november(day), ["-f", "csv"])
      #expect(run.status == 0, "\(run.stderr)")
      statuses.append(
        String(run.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)[11]))
    }
    #expect(statuses == ["pending", "pending", "due", "unchanged", "unchanged"])

    // The policy's own cooldown edited from 3 days to none the day after: due at once.
    let edited = try HistoryWorkspace(
      policy: """
        field late: number
        rule "late" when late > 30 then recommend fire cooldown 3d
        otherwise recommend keep

        """)
    try edited.write("clients.csv", "id,late\nA,40\n")
    #expect(try edited.run(HistoryWorkspace.november(1)).status == 0)
    try edited.write(
      "policy.verdict",
      "field late: number\nrule \"late\" when late > 30 then recommend fire cooldown 0d\notherwise recommend keep\n")
    let second = try edited.run(HistoryWorkspace.november(2), ["--changed", "-f", "csv"])
    #expect(second.stdout.contains(",due,2026-11-01,"), "\(second.stdout)")
  }
}
