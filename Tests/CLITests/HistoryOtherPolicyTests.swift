import Foundation
import Testing

/// A history whose latest run another policy file made (a crontab's `VERDICT_HISTORY` set once
/// for two jobs) gets a warning, which `--quiet` prints: each policy's runs recorded the other's
/// clients as having left, and a run on the same day replaced the other's, without a word.
struct HistoryOtherPolicyTests {
  @Test func aRunOfAnotherPolicyIsWarnedAbout() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,true\nB,45,false\n")
    try workspace.write("other.verdict", "field late: number\nrule \"late\" when late > 30 then recommend fire\n")
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    let other = try workspace.verdict([
      "run", "other.verdict", "clients.csv", "--history", workspace.history.path, "--today",
      HistoryWorkspace.november(1), "--quiet",
    ])
    #expect(other.status == 0, "\(other.stderr)")
    #expect(
      other.stderr.contains(
        "warning: the history's run of 2026-11-01 was of the policy 'policy.verdict', this one of 'other.verdict'"),
      "\(other.stderr)")
    // The same policy by another path (as cron runs it) is the same policy; the next run of
    // the other policy compares with its own run, and says nothing.
    let again = try workspace.verdict([
      "run", workspace.url("other.verdict").path, "clients.csv", "--history", workspace.history.path, "--today",
      HistoryWorkspace.november(2),
    ])
    #expect(again.status == 0)
    #expect(!again.stderr.contains("warning"), "\(again.stderr)")
  }
}
