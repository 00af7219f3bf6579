import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The HTML report with a run history: a month of daily runs, each written as a page, whose
/// "what changed" section and card timelines must follow the month's events.
struct HTMLHistoryTests {
  /// The clients on `day`, as ``HistoryMonthTests`` has them (B late on the 3rd, 4th, 10th and
  /// 11th, C rude from the 15th, D rude throughout with a bad row on the 25th), and a client
  /// whose key is markup, in the data until the 20th.
  static func clients(day: Int) -> String {
    var text = HistoryMonthTests.clients(day: day)
    if day <= 20 { text += "<b>E</b>,0,false\n" }
    return text
  }

  /// The section "What changed since the previous run", from its heading to the cards'.
  static func changes(_ page: String) -> String {
    guard let start = page.range(of: "<section id=\"changes\""), let end = page.range(of: "<section id=\"action\"")
    else { return "" }
    return String(page[start.lowerBound..<end.lowerBound])
  }

  /// The card of entry `index`.
  static func card(_ index: Int, in page: String) -> String {
    guard let start = page.range(of: "<article class=\"card\" id=\"card-\(index)\"") else { return "" }
    let rest = page[start.lowerBound...]
    return String(rest[..<(rest.range(of: "</article>")?.upperBound ?? rest.endIndex)])
  }

  @Test func aMonthOfPages() throws {
    let workspace = try HistoryWorkspace()
    var pages: [Int: String] = [:]
    for day in 1...30 {
      try workspace.write("clients.csv", Self.clients(day: day))
      let run = try workspace.run(HistoryWorkspace.november(day), ["-f", "html", "-o", "report.html"])
      #expect(run.status == (day == 25 ? 1 : 0), "\(day): \(run.stderr)")
      pages[day] = try String(contentsOf: workspace.url("report.html"), encoding: .utf8)
      #expect(XMLParser(data: Data(pages[day]!.utf8)).parse(), "day \(day): not well-formed")
    }
    #expect(Self.changes(pages[1]!).contains("This is the first run the history records"))
    #expect(pages[1]!.contains("class=\"card\"") && !pages[1]!.contains("class=\"timeline\""))
    #expect(
      Self.changes(pages[2]!).contains(
        "The previous run was on 2026-11-01 (1 day ago).</p><p>Nothing changed: every client has the verdict it had "
          + "then, no cooldown ended today, and nobody left the data.</p>"))
    // B turns late: a card, linked.
    #expect(
      Self.changes(pages[3]!).contains(
        "<h3>Verdict changed (1)</h3><ul class=\"changes\"><li><a href=\"#card-1\"><bdi>B</bdi></a>: <bdi>keep</bdi> "
          + "\u{2192} <bdi>talk</bdi>, by \u{201C}<bdi>late</bdi>\u{201D}.</li></ul>"))
    // D's cooldown ran out.
    #expect(
      Self.changes(pages[4]!).contains(
        "<h3>Cooldown ended today: time to act (1)</h3><ul class=\"changes\"><li><a href=\"#card-3\"><bdi>D</bdi></a>: "
          + "<bdi>fire</bdi>, by \u{201C}<bdi>rude</bdi>\u{201D}, cooled off since 2026-11-01.</li></ul>"))
    #expect(!Self.changes(pages[4]!).contains("Verdict changed"))
    // B back to keep: no card, so the link goes to its row.
    #expect(
      Self.changes(pages[5]!).contains(
        "<li><a href=\"#row-1\"><bdi>B</bdi></a>: <bdi>talk</bdi> \u{2192} <bdi>keep</bdi>.</li>"))
    #expect(
      Self.changes(pages[11]!).contains(
        "<li><a href=\"#card-1\"><bdi>B</bdi></a>: <bdi>talk</bdi> \u{2192} <bdi>review</bdi>, by "
          + "\u{201C}<bdi>repeat</bdi>\u{201D}.</li>"))
    // The client with a markup key leaves the data, and shows as text.
    #expect(
      Self.changes(pages[21]!).contains(
        "<h3>Left the data (1)</h3><ul class=\"changes\"><li><strong><bdi>&lt;b&gt;E&lt;/b&gt;</bdi></strong>: was "
          + "<bdi>keep</bdi> on 2026-11-20.</li></ul>"))
    #expect(!pages[21]!.contains("<b>E"))
    #expect(Self.changes(pages[22]!).contains("Nothing changed"))

    // The 30th: C flagged since the 15th, D since the 1st; 30 runs each.
    let c = Self.card(2, in: pages[30]!)
    #expect(c.contains("<p class=\"note\">Flagged since 2026-11-15 (15 days).</p>"))
    #expect(c.components(separatedBy: "<rect ").count - 1 == 30)
    #expect(c.contains("<title>2026-11-14: keep</title>"))
    #expect(c.contains("<title>2026-11-15: fire, by \u{201C}rude\u{201D}</title>"))
    #expect(c.contains("<title>2026-11-30: fire, by \u{201C}rude\u{201D}</title>"))
    #expect(c.contains("aria-label=\"Verdict at the last 30 runs, oldest first: fire 16, keep 14\""))
    let d = Self.card(3, in: pages[30]!)
    #expect(d.contains("Flagged since 2026-11-01 (29 days)."))
    // The row that could not be read on the 25th kept D's verdict.
    #expect(d.contains("<title>2026-11-25: fire, by \u{201C}rude\u{201D}</title>"))
    // On the 4th, B's strip has three runs: keep, keep, then talk twice.
    let b = Self.card(1, in: pages[4]!)
    #expect(b.contains("aria-label=\"Verdict at the last 4 runs, oldest first: talk 2, keep 2\""))
    #expect(b.contains("Flagged since 2026-11-03 (1 day)."))
    try RunnerGolden.expect(pages[30]!, "html-history-day30.html")
  }

  @Test(.enabled(if: HTMLBrowserTests.browser != nil, "no Chromium on this machine: skipped"))
  func theTimelinesLoadInABrowser() throws {
    let workspace = try HistoryWorkspace()
    for day in 1...11 {
      try workspace.write("clients.csv", Self.clients(day: day))
      _ = try workspace.run(HistoryWorkspace.november(day), ["-f", "html", "-o", "report.html"])
    }
    let dom = try HTMLBrowserTests.browse(
      workspace.url("report.html"), ["--dump-dom"], profile: workspace.url("profile"))
    #expect(dom.status == 0)
    // Cards for B (review) and D (fire), each with a strip of 11 runs.
    #expect(dom.output.components(separatedBy: "class=\"timeline\"").count - 1 == 2)
    #expect(dom.output.contains("<h2 id=\"changes-heading\">What changed since the previous run</h2>"))
    #expect(!dom.output.contains("<b>E"))
  }
}

