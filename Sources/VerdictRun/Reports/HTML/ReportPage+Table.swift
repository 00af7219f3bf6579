import Verdict

extension ReportPage {
  /// Every shown client, in the order of the data: a real table, each row an anchor the cards,
  /// the errors and the undecidable rules link to.
  func table(_ page: inout Markup) {
    page.open("section", ["id": "clients", "aria-labelledby": "clients-heading"])
    page.element("h2", ["id": "clients-heading"], text: "All clients")
    page.open("div", ["class": "scroll"])
    page.open("table")
    page.element("caption", ["class": "note"], text: "\(entries.count.formatted) clients, in the order of the data")
    page.open("thead")
    page.open("tr")
    var headings = ["client", "verdict", "rule", "notice", "reason or error"]
    if let field = vocabulary.chartField { headings.append(field) }
    if vocabulary.hasHistory { headings += ["status", "since", "cooling off until"] }
    headings.append("source")
    for heading in headings { page.element("th", ["scope": "col"], text: heading) }
    page.close("tr")
    page.close("thead")
    page.open("tbody")
    for (index, entry) in entries.enumerated() {
      page.open("tr", ["id": ReportPage.rowAnchor(index)])
      page.element("th", ["scope": "row"], isolating: entry.client)
      page.element("td", ["style": "color:\(color(entry.severity))"], isolating: verdictName(entry))
      page.element("td", isolating: entry.rule.map { vocabulary.rules[$0] } ?? "")
      page.element("td", text: entry.notice.map(\.description) ?? "")
      page.element("td", isolating: entry.error ?? entry.reason ?? "")
      if vocabulary.chartField != nil { page.element("td", ["class": "num"], isolating: entry.measure?.text ?? "") }
      if vocabulary.hasHistory {
        page.element("td", text: entry.standing?.status.rawValue ?? "")
        page.element("td", text: entry.standing.map { vocabulary.notation.text(of: $0.since) } ?? "")
        page.element("td", text: entry.standing?.coolingOffUntil.map { vocabulary.notation.text(of: $0) } ?? "")
      }
      page.element("td") { page in
        page.isolated(vocabulary.sources[entry.source])
        page.text(":\(entry.line)")
      }
      page.close("tr")
      page.trusted("\n")
    }
    page.close("tbody")
    page.close("table")
    page.close("div")
    page.close("section")
    page.trusted("\n")
  }
}
