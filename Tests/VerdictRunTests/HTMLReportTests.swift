import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--format html`: the page is well-formed XML, escapes every text from the policy and the
/// data, is the same bytes whatever the threads and batches, and refuses to grow past its limit.
struct HTMLReportTests {
  /// Parses `page` as XML; returns the parser's error, if any.
  static func xmlError(_ page: String) -> String? {
    let parser = XMLParser(data: Data(page.utf8))
    if parser.parse() { return nil }
    return parser.parserError.map { "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)" } ?? "failed"
  }

  @Test func hostileNamesAndTextsShowAsText() throws {
    let outcome = try RunnerTests.run(policy: "hostile.verdict", data: ["hostile.csv"], format: .html)
    #expect(outcome.status == .success)
    let page = outcome.report
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
    #expect(page.contains("&lt;img src=x onerror=alert(2)&gt;"))
    #expect(page.contains("Fish &amp; Chips &quot;Ltd&quot;"))
    #expect(page.contains("&#39;quoted&#39; &lt;b&gt;bold&lt;/b&gt;"))
    #expect(page.contains("a &amp; b &lt;c&gt;"))
    for markup in ["<script", "<img", "<b>", "onerror=alert(2)>"] {
      #expect(!page.contains(markup), "\(markup) got into the page as markup")
    }
    #expect(Self.xmlError(page) == nil)
  }

  @Test func attributesAreEscapedToo() {
    var markup = Markup()
    markup.element("a", ["href": "#\"><script>x</script>", "title": "a'b&c"], text: "t\u{1}ab")
    #expect(
      markup.text == "<a href=\"#&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" title=\"a&#39;b&amp;c\">t\u{FFFD}ab</a>")
  }

  /// Noncharacters, DEL and the C1 controls become U+FFFD in attributes as in text.
  @Test func unwritableScalarsAreReplacedInAttributes() {
    let unwritable = [0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF, 0x7F, 0x80, 0x9F].map {
      String(Character(Unicode.Scalar(UInt32($0))!))
    }
    var markup = Markup()
    markup.element("a", ["title": unwritable.joined(separator: "é")], text: "€" + unwritable.joined())
    let replacements = String(repeating: "\u{FFFD}", count: unwritable.count)
    #expect(
      markup.text
        == "<a title=\"\(Array(repeating: "\u{FFFD}", count: unwritable.count).joined(separator: "é"))\">€\(replacements)</a>"
    )
  }

  @Test(arguments: ["simple.verdict:bad-cells.csv", "share.verdict:share.csv", "hostile.verdict:hostile.csv"])
  func pagesAreWellFormed(_ run: String) throws {
    let parts = run.split(separator: ":").map(String.init)
    let outcome = try RunnerTests.run(policy: parts[0], data: [parts[1]], format: .html)
    #expect(outcome.report.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(Self.xmlError(outcome.report) == nil)
  }

  @Test func shareGivesTheChartOneBarPerClient() throws {
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: .html)
    RunnerTests.expectGolden(outcome.report, "share.out.html")
    #expect(outcome.report.contains("<h2 id=\"pareto-heading\">Pareto chart: hours</h2>"))
    #expect(outcome.report.components(separatedBy: "<rect class=\"bar\"").count - 1 == 4)
  }

  @Test func theChartAggregatesTheTail() throws {
    // K1 … K120: revenue 10 … 1200, hours 1 … 120.
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["many.csv"], format: .html) {
      $0.chartField = "revenue"
    }
    #expect(outcome.report.components(separatedBy: "<rect class=\"bar\"").count - 1 == ParetoChart.maxBars + 1)
    #expect(outcome.report.contains("<title>70 other clients: together (34.2%; cumulative 100%)</title>"))
    // The largest first: K120 is the first bar.
    #expect(outcome.report.contains("<title>K120, keep: 1200.00 EUR (1.7%; cumulative 1.7%)</title>"))
  }

  @Test func aChartFieldThePolicyDoesNotReadIsRefused() throws {
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: .html) {
      $0.chartField = "hour"
    }
    #expect(outcome.status == .usage)
    #expect(
      outcome.messages
        == "verdict: --chart: 'hour' is not a numeric field or aggregate the policy reads (did you mean 'hours'?)\n")
  }

  @Test func theSameInputsGiveTheSameBytes() throws {
    let reference = try RunnerTests.run(
      policy: "simple.verdict", data: ["bad-cells.csv", "german.csv"], format: .html, jobs: 1)
    for (jobs, batchSize) in [(1, 1), (2, 2), (4, 3), (3, 4096)] {
      let outcome = try RunnerTests.run(
        policy: "simple.verdict", data: ["bad-cells.csv", "german.csv"], format: .html, jobs: jobs,
        batchSize: batchSize)
      #expect(outcome.report == reference.report, "jobs \(jobs), batch \(batchSize)")
    }
  }

  @Test func pastTheLimitTheRunIsRefused() throws {
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: .html, batchSize: 1) {
      $0.maxHTMLClients = 3
    }
    #expect(outcome.status == .usage)
    #expect(outcome.report == "")
    #expect(
      outcome.messages
        == "verdict: the HTML report would show more than 3 clients (hint: show fewer with --only VERDICT or "
        + "--quiet, or write --format csv)\n")
    let quiet = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: .html) {
      $0.maxHTMLClients = 3
      $0.quiet = true
    }
    #expect(quiet.status == .success)
    #expect(quiet.report.contains("<table>"))
  }

  @Test func actionPlanDatesCountPartDaysAsWholeOnes() {
    let today = CalendarDate(year: 2026, month: 12, day: 1)!
    #expect(today.adding(wholeDaysOf: TimeSpan(days: 30)!).description == "2026-12-31")
    #expect(today.adding(wholeDaysOf: TimeSpan(seconds: 3600)).description == "2026-12-02")
    #expect(CalendarDate.last.adding(wholeDaysOf: TimeSpan(days: 3)!) == .last)
    // The longest duration: more days than any date holds (its count of seconds plus part of
    // a day trapped).
    #expect(today.adding(wholeDaysOf: TimeSpan(seconds: .max)) == .last)
    #expect(today.adding(wholeDaysOf: TimeSpan(seconds: .min)) == .first)
  }
}
