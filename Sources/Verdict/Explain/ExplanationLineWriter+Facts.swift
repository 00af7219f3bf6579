/// Writing a fact of the line, word for word as ``ExplanationBuilder/held(_:)`` and
/// ``ExplanationBuilder/missed(_:)`` word it.
extension ExplanationLineWriter {
  /// A fact a matching rule rests on: `payment_delay 42d > 30d (by 12d)`, `disrespectful is true`.
  func held(_ fact: LinePlan.Fact) {
    let node = plan.nodes[Int(fact.node)]
    switch (node.kind, fact.inverted) {
    case (.field, false), (.let, false):
      out.append(text(node.text))
      out.append(" is true")
    case (.comparison, false), (.test, false), (.and, false), (.or, false), (.not, false):
      detail(node)
      margin(node)
    case (.comparison, true):
      subject(node)
      out.append(", not ")
      requirement(node)
    case (.field, true), (.let, true):
      out.append(text(node.text))
      out.append(" is false")
    case (.test, true), (.and, true), (.or, true), (.not, true):
      detail(node)
      out.append(" is false")
    }
  }

  /// A fact that kept a rule from matching: `revisions 5, needs > 5`, `disrespectful is false`;
  /// for an unknown test, what is missing.
  func missed(_ fact: LinePlan.Fact) {
    let node = plan.nodes[Int(fact.node)]
    if values.truth(node.id) == .unknown { return unknown(fact.node) }
    switch (node.kind, fact.inverted) {
    case (.comparison, false):
      subject(node)
      out.append(", needs ")
      requirement(node)
    case (.field, false), (.let, false):
      out.append(text(node.text))
      out.append(" is false")
    case (.test, false), (.and, false), (.or, false), (.not, false):
      detail(node)
      out.append(" is false")
    case (.comparison, true):
      subject(node)
      out.append(", needs not ")
      requirement(node)
    case (.field, true), (.let, true):
      out.append(text(node.text))
      out.append(" is true, needs false")
    case (.test, true), (.and, true), (.or, true), (.not, true):
      detail(node)
      out.append(" is true, needs false")
    }
  }

  /// An unknown test: the values it misses, from the whole builder (lines with missing data
  /// are the rarer ones).
  private func unknown(_ index: Int32) {
    let builder = ExplanationBuilder(policy: policy, values: values, fields: client?.values ?? [], wording: wording)
    let node = plan.nodes[Int(index)]
    var shown = ConditionNode(
      kind: node.kind, text: plainText(node.text), value: .missing,
      range: plan.exprs[Int(index)].range, children: [], detail: "")
    shown.missing = builder.missingNames(in: plan.exprs[Int(index)])
    shown.unmeasured = builder.unmeasuredFigures(in: plan.exprs[Int(index)])
    out.appendText(ExplanationBuilder.unknown(shown))
  }

  /// ``ConditionNode/detail``.
  private func detail(_ node: LinePlan.Node) {
    switch node.detail {
    case .text:
      out.append(text(node.text))
    case .comparison(let comparison, let left, let right, _, _):
      operand(left)
      out.append(" ")
      out.append(comparison)
      out.append(" ")
      operand(right)
    case .letValue(let operand):
      if values[node.id] == nil { out.append(text(node.text)) } else { self.operand(operand) }
    case .operand(let operand):
      self.operand(operand)
    case .isMissing(let subject, let negated):
      operand(subject)
      out.append(negated ? " is present" : " is missing")
    case .member(let element, let list, let negated):
      operand(element)
      out.append(negated ? " not in " : " in ")
      operand(list)
    case .contains(let container, let element):
      operand(container)
      out.append(" contains ")
      operand(element)
    }
  }

  /// ` (by 12d)` after a comparison that held by a margin.
  private func margin(_ node: LinePlan.Node) {
    guard case .comparison(_, let left, let right, _, let unit) = node.detail,
      let a = values[plan.operands[Int(left)].id], let b = values[plan.operands[Int(right)].id]
    else { return }
    if let difference = ExplanationLineWriter.plainDifference(a, b) {
      out.append(" (by ")
      out.appendDisplay(difference, unit: unit)
      out.append(")")
      return
    }
    guard let order = try? Value.ordering(a, b), order != 0 else { return }
    let (larger, smaller) = order > 0 ? (a, b) : (b, a)
    let shownUnit: TimeSpan.Unit?
    switch (a, b) {
    case (.date, .date): shownUnit = .day
    case (.int, _), (.decimal, _), (.duration, _), (.percent, _), (.money, _): shownUnit = unit
    case (.missing, _), (.bool, _), (.date, _), (.text, _), (.list, _): return
    }
    guard let difference = try? Value.arithmetic(.subtract, larger, smaller) else { return }
    out.append(" (by ")
    out.appendDisplay(difference, unit: shownUnit)
    out.append(")")
  }