/// Golden pages of the CLI tests: `Cases/pages/NAME`, rewritten with `UPDATE_GOLDEN=1`.
enum RunnerGolden {
  static func expect(_ text: String, _ name: String) throws {
    let url = CLIGoldenTests.casesFolder.appendingPathComponent("pages/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden \(name)>"
    #expect(text == expected, "\(name) differs from the golden")
  }
}

/// A card is for any client a rule decided; only one whose verdict is more severe than the
/// `otherwise` one is flagged (history.md's `flagged_since`).
struct HTMLFlaggedTests {
  @Test func aClientARuleGaveAMilderVerdictIsNotFlagged() throws {
    let policy = """
      verdicts keep < talk < fire
      field v: text
      rule "good" when v == "keep" then recommend keep
      rule "bad" when v == "fire" then recommend fire
      otherwise recommend talk

      """
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-flagged-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(policy.utf8).write(to: folder.appendingPathComponent("p.verdict"))
    try Data("id,v\nC,keep\nF,fire\n".utf8).write(to: folder.appendingPathComponent("d.csv"))
    var page = ""
    for day in 1...3 {
      let run = try VerdictBinary.run(
        [
          "run", "p.verdict", "d.csv", "--history", "h.sqlite", "--today", "2026-01-0\(day)", "-f", "html", "-o",
          "r.html",
        ], in: folder)
      #expect(run.status == 0, "\(run.stderr)")
      page = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
    }
    let cards = [HTMLHistoryTests.card(0, in: page), HTMLHistoryTests.card(1, in: page)]
    let fired = try #require(cards.first { $0.contains(">F<") || $0.contains("F</") })
    let kept = try #require(cards.first { $0 != fired && !$0.isEmpty })
    #expect(fired.contains("Flagged since 2026-01-01 (2 days)."), "\(fired)")
    #expect(!kept.contains("Flagged"), "\(kept)")
  }
}
