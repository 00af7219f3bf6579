import Verdict

/// How `verdict eval` shows an evaluation: the verdict on the first line, then its clauses and
/// the rules behind it.
enum EvaluationText {
  static func render(_ evaluation: Evaluation, policy: Policy) -> String {
    // `policy.rules` is built on each use: once here, so that listing every rule stays linear.
    let rules = policy.rules
    let title = { (index: Int) in describe(rule: rules[index], in: policy.source) }
    var lines = [evaluation.verdict]
    if let index = evaluation.winningRule {
      lines.append("  rule: \(title(index))")
    } else {
      lines.append("  rule: none matched (otherwise)")
    }
    let clauses = evaluation.clauses
    if let notice = clauses.notice { lines.append("  notice: \(notice)") }
    if let cooldown = clauses.cooldown { lines.append("  cooldown: \(cooldown)") }
    if let reason = clauses.reason { lines.append("  reason: \(reason)") }
    if let refer = clauses.refer { lines.append("  refer: \(refer)") }
    if clauses.holdUntilPaid { lines.append("  hold until paid") }
    if let meet = clauses.meet { lines.append("  meet \(meet.rawValue)") }
    let others = evaluation.matchedRules.filter { $0 != evaluation.winningRule }
    if !others.isEmpty {
      lines.append("  also matched: " + others.map(title).joined(separator: "; "))
    }
    if !evaluation.unknownRules.isEmpty {
      lines.append(
        "  not evaluable (missing data): "
          + evaluation.unknownRules.map(title).joined(separator: "; "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `"slow payer" (line 3)` or `line 3`.
  static func describe(rule: RuleSummary, in source: SourceFile) -> String {
    let line = source.location(of: rule.range.start).line
    if let name = rule.name { return "\(Value.quote(name)) (line \(line))" }
    return "line \(line)"
  }
}
