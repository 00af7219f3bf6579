/// Evaluating the plan's tests, as the interpreter evaluates them.
extension ConditionTruths {
  /// The common case of ``fill(policy:client:in:rule:)``, in two tight loops: every test of pass
  /// `pass`, then every `and`, `or`, `not` and let defined as a condition, in the plan's order
  /// (a test reads no other node's truth). A test that failed and may be an operand skipped alone
  /// is left without a truth, and whether it is (which the truths before it in its chain decide)
  /// is checked once every truth is known (``failedTestsSkippedAlone(_:)``): a client whose
  /// `revenue / hours` fails for want of hours went through the caller's loop in the plan's order
  /// again, every test evaluated twice. `false`, the truths then unfinished, when a test gave up
  /// or failed where no operand skips it: the caller's loop then decides. A pass with a test that
  /// gives up for every client does not come here (``testsFirst``).
  ///
  /// Every rule's tests (pass 0) make the key of their truths (``key``) as they go, a failed test
  /// as not computed; with `deciding`, a key whose decision is remembered leaves the combinations
  /// for later. Such a key's failed tests are skipped alone: whether they are depends on the
  /// truths of the key alone, and the decision was remembered from a fill that succeeded.
  @inline(__always)
  func fillTestsFirst<Record: ClientRecord>(
    _ pass: Int, deciding: Bool, _ interpreter: inout Interpreter<Record, NoObserver>
  ) -> Bool {
    let range = passes[pass]
    let keying = pass == 0 && candidates.keyed
    var key: UInt64 = 1 << 63
    var shift: UInt64 = 0
    var failed = false
    for position in range.lowerBound..<firstCombined[pass] {
      let index = Int(grouped[position])
      do throws(Interrupt) {
        guard let truth = try test(index, entries[index], &interpreter) else { return false }
        truths[index] = truth
        // As ``RuleCandidates/key(_:)`` makes it, the tests in the same order.
        if keying {
          key |= RuleCandidates.bits(of: truth) &<< shift
          shift &+= 2
        }
      } catch {
        interpreter.scratch?.takeUnretainedValue().failure = nil
        guard entries[index].skippedAlone else { return false }
        truths[index] = nil
        failed = true
        shift &+= 2
      }
    }
    if keying {
      self.key = key
      keyStamp = generation
      if deciding, let known = candidates.decision(of: key) {
        decided = known
        decidedStamp = generation
        return true
      }
    }
    for position in firstCombined[pass]..<range.upperBound {
      let index = Int(grouped[position])
      truths[index] = combination(entries[index])
    }
    passStamps[pass] = generation
    return !failed || failedTestsSkippedAlone(pass)
  }

  /// Whether every test of pass `pass` left without a truth (one that failed) is an operand
  /// skipped alone, as the loop in the plan's order checks each when it fails: its chain's
  /// operands before it have their truths by then, here as there. Out of line: few clients
  /// have a failed test.
  @inline(never)
  private func failedTestsSkippedAlone(_ pass: Int) -> Bool {
    for position in passes[pass].lowerBound..<firstCombined[pass] {
      let index = Int(grouped[position])
      if truths[index] == nil, !skippedAlone(entries[index]) { return false }
    }
    return true
  }