  /// The larger of two different whole numbers, durations or amounts of one currency less the
  /// smaller, as ``Value/arithmetic(_:_:_:)`` subtracts them, when it fits; `nil` for anything
  /// else, left to the general arithmetic.
  static func plainDifference(_ a: Value, _ b: Value) -> Value? {
    func difference(_ x: Int64, _ y: Int64) -> Int64? {
      let (result, overflow) = max(x, y).subtractingReportingOverflow(min(x, y))
      return x == y || overflow ? nil : result
    }
    if case .int(let x) = a, case .int(let y) = b { return difference(x, y).map { .int($0) } }
    if case .duration(let x) = a, case .duration(let y) = b {
      return difference(x.seconds, y.seconds).map { .duration(TimeSpan(seconds: $0)) }
    }
    if case .money(let x) = a, case .money(let y) = b, x.currency == y.currency {
      return difference(x.scaledAmount, y.scaledAmount).map { .money(Money(scaledAmount: $0, currency: x.currency)) }
    }
    return decimalDifference(a, b).map { .decimal($0) }
  }

  /// The larger of two different numbers, one of them a decimal, less the smaller, when both
  /// significands fit 64 bits, neither has more than 18 places and the difference fits a decimal
  /// exactly: the value ``DecimalNumber/subtracting(_:_:)`` gives then (the line shows a decimal
  /// by its value alone); `nil` otherwise, left to the general arithmetic.
  static func decimalDifference(_ a: Value, _ b: Value) -> DecimalNumber? {
    let x: DecimalNumber
    let y: DecimalNumber
    switch (a, b) {
    case (.decimal(let p), .decimal(let q)): (x, y) = (p, q)
    case (.decimal(let p), .int(let q)): (x, y) = (p, DecimalNumber(q))
    case (.int(let p), .decimal(let q)): (x, y) = (DecimalNumber(p), q)
    default: return nil
    }
    let scale = max(x.scale, y.scale)
    guard x.high == 0, y.high == 0, scale <= 18 else { return nil }
    // Below 2^64 × 10^18 each, so neither they nor their difference overflow 128 bits.
    func scaled(_ number: DecimalNumber) -> Int128 {
      let magnitude = Int128(number.low) * Int128(DecimalNumber.powerOfTen64(Int(scale - number.scale)))
      return number.isNegative ? -magnitude : magnitude
    }
    let difference = (scaled(x) - scaled(y)).magnitude
    guard difference != 0, difference < DecimalNumber.significandLimit else { return nil }
    return DecimalNumber(significand: difference, scale: Int(scale), negative: false)
  }

  /// ``ConditionNode/subject``: the side of a comparison that varies.
  private func subject(_ node: LinePlan.Node) {
    guard case .comparison(_, let left, let right, let flipped, _) = node.detail else { return }
    operand(flipped ? right : left)
  }

  /// ``ConditionNode/requirement``: the operator and the other side.
  private func requirement(_ node: LinePlan.Node) {
    guard case .comparison(let comparison, let left, let right, let flipped, _) = node.detail else { return }
    out.append(flipped ? comparison.flipped : comparison)
    out.append(" ")
    operand(flipped ? left : right)
  }

  /// An operand as ``ExplanationBuilder/operand(_:)`` writes it.
  private func operand(_ index: Int32) {
    let operand = plan.operands[Int(index)]
    out.append(text(operand.written))
    let named: Bool
    switch operand.style {
    case .constant: return
    case .named: named = true
    case .parenthesized: named = false
    case .aggregate(let aggregate, let isLet):
      if let origin = ExplanationBuilder.origin(of: aggregate, in: policy.program, records: client?.records ?? []) {
        out.append(" ")
        shown(operand)
        out.append(" (")
        out.appendText(origin)
        out.append(")")
        return
      }
      named = isLet
    }
    out.append(named ? " " : " (")
    shown(operand)
    if !named { out.append(")") }
  }

  /// An operand's value, or `not computed`.
  private func shown(_ operand: LinePlan.Operand) {
    guard let value = values[operand.id] else { return out.append("not computed") }
    out.appendDisplay(value, unit: operand.unit)
  }
}
