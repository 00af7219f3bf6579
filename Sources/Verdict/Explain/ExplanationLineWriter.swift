/// Writes the one-line explanation of `verdict run --explain`: the same line as
/// ``ExplanationText/line(_:)`` of ``Policy/explain(_:in:)``, at a fraction of the cost.
///
/// With a winning rule, only that rule's condition is traced and only the facts it rests on are
/// written; without one, the rules are ranked on the truths of their conditions' nodes
/// (``ConditionTruths``, no trace), and only the nearest one's condition is traced and its facts
/// written. A run that explains every client may also decide the rules on those truths
/// (``report(_:in:truthsFilled:)``). The conditions' shapes and the policy's texts are worked out once
/// (``LinePlan``), and the trace, the facts and the bytes of the line are kept from one client to
/// the next. One belongs to one thread at a time (a runner's evaluating thread keeps its own).
package final class ExplanationLineWriter {
  let policy: Policy
  let plan: LinePlan
  /// The trace of the client being explained, cleared for each.
  let values: TraceValues
  /// The truths of the plan's nodes: what ranks the rules when none matched, what the facts of
  /// a line are read from, and what ``report(_:in:truthsFilled:)`` decides the rules on.
  let truths: ConditionTruths
  /// The policy's texts, for what few lines need the whole explanation builder.
  let wording: ExplanationWording
  /// The facts of the line being written.
  @exclusivity(unchecked) var facts: [LinePlan.Fact] = []
  /// The facts remembered for the line's rule under the client's truths, when ``trace(rule:of:in:filled:)``
  /// found them (and so left ``ConditionTruths/canShow(rule:)`` unasked); valid for this line.
  @exclusivity(unchecked) var knownFacts: UnsafeBufferPointer<LinePlan.Fact>?
  /// The facts of each rule's line, by the tests' truths.
  let rememberedFacts = RememberedFacts()
  /// The line being written.
  let out: LineBytes
  /// The client being explained, at the address its caller keeps it at while the line is
  /// written: borrowed, not copied (a copy retained and released its arrays on every line).
  private var clientAddress: UnsafePointer<Client>?
  /// The client being explained, for aggregates' origins and missing values.
  var client: Client? { clientAddress?.pointee }
  /// Whether the line's facts and the values it shows are read from ``truths`` (``values`` then
  /// holds nothing: the truths were not recorded into a trace, see ``ConditionTruths/canShow(rule:)``).
  @exclusivity(unchecked) private(set) var factsFromTruths = false

  /// The plan's texts, in memory of the writer's own (a slice of them costs no reference count),
  /// escaped as the line is.
  private let texts: UnsafeMutableBufferPointer<UInt8>
  /// With ``LineEscaping/json``: where the escape of each byte of ``LinePlan/texts`` starts in
  /// ``texts`` (one more for the end); empty otherwise.
  private let escapedOffsets: UnsafeMutableBufferPointer<Int32>
  /// The comparisons' facts laid out once, escaped as the line is.
  let templates: FactTemplates

  /// A writer for `policy`'s lines, written as `escaping` says (see ``LineBytes``).
  package init(policy: Policy, escaping: LineEscaping = .none) {
    self.policy = policy
    plan = LinePlan(policy: policy)
    values = TraceValues(count: policy.program.nodeCount)
    truths = ConditionTruths(plan: plan, policy: policy)
    wording = ExplanationWording(policy: policy)
    out = LineBytes(escaping: escaping)
    switch escaping {
    case .none:
      let texts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, plan.texts.count))
      _ = texts.initialize(from: plan.texts)
      self.texts = texts
      escapedOffsets = .allocate(capacity: 0)
      templates = FactTemplates(plan: plan, escaping: escaping) { UnsafeBufferPointer(rebasing: texts[$0]) }
    case .json:
      // Each byte's escape, once, rather than the line's bytes escaped on every line.
      let escaped = LineBytes(escaping: .json)
      var offsets: [Int32] = []
      for byte in plan.texts {
        offsets.append(Int32(escaped.count))
        if JSONStringEscape.escapes(byte) { escaped.appendEscape(of: byte) } else { escaped.append(byte) }
      }
      offsets.append(Int32(escaped.count))
      texts = .allocate(capacity: max(1, escaped.count))
      _ = texts.initialize(from: escaped.bytes)
      escapedOffsets = .allocate(capacity: offsets.count)
      _ = escapedOffsets.initialize(from: offsets)
      templates = FactTemplates(plan: plan, escaping: escaping) { range in
        UnsafeBufferPointer(rebasing: escaped.bytes[Int(offsets[range.lowerBound])..<Int(offsets[range.upperBound])])
      }
    }
  }

  deinit {
    texts.deallocate()
    escapedOffsets.deallocate()
    templates.deallocate()
  }

  /// The policy's text at `range` of ``LinePlan/texts``, escaped as the line is.
  @inline(__always)
  func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    switch out.escaping {
    case .none: UnsafeBufferPointer(rebasing: texts[range])
    case .json:
      UnsafeBufferPointer(
        rebasing: texts[Int(escapedOffsets[range.lowerBound])..<Int(escapedOffsets[range.upperBound])])
    }
  }

  /// The policy's text at `range` of ``LinePlan/texts``, as it reads.
  func plainText(_ range: Range<Int>) -> String {
    String(decoding: plan.texts[range], as: UTF8.self)
  }

  /// The line for `client`, whose evaluation succeeded and gave the verdict of rule `winner`
  /// (`nil`: no rule matched, `otherwise` decided), escaped as the writer's lines are.
  package func line(of client: Client, winner: Int?, in context: EvaluationContext) -> String {
    withLine(of: client, winner: winner, in: context) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of ``line(of:winner:in:)``, valid only during the call.
  /// `truthsFilled`: the writer's truths are `client`'s, as ``report(_:in:truthsFilled:)`` said.
  package func withLine<Result>(
    of client: Client, winner: Int?, in context: EvaluationContext, truthsFilled: Bool = false,
    _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    withUnsafePointer(to: client) { client in
      withUnsafePointer(to: context) { context in
        withLine(clientAt: client, contextAt: context, winner: winner, truthsFilled: truthsFilled, body)
      }
    }
  }

  /// ``withLine(of:winner:in:truthsFilled:_:)`` for a client and a context the caller keeps at
  /// addresses of their own (a batch evaluator's, reused row after row): borrowed, not copied.
  package func withLine<Result>(
    clientAt client: UnsafePointer<Client>, contextAt context: UnsafePointer<EvaluationContext>, winner: Int?,
    truthsFilled: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    body(writeLine(clientAt: client, contextAt: context, winner: winner, truthsFilled: truthsFilled))
  }

  /// ``withLine(clientAt:contextAt:winner:truthsFilled:_:)`` without a closure: the line's bytes,
  /// valid until the writer writes its next line. A caller that puts them into a value of its own
  /// (a batch evaluator's report row) passes that value on itself: captured and changed by the
  /// closure, the row was copied and destroyed on every line (about 190 instructions a line).
  package func writeLine(
    clientAt client: UnsafePointer<Client>, contextAt context: UnsafePointer<EvaluationContext>, winner: Int?,
    truthsFilled: Bool = false
  ) -> UnsafeBufferPointer<UInt8> {
    write(client, winner: winner, in: context, filled: truthsFilled)
    return out.bytes
  }

  /// ``Policy/report(_:in:)`` for a client whose line is written next, decided on the truths a
  /// line's ranking needs (``ConditionTruths``, every test of every rule evaluated once) rather
  /// than evaluated and then filled again for the line; by ``Policy/report(_:in:)`` where the
  /// truths might not be the evaluation's. The same outcome and errors either way;
  /// `truthsFilled` is set when the writer's truths are the client's, for its line
  /// (``withLine(of:winner:in:truthsFilled:_:)``).
  ///
  /// It pays where many clients match no rule (their lines need every rule's truths, which cost
  /// more than an evaluation), and costs where most match one.
  package func report(
    _ client: Client, in context: EvaluationContext, truthsFilled: inout Bool
  ) throws(EvaluationError) -> ReportOutcome {
    try withUnsafePointer(to: client) { (client) throws(EvaluationError) in
      try withUnsafePointer(to: context) { (context) throws(EvaluationError) in
        try report(clientAt: client, contextAt: context, truthsFilled: &truthsFilled)
      }
    }
  }

  /// ``report(_:in:truthsFilled:)`` for a client and a context at addresses of their own, as
  /// ``withLine(clientAt:contextAt:winner:truthsFilled:_:)`` takes them.
  package func report(
    clientAt client: UnsafePointer<Client>, contextAt context: UnsafePointer<EvaluationContext>,
    truthsFilled: inout Bool
  ) throws(EvaluationError) -> ReportOutcome {
    truthsFilled = false
    guard truths.fill(policy: policy, clientAt: client, contextAt: context, deciding: true),
      let decided = truths.decision()
    else {
      return try policy.report(clientAt: client, in: context)
    }
    let outcome = try policy.outcome(
      clientAt: client, contextAt: context, winner: decided.winner, unknownRuleCount: decided.unknownRuleCount)
    truthsFilled = true
    return outcome
  }

  /// Writes the line for `client` into ``out``; `filled`: ``truths`` are the client's.
  private func write(
    _ client: UnsafePointer<Client>, winner: Int?, in context: UnsafePointer<EvaluationContext>, filled: Bool
  ) {
    values.clear()
    out.removeAll()
    factsFromTruths = false
    knownFacts = nil
    clientAddress = client
    // Truths filled by ``report(clientAt:contextAt:truthsFilled:)`` compute what they left for
    // later on the client as the line is written, wherever its caller keeps it now.
    truths.subject = (client, context)
    defer {
      clientAddress = nil
      truths.subject = nil
    }
    if let winner {
      guard trace(rule: winner, of: client, in: context, filled: filled) else {
        return out.appendText(wholeLine(of: client, in: context))
      }
      out.append(text(plan.titles[winner]))
      out.append(": ")
      writeFindings(rule: winner)
    } else {
      guard let nearest = nearestRule(of: client, in: context, filled: filled) else { return }
      out.append("no rule matched; nearest ")
      out.append(text(plan.titles[nearest]))
      out.append(": ")
      writeFindings(rule: nearest)
    }
  }

  /// The rule nearest to matching for `client`, with its condition in ``values``; `nil` when the
  /// line is written already: no rule has findings, or the trace failed.
  ///
  /// The rules are ranked on ``ConditionTruths``, and only the nearest one's condition is traced;
  /// where those might not tell what the trace would, every condition is traced and the rules are
  /// ranked on the trace.
  private func nearestRule(
    of client: UnsafePointer<Client>, in context: UnsafePointer<EvaluationContext>, filled: Bool
  ) -> Int? {
    if filled || truths.fill(policy: policy, clientAt: client, contextAt: context) {
      guard let nearest = truths.nearestRule() else {
        out.append("no rule matched")
        return nil
      }
      guard trace(rule: nearest, of: client, in: context, filled: true) else {
        out.appendText(wholeLine(of: client, in: context))
        return nil
      }
      return nearest
    }
    guard policy.traceConditions(client.pointee, in: context.pointee, into: values) else {
      out.appendText(wholeLine(of: client, in: context))
      return nil
    }
    guard let nearest = plan.nearestRule(values, facts: &facts) else {
      out.append("no rule matched")
      return nil
    }
    return nearest
  }

  /// Makes ready what the line of rule `rule` reads: ``truths`` where they can tell it all
  /// (`filled`: they are the client's already; ``factsFromTruths`` is then set), else the trace
  /// of the rule's condition in ``values``; `false` when the trace failed.
  private func trace(
    rule: Int, of client: UnsafePointer<Client>, in context: UnsafePointer<EvaluationContext>, filled: Bool
  ) -> Bool {
    knownFacts = nil
    // Facts remembered for the rule under the client's truths (of a fill of every rule) were
    // found on truths that could show them (``ConditionTruths/canShow(rule:)``), which those
    // truths alone decide: a test left unknown, a side the evaluation computed as text or a list
    // (its type's, whatever the client), a step's sides (computed wherever its truth is known).
    if filled, truths.keyStamp == truths.generation, let known = rememberedFacts.facts(of: truths.key, rule: rule) {
      truths.combine(rule: rule)
      knownFacts = known
      factsFromTruths = true
      return true
    }
    // A rule whose trace the truths cannot make is traced without filling them first.
    if truths.recordable[rule], filled || truths.fill(policy: policy, clientAt: client, contextAt: context, rule: rule),
      truths.canShow(rule: rule)
    {
      factsFromTruths = true
      return true
    }
    factsFromTruths = false
    values.clear()
    return policy.traceCondition(ofRule: rule, client.pointee, in: context.pointee, into: values)
  }

  /// The line from the whole explanation: for an evaluation that failed after all.
  private func wholeLine(of client: UnsafePointer<Client>, in context: UnsafePointer<EvaluationContext>) -> String {
    ExplanationText.line(policy.explain(client.pointee, in: context.pointee))
  }
}
