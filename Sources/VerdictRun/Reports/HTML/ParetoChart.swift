import Verdict

/// The Pareto chart: clients sorted by the charted measure, largest first, a bar each coloured by
/// verdict, the cumulative share as a line, and the 80% mark. Past ``maxBars`` clients the rest
/// are one grey bar, so the chart reads the same with 5 clients or 5,000.
struct ParetoChart {
  /// The most clients drawn as bars of their own.
  static let maxBars = 50
  private static let width = 720.0, height = 320.0
  private static let left = 56.0, right = 48.0, top = 16.0, bottom = 44.0

  let vocabulary: ReportVocabulary
  let entries: [ReportEntry]

  /// A bar: whom it stands for, its amount, its colour.
  private struct Bar {
    var label: String
    var amount: Double
    /// The amount as the data wrote it; `nil` for the tail's sum.
    var shown: String?
    var fill: String
  }

  func render(_ page: inout Markup) {
    guard let field = vocabulary.chartField else { return }
    page.open("section", ["id": "pareto", "aria-labelledby": "pareto-heading"])
    page.element("h2", ["id": "pareto-heading"], text: "Pareto chart: \(field)")
    let charted = entries.indices.filter { (entries[$0].measure?.amount ?? 0) > 0 }
      .sorted { a, b in
        let (x, y) = (entries[a].measure?.amount ?? 0, entries[b].measure?.amount ?? 0)
        return x != y ? x > y : a < b
      }
    if let mixed = ReportEntry.currencies(charted.map { entries[$0].measure }) {
      page.element(
        "p", text: "No chart: \(field) is in \(mixed), and amounts of different currencies are not added up.")
      page.close("section")
      return
    }
    let total = charted.reduce(0.0) { $0 + (entries[$1].measure?.amount ?? 0) }
    guard !charted.isEmpty, total > 0, total.isFinite else {
      page.element("p", text: "No client shown has a positive \(field) to chart.")
      page.close("section")
      return
    }
    var bars = charted.prefix(ParetoChart.maxBars).map { index in
      let entry = entries[index]
      return Bar(
        // Texts of the policy and the data, isolated: the label is written in sentences.
        label:
          "\(BidiIsolation.plain(entry.client)), \(BidiIsolation.plain(entry.severity.map { vocabulary.verdicts[$0] } ?? "error"))",
        amount: entry.measure?.amount ?? 0, shown: BidiIsolation.plain(entry.measure?.text ?? ""),
        fill: ReportStyle.color(severity: entry.severity, count: vocabulary.verdicts.count))
    }
    if charted.count > ParetoChart.maxBars {
      let rest = charted.dropFirst(ParetoChart.maxBars)
      let amount = rest.reduce(0.0) { $0 + (entries[$1].measure?.amount ?? 0) }
      bars.append(
        Bar(
          label: "\(rest.count.formatted) other clients", amount: amount,
          shown: nil,
          fill: ReportStyle.neutralColor))
    }
    // How many clients make 80% of the total.
    var running = 0.0
    var few = charted.count
    for (place, index) in charted.enumerated() {
      running += entries[index].measure?.amount ?? 0
      if running >= 0.8 * total {
        few = place + 1
        break
      }
    }
    let summary =
      "\(charted.count.formatted) clients with a positive \(field); the \(few.formatted) largest "
      + "(\(ParetoChart.percent(Double(few) / Double(charted.count))) of them) make 80% of the total."
    page.open("figure")
    draw(&page, bars: bars, total: total, field: field, summary: summary)
    page.open("figcaption")
    page.text(
      summary + " Bars: " + bars.prefix(5).map { "\($0.label) \($0.shown ?? "together")" }.joined(separator: "; "))
    page.text(bars.count > 5 ? "; …" : ".")
    page.close("figcaption")
    page.close("figure")
    page.close("section")
    page.trusted("\n")
  }

  private func draw(_ page: inout Markup, bars: [Bar], total: Double, field: String, summary: String) {
    let (width, height) = (ParetoChart.width, ParetoChart.height)
    let plotWidth = width - ParetoChart.left - ParetoChart.right
    let plotHeight = height - ParetoChart.top - ParetoChart.bottom
    let base = ParetoChart.top + plotHeight
    let slot = plotWidth / Double(bars.count)
    let largest = bars.map(\.amount).max() ?? 1
    let n = ParetoChart.number
    page.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img",
        "aria-labelledby": "pareto-title pareto-desc", "class": "pareto",
      ])
    page.element("title", ["id": "pareto-title"], text: "Clients by \(field), largest first, with the cumulative share")
    page.element("desc", ["id": "pareto-desc"], text: summary)
    let axis = "#374151"
    page.empty(
      "line",
      ["x1": n(ParetoChart.left), "y1": n(base), "x2": n(width - ParetoChart.right), "y2": n(base), "stroke": axis])
    // The largest amount above the axis, left-aligned: `12,500.00 USD` would not fit left of it.
    page.element(
      "text", ["x": n(ParetoChart.left), "y": n(ParetoChart.top - 4), "font-size": "11"],
      text: bars.first { $0.amount == largest }?.shown ?? ParetoChart.percent(largest / total))
    page.element(
      "text", ["x": n(ParetoChart.left - 4), "y": n(base), "text-anchor": "end", "font-size": "11"], text: "0")
    for (mark, label) in [(1.0, "100%"), (0.8, "80%"), (0.0, "0%")] {
      page.element(
        "text", ["x": n(width - ParetoChart.right + 4), "y": n(base - mark * plotHeight + 4), "font-size": "11"],
        text: label)
    }
    page.element(
      "text",
      ["x": n(ParetoChart.left + plotWidth / 2), "y": n(height - 12), "text-anchor": "middle", "font-size": "12"],
      text: "clients by \(field), largest first")
    page.open("g", ["class": "bars"])
    var running = 0.0
    var points: [String] = []
    for (place, bar) in bars.enumerated() {
      let barHeight = max(0.5, bar.amount / largest * plotHeight)
      let x = ParetoChart.left + Double(place) * slot + slot * 0.1
      running += bar.amount
      page.open(
        "rect",
        [
          "class": "bar", "x": n(x), "y": n(base - barHeight), "width": n(slot * 0.8), "height": n(barHeight),
          "fill": bar.fill,
        ])
      page.element(
        "title",
        text:
          "\(bar.label): \(bar.shown ?? "together") (\(ParetoChart.percent(bar.amount / total)); cumulative \(ParetoChart.percent(running / total)))"
      )
      page.close("rect")
      points.append("\(n(x + slot * 0.4)),\(n(base - running / total * plotHeight))")
    }
    page.close("g")
    page.empty(
      "line",
      [
        "x1": n(ParetoChart.left), "y1": n(base - 0.8 * plotHeight), "x2": n(width - ParetoChart.right),
        "y2": n(base - 0.8 * plotHeight), "stroke": "#b91c1c", "stroke-dasharray": "6 4", "stroke-width": "1.5",
      ])
    page.empty(
      "polyline",
      ["points": points.joined(separator: " "), "fill": "none", "stroke": "#111827", "stroke-width": "2"])
    page.close("svg")
  }

  /// A coordinate with one decimal, the same in every locale.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// A fraction as a percent with one decimal: `42.5%`.
  static func percent(_ fraction: Double) -> String {
    number(fraction * 100) + "%"
  }
}
