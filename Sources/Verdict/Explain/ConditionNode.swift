/// One node of a rule's condition with the value it had for a client.
///
/// Chains of `and` (and of `or`) are flattened into one node with every operand as a child; a `let`
/// the condition uses appears as a node whose one child is the let's own expression.
public struct ConditionNode: Sendable, Hashable {
  /// What kind of test the node is.
  public var kind: Kind
  /// The node's source text, on one line.
  public var text: String
  /// Its value for the client: `true`, `false` or ``Value/missing``; `nil` when it was not
  /// computed (the `and` or `or` above it was decided by an earlier operand).
  public var value: Value?
  /// Where it is in the policy.
  public var range: SourceRange
  /// The operands: of `and`, `or`, `not`, or the definition of a `let`.
  public var children: [ConditionNode]
  /// For a comparison: both sides with their values, `payment_delay 42d > 30d`. For other leaves
  /// the source text, with the value of a field or let that is tested on its own.
  public var detail: String
  /// For a comparison of amounts: how far apart the two sides are, such as `12d`.
  public var margin: String?
  /// For a comparison: the side being tested with its value, `revisions 5`.
  public var subject: String?
  /// For a comparison: the operator and the other side, as in `revisions 5, needs > 5`.
  public var requirement: String?
  /// The fields and lets whose missing values made the node unknown.
  public var missing: [String] = []

  /// The kinds of condition nodes.
  public enum Kind: String, Sendable, Hashable {
    /// All operands must hold.
    case and
    /// Some operand must hold.
    case or
    /// The operand must not hold.
    case not
    /// A comparison such as `revisions > 5`.
    case comparison
    /// A named `let`; its one child is its definition, when the let was computed.
    case `let`
    /// A bool field tested on its own, such as `disrespectful`.
    case field
    /// Any other test: a bool field, `x in [...]`, `x is missing`, a function call.
    case test
  }

  /// Whether the node was computed and is true.
  public var isTrue: Bool { value == .bool(true) }

  /// Whether the node was computed and is false.
  public var isFalse: Bool { value == .bool(false) }

  /// Whether the node was computed and is unknown.
  public var isUnknown: Bool { value == .missing }

  /// The facts that make a true node true: every comparison an `and` needed, the first operand
  /// of an `or` that held.
  public var support: [ConditionNode] {
    guard isTrue else { return [] }
    switch kind {
    case .and: return children.flatMap(\.support)
    case .or: return children.first(where: \.isTrue)?.support ?? []
    case .let: return definition?.support ?? [self]
    case .not, .comparison, .field, .test: return [self]
    }
  }

  /// The facts that stop a false node from being true: the false operands of an `and`, and of an
  /// `or` the operand nearest to holding (the one with the fewest facts against it).
  public var obstacles: [ConditionNode] {
    switch value {
    case .bool(false):
      switch kind {
      case .and: return children.flatMap { $0.isFalse ? $0.obstacles : $0.isUnknown ? $0.unknowns : [] }
      case .or:
        let options = children.map(\.obstacles).filter { !$0.isEmpty }
        return options.min { $0.count < $1.count } ?? [self]
      case .let: return definition?.obstacles ?? [self]
      case .not, .comparison, .field, .test: return [self]
      }
    case .missing: return unknowns
    default: return []
    }
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

  /// The unknown leaves under an unknown node: what missing data left it undecided.
  public var unknowns: [ConditionNode] {
    guard isUnknown else { return [] }
    switch kind {
    case .and, .or, .not, .let:
      let below = children.flatMap(\.unknowns)
      return below.isEmpty ? [self] : below
    case .comparison, .field, .test: return [self]
    }
  }
}
