import Foundation
import Testing

/// What the HTML report says when the data was not all evaluated: a file that broke off is said
/// on the page (it showed the clients read as if they were all, and "nobody left the data"), and
/// "Who needs action" does not say every client got the `otherwise` verdict when their rows were
/// errors, or when there were none.
struct HTMLReadInPartTests {
  static func page(_ workspace: HistoryWorkspace, _ day: Int, data: String) throws -> String {
    _ = try workspace.run(HistoryWorkspace.november(day), ["-f", "html", "-o", "report.html"], data: data)
    return try String(contentsOf: workspace.url("report.html"), encoding: .utf8)
  }

  @Test func aFileThatBrokeOffIsSaidOnThePage() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,false\nB,0,false\nC,0,false\n")
    try workspace.write("broken.csv", "id,late,rude\nA,0,false\nB,\"0,false\nC,0,false\n")
    _ = try Self.page(workspace, 1, data: "clients.csv")
    let page = try Self.page(workspace, 2, data: "broken.csv")
    #expect(
      page.contains(
        "1 data file could not be read to the end: the clients after where it broke off are not on this page"))
    #expect(page.contains("who left the data is not known, as not all of it was read."))
    #expect(!page.contains("nobody left the data"))
  }

  @Test func nobodyNeedsActionSaysWhy() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("errors.csv", "id,late,rude\nA,x,false\nB,0,maybe\n")
    try workspace.write("mixed.csv", "id,late,rude\nA,x,false\nB,0,false\n")
    try workspace.write("none.csv", "id,late,rude\n")
    try workspace.write("fine.csv", "id,late,rude\nA,0,false\n")
    for (file, text) in [
      ("errors.csv", "Nobody that could be evaluated: every row shown has an error (below)."),
      (
        "mixed.csv",
        "Nobody among the clients evaluated: each got the verdict keep; the others' rows have errors (below)."
      ),
      ("none.csv", "Nobody: the data has no clients."),
      ("fine.csv", "Nobody: every client shown got the verdict keep."),
    ] {
      let run = try workspace.verdict([
        "run", "policy.verdict", file, "-f", "html", "-o", "report.html", "--today", "2026-11-01",
      ])
      #expect(run.status <= 1, "\(run.stderr)")
      let page = try String(contentsOf: workspace.url("report.html"), encoding: .utf8)
      #expect(page.contains("<p>\(text.replacingOccurrences(of: "'", with: "&#39;"))</p>"), "\(file)")
    }
  }
}
