import Verdict

/// The verdict distribution over one numeric field (`--histogram FIELD`): a small histogram per
/// verdict, most severe first, all with the same bins, ``binCount`` equal ranges between the
/// field's smallest and largest value over every client shown.
struct VerdictHistograms {
  /// How many ranges the field's values are split into.
  static let binCount = 10
  private static let width = 320.0, height = 120.0
  private static let left = 8.0, right = 8.0, top = 14.0, bottom = 18.0

  let vocabulary: ReportVocabulary
  let entries: [ReportEntry]

  /// The bins every histogram shares.
  struct Bins: Equatable {
    /// The smallest value, where the first bin starts.
    var low: Double
    /// The largest value, where the last bin ends (it belongs to the last bin).
    var high: Double
    /// How many bins: ``binCount``, or one when every value is the same.
    var count: Int

    /// The bin `amount` falls in.
    func bin(of amount: Double) -> Int {
      guard count > 1, high > low else { return 0 }
      let place = Int(((amount - low) / (high - low) * Double(count)).rounded(.down))
      return min(count - 1, max(0, place))
    }
  }

  /// One verdict's histogram: how many clients fall in each bin, and the entries with the
  /// smallest and largest value of each (for the bar's tooltip).
  struct Histogram {
    var severity: Int
    var counts: [Int]
    var smallest: [Int?]
    var largest: [Int?]
    /// Clients of the verdict shown without a value of the field.
    var withoutValue = 0
  }

  /// The bins for the entries' values, `nil` when no entry has one.
  static func bins(_ entries: [ReportEntry]) -> Bins? {
    var low = Double.infinity
    var high = -Double.infinity
    for entry in entries where entry.severity != nil {
      guard let amount = entry.histogram?.amount, amount.isFinite else { continue }
      low = min(low, amount)
      high = max(high, amount)
    }
    guard low <= high else { return nil }
    return Bins(low: low, high: high, count: high > low ? binCount : 1)
  }

  /// The histogram of each verdict that some client shown got, most severe first.
  static func histograms(_ entries: [ReportEntry], bins: Bins, verdicts: Int) -> [Histogram] {
    let empty = Array(repeating: 0, count: bins.count)
    let none = [Int?](repeating: nil, count: bins.count)
    var histograms = (0..<verdicts).map { Histogram(severity: $0, counts: empty, smallest: none, largest: none) }
    var shown = Array(repeating: false, count: verdicts)
    for (index, entry) in entries.enumerated() {
      guard let severity = entry.severity else { continue }
      shown[severity] = true
      guard let amount = entry.histogram?.amount, amount.isFinite else {
        histograms[severity].withoutValue += 1
        continue
      }
      let bin = bins.bin(of: amount)
      histograms[severity].counts[bin] += 1
      if histograms[severity].smallest[bin].map({ amount < (entries[$0].histogram?.amount ?? 0) }) ?? true {
        histograms[severity].smallest[bin] = index
      }
      if histograms[severity].largest[bin].map({ amount > (entries[$0].histogram?.amount ?? 0) }) ?? true {
        histograms[severity].largest[bin] = index
      }
    }
    return histograms.filter { shown[$0.severity] }.reversed()
  }

