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
    let decision = try decide()
    let action = runtime.actions[decision.winner < 0 ? runtime.rules.count : decision.winner]
    var outcome = ReportOutcome(
      severity: action.verdict, winningRule: decision.winner < 0 ? nil : decision.winner, notice: nil, cooldown: nil,
      holdUntilPaid: action.holdUntilPaid, meet: action.meet, reason: .none, refer: .none,
      unknownRuleCount: decision.unknownCount)
    // The clauses in the order ``clauses(of:)`` evaluates them, so that errors are the same.
    if action.notice >= 0 { outcome.notice = try duration(action.notice, "notice") }
    if action.cooldown >= 0 { outcome.cooldown = try duration(action.cooldown, "cooldown") }
    if action.reason >= 0 { outcome.reason = try reportText(action.reason, "reason") }
    if action.refer >= 0 { outcome.refer = try reportText(action.refer, "refer") }
    return outcome
  }

  /// A text clause for a report: a text constant by its index, other text as a string.
  @inline(__always)
  private mutating func reportText(_ node: Int32, _ clause: String) throws(Interrupt) -> ReportText {
    let scalar = try evaluate(node)
    if scalar.kind == .constant, case .text = runtime.constants[Int(scalar.payload)] {
      return .constant(Int(scalar.payload))
    }
    return try text(of: scalar, at: node, clause).map { .computed($0) } ?? .none
  }
}
