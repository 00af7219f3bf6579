/// One node of a rule's condition with the value it had for a client.
///
/// Chains of `and` (and of `or`) are flattened into one node with every operand as a child; a `let`
/// the condition uses appears as a node whose one child is the let's own expression.
package struct ConditionNode: Sendable, Hashable {
  /// What kind of test the node is.
  package var kind: Kind
  /// The node's source text, on one line.
  package var text: String
  /// Its value for the client: `true`, `false` or ``Value/missing``; `nil` when it was not
  /// computed (the `and` or `or` above it was decided by an earlier operand).
  package var value: Value?
  /// Where it is in the policy.
  package var range: SourceRange
  /// The operands: of `and`, `or`, `not`, or the definition of a `let`.
  package var children: [ConditionNode]
  /// For a comparison: both sides with their values, `payment_delay 42d > 30d`. For other leaves
  /// the source text, with the value of a field or let that is tested on its own.
  package var detail: String
  /// For a comparison of amounts: how far apart the two sides are, such as `12d`.
  package var margin: String?
  /// For a comparison: the side being tested with its value, `revisions 5`.
  package var subject: String?
  /// For a comparison: the operator and the other side, as in `revisions 5, needs > 5`.
  package var requirement: String?
  /// The fields and lets whose missing values made the node unknown.
  package var missing: [String] = []
  /// What the explanation's text writes for each of ``missing``: the name, and for an aggregate
  /// the records behind it (`sum(orders.outstanding) (1 of 2 orders without a value)`); empty
  /// when it writes the names alone.
  package var missingShown: [String] = []
  /// The population figures (`share(time_spent)`) that are unknown because no data set was given.
  package var unmeasured: [String] = []
  /// For a comparison of amounts: how far apart the sides are relative to the larger, from 0 (equal)
  /// to 1 or more; it ranks which failed comparison is nearest to holding.
  package var distance: Double?

  /// The kinds of condition nodes.
  package enum Kind: String, Sendable, Hashable {
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
    /// Any other test: `x in [...]`, `x is missing`, a function call.
    case test
  }

  /// Whether the node was computed and is true.
  package var isTrue: Bool { value == .bool(true) }

  /// Whether the node was computed and is false.
  package var isFalse: Bool { value == .bool(false) }

  /// Whether the node was computed and is unknown.
  package var isUnknown: Bool { value == .missing }
}
