extension Policy {
  /// Evaluates the policy on one client, recording every value, and explains the outcome: each
  /// rule's condition as a tree of values, the winner and why it won, and the facts behind each
  /// rule's outcome.
  public func explain<Record: ClientRecord>(_ client: Record, in context: EvaluationContext) -> Explanation {
    let trace = trace(client, in: context)
    return ExplanationBuilder(policy: self, values: trace.values).explanation(of: trace.outcome)
  }
}

/// Turns a trace into an ``Explanation`` by walking the checked conditions beside the recorded
/// node values.
struct ExplanationBuilder {
  let policy: Policy
  let values: [Int32: Value]
  var program: Program { policy.program }

  init(policy: Policy, values: [Int32: Value]) {
    self.policy = policy
    self.values = values
  }

  func explanation(of outcome: Result<Evaluation, EvaluationError>) -> Explanation {
    let evaluation = try? outcome.get()
    var rules: [RuleExplanation] = []
    for (index, rule) in program.rules.enumerated() {
      let condition = node(rule.condition)
      let outcome = self.outcome(of: condition, rule: index, in: evaluation)
      rules.append(
        RuleExplanation(
          index: index, name: rule.name, verdict: program.verdicts[rule.action.verdict],
          line: policy.source.location(of: rule.range.start).line, outcome: outcome, condition: condition,
          findings: findings(for: condition, outcome)))
    }
    guard let evaluation else {
      return Explanation(
        verdict: "error", winningRule: nil, decision: .failed, clauses: Clauses(), rules: rules,
        error: outcome.failure)
    }
    return Explanation(
      verdict: evaluation.verdict, winningRule: evaluation.winningRule, decision: decision(evaluation),
      clauses: evaluation.clauses, rules: rules, error: nil)
  }

  private func outcome(of condition: ConditionNode, rule: Int, in evaluation: Evaluation?) -> RuleOutcome {
    switch condition.value {
    case nil: return .notEvaluated
    case .bool(true)?:
      guard let evaluation else { return .matched }
      return evaluation.winningRule == rule ? .won : .outranked
    case .missing?: return .unknown
    case _?: return .notMatched
    }
  }

  private func decision(_ evaluation: Evaluation) -> Decision {
    guard let winner = evaluation.winningRule else { return .otherwise }
    let matches = evaluation.matchedRules.count
    if matches == 1 { return .onlyMatch }
    switch program.strategy {
    case .firstMatch: return .firstMatch(matches: matches)
    case .mostSevere:
      let severity = program.rules[winner].action.verdict
      let tied = evaluation.matchedRules.filter { program.rules[$0].action.verdict == severity }.count
      return tied > 1 ? .earliestOfMostSevere(matches: matches) : .mostSevere(matches: matches)
    }
  }

  // MARK: - Findings

  private func findings(for condition: ConditionNode, _ outcome: RuleOutcome) -> [Finding] {
    switch outcome {
    case .won, .outranked, .matched:
      return condition.support.map { Finding(text: holds($0), range: $0.range) }
    case .notMatched, .unknown:
      return condition.obstacles.map { Finding(text: $0.isUnknown ? unknown($0) : fails($0), range: $0.range) }
    case .notEvaluated:
      return []
    }
  }

  /// `payment_delay 42d > 30d (by 12d)`; `disrespectful is true`.
  private func holds(_ node: ConditionNode) -> String {
    switch node.kind {
    case .field, .let: return "\(node.text) is true"
    case .and, .or, .not, .comparison, .test: return node.detail + (node.margin.map { " (by \($0))" } ?? "")
    }
  }

  /// `revisions 5, needs > 5`; `disrespectful is false`.
  private func fails(_ node: ConditionNode) -> String {
    switch node.kind {
    case .comparison: return "\(node.subject ?? node.text), needs \(node.requirement ?? "")"
    case .not: return "\(node.children.first?.detail ?? node.text) holds, needs it not to"
    case .field, .let: return "\(node.text) is false"
    case .and, .or, .test: return "\(node.detail) is false"
    }
  }

  /// `project_end is missing`.
  private func unknown(_ node: ConditionNode) -> String {
    node.missing.isEmpty ? "\(node.text) is unknown" : "\(node.missing.joined(separator: ", ")) missing"
  }
}

extension Result {
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
