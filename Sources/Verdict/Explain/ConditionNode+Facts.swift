/// A test in a condition as a fact behind a rule's outcome.
///
/// Most facts are about a test's own value: `payment_delay 42d > 30d` held, `revisions 5 > 5`
/// failed. Under a `not` the outcome rests on the opposite: the rule `when not late` matched
/// because `late` was false, and failed because it was true. `inverted` says so.
package struct ConditionFact: Sendable, Hashable {
  /// The test.
  package var node: ConditionNode
  /// Whether the outcome rests on the test having the value opposite to the one it needed
  /// without the `not` above it.
  package var inverted: Bool

  /// The fact seen through a `not`.
  var negated: ConditionFact { ConditionFact(node: node, inverted: !inverted) }
}

extension ConditionNode {
  /// The facts that make a true node true: every test an `and` needed, the first operand of an
  /// `or` that held, the tests that keep a `not`'s operand false (``falsity``).
  package var support: [ConditionFact] {
    guard isTrue else { return [] }
    switch kind {
    case .and: return children.flatMap(\.support)
    case .or: return children.first(where: \.isTrue)?.support ?? []
    case .let: return definition?.support ?? [ConditionFact(node: self, inverted: false)]
    case .not: return children.first.map { $0.falsity.filter { !$0.node.isUnknown }.map(\.negated) } ?? []
    case .comparison, .field, .test: return [ConditionFact(node: self, inverted: false)]
    }
  }

  /// The facts that stop a false or unknown node from being true: the false operands of an
  /// `and`, of an `or` the operand nearest to holding (the fewest facts against it, then the
  /// smallest distance), for a `not` what would make its operand false (``breakers``), and the
  /// unknown tests.
  package var obstacles: [ConditionFact] {
    if isUnknown { return unknowns.map { ConditionFact(node: $0, inverted: false) } }
    guard isFalse else { return [] }
    switch kind {
    case .and: return children.flatMap(\.obstacles)
    case .or: return ConditionNode.nearest(children.map(\.obstacles)) ?? [ConditionFact(node: self, inverted: false)]
    case .let: return definition?.obstacles ?? [ConditionFact(node: self, inverted: false)]
    case .not: return children.first.map { $0.breakers.map(\.negated) } ?? []
    case .comparison, .field, .test: return [ConditionFact(node: self, inverted: false)]
    }
  }

  /// The facts that make a false node false, seen from a `not` above it: every false operand of
  /// an `and`, every operand of an `or` (all are false), for a `not` its operand's ``support``.
  /// Under `not (late and owes)` a matching client is shown not late (or owing nothing); under
  /// `not (late or owes)`, neither late nor owing: both, where ``obstacles`` gives one option.
  package var falsity: [ConditionFact] {
    guard isFalse else { return [] }
    switch kind {
    case .and, .or: return children.flatMap(\.falsity)
    case .let: return definition?.falsity ?? [ConditionFact(node: self, inverted: false)]
    case .not: return children.first.map { $0.support.map(\.negated) } ?? []
    case .comparison, .field, .test: return [ConditionFact(node: self, inverted: false)]
    }
  }

  /// The facts that would make a true node false, seen from a `not` above it: of an `and` the
  /// operand nearest to failing (the fewest facts, then the smallest distance), every operand of
  /// an `or` that held, for a `not` its operand's ``obstacles``. `not (late and owes)` misses for
  /// a late client who owes until either changes; `not (late or owes)` until both do.
  package var breakers: [ConditionFact] {
    guard isTrue else { return [] }
    switch kind {
    case .and: return ConditionNode.nearest(children.map(\.breakers)) ?? [ConditionFact(node: self, inverted: false)]
    case .or: return children.flatMap(\.breakers)
    case .let: return definition?.breakers ?? [ConditionFact(node: self, inverted: false)]
    case .not: return children.first.map { $0.obstacles.filter { !$0.node.isUnknown }.map(\.negated) } ?? []
    case .comparison, .field, .test: return [ConditionFact(node: self, inverted: false)]
    }
  }

  /// Of `options` (each the facts of one operand), the nearest to being overcome that has any
  /// (``nearer(_:than:)``, the first of equals); `nil` when none has.
  static func nearest(_ options: [[ConditionFact]]) -> [ConditionFact]? {
    options.filter { !$0.isEmpty }.min { ConditionNode.nearer($0, than: $1) }
  }

  /// The unknown tests under an unknown node: what missing data left it undecided.
  package var unknowns: [ConditionNode] {
    guard isUnknown else { return [] }
    switch kind {
    case .and, .or, .not, .let:
      let below = children.flatMap(\.unknowns)
      return below.isEmpty ? [self] : below
    case .comparison, .field, .test: return [self]
    }
  }

  /// Whether the facts `a` are nearer to being overcome than `b`: fewer of them, then a smaller
  /// total distance (an unknown or a test without a distance counts as 1).
  static func nearer(_ a: [ConditionFact], than b: [ConditionFact]) -> Bool {
    if a.count != b.count { return a.count < b.count }
    return totalDistance(a) < totalDistance(b)
  }

  /// The sum of the facts' distances; a fact without one counts as 1.
  static func totalDistance(_ facts: [ConditionFact]) -> Double {
    facts.reduce(0) { $0 + min($1.node.distance ?? 1, 1) }
  }

  /// A let's definition when it is itself a combination of tests worth looking into; a let that
  /// names one plain test (`let vip = tier == "gold"` is worth it, `let late = late_flag ?? false`
  /// is not) is a fact of its own.
  private var definition: ConditionNode? {
    guard kind == .let, let child = children.first else { return nil }
    switch child.kind {
    case .and, .or, .not, .comparison, .let: return child
    case .field, .test: return nil
    }
  }
}
