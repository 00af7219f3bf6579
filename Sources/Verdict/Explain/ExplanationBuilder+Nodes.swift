/// Building a rule condition's tree of values from the checked expression and the trace.
extension ExplanationBuilder {
  func node(_ expr: CheckedExpr) -> ConditionNode {
    let value = values[Int32(expr.id)]
    var node = ConditionNode(
      kind: .test, text: text(expr.range), value: value, range: expr.range, children: [], detail: "")
    switch expr.kind {
    case .and:
      node.kind = .and
      node.children = operands(of: expr).map(self.node)
      node.detail = node.text
    case .or:
      node.kind = .or
      node.children = operands(of: expr).map(self.node)
      node.detail = node.text
    case .not(let operand):
      node.kind = .not
      node.children = [self.node(operand)]
      node.detail = "not \(node.children[0].detail)"
    case .compare(let comparison, let left, let right):
      node.kind = .comparison
      describe(&node, comparison, left, right)
    case .letValue(let slot):
      let definition = program.lets[slot].value
      node.kind = .let
      node.detail = value == nil ? node.text : operand(expr)
      if definition.type == .bool, value != nil { node.children = [self.node(definition)] }
    case .field:
      node.kind = .field
      node.detail = node.text
    case .constant, .today, .negate, .arithmetic, .coalesce, .call, .population, .list:
      node.detail = operand(expr)
    case .isMissing(let subject, let negated):
      node.detail = "\(operand(subject)) is \(negated ? "present" : "missing")"
    case .member(let element, let list, let negated):
      node.detail = "\(operand(element)) \(negated ? "not in" : "in") \(operand(list))"
    case .contains(let container, let element):
      node.detail = "\(operand(container)) contains \(operand(element))"
    }
    if node.isUnknown { node.missing = missingNames(in: expr) }
    return node
  }

  /// The operands of a chain of `and` (or of `or`), flattened: `a and b and c` has three.
  private func operands(of expr: CheckedExpr) -> [CheckedExpr] {
    switch expr.kind {
    case .and(let left, let right):
      return [left, right].flatMap { operand in
        if case .and = operand.kind { return operands(of: operand) }
        return [operand]
      }
    case .or(let left, let right):
      return [left, right].flatMap { operand in
        if case .or = operand.kind { return operands(of: operand) }
        return [operand]
      }
    default:
      return [expr]
    }
  }

  /// Fills in a comparison's detail, subject, requirement and margin. A constant on the left is
  /// turned around (`30d < payment_delay` reads as `payment_delay > 30d`) so the subject is the
  /// side that varies.
  private func describe(
    _ node: inout ConditionNode, _ comparison: Comparison, _ left: CheckedExpr, _ right: CheckedExpr
  ) {
    node.detail = "\(operand(left)) \(comparison.rawValue) \(operand(right))"
    var (subject, op, other) = (left, comparison, right)
    if case .constant = left.kind, !isConstant(right) { (subject, op, other) = (right, comparison.flipped, left) }
    node.subject = operand(subject)
    node.requirement = "\(op.rawValue) \(operand(other))"
    if let a = values[Int32(left.id)], let b = values[Int32(right.id)] {
      node.margin = margin(a, b, unit: durationUnit(of: left) ?? durationUnit(of: right))
    }
  }

  /// How far apart two ordered amounts are: `12d`, `2`, `150.00 EUR`; `nil` for text, equal
  /// values and values that cannot be subtracted.
  private func margin(_ a: Value, _ b: Value, unit: TimeSpan.Unit?) -> String? {
    switch (a, b) {
    case (.int, _), (.real, _), (.duration, _), (.percent, _), (.money, _), (.date, _): break
    default: return nil
    }
    guard let order = try? Value.ordering(a, b), order != 0 else { return nil }
    let (larger, smaller) = order > 0 ? (a, b) : (b, a)
    return (try? Value.arithmetic(.subtract, larger, smaller)).map { ExplanationBuilder.display($0, unit: unit) }
  }

  /// An operand as the explanation shows it: a literal as written, a name with its value
  /// (`payment_delay 42d`), anything else with its value in parentheses.
  func operand(_ expr: CheckedExpr) -> String {
    let written = text(expr.range)
    if isConstant(expr) { return written }
    let unit = durationUnit(of: expr)
    let shown = values[Int32(expr.id)].map { ExplanationBuilder.display($0, unit: unit) } ?? "not computed"
    switch expr.kind {
    case .field, .letValue, .today: return "\(written) \(shown)"
    default: return "\(written) (\(shown))"
    }
  }

  /// A value as an explanation shows it: fractions rounded to two places.
  ///
  /// A duration is shown in `unit`, the unit its field is declared in, when it is a whole number
  /// of them (`payment_delay 42d`, not `6w`).
  static func display(_ value: Value, unit: TimeSpan.Unit? = nil) -> String {
    switch value {
    case .duration(let span):
      guard let unit, span.seconds % unit.seconds == 0 else { return span.description }
      return "\(span.seconds / unit.seconds)\(unit.rawValue)"
    case .real(let number): return Value.format((number * 100).rounded() / 100)
    case .percent(let fraction): return Value.format((fraction * 10_000).rounded() / 100) + "%"
    default: return value.description
    }
  }

  /// The unit a field is declared in (`duration in days`), for a field or a let that is one.
  private func durationUnit(of expr: CheckedExpr) -> TimeSpan.Unit? {
    switch expr.kind {
    case .field(let slot): return program.fields[slot].durationUnit
    case .letValue(let slot): return durationUnit(of: program.lets[slot].value)
    default: return nil
    }
  }

  private func isConstant(_ expr: CheckedExpr) -> Bool {
    switch expr.kind {
    case .constant: return true
    case .list(let elements): return elements.allSatisfy(isConstant)
    default: return false
    }
  }

  /// The fields and lets under `expr` whose values are missing, in source order.
  private func missingNames(in expr: CheckedExpr) -> [String] {
    var names: [String] = []
    func visit(_ expr: CheckedExpr) {
      guard values[Int32(expr.id)] == .missing else { return }
      if case .field(let slot) = expr.kind, !names.contains(program.fields[slot].name) {
        names.append(program.fields[slot].name)
      }
      if case .letValue(let slot) = expr.kind {
        let before = names.count
        visit(program.lets[slot].value)
        if names.count == before, !names.contains(program.lets[slot].name) { names.append(program.lets[slot].name) }
      }
      expr.operands.forEach(visit)
    }
    visit(expr)
    return names
  }

  /// The policy text in `range` on one line: comments dropped, runs of white space outside strings
  /// made one space.
  func text(_ range: SourceRange) -> String {
    let bytes = policy.source.bytes
    var kept: [UInt8] = []
    var offset = max(0, range.start)
    var inString = false
    let end = min(range.end, bytes.count)
    let comments = policy.syntax.comments.filter { $0.range.start < end && $0.range.end > offset }
    while offset < end {
      if let comment = comments.first(where: { $0.range.start == offset }) {
        offset = comment.range.end
        continue
      }
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") && kept.last != UInt8(ascii: "\\") { inString.toggle() }
      let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
      if isSpace && !inString {
        if kept.last != 0x20 { kept.append(0x20) }
      } else {
        kept.append(byte)
      }
      offset += 1
    }
    return String(decoding: kept, as: UTF8.self).trimmingCharacters(in: " ")
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
