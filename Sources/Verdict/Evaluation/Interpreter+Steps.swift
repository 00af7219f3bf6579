/// Running the rules' conditions compiled to ``ConditionStep``s.
extension Interpreter {
  /// What ``decide(into:)`` does, for evaluations that record no values: every rule's condition
  /// from its steps, with the values, missing results and errors the tree walk gives, the rules
  /// told to `tally` and the winner chosen in the same way.
  @inline(__always)
  mutating func decideBySteps<Tally: RuleTally>(into tally: inout Tally) throws(Interrupt) -> Int {
    let rules = runtime.rules
    guard rules.count > 0 else { return -1 }
    var winner = -1
    var winnerSeverity = -1
    let firstMatch = runtime.strategy == .firstMatch
    var rule = 0
    let steps = runtime.conditionSteps.baseAddress.unsafelyUnwrapped
    var position = 0
    var value = Truth.missing
    // The values kept by the `and`s and `or`s still open, two bits each, the innermost lowest.
    var kept: UInt64 = 0
    while true {
      let step = steps + position
      position &+= 1
      switch step.pointee.operation {
      case .compareInt:
        let field = record.pointee.value(at: Int(step.pointee.slot))
        if case .int(let number) = field {
          value = Truth(outcome: step.pointee.outcomes, number, step.pointee.constant.payload)
        } else if case .decimal(let number) = field,
          let place = number.place(comparedWith: step.pointee.constant.payload)
        {
          // A decimal cell in a number field (`hours > 120` on `153.8`), as common as a whole one.
          value = Truth(outcome: step.pointee.outcomes, place: place)
        } else {
          value = try compareFieldOtherwise(step)
        }
      case .compareDuration:
        if case .duration(let span) = record.pointee.value(at: Int(step.pointee.slot)) {
          value = Truth(outcome: step.pointee.outcomes, span.seconds, step.pointee.constant.payload)
        } else {
          value = try compareFieldOtherwise(step)
        }
      case .compareDate:
        if case .date(let date) = record.pointee.value(at: Int(step.pointee.slot)) {
          value = Truth(outcome: step.pointee.outcomes, date.daysSinceEpoch, step.pointee.constant.payload)
        } else {
          value = try compareFieldOtherwise(step)
        }
      case .compareMoney:
        if case .money(let money) = record.pointee.value(at: Int(step.pointee.slot)),
          money.currency.packed == step.pointee.constant.currency
        {
          value = Truth(outcome: step.pointee.outcomes, money.scaledAmount, step.pointee.constant.payload)
        } else {
          value = try compareFieldOtherwise(step)
        }
      case .compareOperands:
        value = try compareOperands(step)
      case .compareComputed:
        value = try compareComputed(step)
      case .compareText:
        if case .text(let text) = record.pointee.value(at: Int(step.pointee.slot)) {
          let equal = text == runtime.conditionTexts[Int(step.pointee.skip)]
          value = Truth(outcome: step.pointee.outcomes, place: equal ? 1 : 0)
        } else {
          value = try compareComputed(step)
        }
      case .memberText:
        value = try memberText(step)
      case .compareQuotient:
        value = try compareQuotient(step)
      case .compareProduct:
        value = try compareProduct(step)
      case .truthField:
        switch record.pointee.value(at: Int(step.pointee.slot)) {
        case .bool(let flag): value = Truth(flag)
        case .missing: value = .missing
        case .int, .decimal, .duration, .percent, .money, .date, .text, .list:
          value = try operandTruth(step.pointee.node)
        }
      case .isMissingField:
        value = Truth(record.pointee.value(at: Int(step.pointee.slot)).isMissing != (step.pointee.outcomes != 0))
      case .general:
        value = try operandTruth(step.pointee.node)
      case .ruleCondition:
        value = try ruleTruth(step.pointee.node)
      case .not:
        value = value.negated
      case .letCached:
        guard let known = lets[Int(step.pointee.slot)] else { continue }
        if let truth = Truth(known) {
          value = truth
        } else {
          value = try operandTruth(step.pointee.node)
        }
        position = Int(step.pointee.skip)
      case .letStore:
        lets[Int(step.pointee.slot)] = value.scalar
      case .pass:
        break
      }
      switch step.pointee.then {
      case .next:
        continue
      case .end:
        break
      case .andFirst:
        if Self.chainGoesOn(value, decider: .false, first: true, kept: &kept, step, &position) { continue }
      case .orFirst:
        if Self.chainGoesOn(value, decider: .true, first: true, kept: &kept, step, &position) { continue }
      case .andNext:
        value = min(value, Truth(kept: kept))
        if Self.chainGoesOn(value, decider: .false, first: false, kept: &kept, step, &position) { continue }
      case .orNext:
        value = max(value, Truth(kept: kept))
        if Self.chainGoesOn(value, decider: .true, first: false, kept: &kept, step, &position) { continue }
      case .andLast:
        value = min(value, Truth(kept: kept))
        kept >>= 2
        continue
      case .orLast:
        value = max(value, Truth(kept: kept))
        kept >>= 2
        continue
      case .andLastEnd:
        value = min(value, Truth(kept: kept))
        kept >>= 2
      case .orLastEnd:
        value = max(value, Truth(kept: kept))
        kept >>= 2
      }
      // The rule's condition is decided.
      switch value {
      case .true:
        tally.matched(rule)
        // most-severe: ties go to the rule that comes first; first-match: the first one wins.
        let severity = rules[rule].verdict
        if firstMatch ? winner < 0 : severity > winnerSeverity {
          winner = rule
          winnerSeverity = severity
        }
      case .missing:
        tally.unknown(rule)
      case .false:
        break
      }
      rule &+= 1
      if rule == rules.count { return winner }
    }
  }

