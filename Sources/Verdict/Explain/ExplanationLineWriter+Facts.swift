/// Writing a fact of the line, word for word as ``ExplanationBuilder/held(_:)`` and
/// ``ExplanationBuilder/missed(_:)`` word it.
extension ExplanationLineWriter {
  /// A fact a matching rule rests on: `payment_delay 42d > 30d (by 12d)`, `disrespectful is true`.
  func held(_ fact: LinePlan.Fact) {
    let laid = templates.held[Int(fact.node)]
    if let pieces = fact.inverted ? laid.inverted : laid.plain {
      write(template: pieces, of: fact.node)
      if !fact.inverted { margin(plan.nodes[Int(fact.node)], fact.node) }
      return
    }
    let node = plan.nodes[Int(fact.node)]
    switch (node.kind, fact.inverted) {
    case (.field, false), (.let, false):
      out.append(text(node.text))
      out.append(" is true")
    case (.comparison, false), (.test, false), (.and, false), (.or, false), (.not, false):
      detail(node, fact.node)
      margin(node, fact.node)
    case (.comparison, true):
      subject(node, fact.node)
      out.append(", not ")
      requirement(node, fact.node)
    case (.field, true), (.let, true):
      out.append(text(node.text))
      out.append(" is false")
    case (.test, true), (.and, true), (.or, true), (.not, true):
      detail(node, fact.node)
      out.append(" is false")
    }
  }

  /// A fact that kept a rule from matching: `revisions 5, needs > 5`, `disrespectful is false`;
  /// for an unknown test, what is missing.
  func missed(_ fact: LinePlan.Fact) {
    if truth(of: fact.node) == .unknown { return unknown(fact.node) }
    let laid = templates.missed[Int(fact.node)]
    if let pieces = fact.inverted ? laid.inverted : laid.plain { return write(template: pieces, of: fact.node) }
    let node = plan.nodes[Int(fact.node)]
    switch (node.kind, fact.inverted) {
    case (.comparison, false):
      subject(node, fact.node)
      out.append(", needs ")
      requirement(node, fact.node)
    case (.field, false), (.let, false):
      out.append(text(node.text))
      out.append(" is false")
    case (.test, false), (.and, false), (.or, false), (.not, false):
      detail(node, fact.node)
      out.append(" is false")
    case (.comparison, true):
      subject(node, fact.node)
      out.append(", needs not ")
      requirement(node, fact.node)
    case (.field, true), (.let, true):
      out.append(text(node.text))
      out.append(" is true, needs false")
    case (.test, true), (.and, true), (.or, true), (.not, true):
      detail(node, fact.node)
      out.append(" is true, needs false")
    }
  }

  /// An unknown test: the values it misses, from the whole builder (lines with missing data
  /// are the rarer ones).
  private func unknown(_ index: Int32) {
    var builder = ExplanationBuilder(policy: policy, values: values, fields: client?.values ?? [], wording: wording)
    builder.records = client?.records ?? []
    let node = plan.nodes[Int(index)]
    var shown = ConditionNode(
      kind: node.kind, text: plainText(node.text), value: .missing,
      range: plan.exprs[Int(index)].range, children: [], detail: "")
    let missing = builder.missingEntries(in: plan.exprs[Int(index)])
    shown.missing = missing.map(\.name)
    shown.missingShown = missing.map(\.shown)
    shown.unmeasured = builder.unmeasuredFigures(in: plan.exprs[Int(index)])
    out.appendText(ExplanationBuilder.unknown(shown))
  }

  /// Whether plan node `index` was computed, and whether it is true, false or unknown: from
  /// the truths or from the trace, whichever the line reads.
  func truth(of index: Int32) -> TraceValues.Truth {
    factsFromTruths ? truths.truth(ofNode: index, id: 0) : values.truth(plan.nodes[Int(index)].id)
  }

  /// ``ConditionNode/detail`` of `node`, plan node `index`.
  private func detail(_ node: LinePlan.Node, _ index: Int32) {
    switch node.detail {
    case .text:
      out.append(text(node.text))
    case .comparison(let comparison, let left, let right, _, _):
      operand(left, of: index)
      out.append(" ")
      out.append(comparison)
      out.append(" ")
      operand(right, of: index)
    case .letValue(let operand):
      if truth(of: index) == .notComputed { out.append(text(node.text)) } else { self.operand(operand, of: index) }
    case .operand(let operand):
      self.operand(operand, of: index)
    case .isMissing(let subject, let negated):
      operand(subject, of: index)
      out.append(negated ? " is present" : " is missing")
    case .member(let element, let list, let negated):
      operand(element, of: index)
      out.append(negated ? " not in " : " in ")
      operand(list, of: index)
    case .contains(let container, let element):
      operand(container, of: index)
      out.append(" contains ")
      operand(element, of: index)
    }
  }