  func render(_ page: inout Markup) {
    guard let field = vocabulary.histogramField else { return }
    page.open("section", ["id": "histograms", "aria-labelledby": "histograms-heading"])
    page.element("h2", ["id": "histograms-heading"], text: "Verdicts by \(field)")
    if let mixed = ReportEntry.currencies(entries.filter { $0.severity != nil }.map(\.histogram)) {
      page.element("p", text: "No histograms: \(field) is in \(mixed), which are not counted on one scale.")
      page.close("section")
      page.trusted("\n")
      return
    }
    guard let bins = VerdictHistograms.bins(entries) else {
      page.element("p", text: "No client shown has a \(field) to count.")
      page.close("section")
      page.trusted("\n")
      return
    }
    let range = [bins.low, bins.high].map { bound -> String in
      BidiIsolation.plain(entries.first { $0.severity != nil && $0.histogram?.amount == bound }?.histogram?.text ?? "")
    }
    page.element(
      "p",
      text: bins.count == 1
        ? "Every client shown with a \(field) has \(range[0])."
        : "\(bins.count) equal ranges of \(field) from \(range[0]) to \(range[1]), the same for every verdict.")
    page.open("div", ["class": "histograms"])
    for histogram in VerdictHistograms.histograms(entries, bins: bins, verdicts: vocabulary.verdicts.count) {
      figure(&page, histogram, field: field, range: range)
    }
    page.close("div")
    page.close("section")
    page.trusted("\n")
  }

  private func figure(_ page: inout Markup, _ histogram: Histogram, field: String, range: [String]) {
    let verdict = BidiIsolation.plain(vocabulary.verdicts[histogram.severity])
    let fill = ReportStyle.color(severity: histogram.severity, count: vocabulary.verdicts.count)
    let counted = histogram.counts.reduce(0, +)
    var summary =
      "\(verdict): \(counted.formatted) client\(counted == 1 ? "" : "s") by \(field), per range "
      + histogram.counts.map(String.init).joined(separator: ", ")
    if histogram.withoutValue > 0 { summary += "; \(histogram.withoutValue.formatted) without a \(field)" }
    summary += "."
    let id = "histogram-\(histogram.severity)"
    let n = ParetoChart.number
    let (width, height) = (VerdictHistograms.width, VerdictHistograms.height)
    let plotWidth = width - VerdictHistograms.left - VerdictHistograms.right
    let plotHeight = height - VerdictHistograms.top - VerdictHistograms.bottom
    let base = VerdictHistograms.top + plotHeight
    let slot = plotWidth / Double(histogram.counts.count)
    let largest = max(1, histogram.counts.max() ?? 1)
    page.open("figure", ["class": "histogram"])
    page.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img",
        "aria-labelledby": "\(id)-title \(id)-desc",
      ])
    page.element("title", ["id": "\(id)-title"], text: "\(verdict) by \(field)")
    page.element("desc", ["id": "\(id)-desc"], text: summary)
    page.empty(
      "line",
      [
        "x1": n(VerdictHistograms.left), "y1": n(base), "x2": n(width - VerdictHistograms.right), "y2": n(base),
        "stroke": "#374151",
      ])
    for (bin, count) in histogram.counts.enumerated() where count > 0 {
      let barHeight = Double(count) / Double(largest) * plotHeight
      let x = VerdictHistograms.left + Double(bin) * slot
      let values = [histogram.smallest[bin], histogram.largest[bin]].map {
        BidiIsolation.plain(entries[$0 ?? 0].histogram?.text ?? "")
      }
      let span = values[0] == values[1] ? values[0] : "\(values[0]) to \(values[1])"
      page.open(
        "rect",
        [
          "class": "hbar", "x": n(x + 1), "y": n(base - barHeight), "width": n(slot - 2), "height": n(barHeight),
          "fill": fill,
        ])
      page.element("title", text: "\(verdict), \(field) \(span): \(count.formatted) client\(count == 1 ? "" : "s")")
      page.close("rect")
      page.element(
        "text", ["x": n(x + slot / 2), "y": n(base - barHeight - 3), "text-anchor": "middle", "font-size": "10"],
        text: count.formatted)
    }
    page.element("text", ["x": n(VerdictHistograms.left), "y": n(height - 4), "font-size": "10"], text: range[0])
    page.element(
      "text", ["x": n(width - VerdictHistograms.right), "y": n(height - 4), "text-anchor": "end", "font-size": "10"],
      text: range[1])
    page.close("svg")
    page.element("figcaption", text: summary)
    page.close("figure")
    page.trusted("\n")
  }
}
