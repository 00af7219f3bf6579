extension Policy {
  /// ``ExplanationText/line(_:)`` of ``explain(_:in:)``, worked out without the rest of the
  /// explanation: only the rule the line is about is worded, the others are ranked by their
  /// values alone, and the policy's texts come from `wording`, kept across clients.
  package func explanationLine(of client: Client, in context: EvaluationContext, wording: ExplanationWording)
    -> String
  {
    wording.values.clear()
    let outcome = trace(client, in: context, into: wording.values)
    // The client's values start with its fields, by slot.
    var builder = ExplanationBuilder(policy: self, values: wording.values, fields: client.values, wording: wording)
    builder.records = client.records
    return builder.line(of: outcome)
  }
}

/// The one-line explanation, the same as ``ExplanationText/line(_:)`` of the whole explanation.
extension ExplanationBuilder {
  func line(of outcome: Result<Evaluation, EvaluationError>) -> String {
    let rules = program.rules
    let evaluation: Evaluation
    switch outcome {
    case .failure(let error):
      // As in ``explanation(of:)``: the first rule without a value is the one that failed.
      let failed = rules.indices.first { values[Int32(rules[$0].condition.id)] == nil }
      return "error: \(error.message)" + (failed.map { " in \(title($0))" } ?? "")
    case .success(let success):
      evaluation = success
    }
    if let winner = evaluation.winningRule {
      return "\(title(winner)): " + findingTexts(rule: winner, in: evaluation)
    }
    var ranking = self
    ranking.sketch = true
    var candidates: [(rule: Int, unknown: Bool, obstacles: [ConditionFact])] = []
    for index in rules.indices {
      let condition = ranking.node(rules[index].condition)
      let outcome = self.outcome(of: condition, rule: index, in: evaluation)
      let facts: [ConditionFact]
      switch outcome {
      case .won, .outranked, .matched: facts = condition.support
      case .notMatched, .unknown: facts = condition.obstacles
      case .failed, .notEvaluated: facts = []
      }
      guard !facts.isEmpty else { continue }
      candidates.append((index, outcome == .unknown, condition.obstacles))
    }
    // The same ranking as ``ExplanationText/line(_:)``: decided before unknown, then the nearest.
    guard
      let nearest = candidates.min(by: { a, b in
        if a.unknown != b.unknown { return b.unknown }
        return ConditionNode.nearer(a.obstacles, than: b.obstacles)
      })
    else {
      return "no rule matched"
    }
    return "no rule matched; nearest \(title(nearest.rule)): " + findingTexts(rule: nearest.rule, in: evaluation)
  }

  /// The findings of rule `index`, worded in full, joined as the line shows them.
  private func findingTexts(rule index: Int, in evaluation: Evaluation) -> String {
    let condition = node(program.rules[index].condition)
    let outcome = self.outcome(of: condition, rule: index, in: evaluation)
    return findings(for: condition, outcome).map(\.text).joined(separator: "; ")
  }

  /// `rule 3 "slow payer"`.
  private func title(_ index: Int) -> String {
    RuleSummary.title(index: index, name: program.rules[index].name)
  }

  /// A node with what ranks it and its facts, and no text: its kind, value, children and, for a
  /// comparison, its distance. `node` is the node as ``node(_:)`` starts it.
  func sketchNode(_ start: ConditionNode, _ expr: CheckedExpr) -> ConditionNode {
    var node = start
    switch expr.kind {
    case .and:
      node.kind = .and
      node.children = chain(expr).map(self.node)
    case .or:
      node.kind = .or
      node.children = chain(expr).map(self.node)
    case .not(let operand):
      node.kind = .not
      node.children = [self.node(operand)]
    case .compare(_, let left, let right):
      node.kind = .comparison
      if let a = values[Int32(left.id)], let b = values[Int32(right.id)] {
        node.distance = ExplanationBuilder.distance(a, b)
      }
    case .letValue(let slot):
      let definition = program.lets[slot].value
      node.kind = .let
      if definition.type == .bool, node.value != nil { node.children = [self.node(definition)] }
    case .field, .aggregate, .history:
      node.kind = .field
    case .constant, .today, .negate, .arithmetic, .coalesce, .call, .population, .populationOfAggregate, .list,
      .isMissing, .member, .contains:
      break
    }
    return node
  }
}
