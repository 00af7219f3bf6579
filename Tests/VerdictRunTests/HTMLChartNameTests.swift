import Foundation
import Testing

@testable import VerdictRun

/// `--chart NAME` and `--histogram NAME` over record tables: the page draws what `share()`
/// measures, a field of the data or an aggregate, named by a let that is the aggregate or as
/// the policy writes it; any other name is refused saying what can be named.
struct HTMLChartNameTests {
  static func run(
    _ configure: @escaping (inout RunConfiguration) -> Void
  ) throws -> RunnerTests.Outcome {
    try TableRunTests.run("billing.verdict", tables: [("entries", "entries.csv")], format: .html, configure: configure)
  }

  /// a bills 150 EUR, b 900 EUR, c 1100 EUR: c's bar comes first.
  @Test(arguments: [("revenue", "revenue"), ("sum(entries.billed)", "sum(entries.billed)")])
  func theChartDrawsAnAggregate(name: String, shown: String) throws {
    let outcome = try Self.run { $0.chartField = name }
    #expect(outcome.status == .success, "\(outcome.messages)")
    #expect(outcome.report.contains("<h2 id=\"pareto-heading\">Pareto chart: \(shown)</h2>"))
    #expect(outcome.report.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
    #expect(outcome.report.contains("<title>c, watch: 1100.00 EUR (51.2%; cumulative 51.2%)</title>"))
  }

  /// Hours 70, 6 and 25: the aggregate as written, spaces aside, is named as the policy writes it.
  @Test func theHistogramsDrawAnAggregateAsWritten() throws {
    let outcome = try Self.run { $0.histogramField = "sum( entries.hours )" }
    #expect(outcome.status == .success, "\(outcome.messages)")
    #expect(outcome.report.contains("<h2 id=\"histograms-heading\">Verdicts by sum(entries.hours)</h2>"))
    #expect(outcome.report.contains("10 equal ranges of sum(entries.hours) from 6 to 70"))
  }

  @Test(arguments: [
    (
      "per_hour", true,
      "--chart: 'per_hour' is a let that is not an aggregate: only a numeric field or an aggregate the policy "
        + "reads can be drawn, as share() measures them (those it reads: 'revenue', 'sum(entries.billed)', "
        + "'sum(entries.hours)'; by default the chart draws what the policy's first share() measures)"
    ),
    (
      "hours", false,
      "--histogram: 'hours' is not a numeric field or aggregate the policy reads (those it reads: 'revenue', "
        + "'sum(entries.billed)', 'sum(entries.hours)')"
    ),
    (
      "revenu", true,
      "--chart: 'revenu' is not a numeric field or aggregate the policy reads (did you mean 'revenue'?)"
    ),
    ("unpaid", false, "--histogram: 'unpaid' is a bool; it draws a number, money, a duration or a percent"),
  ])
  func otherNamesAreRefusedSayingWhatCanBeDrawn(name: String, chart: Bool, message: String) throws {
    let outcome = try Self.run {
      if chart { $0.chartField = name } else { $0.histogramField = name }
    }
    #expect(outcome.status == .usage)
    #expect(outcome.messages == "verdict: \(message)\n")
  }
}
