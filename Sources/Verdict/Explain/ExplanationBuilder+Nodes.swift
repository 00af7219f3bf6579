/// Building a rule condition's tree of values from the checked expression and the trace.
extension ExplanationBuilder {
  func node(_ expr: CheckedExpr) -> ConditionNode {
    expansion.count()
    let value = values[Int32(expr.id)]
    var node = ConditionNode(
      kind: .test, text: text(expr.range), value: value, range: expr.range, children: [], detail: "")
    switch expr.kind {
    case .and:
      node.kind = .and
      node.children = chain(expr).map(self.node)
      node.detail = node.text
    case .or:
      node.kind = .or
      node.children = chain(expr).map(self.node)
      node.detail = node.text
    case .not(let operand):
      node.kind = .not
      node.children = [self.node(operand)]
      node.detail = node.text
    case .compare(let comparison, let left, let right):
      node.kind = .comparison
      describe(&node, comparison, left, right)
    case .letValue(let slot):
      let definition = program.lets[slot].value
      node.kind = .let
      node.detail = value == nil ? node.text : operand(expr)
      if definition.type == .bool, value != nil, expansion.expands(slot) { node.children = [self.node(definition)] }
    case .field, .aggregate, .history:
      node.kind = .field
      node.detail = node.text
    case .constant, .today, .negate, .arithmetic, .coalesce, .call, .population, .populationOfAggregate, .list:
      node.detail = operand(expr)
    case .isMissing(let subject, let negated):
      node.detail = "\(operand(subject)) is \(negated ? "present" : "missing")"
    case .member(let element, let list, let negated):
      node.detail = "\(operand(element)) \(negated ? "not in" : "in") \(operand(list))"
    case .contains(let container, let element):
      node.detail = "\(operand(container)) contains \(operand(element))"
    }
    if node.isUnknown {
      let missing = missingEntries(in: expr)
      node.missing = missing.map(\.name)
      node.missingShown = missing.map(\.shown)
      node.unmeasured = unmeasuredFigures(in: expr)
    }
    return node
  }

  /// The operands of a chain of `and` (or of `or`), flattened: `a and b and c` has three.
  func chain(_ expr: CheckedExpr) -> [CheckedExpr] {
    expr.operands.flatMap { operand in
      if case .and = expr.kind, case .and = operand.kind { return chain(operand) }
      if case .or = expr.kind, case .or = operand.kind { return chain(operand) }
      return [operand]
    }
  }

  /// Fills in a comparison's detail, subject, requirement, margin and distance. A constant on the
  /// left is turned around (`30d < payment_delay` reads as `payment_delay > 30d`) so the subject
  /// is the side that varies.
  private func describe(
    _ node: inout ConditionNode, _ comparison: Comparison, _ left: CheckedExpr, _ right: CheckedExpr
  ) {
    node.detail = "\(operand(left)) \(comparison.rawValue) \(operand(right))"
    var (subject, op, other) = (left, comparison, right)
    if isConstant(left), !isConstant(right) { (subject, op, other) = (right, comparison.flipped, left) }
    node.subject = operand(subject)
    node.requirement = "\(op.rawValue) \(operand(other))"
    guard let a = values[Int32(left.id)], let b = values[Int32(right.id)] else { return }
    node.margin = margin(a, b, unit: durationUnit(of: left) ?? durationUnit(of: right))
    node.distance = ExplanationBuilder.distance(a, b)
  }

  /// How far apart two ordered amounts are: `12d`, `2`, `150.00 EUR`, `366d` between two dates;
  /// `nil` for text, equal values and values that cannot be subtracted.
  private func margin(_ a: Value, _ b: Value, unit: TimeSpan.Unit?) -> String? {
    guard let order = try? Value.ordering(a, b), order != 0 else { return nil }
    let (larger, smaller) = order > 0 ? (a, b) : (b, a)
    switch (a, b) {
    case (.date, .date):
      return (try? Value.arithmetic(.subtract, larger, smaller)).map { ExplanationBuilder.display($0, unit: .day) }
    case (.int, _), (.decimal, _), (.duration, _), (.percent, _), (.money, _):
      return (try? Value.arithmetic(.subtract, larger, smaller)).map { ExplanationBuilder.display($0, unit: unit) }
    case (.missing, _), (.bool, _), (.date, _), (.text, _), (.list, _):
      return nil
    }
  }