  /// After an operand of an `and` or `or` chain (the first, or one in the middle, joined with
  /// the kept value already): a value other than `decider` (false for `and`, true for `or`) is
  /// kept and the chain goes on with the next step (`true`). The decider ends the chain: on to
  /// the step at its target (`true`), or, for a chain that is the whole condition (a target below
  /// zero, the complement of the next rule's first step), to the end of the rule (`false`).
  /// Called with constant `decider` and `first`, which inlining folds away.
  @inline(__always)
  static func chainGoesOn(
    _ value: Truth, decider: Truth, first: Bool, kept: inout UInt64, _ step: UnsafePointer<ConditionStep>,
    _ position: inout Int
  ) -> Bool {
    if value != decider {
      kept = first ? kept << 2 | UInt64(value.rawValue) : kept & ~3 | UInt64(value.rawValue)
      return true
    }
    if !first { kept >>= 2 }
    if step.pointee.target >= 0 {
      position = Int(step.pointee.target)
      return true
    }
    position = Int(~step.pointee.target)
    return false
  }

  /// A comparison whose operands the tree walk evaluates, compared as ``conditionTruth(_:)``
  /// compares them.
  @inline(never)
  mutating func compareOperands(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    let node = nodes[Int(step.pointee.node)]
    let left = try evaluate(node.a)
    let right = try evaluate(node.b)
    return try compare(step.pointee.comparison, left, right, at: step.pointee.node)
  }

  /// A comparison whose operands are each a field, a constant, `a ?? b` of those, or arithmetic on
  /// those (``ConditionCompiler`` checks the shape): computed here as the tree walk computes them,
  /// without its calls from node to node.
  @inline(never)
  mutating func compareComputed(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    let node = nodes[Int(step.pointee.node)]
    let left = try computed(node.a)
    let right = try computed(node.b)
    return try compare(step.pointee.comparison, left, right, at: step.pointee.node)
  }

  /// Arithmetic on two ``simple(_:)`` operands, or a simple operand.
  @inline(__always)
  mutating func computed(_ index: Int32) throws(Interrupt) -> Scalar {
    let node = nodes[Int(index)]
    guard node.opcode == .arithmetic else { return simple(index) }
    return try arithmetic(node.arithmetic, simple(node.a), simple(node.b), at: index)
  }

  /// `a ?? b` of two leaves, or a leaf.
  @inline(__always)
  mutating func simple(_ index: Int32) -> Scalar {
    let node = nodes[Int(index)]
    guard node.opcode == .coalesce else { return leaf(node) }
    let left = leaf(nodes[Int(node.a)])
    return left.isMissing ? leaf(nodes[Int(node.b)]) : left
  }

  /// A field or a constant: the only other leaves ``ConditionCompiler`` lets through.
  @inline(__always)
  mutating func leaf(_ node: Node) -> Scalar {
    node.opcode == .field ? field(node.a) : constants[Int(node.a)]
  }

  /// A field compared with a constant when the field is not of the constant's kind: missing, a
  /// decimal compared with a whole number, and everything else as the tree walk compares it.
  @inline(never)
  mutating func compareFieldOtherwise(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    let field = field(step.pointee.slot)
    if field.isMissing { return .missing }
    let constant = step.pointee.constant
    if field.kind == .decimal, constant.kind == .int,
      let place = field.decimal.place(comparedWith: constant.payload)
    {
      return Truth(outcome: step.pointee.outcomes, place: place)
    }
    return try compare(step.pointee.comparison, field, constant, at: step.pointee.node)
  }
}

extension Truth {
  /// Whether a comparison whose ``ConditionStep/outcomes`` are `outcomes` holds between `a` and
  /// `b`.
  @inline(__always)
  init(outcome outcomes: UInt8, _ a: Int64, _ b: Int64) {
    self.init(outcome: outcomes, place: (a >= b ? 1 : 0) &+ (a > b ? 1 : 0))
  }

  /// Whether a comparison whose ``ConditionStep/outcomes`` are `outcomes` holds for a left
  /// operand below (`place` 0), equal to (1) or above (2) the right one.
  @inline(__always)
  init(outcome outcomes: UInt8, place: Int) {
    self = (outcomes >> UInt8(truncatingIfNeeded: place)) & 1 != 0 ? .true : .false
  }

  /// The innermost value an `and` or `or` kept.
  @inline(__always)
  init(kept: UInt64) {
    self = unsafeBitCast(UInt8(truncatingIfNeeded: kept & 3), to: Truth.self)
  }

  /// `not`: true and false swapped, missing kept.
  @inline(__always)
  var negated: Truth { unsafeBitCast(2 &- rawValue, to: Truth.self) }
}

extension DecimalNumber {
  /// 0, 1 or 2 when the number is below, equal to or above `whole`, computed on 64-bit integers;
  /// `nil` when they are too small for it (a significand past 2^63, a scale past 18, `whole`
  /// scaled past 64 bits), for the exact comparison of decimals to decide.
  @inline(__always)
  func place(comparedWith whole: Int64) -> Int? {
    guard high == 0, low <= UInt64(Int64.max), scale <= 18 else { return nil }
    let (scaled, overflow) = whole.multipliedReportingOverflow(by: Int64(DecimalNumber.powerOfTen64(Int(scale))))
    guard !overflow else { return nil }
    let signed = isNegative ? -Int64(low) : Int64(low)
    return (signed >= scaled ? 1 : 0) + (signed > scaled ? 1 : 0)
  }
}
