/// Renders an ``Explanation`` as text, the same way in `verdict explain`, the REPL's `:explain`
/// and the runner's `--explain` column.
///
/// The summary names the verdict, the winning rule and why it won, then one line a rule with the
/// facts behind its outcome:
///
/// ```
/// Acme: fire, by rule 1 "slow payer"
///   notice 30d
///   why: the most severe of 2 matching rules (strategy most-severe)
///   ✓ rule 1 "slow payer" → fire: won
///       payment_delay 42d > 30d (by 12d)
///   ✗ rule 2 "endless revisions" → talk: not matched
///       nearest miss: revisions 5, needs > 5
/// ```
///
/// With `tree`, each rule shows its whole condition with the value of every node instead.
public enum ExplanationText {
  /// The explanation for `client` (a name, or `nil` for none), as lines ending in a newline.
  public static func render(_ explanation: Explanation, client: String?, tree: Bool = false) -> String {
    var lines = [headline(explanation, client: client)]
    if let error = explanation.error {
      lines.append("  evaluation failed: \(error.message)")
    }
    let clauses = clauses(explanation.clauses)
    if !clauses.isEmpty { lines.append("  " + clauses.joined(separator: ", ")) }
    if let why = why(explanation) { lines.append("  why: \(why)") }
    for rule in explanation.rules {
      let mark = rule.outcome == .failed ? "!" : mark(rule.condition.value)
      let outcome = rule.outcome.rawValue.replacing("-", with: " ")
      lines.append("  \(mark) \(name(rule)) → \(rule.verdict): \(outcome)")
      if tree, rule.outcome != .failed {
        appendTree(rule.condition, depth: 3, to: &lines)
      } else {
        for (number, finding) in rule.findings.enumerated() {
          let prefix = rule.outcome != .notMatched ? "" : number == 0 ? "nearest miss: " : "and "
          lines.append("      \(prefix)\(finding.text)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The explanation on one line, for a report column: the winning rule with the facts that made
  /// it match, or the rule nearest to matching when none did.
  public static func line(_ explanation: Explanation) -> String {
    if let error = explanation.error {
      let failed = explanation.rules.first { $0.outcome == .failed }
      return "error: \(error.message)" + (failed.map { " in \(name($0))" } ?? "")
    }
    if let winner = explanation.winningRule {
      let rule = explanation.rules[winner]
      return "\(name(rule)): " + rule.findings.map(\.text).joined(separator: "; ")
    }
    // Nearest: a rule that was decided before one that was unknown, then the fewest and smallest misses.
    // Each rule's obstacles are gathered once, not again for every comparison.
    let candidates = explanation.rules.filter { !$0.findings.isEmpty }.map { ($0, $0.condition.obstacles) }
    guard
      let (nearest, _) = candidates.min(by: { a, b in
        if (a.0.outcome == .unknown) != (b.0.outcome == .unknown) { return b.0.outcome == .unknown }
        return ConditionNode.nearer(a.1, than: b.1)
      })
    else {
      return "no rule matched"
    }
    return "no rule matched; nearest \(name(nearest)): " + nearest.findings.map(\.text).joined(separator: "; ")
  }

  /// `rule 3 "slow payer"`, or `rule 3` for an unnamed rule.
  package static func name(_ rule: RuleExplanation) -> String {
    RuleSummary.title(index: rule.index, name: rule.name)
  }

  /// `notice 30d`, `reason "…"`, … in the order the language lists them.
  package static func clauses(_ clauses: Clauses) -> [String] {
    var parts: [String] = []
    if let notice = clauses.notice { parts.append("notice \(notice)") }
    if let cooldown = clauses.cooldown { parts.append("cooldown \(cooldown)") }
    if let reason = clauses.reason { parts.append("reason \(Value.text(reason))") }
    if let refer = clauses.refer { parts.append("refer \(Value.text(refer))") }
    if clauses.holdUntilPaid { parts.append("hold until paid") }
    if let meet = clauses.meet { parts.append("meet \(meet.rawValue)") }
    return parts
  }

  private static func headline(_ explanation: Explanation, client: String?) -> String {
    let who = client.map { "\($0): " } ?? ""
    guard let winner = explanation.winningRule else { return who + explanation.verdict }
    return "\(who)\(explanation.verdict), by \(name(explanation.rules[winner]))"
  }

  private static func why(_ explanation: Explanation) -> String? {
    switch explanation.decision {
    case .otherwise: "no rule matched, so otherwise decides"
    case .onlyMatch: "the only matching rule"
    case .mostSevere(let matches): "the most severe of \(matches) matching rules (strategy most-severe)"
    case .earliestOfMostSevere(let matches):
      "the first in file order of the matching rules with the most severe verdict, \(matches) matched "
        + "(strategy most-severe)"
    case .firstMatch(let matches): "the first of \(matches) matching rules in file order (strategy first-match)"
    case .failed: nil
    }
  }

  private static func appendTree(_ node: ConditionNode, depth: Int, to lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    let label: String
    switch node.kind {
    case .and: label = "all of"
    case .or: label = "any of"
    case .not: label = "not"
    case .let, .field: label = node.detail
    case .comparison, .test: label = node.detail + (node.isTrue ? node.margin.map { " (by \($0))" } ?? "" : "")
    }
    // A comparison shows its operands' values already, and a field is its own name.
    let showsMissing =
      node.isUnknown && node.kind != .comparison && node.missing != [node.text]
      && !(node.missing.isEmpty && node.unmeasured.isEmpty)
    let missing = showsMissing ? " (\(ExplanationBuilder.unknown(node)))" : ""
    lines.append("\(indent)\(mark(node.value)) \(label)\(missing)")
    for child in node.children { appendTree(child, depth: depth + 1, to: &lines) }
  }

  /// ✓ true, ✗ false, ? unknown, · not computed (`!` marks the rule whose evaluation failed).
  private static func mark(_ value: Value?) -> String {
    switch value {
    case .bool(true)?: "✓"
    case .bool(false)?: "✗"
    case nil: "·"
    case .missing?, .int?, .decimal?, .duration?, .percent?, .money?, .date?, .text?, .list?: "?"
    }
  }
}
