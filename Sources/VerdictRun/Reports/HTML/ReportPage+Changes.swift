import Verdict
import VerdictHistory

extension ReportPage {
  /// With a run history: what changed since the previous run, among the clients shown — who is
  /// new to the data, whose verdict changed (from what to what, and by which rule), whose
  /// cooldown ended today — and who left the data. Each client shown links to its card, or to its
  /// row when it has none.
  func changes(_ page: inout Markup) {
    guard let history else { return }
    let notation = vocabulary.notation
    page.open("section", ["id": "changes", "aria-labelledby": "changes-heading"])
    page.element("h2", ["id": "changes-heading"], text: "What changed since the previous run")
    guard let previous = history.previousRun else {
      page.element("p", text: "This is the first run the history records: there is nothing to compare with yet.")
      page.close("section")
      page.trusted("\n")
      return
    }
    let days = vocabulary.today.daysSinceEpoch - previous.daysSinceEpoch
    var intro = "The previous run was on \(notation.text(of: previous)) (\(days) day\(days == 1 ? "" : "s") ago)."
    if tally.printed < tally.read { intro += " Only the clients shown on this page are compared." }
    page.element("p", text: intro)
    var new: [Int] = []
    var changed: [(index: Int, past: ClientHistory)] = []
    var due: [Int] = []
    for (index, entry) in entries.enumerated() where entry.keyed {
      guard let severity = entry.severity, let standing = entry.standing else { continue }
      switch standing.status {
      case .unchanged: continue
      case .due:
        due.append(index)
        continue
      case .pending where standing.since != vocabulary.today: continue
      case .new, .changed, .pending: break
      }
      // A new or changed verdict (cooling off or not): what was it?
      guard let past = history.client(entry) else {
        new.append(index)
        continue
      }
      if !past.wasInLatestRun || past.lastVerdict != vocabulary.verdicts[severity] { changed.append((index, past)) }
    }
    let departed = history.departed
    if new.isEmpty && changed.isEmpty && due.isEmpty && departed.isEmpty {
      // Departures are only known from data read whole (``Tally/readsEveryClient``).
      let departures =
        tally.readsEveryClient
        ? ", and nobody left the data."
        : tally.read == 0
          ? "; the data has no clients, so nobody is recorded as having left."
          : tally.unreadableTails > 0
            ? "; who left the data is not known, as not all of it was read."
            : "; who left the data is not known, as a row names no client."
      page.element(
        "p", text: "Nothing changed: every client has the verdict it had then, no cooldown ended today" + departures)
      page.close("section")
      page.trusted("\n")
      return
    }
    let cards = Set(cardOrder().prefix(ReportPage.maxListed))
    func link(_ page: inout Markup, _ index: Int) {
      let anchor = cards.contains(index) ? ReportPage.cardAnchor(index) : ReportPage.rowAnchor(index)
      page.element("a", ["href": "#" + anchor], isolating: entries[index].client)
    }
    group(&page, "New in the data", new) { page, index in
      link(&page, index)
      page.text(": ")
      outcome(&page, entries[index])
      page.text(".")
    }
    group(&page, "Verdict changed", changed) { page, change in
      link(&page, change.index)
      page.text(": ")
      page.isolated(change.past.lastVerdict)
      page.text(" \u{2192} ")
      outcome(&page, entries[change.index])
      if !change.past.wasInLatestRun {
        page.text(" (back in the data; last seen on \(notation.text(of: change.past.lastDay)))")
      }
      page.text(".")
    }
    group(&page, "Cooldown ended today: time to act", due) { page, index in
      link(&page, index)
      let since = entries[index].standing.map { notation.text(of: $0.since) } ?? ""
      page.text(": ")
      outcome(&page, entries[index])
      page.text(", cooled off since \(since).")
    }
    group(&page, "Left the data", departed) { page, key in
      page.element("strong", isolating: key)
      if let past = history.past.client(key) {
        page.text(": was ")
        page.isolated(past.lastVerdict)
        page.text(" on \(notation.text(of: past.lastDay)).")
      }
    }
    page.close("section")
    page.trusted("\n")
  }

  /// `fire, by “owes and pays late”`, or the verdict alone when `otherwise` decided; the names
  /// isolated.
  private func outcome(_ page: inout Markup, _ entry: ReportEntry) {
    page.isolated(verdictName(entry))
    guard let rule = entry.rule else { return }
    page.text(", by \u{201C}")
    page.isolated(vocabulary.rules[rule])
    page.text("\u{201D}")
  }

  /// A heading with the count, and a list of at most ``maxListed`` items.
  private func group<Item>(
    _ page: inout Markup, _ heading: String, _ items: [Item], item: (inout Markup, Item) -> Void
  ) {
    guard !items.isEmpty else { return }
    page.element("h3", text: "\(heading) (\(items.count.formatted))")
    page.open("ul", ["class": "changes"])
    for entry in items.prefix(ReportPage.maxListed) {
      page.open("li")
      item(&page, entry)
      page.close("li")
    }
    page.close("ul")
    if items.count > ReportPage.maxListed {
      page.element("p", ["class": "note"], text: "… and \((items.count - ReportPage.maxListed).formatted) more.")
    }
  }
}