  /// ` (by 12d)` after comparison `node`, plan node `index`, that held by a margin.
  private func margin(_ node: LinePlan.Node, _ index: Int32) {
    guard case .comparison(_, let left, let right, _, let unit) = node.detail else { return }
    let a: Value
    let b: Value
    if factsFromTruths {
      guard let x = truths.side(plan.operands[Int(left)].id, ofNode: index),
        let y = truths.side(plan.operands[Int(right)].id, ofNode: index)
      else { return }
      // Most margins are between whole numbers, decimals or dates: worked out on the scalars, as
      // ``plainDifference(_:_:)`` and the general arithmetic work them out on values, without
      // making the values.
      if x.kind == .int, y.kind == .int, x.payload != y.payload {
        let (difference, overflow) = max(x.payload, y.payload).subtractingReportingOverflow(min(x.payload, y.payload))
        if !overflow {
          out.append(" (by ")
          out.appendInteger(difference)
          out.append(")")
          return
        }
      } else if x.kind == .date, y.kind == .date, x.payload != y.payload {
        // Two dates: the days between them, as the duration their difference shows in days.
        out.append(" (by ")
        out.appendInteger(max(x.payload, y.payload) - min(x.payload, y.payload))
        out.appendUnit(.day)
        out.append(")")
        return
      } else if x.kind == .decimal, y.kind == .int,
        let difference = ExplanationLineWriter.wholeDifference(x.decimal, y.payload)
      {
        return writeMargin(difference, unit: unit)
      } else if x.kind == .int, y.kind == .decimal,
        let difference = ExplanationLineWriter.wholeDifference(y.decimal, x.payload)
      {
        return writeMargin(difference, unit: unit)
      } else if x.kind == .decimal || y.kind == .decimal, let p = x.number, let q = y.number,
        let difference = ExplanationLineWriter.decimalDifference(p, q)
      {
        out.append(" (by ")
        out.appendDisplay(.decimal(difference), unit: unit)
        out.append(")")
        return
      }
      guard let p = value(of: x), let q = value(of: y) else { return }
      (a, b) = (p, q)
    } else {
      guard let p = values[plan.operands[Int(left)].id], let q = values[plan.operands[Int(right)].id] else { return }
      (a, b) = (p, q)
    }
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

  /// ` (by 1.5)`: the margin of a comparison between numbers, `difference`.
  @inline(__always)
  private func writeMargin(_ difference: DecimalNumber, unit: TimeSpan.Unit?) {
    out.append(" (by ")
    out.appendDisplay(.decimal(difference), unit: unit)
    out.append(")")
  }

  /// ``ConditionNode/subject``: the side of a comparison that varies.
  private func subject(_ node: LinePlan.Node, _ index: Int32) {
    guard case .comparison(_, let left, let right, let flipped, _) = node.detail else { return }
    operand(flipped ? right : left, of: index)
  }

  /// ``ConditionNode/requirement``: the operator and the other side.
  private func requirement(_ node: LinePlan.Node, _ index: Int32) {
    guard case .comparison(let comparison, let left, let right, let flipped, _) = node.detail else { return }
    out.append(flipped ? comparison.flipped : comparison)
    out.append(" ")
    operand(flipped ? left : right, of: index)
  }

  /// Operand `number` of plan node `node` as ``ExplanationBuilder/operand(_:)`` writes it.
  private func operand(_ number: Int32, of node: Int32) {
    let operand = plan.operands[Int(number)]
    out.append(text(operand.written))
    let named: Bool
    switch operand.style {
    case .constant: return
    case .named: named = true
    case .parenthesized: named = false
    case .aggregate(let aggregate, let isLet):
      if let origin = ExplanationBuilder.origin(of: aggregate, in: policy.program, records: client?.records ?? []) {
        out.append(" ")
        shown(operand, of: node)
        out.append(" (")
        out.appendText(origin)
        out.append(")")
        return
      }
      named = isLet
    }
    out.append(named ? " " : " (")
    shown(operand, of: node)
    if !named { out.append(")") }
  }

  /// The value of an operand of plan node `node`, or `not computed`.
  func shown(_ operand: LinePlan.Operand, of node: Int32) {
    guard factsFromTruths else {
      guard let value = values[operand.id] else { return out.append("not computed") }
      return out.appendDisplay(value, unit: operand.unit)
    }
    guard let scalar = truths.side(operand.id, ofNode: node) else { return out.append("not computed") }
    // The commonest values written from the scalar, without making a ``Value`` of it.
    if out.appendDisplay(scalar, unit: operand.unit) { return }
    guard let value = value(of: scalar) else { return out.append("not computed") }
    out.appendDisplay(value, unit: operand.unit)
  }

  /// The value a scalar of the truths stands for.
  private func value(of scalar: Scalar) -> Value? {
    guard let client else { return scalar.inlineValue }
    return ConditionTruths.value(of: scalar, client: client, runtime: policy.runtime)
  }
}
