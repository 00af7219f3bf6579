extension Policy {
  /// Evaluates the policy on one client, recording every value, and explains the outcome: each
  /// rule's condition as a tree of values, the winner and why it won, and the facts behind each
  /// rule's outcome.
  package func explain<Record: ClientRecord>(record client: Record, in context: EvaluationContext) -> Explanation {
    let trace = trace(client, in: context)
    let fields = program.fields.indices.map { client.value(at: $0) }
    var builder = ExplanationBuilder(
      policy: self, values: trace.values, fields: fields, wording: ExplanationWording(policy: self))
    builder.records = (client as? Client)?.records ?? []
    return builder.explanation(of: trace.outcome)
  }
}

/// Turns a trace into an ``Explanation`` by walking the checked conditions beside the recorded
/// node values.
struct ExplanationBuilder {
  let policy: Policy
  /// The trace: node values by node id.
  let values: TraceValues
  /// The client's values by field slot.
  let fields: [Value]
  /// The policy's text of each expression, kept across clients.
  let wording: ExplanationWording
  /// How many records went into each aggregate, when the client's records were read.
  var records: [RecordTally] = []
  /// Which lets the rule being explained has shown expanded (shared by the builder's copies).
  let expansion = LetExpansion()
  var program: Program { policy.program }

  init(policy: Policy, values: TraceValues, fields: [Value], wording: ExplanationWording) {
    self.policy = policy
    self.values = values
    self.fields = fields
    self.wording = wording
  }

  func explanation(of outcome: Result<Evaluation, EvaluationError>) -> Explanation {
    let evaluation = try? outcome.get()
    let error = outcome.failure
    // Rules run in order and an error stops the evaluation: the first rule without a value is the
    // one that failed (none, when a clause of the winner failed).
    let conditions = program.rules.map { rule in
      expansion.startRule()
      return node(rule.condition)
    }
    let failed = error == nil ? nil : conditions.firstIndex { $0.value == nil }
    var rules: [RuleExplanation] = []
    for (index, rule) in program.rules.enumerated() {
      let condition = conditions[index]
      let outcome = index == failed ? .failed : self.outcome(of: condition, rule: index, in: evaluation)
      let findings =
        outcome == .failed
        ? error.map { [Finding(text: $0.message, range: $0.range)] } ?? [] : findings(for: condition, outcome)
      rules.append(
        RuleExplanation(
          index: index, name: rule.name, verdict: program.verdicts[rule.action.verdict],
          line: policy.source.location(of: rule.range.start).line, outcome: outcome, condition: condition,
          findings: findings))
    }
    guard let evaluation else {
      return Explanation(
        verdict: "error", winningRule: nil, decision: .failed, clauses: Clauses(), rules: rules, error: error)
    }
    return Explanation(
      verdict: evaluation.verdict, winningRule: evaluation.winningRule, decision: decision(evaluation),
      clauses: evaluation.clauses, rules: rules, error: nil)
  }

  func outcome(of condition: ConditionNode, rule: Int, in evaluation: Evaluation?) -> RuleOutcome {
    switch condition.value {
    case nil: return .notEvaluated
    case .bool(true)?:
      guard let evaluation else { return .matched }
      return evaluation.winningRule == rule ? .won : .outranked
    case .missing?: return .unknown
    case .bool(false)?, .int?, .decimal?, .duration?, .percent?, .money?, .date?, .text?, .list?: return .notMatched
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
}

extension Result {
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

/// The lets a rule's tree shows expanded, and how many nodes the explanation has so far.
///
/// A let used twice (or used by lets that are each used twice: `let b = a and a`, `let c = b and
/// b`, …) is expanded at its first use in a rule and shown by its value after that: expanded at
/// every use, the tree doubled with each such let (23 of them, 537 bytes of policy: 4 GB, then
/// the process was killed). Past ``nodeBudget`` nodes in one explanation, no let is expanded.
final class LetExpansion {
  /// The most nodes an explanation expands lets into; the policy's own expressions come on top.
  static let nodeBudget = 100_000

  private var shown: Set<Int> = []
  private(set) var nodes = 0

  /// A new rule: each let may be expanded once in its tree.
  func startRule() { shown = [] }

  /// Counts a node.
  func count() { nodes += 1 }

  /// Whether the let in `slot` is expanded here: its first use in the rule, within the budget.
  func expands(_ slot: Int) -> Bool {
    nodes < LetExpansion.nodeBudget && shown.insert(slot).inserted
  }
}