  /// The truth of test `index`; `nil` when its value is neither a truth value nor missing, or when
  /// it is a comparison the program does not hold as one.
  @inline(__always)
  func test<Record: ClientRecord>(
    _ index: Int, _ entry: Entry, _ interpreter: inout Interpreter<Record, NoObserver>
  ) throws(Interrupt) -> Truth? {
    // A field compared with a constant first, the commonest test (a slot is only ever a
    // comparison's, never a list's).
    if entry.slot >= 0 {
      // The field's side is read from the client when a ranking or the line asks for it
      // (``sides(of:)``): keeping both sides of every comparison cost more than the few read.
      let constant = constants[index]
      // Two whole numbers, durations, dates or amounts of one currency, as
      // ``Scalar/compareIntegers(_:_:_:)`` compares them for ``Interpreter/compare(_:_:_:at:)``,
      // and a decimal against a whole number on 64 bits where it fits, as the compiled steps
      // compare it (``Interpreter/compareFieldOtherwise(_:)``); `ExplanationLineTests` has the
      // kinds that must not be compared so.
      switch interpreter.record.pointee.value(at: Int(entry.slot)) {
      case .int(let number):
        if constant.kind == .int { return Truth(outcome: entry.outcomes, number, constant.payload) }
      case .decimal(let number):
        if constant.kind == .int, let place = number.place(comparedWith: constant.payload) {
          return Truth(outcome: entry.outcomes, place: place)
        }
      case .date(let date):
        if constant.kind == .date { return Truth(outcome: entry.outcomes, date.daysSinceEpoch, constant.payload) }
      case .duration(let span):
        if constant.kind == .duration { return Truth(outcome: entry.outcomes, span.seconds, constant.payload) }
      case .money(let money):
        if constant.kind == .money, money.currency.packed == constant.currency {
          return Truth(outcome: entry.outcomes, money.scaledAmount, constant.payload)
        }
      case .text(let text):
        // A text field against a constant text: `==` or `!=` as ``Value/equals(_:_:)`` has it.
        if let constant = texts[index]?[0] { return Truth(outcome: entry.outcomes, place: constant == text ? 1 : 0) }
      case .missing, .bool, .percent, .list: break
      }
      let field = interpreter.field(entry.slot)
      return try interpreter.compare(interpreter.nodes[Int(entry.id)].comparison, field, constant, at: entry.id)
    }
    if entry.hasList { return try member(index, entry.id, &interpreter) }
    if entry.kind == .field {
      // A bool field tested on its own (`disrespectful`), read where it is: through the
      // interpreter's `truth` it cost about 40 instructions a test, and every explained client
      // pays each of the policy's tests.
      let node = interpreter.nodes[Int(entry.id)]
      if node.opcode == .field {
        switch interpreter.record.pointee.value(at: Int(node.a)) {
        case .bool(let flag): return flag ? .true : .false
        case .missing: return .missing
        case .int, .decimal, .percent, .duration, .money, .date, .text, .list: break
        }
      }
    }
    guard entry.kind == .comparison else { return try interpreter.truth(entry.id) }
    let expression = interpreter.nodes[Int(entry.id)]
    guard expression.opcode == .compare else { return nil }
    if entry.step >= 0 {
      // Decided on the operands, as the evaluation's step decides it: dividing (`revenue / hours`)
      // cost about 500 instructions, and only a tie in the ranking or the line needs the sides.
      let step = UnsafePointer(interpreter.runtime.conditionSteps.baseAddress.unsafelyUnwrapped + Int(entry.step))
      return try step.pointee.operation == .compareQuotient
        ? interpreter.compareQuotient(step) : interpreter.compareProduct(step)
    }
    // As ``Interpreter/conditionTruth(_:)`` compares: both sides evaluated, then compared.
    let left = try interpreter.evaluate(expression.a)
    let right = try interpreter.evaluate(expression.b)
    sides[index] = (left, right)
    return try interpreter.compare(expression.comparison, left, right, at: entry.id)
  }

