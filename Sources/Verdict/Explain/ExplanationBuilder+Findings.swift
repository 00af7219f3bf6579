/// The facts behind each rule's outcome, worded for people.
extension ExplanationBuilder {
  func findings(for condition: ConditionNode, _ outcome: RuleOutcome) -> [Finding] {
    switch outcome {
    case .won, .outranked, .matched:
      return condition.support.map { Finding(text: ExplanationBuilder.held($0), range: $0.node.range) }
    case .notMatched, .unknown:
      return condition.obstacles.map { Finding(text: ExplanationBuilder.missed($0), range: $0.node.range) }
    case .failed, .notEvaluated:
      return []
    }
  }

  /// A fact a matching rule rests on: `payment_delay 42d > 30d (by 12d)`, `disrespectful is
  /// true`; under a `not`, `payment_delay 20d, not > 30d` or `late is false`.
  static func held(_ fact: ConditionFact) -> String {
    let node = fact.node
    switch (node.kind, fact.inverted) {
    case (.field, false), (.let, false): return "\(node.text) is true"
    case (.comparison, false), (.test, false), (.and, false), (.or, false), (.not, false):
      return node.detail + (node.margin.map { " (by \($0))" } ?? "")
    case (.comparison, true): return "\(node.subject ?? node.text), not \(node.requirement ?? "")"
    case (.field, true), (.let, true): return "\(node.text) is false"
    case (.test, true), (.and, true), (.or, true), (.not, true): return "\(node.detail) is false"
    }
  }

  /// A fact that kept a rule from matching: `revisions 5, needs > 5`, `disrespectful is false`;
  /// under a `not`, `payment_delay 42d, needs not > 30d` or `late is true, needs false`; for an
  /// unknown test, what is missing.
  static func missed(_ fact: ConditionFact) -> String {
    let node = fact.node
    if node.isUnknown { return unknown(node) }
    switch (node.kind, fact.inverted) {
    case (.comparison, false): return "\(node.subject ?? node.text), needs \(node.requirement ?? "")"
    case (.field, false), (.let, false): return "\(node.text) is false"
    case (.test, false), (.and, false), (.or, false), (.not, false): return "\(node.detail) is false"
    case (.comparison, true): return "\(node.subject ?? node.text), needs not \(node.requirement ?? "")"
    case (.field, true), (.let, true): return "\(node.text) is true, needs false"
    case (.test, true), (.and, true), (.or, true), (.not, true): return "\(node.detail) is true, needs false"
    }
  }

  /// `project_end missing`; `share(time_spent) needs the other clients' data`.
  static func unknown(_ node: ConditionNode) -> String {
    var parts: [String] = []
    let missing = node.missingShown.isEmpty ? node.missing : node.missingShown
    if !missing.isEmpty { parts.append(missing.joined(separator: ", ") + " missing") }
    for measure in node.unmeasured { parts.append("\(measure) needs the other clients' data") }
    return parts.isEmpty ? "\(node.text) is unknown" : parts.joined(separator: "; ")
  }
}
