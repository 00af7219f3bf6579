/// Matching rules and choosing the winner.
extension Interpreter {
  /// Evaluates every rule, picks the winner by the policy's strategy and evaluates its clauses.
  mutating func run() throws(EvaluationError) -> Evaluation {
    var matched = RuleSet()
    var unknown = RuleSet()
    var winner: Int?
    var winnerSeverity = -1
    for (index, rule) in program.rules.enumerated() {
      switch try evaluate(rule.condition) {
      case .bool(true):
        matched.insert(index)
        let severity = rule.action.verdict
        switch program.strategy {
        case .mostSevere:
          // Ties go to the rule that comes first.
          if severity > winnerSeverity {
            winner = index
            winnerSeverity = severity
          }
        case .firstMatch:
          if winner == nil {
            winner = index
            winnerSeverity = severity
          }
        }
      case .missing:
        unknown.insert(index)
      case .bool(false):
        continue
      case let other:
        throw typeError("a rule's condition must be true or false, not \(other.type?.described ?? "missing")", rule.condition)
      }
    }
    let action = winner.map { program.rules[$0].action } ?? program.otherwise
    return Evaluation(
      verdict: program.verdicts[action.verdict], severity: action.verdict, winningRule: winner,
      clauses: try clauses(of: action), matchedRules: matched, unknownRules: unknown)
  }

  /// The winning action's clauses for this client; a clause whose value is missing is left out.
  mutating func clauses(of action: CheckedAction) throws(EvaluationError) -> Clauses {
    var clauses = Clauses()
    clauses.holdUntilPaid = action.holdUntilPaid
    clauses.meet = action.meet
    if let notice = action.notice, case .duration(let span) = try evaluate(notice) { clauses.notice = span }
    if let cooldown = action.cooldown, case .duration(let span) = try evaluate(cooldown) { clauses.cooldown = span }
    if let reason = action.reason, case .text(let text) = try evaluate(reason) { clauses.reason = text }
    if let refer = action.refer, case .text(let text) = try evaluate(refer) { clauses.refer = text }
    return clauses
  }
}
