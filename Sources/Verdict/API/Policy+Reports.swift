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

  /// ``report(_:in:)`` for a client and a context the caller keeps at addresses of their own
  /// (a batch evaluator's, reused row after row): borrowed, not copied. Passing the evaluator's
  /// client by value retained and released its arrays on every row.
  package func report(
    clientAt client: UnsafePointer<Client>, in context: UnsafePointer<EvaluationContext>
  ) throws(EvaluationError) -> ReportOutcome {
    var observer = NoObserver()
    // A policy without lets needs no room for them: emptying a ``LetCache``'s sixteen slots cost
    // about 30 instructions a client (callgrind, the shared benchmark's `--quiet`). Here, not in
    // ``withInterpreter(recordAt:contextAt:_:_:)`` itself: there the same branch took 52 from a
    // plain run but put a copy of the cache on each clause computed for an explained one (+78,
    // Benchmarks/README.md, "Session 20").
    guard !program.lets.isEmpty else {
      let noLets = UnsafeMutableBufferPointer<Scalar?>(start: nil, count: 0)
      return try withInterpreter(recordAt: client, contextAt: context, emptyLets: noLets, &observer) {
        (interpreter) throws(Interrupt) in try interpreter.report()
      }
    }
    return try withInterpreter(recordAt: client, contextAt: context, &observer) { (interpreter) throws(Interrupt) in
      try interpreter.report()
    }
  }

  /// The outcome ``report(_:in:)`` gives `client` when its rules were decided elsewhere: rule
  /// `winner` won (`nil`: none matched) and `unknownRuleCount` rules were unknown. Only the
  /// action's clauses are computed, with the same errors; an action without clauses
  /// (`otherwise recommend keep`) needs neither the client nor an interpreter.
  @inline(__always)
  package func outcome(
    clientAt client: UnsafePointer<Client>, contextAt context: UnsafePointer<EvaluationContext>, winner: Int?,
    unknownRuleCount: Int
  ) throws(EvaluationError) -> ReportOutcome {
    let action = runtime.actions[winner ?? runtime.rules.count]
    let outcome = ReportOutcome(action, winner: winner, unknownRuleCount: unknownRuleCount)
    guard action.notice >= 0 || action.cooldown >= 0 || action.reason >= 0 || action.refer >= 0 else { return outcome }
    return try computingClauses(of: action, into: outcome, client, context)
  }

  /// `outcome` with `action`'s clauses computed for `client`. Apart, so that an outcome without
  /// clauses is not captured by the interpreter's closure (which would allocate a box for it).
  /// The client and the context borrowed where the caller keeps them: copied, they were retained
  /// and released for each client whose action has a clause.
  private func computingClauses(
    of action: Runtime.Action, into outcome: ReportOutcome, _ client: UnsafePointer<Client>,
    _ context: UnsafePointer<EvaluationContext>
  ) throws(EvaluationError) -> ReportOutcome {
    var observer = NoObserver()
    return try withInterpreter(recordAt: client, contextAt: context, &observer) { (interpreter) throws(Interrupt) in
      var outcome = outcome
      try interpreter.computeClauses(of: action, into: &outcome)
      return outcome
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
    var unknown = UnknownCount()
    let winner = try decide(into: &unknown)
    let action = runtime.actions[winner < 0 ? runtime.rules.count : winner]
    var outcome = ReportOutcome(action, winner: winner < 0 ? nil : winner, unknownRuleCount: unknown.count)
    try computeClauses(of: action, into: &outcome)
    return outcome
  }
}

extension ReportOutcome {
  /// The outcome of `action`, the action of rule `winner` (`nil`: of `otherwise`), before its
  /// clauses are computed.
  @inline(__always)
  init(_ action: Runtime.Action, winner: Int?, unknownRuleCount: Int) {
    self.init(
      severity: action.verdict, winningRule: winner, notice: nil, cooldown: nil, holdUntilPaid: action.holdUntilPaid,
      meet: action.meet, reason: .none, refer: .none, unknownRuleCount: unknownRuleCount)
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
