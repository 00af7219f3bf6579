import Foundation
import Testing

/// A run whose data has no client at all (an export that came out as its header alone, or
/// `[]`) records nobody as having left, and says so: before, every client was recorded as
/// gone, and the next real run found them all new, their stretches and cooldowns started again.
struct HistoryEmptyDataTests {
  @Test(arguments: [("empty.csv", "id,late,rude\n"), ("empty.json", "[]\n")])
  func dataWithoutClientsRecordsNoDepartures(file: String, text: String) throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,true\nB,45,false\n")
    try workspace.write(file, text)
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    let empty = try workspace.run(
      HistoryWorkspace.november(2), ["--quiet", "-f", "html", "-o", "report.html"], data: file)
    #expect(empty.status == 0, "\(empty.stderr)")
    #expect(
      empty.stderr.contains(
        "warning: the data has no clients: the history keeps the 2 clients of its last run as they were, "
          + "none recorded as having left"), "\(empty.stderr)")
    let page = try String(contentsOf: workspace.url("report.html"), encoding: .utf8)
    #expect(!page.contains("Left the data"))
    // A's cooldown of 3 days from the 1st is still running on the 3rd: nobody is new or changed.
    let later = try workspace.run(HistoryWorkspace.november(3), ["--changed", "-f", "csv"])
    #expect(later.status == 0, "\(later.stderr)")
    #expect(later.stdout.split(separator: "\n").count == 1, "\(later.stdout)")
  }

  /// A first run over such data has nobody to keep, and nothing to say about it.
  @Test func aFirstRunWithoutClientsWarnsOfNothing() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\n")
    let run = try workspace.run(HistoryWorkspace.november(1))
    #expect(run.status == 0)
    #expect(!run.stderr.contains("warning"), "\(run.stderr)")
  }
}
