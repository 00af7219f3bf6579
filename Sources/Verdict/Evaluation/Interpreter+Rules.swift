/// Matching rules and choosing the winner.
extension Interpreter {
  /// Evaluates every rule, picks the winner by the policy's strategy and evaluates its clauses.
  @inline(__always)
  mutating func run() throws(Interrupt) -> Evaluation {
    var rules = MatchedAndUnknown()
    let winner = try decide(into: &rules)
    let action = runtime.actions[winner < 0 ? runtime.rules.count : winner]
    return Evaluation(
      verdict: runtime.verdicts[action.verdict], severity: action.verdict, winningRule: winner < 0 ? nil : winner,
      clauses: try clauses(of: action), matchedRules: rules.matched, unknownRules: rules.unknown)
  }

  /// The rule loop: evaluates every rule in file order, tells `tally` which matched and which
  /// were unknown, and returns the winner by the policy's strategy (-1: none matched). Every way of
  /// evaluating a policy goes through it; what each keeps is its `tally`, and specialisation
  /// removes whatever a tally ignores. Evaluations that record no values run the conditions'
  /// compiled steps (``decideBySteps(into:)``), which give the same outcomes and errors; a trace
  /// walks the tree here, so that it sees every node.
  @inline(__always)
  mutating func decide<Tally: RuleTally>(into tally: inout Tally) throws(Interrupt) -> Int {
    if !Observer.recordsValues { return try decideBySteps(into: &tally) }
    var winner = -1
    var winnerSeverity = -1
    let firstMatch = runtime.strategy == .firstMatch
    let rules = runtime.rules
    for index in 0..<rules.count {
      let rule = rules[index]
      switch try ruleTruth(rule.condition) {
      case .true:
        tally.matched(index)
        // most-severe: ties go to the rule that comes first; first-match: the first one wins.
        if firstMatch ? winner < 0 : rule.verdict > winnerSeverity {
          winner = index
          winnerSeverity = rule.verdict
        }
      case .missing:
        tally.unknown(index)
      case .false:
        continue
      }
    }
    return winner
  }

  /// The truth value of a rule's condition, node `index`; an error for any other value.
  @inline(__always)
  mutating func ruleTruth(_ index: Int32) throws(Interrupt) -> Truth {
    if let truth = try truth(index) { return truth }
    // Not a truth value (possible only with undeclared fields): evaluated again for the message.
    let value = value(of: try evaluate(index))
    throw typeError("a rule's condition must be true or false, not \(value.type?.described ?? "missing")", index)
  }

  /// The winning action's clauses for this client; a clause whose value is missing is left out.
  @inline(__always)
  mutating func clauses(of action: Runtime.Action) throws(Interrupt) -> Clauses {
    var clauses = Clauses()
    clauses.holdUntilPaid = action.holdUntilPaid
    clauses.meet = action.meet
    try computeClauses(of: action, into: &clauses)
    return clauses
  }

  /// The one clause order: computes an action's clauses in the order the language lists them (so
  /// that the first failing clause is the same whoever asks) and hands each to `sink`, which keeps
  /// the text clauses as it likes (a string, or a report's reference to a text constant).
  @inline(__always)
  mutating func computeClauses<Sink: ClauseSink>(of action: Runtime.Action, into sink: inout Sink) throws(Interrupt) {
    if action.notice >= 0 { sink.setNotice(try duration(action.notice, "notice")) }
    if action.cooldown >= 0 { sink.setCooldown(try cooldown(action.cooldown)) }
    if action.reason >= 0 { sink.setReason(try Sink.Text.read(action.reason, "reason", &self)) }
    if action.refer >= 0 { sink.setRefer(try Sink.Text.read(action.refer, "refer", &self)) }
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

  /// The `cooldown` clause's duration, as ``duration(_:_:)`` gives it; a negative one is an error
  /// (``CheckedAction/negativeCooldown(_:)``).
  mutating func cooldown(_ node: Int32) throws(Interrupt) -> TimeSpan? {
    let cooldown = try duration(node, "cooldown")
    guard let cooldown, cooldown.seconds < 0 else { return cooldown }
    let (message, hint) = CheckedAction.negativeCooldown(cooldown)
    madeScratch().failure = EvaluationError(message: message, hint: hint, range: runtime.ranges[Int(node)])
    throw Interrupt()
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

/// What the rule loop (``Interpreter/decide(into:)``) tells its caller about each rule.
protocol RuleTally {
  /// The rule at `index` matched.
  mutating func matched(_ index: Int)
  /// The rule at `index` was unknown for missing data.
  mutating func unknown(_ index: Int)
}

/// Which rules matched and which were unknown, for an ``Evaluation``.
struct MatchedAndUnknown: RuleTally {
  var matched = RuleSet()
  var unknown = RuleSet()
  @inline(__always) mutating func matched(_ index: Int) { matched.insert(index) }
  @inline(__always) mutating func unknown(_ index: Int) { unknown.insert(index) }
}

/// How many rules were unknown, for a report, which shows no more.
struct UnknownCount: RuleTally {
  var count = 0
  @inline(__always) mutating func matched(_ index: Int) {}
  @inline(__always) mutating func unknown(_ index: Int) { count += 1 }
}

/// Where ``Interpreter/computeClauses(of:into:)`` puts an action's computed clauses.
protocol ClauseSink {
  /// How the sink keeps a text clause.
  associatedtype Text: ClauseText
  mutating func setNotice(_ notice: TimeSpan?)
  mutating func setCooldown(_ cooldown: TimeSpan?)
  /// The `reason` clause; `nil` when its value is missing.
  mutating func setReason(_ reason: Text?)
  /// The `refer` clause; `nil` when its value is missing.
  mutating func setRefer(_ refer: Text?)
}

extension Clauses: ClauseSink {
  @inline(__always) mutating func setNotice(_ notice: TimeSpan?) { self.notice = notice }
  @inline(__always) mutating func setCooldown(_ cooldown: TimeSpan?) { self.cooldown = cooldown }
  @inline(__always) mutating func setReason(_ reason: String?) { self.reason = reason }
  @inline(__always) mutating func setRefer(_ refer: String?) { self.refer = refer }
}

/// How a text clause (`reason`, `refer`) is kept: as a string, or as a report's ``ReportText``.
protocol ClauseText {
  /// The clause's value at `node`; `nil` when it is missing, an error for another type.
  static func read<Record, Observer>(
    _ node: Int32, _ clause: String, _ interpreter: inout Interpreter<Record, Observer>
  )
    throws(Interrupt) -> Self?
}

extension String: ClauseText {
  @inline(__always)
  static func read<Record, Observer>(
    _ node: Int32, _ clause: String, _ interpreter: inout Interpreter<Record, Observer>
  )
    throws(Interrupt) -> String?
  {
    try interpreter.text(of: try interpreter.evaluate(node), at: node, clause)
  }
}
