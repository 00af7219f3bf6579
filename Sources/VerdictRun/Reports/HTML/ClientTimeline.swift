import Verdict
import VerdictHistory

/// A card's timeline: the client's verdict at each of the last ``maxRuns`` runs, today's
/// included, as a strip of small squares in the verdicts' colours (a pale one for a run without
/// the client), each with a tooltip of its day, verdict and rule; and since when the client has
/// been flagged (a verdict more severe than the `otherwise` one) without a break.
///
/// Read from what the run loaded of the history before it began (``PastRuns``): nothing is read
/// from the history file for a card.
struct ClientTimeline {
  /// The most runs a timeline shows.
  static let maxRuns = 30
  /// The colour of a run without the client.
  static let absentColor = "#e5e7eb"
  private static let cell = 10.0, gap = 2.0, height = 14.0

  let vocabulary: ReportVocabulary
  let history: PageHistory
  let entry: ReportEntry

  /// One run: its day, and the client's verdict and rule there (`nil` verdict: not in the data).
  private struct Run {
    var day: CalendarDate
    var verdict: String?
    var rule: String?
  }

  private func runs() -> [Run] {
    let key = PageHistory.key(entry.client)
    let past = history.client(entry)
    var runs = history.past.facts.runDays.suffix(ClientTimeline.maxRuns - 1).map { day in
      Run(
        day: day, verdict: past?.verdict(on: day),
        rule: past == nil ? nil : history.past.facts.rule(of: key, on: day))
    }
    runs.append(
      Run(
        day: vocabulary.today, verdict: entry.severity.map { vocabulary.verdicts[$0] },
        rule: entry.rule.map { vocabulary.rules[$0] }))
    return runs
  }

  func render(_ page: inout Markup) {
    let notation = vocabulary.notation
    let today = vocabulary.today
    let runs = runs()
    // Flagged: a verdict more severe than the `otherwise` one (history.md), today's included;
    // a card of a client whose rule gave a milder verdict says nothing of it.
    if let severity = entry.severity, severity > vocabulary.otherwise {
      let since =
        history.past.flaggedSince(history.client(entry), otherwise: vocabulary.otherwise) ?? today
      let days = today.daysSinceEpoch - since.daysSinceEpoch
      page.element(
        "p", ["class": "note"],
        text: days == 0
          ? "Flagged since today."
          : "Flagged since \(notation.text(of: since)) (\(days) day\(days == 1 ? "" : "s")).")
    }
    // Counts by verdict, most severe first, for the text alternative.
    var counts = vocabulary.verdicts.indices.reversed().compactMap { severity -> String? in
      let count = runs.filter { $0.verdict == vocabulary.verdicts[severity] }.count
      return count > 0 ? "\(BidiIsolation.plain(vocabulary.verdicts[severity])) \(count)" : nil
    }
    let absent = runs.filter { $0.verdict == nil }.count
    if absent > 0 { counts.append("not in the data \(absent)") }
    let n = ParetoChart.number
    let step = ClientTimeline.cell + ClientTimeline.gap
    let width = Double(runs.count) * step - ClientTimeline.gap
    page.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(n(width)) \(n(ClientTimeline.height))",
        "class": "timeline", "role": "img",
        "aria-label":
          "Verdict at the last \(runs.count) run\(runs.count == 1 ? "" : "s"), oldest first: "
          + counts.joined(separator: ", "),
      ])
    for (place, run) in runs.enumerated() {
      let fill = run.verdict.map(color(of:)) ?? ClientTimeline.absentColor
      page.open(
        "rect",
        [
          "x": n(Double(place) * step), "y": "0", "width": n(ClientTimeline.cell),
          "height": n(ClientTimeline.height), "rx": "2", "fill": fill,
        ])
      var title = "\(notation.text(of: run.day)): " + (run.verdict.map(BidiIsolation.plain) ?? "not in the data")
      if let rule = run.rule { title += ", by \u{201C}\(BidiIsolation.plain(rule))\u{201D}" }
      page.element("title", text: title)
      page.close("rect")
    }
    page.close("svg")
  }

  /// The colour of a verdict by its name today; grey for one the policy no longer has.
  private func color(of verdict: String) -> String {
    guard let severity = vocabulary.verdicts.firstIndex(of: verdict) else { return ReportStyle.neutralColor }
    return ReportStyle.color(severity: severity, count: vocabulary.verdicts.count)
  }
}
