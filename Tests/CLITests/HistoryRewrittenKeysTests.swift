import Foundation
import Testing

/// A client whose key the export now writes in other letter case or spacing (`C1` then `c1`) is
/// recorded as gone and a new client comes: the summary says so, and `--quiet` prints it. It
/// was silent, the client's stretch and cooldown started again.
struct HistoryRewrittenKeysTests {
  @Test func aKeyWrittenAnotherWayIsWarnedAbout() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nC1,0,true\nAcme GmbH,0,false\nB,0,false\n")
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    try workspace.write("clients.csv", "id,late,rude\nc1,0,true\nACME  GmbH,0,false\nB,0,false\nD,0,false\n")
    let run = try workspace.run(HistoryWorkspace.november(2), ["--quiet"])
    #expect(run.status == 0)
    #expect(
      run.stderr.contains(
        "warning: new to the history, keyed as a client that left but for letter case or spaces: "
          + "c1 (was C1), ACME  GmbH (was Acme GmbH): "), "\(run.stderr)")
    #expect(!run.stderr.contains("D (was"), "\(run.stderr)")
    // The same keys at the next run: nothing left, nothing to say.
    let next = try workspace.run(HistoryWorkspace.november(3))
    #expect(!next.stderr.contains("warning"), "\(next.stderr)")
  }
}
