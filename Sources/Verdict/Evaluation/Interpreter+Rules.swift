/// Matching rules and choosing the winner.
extension Interpreter {
  /// Evaluates every rule, picks the winner by the policy's strategy and evaluates its clauses.
  @inline(__always)
  mutating func run() throws(Interrupt) -> Evaluation {
    // The same loop as ``decide()``, kept inline here: sharing it costs ``Policy/evaluate(_:in:)-(Client,_)``
    // about 40 instructions an evaluation (the rule sets are returned through a tuple).
    var matched = RuleSet()
    var unknown = RuleSet()
    var winner = -1
    var winnerSeverity = -1
    let firstMatch = runtime.strategy == .firstMatch
    let rules = runtime.rules
    for index in 0..<rules.count {
      let rule = rules[index]
      let condition = try evaluate(rule.condition)
      switch condition.kind {
      case .bool:
        guard condition.payload != 0 else { continue }
        matched.insert(index)
        // most-severe: ties go to the rule that comes first; first-match: the first one wins.
        if firstMatch ? winner < 0 : rule.verdict > winnerSeverity {
          winner = index
          winnerSeverity = rule.verdict
        }
      case .missing:
        unknown.insert(index)
      case .int, .decimal, .duration, .percent, .money, .date, .constant, .field, .computed:
        throw typeError(
          "a rule's condition must be true or false, not \(value(of: condition).type?.described ?? "missing")",
          rule.condition)
      }
    }
    let action = runtime.actions[winner < 0 ? rules.count : winner]
    return Evaluation(
      verdict: runtime.verdicts[action.verdict], severity: action.verdict, winningRule: winner < 0 ? nil : winner,
      clauses: try clauses(of: action), matchedRules: matched, unknownRules: unknown)
  }

  /// Evaluates every rule, picks the winner by the policy's strategy (-1: none matched) and counts
  /// the rules left unknown, for ``report()``; ``run()`` has its own copy of this loop, which also
  /// records which rules matched and which were unknown.
  @inline(__always)
  mutating func decide() throws(Interrupt) -> (winner: Int, unknownCount: Int) {
    var unknownCount = 0
    var winner = -1
    var winnerSeverity = -1
    let firstMatch = runtime.strategy == .firstMatch
    let rules = runtime.rules
    for index in 0..<rules.count {
      let rule = rules[index]
      let condition = try evaluate(rule.condition)
      switch condition.kind {
      case .bool:
        guard condition.payload != 0 else { continue }
        // most-severe: ties go to the rule that comes first; first-match: the first one wins.
        if firstMatch ? winner < 0 : rule.verdict > winnerSeverity {
          winner = index
          winnerSeverity = rule.verdict
        }
      case .missing:
        unknownCount += 1
      case .int, .decimal, .duration, .percent, .money, .date, .constant, .field, .computed:
        throw typeError(
          "a rule's condition must be true or false, not \(value(of: condition).type?.described ?? "missing")",
          rule.condition)
      }
    }
    return (winner, unknownCount)
  }

  /// The winning action's clauses for this client; a clause whose value is missing is left out.
  @inline(__always)
  mutating func clauses(of action: Runtime.Action) throws(Interrupt) -> Clauses {
    var clauses = Clauses()
    clauses.holdUntilPaid = action.holdUntilPaid
    clauses.meet = action.meet
    if action.notice >= 0 { clauses.notice = try duration(action.notice, "notice") }
    if action.cooldown >= 0 { clauses.cooldown = try duration(action.cooldown, "cooldown") }
    if action.reason >= 0 { clauses.reason = try text(action.reason, "reason") }
    if action.refer >= 0 { clauses.refer = try text(action.refer, "refer") }
    return clauses
  }

  /// A clause's duration; missing leaves the clause out, another type is an error (possible only
  /// with undeclared fields).
  mutating func duration(_ node: Int32, _ clause: String) throws(Interrupt) -> TimeSpan? {
    let scalar = try evaluate(node)
    switch scalar.kind {
    case .duration: return TimeSpan(seconds: scalar.payload)
    case .missing: return nil
    case .bool, .int, .decimal, .percent, .money, .date, .constant, .field, .computed:
      let other = value(of: scalar)
      throw typeError("'\(clause)' needs a duration, not \(other.type?.described ?? "missing") \(other)", node)
    }
  }

  /// A clause's text; missing leaves the clause out, another type is an error.
  private mutating func text(_ node: Int32, _ clause: String) throws(Interrupt) -> String? {
    try text(of: try evaluate(node), at: node, clause)
  }

  /// The text of a clause's value; missing leaves the clause out, another type is an error.
  mutating func text(of scalar: Scalar, at node: Int32, _ clause: String) throws(Interrupt) -> String? {
    switch value(of: scalar) {
    case .text(let text): return text
    case .missing: return nil
    case let other: throw typeError("'\(clause)' needs text, not \(other.type?.described ?? "missing") \(other)", node)
    }
  }
}
