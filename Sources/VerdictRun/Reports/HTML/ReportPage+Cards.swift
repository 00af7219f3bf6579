import Verdict

extension ReportPage {
  /// One card per client whose verdict is not the `otherwise` verdict, the most severe first:
  /// the verdict and winning rule, the facts that decided it, and the action plan.
  func cards(_ page: inout Markup) {
    let inOrder = needingAction()
    // The place of each among the clients who need action, for ``ActionFacts/facts(_:)``.
    let ordinals = Dictionary(uniqueKeysWithValues: inOrder.enumerated().map { ($1, $0) })
    let needing = cardOrder(inOrder)
    page.open("section", ["id": "action", "aria-labelledby": "action-heading"])
    page.element("h2", ["id": "action-heading"], text: "Who needs action")
    if needing.isEmpty { page.element("p", text: nobodyNeedsAction) }
    page.open("div", ["class": "cards"])
    for index in needing.prefix(ReportPage.maxListed) {
      card(&page, index, facts: facts?.facts(ordinals[index] ?? 0) ?? ActionFacts.CardFacts())
    }
    page.close("div")
    if needing.count > ReportPage.maxListed {
      page.element(
        "p", ["class": "note"],
        text: "… and \((needing.count - ReportPage.maxListed).formatted) more clients in the table below.")
    }
    page.close("section")
    page.trusted("\n")
  }

  /// What the page says when no client shown needs action: not that every client got the
  /// `otherwise` verdict when some, or all, could not be evaluated, or none was read.
  var nobodyNeedsAction: String {
    let evaluated = entries.count { $0.severity != nil }
    let otherwise = vocabulary.verdicts[vocabulary.otherwise]
    if entries.isEmpty {
      return tally.read == 0 ? "Nobody: the data has no clients." : "Nobody among the clients shown."
    }
    if evaluated == 0 { return "Nobody that could be evaluated: every row shown has an error (below)." }
    if evaluated < entries.count {
      return "Nobody among the clients evaluated: each got the verdict \(otherwise); "
        + "the others' rows have errors (below)."
    }
    return "Nobody: every client shown got the verdict \(otherwise)."
  }

  /// The entries of the clients who need action (a verdict other than `otherwise`), in order.
  private func needingAction() -> [Int] {
    entries.indices.filter { index in
      guard let severity = entries[index].severity else { return false }
      return severity != vocabulary.otherwise
    }
  }

  /// The entries of the clients who need action in the order of their cards: the most severe
  /// first, then in the order of the data.
  func cardOrder(_ needing: [Int]? = nil) -> [Int] {
    (needing ?? needingAction()).sorted { a, b in
      let (left, right) = (entries[a].severity ?? 0, entries[b].severity ?? 0)
      return left != right ? left > right : a < b
    }
  }

  /// The anchor of entry `index`'s card.
  static func cardAnchor(_ index: Int) -> String { "card-\(index)" }

  private func card(_ page: inout Markup, _ index: Int, facts: ActionFacts.CardFacts) {
    let entry = entries[index]
    page.open(
      "article",
      ["class": "card", "id": ReportPage.cardAnchor(index), "style": "border-left-color:\(color(entry.severity))"])
    page.element("h3", isolating: entry.client)
    page.open("p", ["class": "verdict", "style": "color:\(color(entry.severity))"])
    page.isolated(verdictName(entry))
    if let rule = entry.rule {
      page.text(", by \u{201C}")
      page.isolated(vocabulary.rules[rule])
      page.text("\u{201D}")
    }
    page.close("p")
    if let standing = entry.standing {
      page.element("p", ["class": "note"], text: standing.sentence(vocabulary.notation))
    }
    if let history, history.previousRun != nil, entry.keyed, entry.standing != nil {
      ClientTimeline(vocabulary: vocabulary, history: history, entry: entry).render(&page)
    }
    if !facts.findings.isEmpty {
      page.element("h4", text: "Why")
      page.open("ul")
      for fact in facts.findings { page.element("li", isolating: fact) }
      page.close("ul")
    }
    let plan = ActionPlan(
      entry, today: vocabulary.today, openAmount: facts.openAmount, notation: vocabulary.notation)
    if !plan.steps.isEmpty {
      page.element("h4", text: "Plan")
      page.open("ol")
      for step in plan.steps { page.element("li", text: step) }
      page.close("ol")
    }
    page.open("p", ["class": "note"])
    page.element("a", ["href": "#" + ReportPage.rowAnchor(index)]) { page in
      page.isolated(vocabulary.sources[entry.source])
      page.text(":\(entry.line)")
    }
    page.close("p")
    page.close("article")
    page.trusted("\n")
  }
}

extension ClientStanding {
  /// `New since the previous run.`, `Unchanged since 2026-11-20.`, …, dates in `notation`.
  func sentence(_ notation: DataNotation) -> String {
    let since = notation.text(of: since)
    return switch status {
    case .new: "New: not in the previous run."
    case .changed: "Changed since the previous run."
    case .unchanged: "Unchanged since \(since)."
    case .pending: "Cooling off since \(since)" + (coolingOffUntil.map { ", until \(notation.text(of: $0))." } ?? ".")
    case .due: "Due today: cooled off since \(since)."
    }
  }
}