  /// How far apart two amounts are relative to the larger one (two dates: in years), capped at 1;
  /// `nil` when they are not amounts.
  static func distance(_ a: Value, _ b: Value) -> Double? {
    if case .date(let x) = a, case .date(let y) = b {
      return min(Double((x.daysSinceEpoch - y.daysSinceEpoch).magnitude) / 365, 1)
    }
    guard let x = amount(a), let y = amount(b) else { return nil }
    let scale = max(abs(x), abs(y))
    return scale == 0 ? 0 : min(abs(x - y) / scale, 1)
  }

  /// ``Value/magnitude``, the same `Double`, without the standard library's generic conversion
  /// of a 128-bit significand, which is slow.
  static func amount(_ value: Value) -> Double? {
    switch value {
    case .decimal(let number), .percent(let number):
      let magnitude = double(number.significand) / double(DecimalNumber.powerOfTen(Int(number.scale)))
      return number.isNegative ? -magnitude : magnitude
    case .missing, .bool, .int, .duration, .money, .date, .text, .list:
      return value.magnitude
    }
  }

  /// `Double(value)`: the nearest `Double`, ties to even. Past 64 bits, the top 64 bits with the
  /// bits below folded into the lowest one (which lies below the rounding position, so it only
  /// tells a tie from a value above it), scaled back by a power of two, which is exact.
  static func double(_ value: UInt128) -> Double {
    let high = UInt64(truncatingIfNeeded: value >> 64)
    guard high != 0 else { return Double(UInt64(truncatingIfNeeded: value)) }
    let shift = 64 - high.leadingZeroBitCount
    let top = UInt64(truncatingIfNeeded: value >> shift)
    let sticky: UInt64 = value & ((1 << shift) - 1) == 0 ? 0 : 1
    return Double(top | sticky) * Double(sign: .plus, exponent: shift, significand: 1)
  }

  /// The fields and lets under `expr` whose values are missing, in source order.
  func missingNames(in expr: CheckedExpr) -> [String] { missingEntries(in: expr).map(\.name) }

  /// ``missingNames(in:)``, each with what the explanation's text writes for it: an aggregate
  /// with the records behind it (``missingOrigin(of:)``).
  func missingEntries(in expr: CheckedExpr) -> [(name: String, shown: String)] {
    /// Whether `value` is a list with a missing item, at any depth.
    func holdsMissingItem(_ value: Value) -> Bool {
      guard case .list(let items) = value else { return false }
      return items.contains { $0.isMissing || holdsMissingItem($0) }
    }
    var names: [(name: String, shown: String)] = []
    // Each let once: lets that use lets twice make the definitions a graph of exponential paths.
    var visitedLets: Set<Int> = []
    func visit(_ expr: CheckedExpr) {
      // A list holding a missing item (`[x, y]` with `y` missing) is no missing value, but it
      // leaves `[x, y] == [1, 2]` unknown: its items are looked into too.
      guard let value = values[Int32(expr.id)], value == .missing || holdsMissingItem(value) else { return }
      if case .field(let slot) = expr.kind, !names.contains(where: { $0.name == program.fields[slot].name }) {
        names.append((program.fields[slot].name, program.fields[slot].name))
      }
      if case .aggregate(let index) = expr.kind, !names.contains(where: { $0.name == program.aggregates[index].text }) {
        let text = program.aggregates[index].text
        names.append((text, missingOrigin(of: index).map { "\(text) (\($0))" } ?? text))
      }
      if case .letValue(let slot) = expr.kind, visitedLets.insert(slot).inserted {
        let before = names.count
        visit(program.lets[slot].value)
        let name = program.lets[slot].name
        if names.count == before, !names.contains(where: { $0.name == name }), unmeasuredFigures(in: expr).isEmpty {
          names.append((name, name))
        }
      }
      expr.operands.forEach(visit)
    }
    visit(expr)
    return names
  }

  /// The population figures under `expr` that are unknown although the client has the field:
  /// there is no data set to measure against.
  func unmeasuredFigures(in expr: CheckedExpr) -> [String] {
    var figures: [String] = []
    var visitedLets: Set<Int> = []
    func visit(_ expr: CheckedExpr) {
      guard values[Int32(expr.id)] == .missing else { return }
      if case .population(let measure, let slot) = expr.kind, !fields[slot].isMissing {
        let figure = "\(measure.rawValue)(\(program.fields[slot].name))"
        if !figures.contains(figure) { figures.append(figure) }
      }
      if case .letValue(let slot) = expr.kind, visitedLets.insert(slot).inserted { visit(program.lets[slot].value) }
      expr.operands.forEach(visit)
    }
    visit(expr)
    return figures
  }
}
