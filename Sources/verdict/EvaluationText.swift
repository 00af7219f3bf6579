import Verdict

/// How `verdict eval` shows an evaluation: the verdict on the first line, then its clauses and
/// the rules behind it.
enum EvaluationText {
  static func render(_ evaluation: Evaluation, policy: Policy) -> String {
    var lines = [evaluation.verdict]
    if let index = evaluation.winningRule {
      lines.append("  rule: \(describe(rule: index, in: policy))")
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
      lines.append("  also matched: " + others.map { describe(rule: $0, in: policy) }.joined(separator: "; "))
    }
    if !evaluation.unknownRules.isEmpty {
      lines.append(
        "  not evaluable (missing data): "
          + evaluation.unknownRules.map { describe(rule: $0, in: policy) }.joined(separator: "; "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `"slow payer" (line 3)` or `line 3`.
  static func describe(rule index: Int, in policy: Policy) -> String {
    let rule = policy.rules[index]
    let line = policy.source.location(of: rule.range.start).line
    if let name = rule.name { return "\"\(name)\" (line \(line))" }
    return "line \(line)"
  }
}
