/// Warnings about rules that cannot do what their author meant: conditions that can never be
/// true, rules that can never win, `hold until paid` without money to wait for, and verdicts
/// nobody recommends.
extension Checker {
  mutating func reportRuleWarnings(_ rules: [CheckedRule], otherwise: CheckedAction?, strategy: Strategy) {
    for rule in rules {
      if let contradiction = contradiction(in: rule.condition) {
        warning(
          .neverMatches, "\(describe(rule)) can never match: \(contradiction)", at: rule.condition.range,
          hint: "check the bounds: no value satisfies both")
      }
    }
    // A later rule with the same condition as an earlier one can never win: found by each
    // condition's shape, so that a policy of many rules is checked in linear time.
    var firstByShape: [String: Int] = [:]
    for (index, rule) in rules.enumerated() {
      let shape = Checker.shape(of: rule.condition)
      guard let earlierIndex = firstByShape[shape] else {
        firstByShape[shape] = index
        continue
      }
      let earlier = rules[earlierIndex]
      guard strategy == .firstMatch || earlier.action.verdict >= rule.action.verdict else { continue }
      warning(
        .neverWins,
        "\(describe(rule, unnamed: "this rule")) can never win: "
          + "\(describe(earlier, unnamed: "an earlier rule")) has the same condition",
        at: rule.condition.range,
        hint: strategy == .firstMatch
          ? "with strategy first-match the earlier rule always wins; merge the two or change a condition"
          : "the earlier rule's verdict is at least as severe; merge the two or change a condition",
        notes: [.init("the earlier rule is here", at: earlier.range)])
    }
    // Without an `otherwise`, the least severe verdict is the one given when no rule matches.
    let actions = rules.map(\.action) + [otherwise ?? CheckedAction(verdict: 0, verdictRange: .at(0))]
    if !fields.contains(where: { $0.type == .money }), !aggregates.contains(where: { $0.type == .money }) {
      for rule in rules where rule.action.holdUntilPaid {
        warning(
          .holdWithoutMoney, "\(describe(rule)) says 'hold until paid', but the policy has no money field",
          at: rule.range, hint: "declare what the client owes, e.g. field outstanding: money in EUR")
      }
    }
    // Restating the default order documents it; only a policy's own verdicts are expected in use.
    if let declared = verdictsRange, verdicts != Checker.defaultVerdicts {
      let used = Set(actions.map(\.verdict))
      let unused = verdicts.indices.filter { !used.contains($0) }.map { "'\(verdicts[$0])'" }
      if !unused.isEmpty {
        warning(
          .unusedVerdict,
          "verdict\(unused.count == 1 ? "" : "s") \(unused.joined(separator: ", ")) never recommended",
          at: declared, hint: "remove it from 'verdicts', or recommend it in a rule")
      }
    }
  }

  /// `rule "name"`, or `unnamed` for a rule without a name.
  private func describe(_ rule: CheckedRule, unnamed: String = "the rule") -> String {
    rule.name.map { "rule \"\($0)\"" } ?? unnamed
  }

  /// A text that is equal for two expressions exactly when they are the same computation,
  /// wherever they were written.
  static func shape(of expr: CheckedExpr) -> String {
    var text = ""
    appendShape(of: expr, to: &text)
    return text
  }