  /// An `in` or `not in` test of a list of constants, as the interpreter computes it: the element
  /// evaluated, looked for in the list.
  func member<Record: ClientRecord>(
    _ index: Int, _ id: Int32, _ interpreter: inout Interpreter<Record, NoObserver>
  ) throws(Interrupt) -> Truth? {
    // A text field in a list of texts (`channel in ["email", "chat"]`): read where it is, with
    // the side that evaluating the field gives a text (``Interpreter/field(_:)``), without
    // evaluating it through the interpreter.
    let slot = elementSlots[index]
    if slot >= 0, case .text(let text) = interpreter.record.pointee.value(at: Int(slot)),
      let found = texts[index]?.contains(text)
    {
      sides[index] = (Scalar(kind: .field, payload: Int64(slot)), .missing)
      return Truth(found != interpreter.nodes[Int(id)].negated)
    }
    let test = interpreter.nodes[Int(id)]
    let scalar = try interpreter.evaluate(test.a)
    sides[index] = (scalar, .missing)
    // A text field in a list of texts, none missing: as ``Value/member(_:of:)`` finds it, read
    // where the field and the list are (neither is copied into a value).
    if scalar.kind == .field, case .text(let text) = interpreter.record.pointee.value(at: Int(scalar.payload)),
      let found = texts[index]?.contains(text)
    {
      return Truth(found != test.negated)
    }
    let element = interpreter.value(of: scalar)
    if case .text(let text) = element, let found = texts[index]?.contains(text) { return Truth(found != test.negated) }
    guard let list = lists[index] else { return nil }
    do throws(ValueFailure) {
      let found = try Value.member(element, of: list)
      guard case .bool(let isMember) = found else { return found == .missing ? .missing : nil }
      return Truth(isMember != test.negated)
    } catch {
      throw interpreter.located(error, id)
    }
  }
}

/// What the shapes of a plan's conditions tell once, before any client.
extension ConditionTruths {
  /// The list of member test `id` when it is written as constants (made once, when the policy
  /// was lowered).
  static func constantList(of id: Int32, in runtime: Runtime) -> Value? {
    let test = runtime.nodes[Int(id)]
    guard test.opcode == .member else { return nil }
    let list = runtime.nodes[Int(test.b)]
    guard list.opcode == .constantList else { return nil }
    return runtime.constants[Int(list.a)]
  }

  /// The texts that test `id` compares a text with, when they are constants: every element of
  /// `list`, its list of constants, when each is a text (none missing); the constant of a field's
  /// `==` or `!=` with a constant text. `nil` otherwise.
  static func constantTexts(of id: Int32, list: Value?, in runtime: Runtime) -> [String]? {
    if let list {
      guard case .list(let elements) = list else { return nil }
      var texts: [String] = []
      for element in elements {
        guard case .text(let text) = element else { return nil }
        texts.append(text)
      }
      return texts
    }
    let test = runtime.nodes[Int(id)]
    guard test.opcode == .compareFieldToConstant, test.comparison == .equal || test.comparison == .notEqual else {
      return nil
    }
    let constant = runtime.scalarConstants[Int(runtime.nodes[Int(test.b)].a)]
    guard constant.kind == .constant, case .text(let text) = runtime.constants[Int(constant.payload)] else {
      return nil
    }
    return [text]
  }

  /// For each operand of the chain `expr` (an `and` when `and`, else an `or`), flattened as
  /// ``ExplanationBuilder/chain(_:)`` flattens it: whether it is skipped alone once an earlier
  /// operand decides the chain. In `a and b and c` (`(a and b) and c`) `b` and `c` are; in
  /// `a and (b and c)` neither is, as `b and c` is skipped as one.
  static func skippedAlone(_ expr: CheckedExpr, and: Bool) -> [Bool] {
    func operands(_ expr: CheckedExpr) -> (CheckedExpr, CheckedExpr)? {
      if and, case .and(let left, let right) = expr.kind { return (left, right) }
      if !and, case .or(let left, let right) = expr.kind { return (left, right) }
      return nil
    }
    func length(_ expr: CheckedExpr) -> Int {
      operands(expr).map { length($0.0) + length($0.1) } ?? 1
    }
    func flags(_ expr: CheckedExpr) -> [Bool] {
      guard let (left, right) = operands(expr) else { return [false] }
      let count = length(right)
      return flags(left) + (count == 1 ? [true] : Array(repeating: false, count: count))
    }
    return flags(expr)
  }
}
