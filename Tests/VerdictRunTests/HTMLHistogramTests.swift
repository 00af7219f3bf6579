import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// `--histogram FIELD`: one small histogram per verdict over the same bins, and the option's errors.
struct HTMLHistogramTests {
  /// An entry of verdict `severity` (`nil`: an error) whose field is `amount`.
  static func entry(_ severity: Int?, _ amount: Double?) -> ReportEntry {
    var entry = ReportEntry(client: "c", source: 0, line: 1)
    entry.severity = severity
    entry.histogram = amount.map { ("\($0)", $0, nil) }
    return entry
  }

  @Test func binsSplitTheRangeInTenAndCountPerVerdict() throws {
    let entries = [
      Self.entry(0, 0), Self.entry(0, 10), Self.entry(0, 25), Self.entry(0, 100),
      Self.entry(1, 50), Self.entry(1, 99.9), Self.entry(1, nil), Self.entry(nil, 1000),
    ]
    let bins = try #require(VerdictHistograms.bins(entries))
    // The error's value is not counted: the range is that of the verdicts' values.
    #expect(bins == VerdictHistograms.Bins(low: 0, high: 100, count: 10))
    #expect([0, 9.99, 10, 25, 50, 99.9, 100].map(bins.bin(of:)) == [0, 0, 1, 2, 5, 9, 9])
    let histograms = VerdictHistograms.histograms(entries, bins: bins, verdicts: 3)
    // Most severe first; verdict 2 has no client, so no histogram.
    #expect(histograms.map(\.severity) == [1, 0])
    #expect(histograms[0].counts == [0, 0, 0, 0, 0, 1, 0, 0, 0, 1])
    #expect(histograms[0].withoutValue == 1)
    #expect(histograms[1].counts == [1, 1, 1, 0, 0, 0, 0, 0, 0, 1])
    #expect(histograms[1].withoutValue == 0)
  }

  @Test func oneValueGivesOneBinAndNoValueNoBins() throws {
    let same = try #require(VerdictHistograms.bins([Self.entry(0, 7), Self.entry(1, 7)]))
    #expect(same.count == 1)
    #expect(
      VerdictHistograms.histograms([Self.entry(0, 7), Self.entry(1, 7)], bins: same, verdicts: 2).map(\.counts) == [
        [1], [1],
      ])
    #expect(VerdictHistograms.bins([Self.entry(0, nil), Self.entry(nil, 3)]) == nil)
  }

  @Test func thePageHasAHistogramPerVerdictWithTooltips() throws {
    // Revenue 9000, 1000, 5000, 2500 EUR: bins of 800 EUR from 1000, so bins 9, 0, 5 and 1;
    // B is fired, the others kept.
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: .html) {
      $0.histogramField = "revenue"
    }
    #expect(outcome.status == .success)
    let page = outcome.report
    #expect(HTMLReportTests.xmlError(page) == nil)
    #expect(page.contains("<h2 id=\"histograms-heading\">Verdicts by revenue</h2>"))
    #expect(page.contains("10 equal ranges of revenue from 1000.00 EUR to 9000.00 EUR"))
    #expect(page.components(separatedBy: "<rect class=\"hbar\"").count - 1 == 4)
    #expect(page.contains("<title>fire, revenue 1000.00 EUR: 1 client</title>"))
    let keep = try #require(page.range(of: "<desc id=\"histogram-0-desc\">"))
    #expect(page[keep.upperBound...].hasPrefix("keep: 3 clients by revenue, per range 0, 1, 0, 0, 0, 1, 0, 0, 0, 1."))
  }

  @Test(arguments: [
    (
      "revenu", ReportFormat.html,
      "verdict: --histogram: 'revenu' is not a numeric field or aggregate the policy reads (did you mean 'revenue'?)"
    ),
    ("revenue", ReportFormat.csv, "verdict: --histogram draws the HTML report's histograms (hint: add --format html)"),
  ])
  func aBadHistogramFieldIsRefused(field: String, format: ReportFormat, message: String) throws {
    let outcome = try RunnerTests.run(policy: "share.verdict", data: ["share.csv"], format: format) {
      $0.histogramField = field
    }
    #expect(outcome.status == .usage)
    #expect(outcome.report == "")
    #expect(outcome.messages == message + "\n")
  }
}
