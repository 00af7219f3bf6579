import Verdict

/// The HTML report's page, made from every collected row: the summary, the cards of the clients
/// who need action, the Pareto chart, the histograms, the table of every client, and the rows with errors or
/// undecidable rules. The same rows give the same bytes: nothing depends on the clock, the
/// locale or hashing.
struct ReportPage {
  /// The most cards, errors and undecidable clients listed one by one; the table has them all.
  static let maxListed = 500

  let vocabulary: ReportVocabulary
  let entries: [ReportEntry]
  let tally: Tally
  /// The facts behind the verdicts of the clients who need action.
  let facts: ActionFacts?
  /// What the run history knew before the run, when there is one.
  var history: PageHistory?

  /// The whole page, UTF-8.
  func render() -> [UInt8] {
    var page = Markup(capacity: 4096 + entries.count * 400)
    page.trusted("<!DOCTYPE html>\n")
    page.open("html", ["lang": "en"])
    page.open("head")
    page.empty("meta", ["charset": "utf-8"])
    page.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    let today = vocabulary.notation.text(of: vocabulary.today)
    page.element("title", text: "Verdicts \(today): \(BidiIsolation.plain(vocabulary.policyName))")
    page.open("style")
    page.trusted(ReportStyle.css)
    page.close("style")
    page.close("head")
    page.trusted("\n")
    page.open("body")
    page.open("main")
    page.element("h1", text: "Verdicts of \(today)")
    summary(&page)
    changes(&page)
    cards(&page)
    ParetoChart(vocabulary: vocabulary, entries: entries).render(&page)
    VerdictHistograms(vocabulary: vocabulary, entries: entries).render(&page)
    table(&page)
    problems(&page)
    page.close("main")
    page.close("body")
    page.close("html")
    page.trusted("\n")
    return page.bytes
  }

  /// The colour of a severity (`nil` for an error).
  func color(_ severity: Int?) -> String {
    ReportStyle.color(severity: severity, count: vocabulary.verdicts.count)
  }

  /// The verdict's name, `error` for a row with an error.
  func verdictName(_ entry: ReportEntry) -> String {
    entry.severity.map { vocabulary.verdicts[$0] } ?? "error"
  }

  /// The anchor of entry `index`'s row in the table.
  static func rowAnchor(_ index: Int) -> String { "row-\(index)" }

  private func summary(_ page: inout Markup) {
    page.open("section", ["id": "summary", "aria-labelledby": "summary-heading"])
    page.element("h2", ["id": "summary-heading"], text: "Summary")
    page.open("p")
    page.text("Policy ")
    page.element("code", isolating: vocabulary.policyName)
    page.text(", data ")
    for (index, source) in vocabulary.sources.enumerated() {
      if index > 0 { page.text(", ") }
      page.element("code", isolating: source)
    }
    page.text(", today \(vocabulary.notation.text(of: vocabulary.today)).")
    page.close("p")
    // Most severe first, then the errors.
    var parts = vocabulary.verdicts.indices.reversed().map { (vocabulary.verdicts[$0], tally.verdicts[$0], color($0)) }
    parts.append(("error", tally.errors, ReportStyle.errorColor))
    let total = max(1, parts.reduce(0) { $0 + $1.1 })
    let description = parts.map { "\(BidiIsolation.plain($0.0)) \($0.1)" }.joined(separator: ", ")
    page.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 1000 28", "preserveAspectRatio": "none",
        "role": "img", "aria-label": "Clients per verdict: \(description)", "class": "stack",
      ])
    var x = 0
    for (name, count, fill) in parts where count > 0 {
      let width = count * 1000 / total
      page.open("rect", ["x": "\(x)", "y": "0", "width": "\(max(width, 2))", "height": "28", "fill": fill])
      page.element("title", text: "\(BidiIsolation.plain(name)): \(count)")
      page.close("rect")
      x += width
    }
    page.close("svg")
    page.open("ul", ["class": "counts"])
    for (name, count, fill) in parts where count > 0 || name != "error" {
      page.open("li")
      page.element("span", ["class": "swatch", "style": "background:\(fill)"], text: "")
      page.isolated(name)
      page.text(" ")
      page.element("strong", text: count.formatted)
      page.close("li")
    }
    page.close("ul")
    var notes: [(String, String)] = []
    if tally.errors > 0 {
      notes.append(("#errors", "\(tally.errors.formatted) row\(tally.errors == 1 ? "" : "s") with errors"))
    }
    if tally.clientsWithUnknownRules > 0 {
      let count = tally.clientsWithUnknownRules
      notes.append(
        ("#undecided", "\(count.formatted) client\(count == 1 ? "" : "s") with rules undecidable for missing data"))
    }
    if tally.printed < tally.read {
      notes.append(
        ("#clients", "\(tally.printed.formatted) of \(tally.read.formatted) clients shown (--only, --quiet)"))
    }
    if tally.unreadableTails > 0 {
      // Said on the page too: a cron job's page read alone showed the clients read as if they were all.
      let files = tally.unreadableTails
      notes.append(
        (
          "",
          "\(files) data file\(files == 1 ? "" : "s") could not be read to the end: "
            + "the clients after where \(files == 1 ? "it" : "each") broke off are not on this page"
        ))
    }
    if !notes.isEmpty {
      page.open("p")
      for (index, (anchor, text)) in notes.enumerated() {
        if index > 0 { page.text("; ") }
        if anchor.isEmpty { page.text(text) } else { page.element("a", ["href": anchor], text: text) }
      }
      page.text(".")
      page.close("p")
    }
    page.close("section")
    page.trusted("\n")
  }

  /// The rows with errors, and the clients with undecidable rules, each linked to its table row.
  private func problems(_ page: inout Markup) {
    let errors = entries.indices.filter { entries[$0].error != nil }
    let undecided = entries.indices.filter { entries[$0].unknownRules > 0 }
    list(&page, id: "errors", heading: "Rows with errors", errors) { page, entry in page.isolated(entry.error ?? "") }
    list(&page, id: "undecided", heading: "Rules undecidable for missing data", undecided) { page, entry in
      page.text("\(entry.unknownRules) rule\(entry.unknownRules == 1 ? "" : "s") could not be decided (verdict ")
      page.isolated(verdictName(entry))
      page.text(")")
    }
  }

  private func list(
    _ page: inout Markup, id: String, heading: String, _ indices: [Int], detail: (inout Markup, ReportEntry) -> Void
  ) {
    guard !indices.isEmpty else { return }
    page.open("section", ["id": id])
    page.element("h2", text: heading)
    page.open("ul")
    for index in indices.prefix(ReportPage.maxListed) {
      let entry = entries[index]
      page.open("li")
      page.element("a", ["href": "#" + ReportPage.rowAnchor(index)], isolating: entry.client)
      page.text(" (")
      page.isolated(vocabulary.sources[entry.source])
      page.text(":\(entry.line)): ")
      detail(&page, entry)
      page.close("li")
    }
    page.close("ul")
    if indices.count > ReportPage.maxListed {
      page.element(
        "p", ["class": "note"], text: "… and \((indices.count - ReportPage.maxListed).formatted) more in the table.")
    }
    page.close("section")
    page.trusted("\n")
  }
}
