/// Evaluation for report writers that evaluate millions of clients (`verdict run`): the outcome
/// as a report shows it, without the strings, rule sets and clauses an ``Evaluation`` carries.
/// Text clauses that are constants of the policy come back as the constant's index, so that a
/// writer can render them once per run instead of once per client.

/// A text clause of a ``ReportOutcome``.
package enum ReportText {
  /// No such clause, or its value is missing.
  case none
  /// The text constant at this index of ``Policy/reportTexts``.
  case constant(Int)
  /// Text computed for this client.
  case computed(String)
}

/// What a report shows about one client: the same verdict, rule and clauses as
/// ``Policy/evaluate(_:in:)-(Client,_)`` gives, and how many rules were unknown.
package struct ReportOutcome {
  /// The verdict's place in the severity order (see ``Policy/verdicts``).
  package var severity: Int
  /// The index of the winning rule in ``Policy/rules``, or `nil` when `otherwise` decided.
  package var winningRule: Int?
  /// `notice`, when present.
  package var notice: TimeSpan?
  /// `cooldown`, when present.
  package var cooldown: TimeSpan?
  /// `hold until paid`.
  package var holdUntilPaid: Bool
  /// `meet …`.
  package var meet: MeetingMode?
  /// `reason`.
  package var reason: ReportText
  /// `refer`.
  package var refer: ReportText
  /// How many rules could not be decided for missing data.
  package var unknownRuleCount: Int
}

extension Policy {
  /// Evaluates the policy on one client for a report: the same outcome and errors as
  /// ``evaluate(_:in:)-(Client,_)``, in the shape of ``ReportOutcome``.
  package func report(_ client: Client, in context: EvaluationContext) throws(EvaluationError) -> ReportOutcome {
    var observer = NoObserver()
    return try withInterpreter(client, context, &observer) { (interpreter) throws(Interrupt) in
      try interpreter.report()
    }
  }

  /// The outcome ``report(_:in:)`` gives `client` when its rules were decided elsewhere: rule
  /// `winner` won (`nil`: none matched) and `unknownRuleCount` rules were unknown. Only the
  /// action's clauses are computed, with the same errors.
  package func report(
    _ client: Client, in context: EvaluationContext, winner: Int?, unknownRuleCount: Int
  ) throws(EvaluationError) -> ReportOutcome {
    if let outcome = report(winner: winner, unknownRuleCount: unknownRuleCount) { return outcome }
    var observer = NoObserver()
    return try withInterpreter(client, context, &observer) { (interpreter) throws(Interrupt) in
      try interpreter.outcome(winner: winner ?? -1, unknownRuleCount: unknownRuleCount)
    }
  }

  /// ``report(_:in:winner:unknownRuleCount:)`` when the action has no clause to compute
  /// (`otherwise recommend keep`), without the client; `nil` when it has one.
  @inline(__always)
  package func report(winner: Int?, unknownRuleCount: Int) -> ReportOutcome? {
    let action = runtime.actions[winner ?? runtime.rules.count]
    guard action.notice < 0, action.cooldown < 0, action.reason < 0, action.refer < 0 else { return nil }
    return ReportOutcome(
      severity: action.verdict, winningRule: winner, notice: nil, cooldown: nil, holdUntilPaid: action.holdUntilPaid,
      meet: action.meet, reason: .none, refer: .none, unknownRuleCount: unknownRuleCount)
  }

  /// The policy's constants as text, by constant index (empty for constants that are not text),
  /// for ``ReportText/constant(_:)``.
  package var reportTexts: [String] {
    runtime.constants.map { constant in
      if case .text(let text) = constant { return text }
      return ""
    }
  }
}

extension Interpreter {
  /// Evaluates every rule and the winner's clauses, like ``run()``, for a report.
  @inline(__always)
  mutating func report() throws(Interrupt) -> ReportOutcome {
    var unknown = UnknownCount()
    let winner = try decide(into: &unknown)
    let action = runtime.actions[winner < 0 ? runtime.rules.count : winner]
    var outcome = ReportOutcome(
      severity: action.verdict, winningRule: winner < 0 ? nil : winner, notice: nil, cooldown: nil,
      holdUntilPaid: action.holdUntilPaid, meet: action.meet, reason: .none, refer: .none,
      unknownRuleCount: unknown.count)
    try computeClauses(of: action, into: &outcome)
    return outcome
  }

  /// The outcome of rule `winner` (-1: none matched, `otherwise` decided) with `unknownRuleCount`
  /// rules unknown: its action, and the clauses computed.
  @inline(__always)
  mutating func outcome(winner: Int, unknownRuleCount: Int) throws(Interrupt) -> ReportOutcome {
    let action = runtime.actions[winner < 0 ? runtime.rules.count : winner]
    var outcome = ReportOutcome(
      severity: action.verdict, winningRule: winner < 0 ? nil : winner, notice: nil, cooldown: nil,
      holdUntilPaid: action.holdUntilPaid, meet: action.meet, reason: .none, refer: .none,
      unknownRuleCount: unknownRuleCount)
    try computeClauses(of: action, into: &outcome)
    return outcome
  }
}

extension ReportOutcome: ClauseSink {
  @inline(__always) mutating func setNotice(_ notice: TimeSpan?) { self.notice = notice }
  @inline(__always) mutating func setCooldown(_ cooldown: TimeSpan?) { self.cooldown = cooldown }
  @inline(__always) mutating func setReason(_ reason: ReportText?) { self.reason = reason ?? .none }
  @inline(__always) mutating func setRefer(_ refer: ReportText?) { self.refer = refer ?? .none }
}

extension ReportText: ClauseText {
  /// A text clause for a report: a text constant by its index, other text as a string.
  @inline(__always)
  static func read<Record, Observer>(
    _ node: Int32, _ clause: String, _ interpreter: inout Interpreter<Record, Observer>
  )
    throws(Interrupt) -> ReportText?
  {
    let scalar = try interpreter.evaluate(node)
    if scalar.kind == .constant, case .text = interpreter.runtime.constants[Int(scalar.payload)] {
      return .constant(Int(scalar.payload))
    }
    return try interpreter.text(of: scalar, at: node, clause).map { .computed($0) }
  }
}
