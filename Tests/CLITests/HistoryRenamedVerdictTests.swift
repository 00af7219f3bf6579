import Foundation
import TestSupport
import Testing

/// A policy whose verdicts changed between two runs on one history: the history facts rank a
/// past verdict by the new policy's names, so a renamed one counts as none of them, and the
/// first run after the change says so.
struct HistoryRenamedVerdictTests {
  static func policy(_ fire: String) -> String {
    """
    verdicts keep < \(fire)
    field late: number

    rule "again" when late > 30 and times_flagged(30d, "\(fire)") >= 2 then recommend \(fire)
    rule "late" when late > 30 then recommend \(fire)
    otherwise recommend keep

    """
  }

  @Test func theFirstRunAfterAVerdictWasRenamedSaysItsHistoryIsNotCounted() throws {
    let workspace = try HistoryWorkspace(policy: Self.policy("fire"))
    try workspace.write("clients.csv", "id,late\nA,40\nB,0\n")
    for day in ["2026-11-01", "2026-11-02"] {
      let result = try workspace.run(day, ["-f", "csv"])
      #expect(result.status == 0, "\(day): \(result.stderr)")
      #expect(!result.stderr.contains("gave a verdict"), "\(day): \(result.stderr)")
    }
    #expect(try workspace.run("2026-11-03", ["-f", "csv"]).stdout.contains("A,fire,again,"))
    // `fire` is now `drop`: A's two earlier runs at `fire` count as none of the new verdicts.
    try workspace.write("policy.verdict", Self.policy("drop"))
    let renamed = try workspace.run("2026-11-04", ["-f", "csv", "--quiet"])
    #expect(renamed.status == 0, "\(renamed.stderr)")
    #expect(renamed.stdout.contains("A,drop,late,"), "\(renamed.stdout)")
    #expect(
      renamed.stderr.hasSuffix(
        "  warning: the run of 2026-11-03 gave a verdict the policy does not have ('fire'): the history facts "
          + "rank it as none of its verdicts, so times_flagged and flagged_since do not count the clients "
          + "flagged with it (give a renamed verdict its old name to keep its history)\n"),
      "\(renamed.stderr)")
    // The run after gave only the policy's own verdicts: nothing more to say.
    let next = try workspace.run("2026-11-05", ["-f", "csv"])
    #expect(!next.stderr.contains("gave a verdict"), "\(next.stderr)")
    // A policy that reads no history fact is not told: its report shows the verdicts as changed.
    let plain = try HistoryWorkspace(
      policy: "verdicts keep < fire\nfield late: number\nwhen late > 30 then recommend fire\notherwise recommend keep\n"
    )
    try plain.write("clients.csv", "id,late\nA,40\n")
    _ = try plain.run("2026-11-01")
    try plain.write(
      "policy.verdict",
      "verdicts keep < drop\nfield late: number\nwhen late > 30 then recommend drop\notherwise recommend keep\n")
    #expect(!(try plain.run("2026-11-02")).stderr.contains("gave a verdict"))
  }
}