  private static func appendShape(of expr: CheckedExpr, to text: inout String) {
    func binary(_ name: String, _ left: CheckedExpr, _ right: CheckedExpr) {
      text += "(" + name + " "
      appendShape(of: left, to: &text)
      text += " "
      appendShape(of: right, to: &text)
      text += ")"
    }
    func list(_ name: String, _ items: [CheckedExpr]) {
      text += "(" + name
      for item in items {
        text += " "
        appendShape(of: item, to: &text)
      }
      text += ")"
    }
    switch expr.kind {
    case .constant(let value): text += "'" + value.description
    case .field(let slot): text += "f\(slot)"
    case .letValue(let slot): text += "l\(slot)"
    case .today: text += "today"
    case .negate(let operand): list("neg", [operand])
    case .not(let operand): list("not", [operand])
    case .isMissing(let operand, let negated): list(negated ? "present" : "missing", [operand])
    case .and(let left, let right): binary("and", left, right)
    case .or(let left, let right): binary("or", left, right)
    case .coalesce(let left, let right): binary("??", left, right)
    case .contains(let left, let right): binary("contains", left, right)
    case .compare(let op, let left, let right): binary(op.rawValue, left, right)
    case .arithmetic(let op, let left, let right): binary(op.rawValue, left, right)
    case .member(let left, let right, let negated): binary(negated ? "not in" : "in", left, right)
    case .call(let builtin, let arguments): list(builtin.rawValue, arguments)
    case .population(let measure, let slot): text += "(\(measure.rawValue) f\(slot))"
    case .populationOfAggregate(let measure, let aggregate): text += "(\(measure.rawValue) a\(aggregate))"
    case .aggregate(let aggregate): text += "a\(aggregate)"
    case .history(let fact): text += "h\(fact)"
    case .list(let items): list("list", items)
    }
  }

  /// A field compared with a constant: `revisions > 5`, or `5 < revisions` turned around.
  private struct Bound {
    var field: Int
    var comparison: Comparison
    var value: Value
    var text: String
  }

  /// Why a condition can never be true, when its `and`-ed comparisons of one field with
  /// constants leave no value (`revisions > 5 and revisions < 3`).
  func contradiction(in condition: CheckedExpr) -> String? {
    var bounds: [Bound] = []
    collectBounds(condition, into: &bounds)
    for (index, first) in bounds.enumerated() {
      for second in bounds[(index + 1)...] where second.field == first.field {
        if Checker.disjoint(first, second) { return "\(first.text) and \(second.text)" }
      }
    }
    return nil
  }

  private func collectBounds(_ expr: CheckedExpr, into bounds: inout [Bound]) {
    switch expr.kind {
    case .and(let left, let right):
      collectBounds(left, into: &bounds)
      collectBounds(right, into: &bounds)
    case .compare(let comparison, let left, let right):
      let name = { (slot: Int) in self.fields[slot].name }
      switch (left.kind, right.kind) {
      case (.field(let slot), .constant(let value)):
        bounds.append(
          Bound(
            field: slot, comparison: comparison, value: value, text: "\(name(slot)) \(comparison.rawValue) \(value)"))
      case (.constant(let value), .field(let slot)):
        bounds.append(
          Bound(
            field: slot, comparison: comparison.flipped, value: value,
            text: "\(value) \(comparison.rawValue) \(name(slot))"))
      default:
        return
      }
    default:
      return
    }
  }

  /// Whether no value satisfies both bounds.
  private static func disjoint(_ a: Bound, _ b: Bound) -> Bool {
    guard let order = try? Value.ordering(a.value, b.value) else { return false }
    // Does some x satisfy `x a.comparison a.value` and `x b.comparison b.value`?
    switch (a.comparison, b.comparison) {
    case (.equal, .equal): return order != 0
    case (.equal, _): return !satisfies(a.value, b.comparison, b.value)
    case (_, .equal): return !satisfies(b.value, a.comparison, a.value)
    case (.greater, .less), (.greater, .lessEqual), (.greaterEqual, .less): return order >= 0
    case (.greaterEqual, .lessEqual): return order > 0
    case (.less, .greater), (.lessEqual, .greater), (.less, .greaterEqual): return order <= 0
    case (.lessEqual, .greaterEqual): return order < 0
    default: return false
    }
  }

  private static func satisfies(_ x: Value, _ comparison: Comparison, _ bound: Value) -> Bool {
    (try? Value.compare(comparison, x, bound)) == .bool(true)
  }
}

extension Comparison {
  /// The comparison with its operands swapped: `5 < x` is `x > 5`.
  var flipped: Comparison {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    }
  }
}
