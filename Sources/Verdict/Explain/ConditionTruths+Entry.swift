/// How ``ConditionTruths`` lays out a node of the plan.
extension ConditionTruths {
  /// A node of the plan, as the evaluation here reads it.
  struct Entry {
    /// What the node is: a test, `and`, `or`, `not`, or a let.
    var kind: ConditionNode.Kind
    /// The node's expression in the program.
    var id: Int32
    /// Its children, in ``children``.
    var first: Int32
    var count: Int32
    /// The `and` or `or` chain the node is an operand of, or -1.
    var chain = Int32(-1)
    /// Whether the node is an operand skipped alone once an operand before it decides its chain.
    var skippedAlone = false
    /// Whether the node is an `in` or `not in` test of a list of constants (``lists``).
    var hasList = false
    /// For a comparison of a field with a constant: which of a field below, equal to or above the
    /// constant make it hold (``ConditionStep/outcomes(of:)``).
    var outcomes: UInt8 = 0
    /// The expressions whose values ``sides`` keeps: a comparison's two sides, or the element of
    /// an `in` test of a list of constants (with -1).
    var left = Int32(-1)
    var right = Int32(-1)
    /// For a comparison of a field with a constant: the field's slot (the constant is in
    /// ``ConditionTruths/constants``); -1 otherwise.
    var slot = Int32(-1)
    /// For a comparison of a quotient or a product of fields with a whole number
    /// (`revenue / hours < 20`): its step in ``Runtime/conditionSteps``, which decides it on the
    /// operands, without dividing; -1 otherwise. Its sides are then computed only when asked for
    /// (``sides(of:)``).
    var step = Int32(-1)

    /// Whether the node is a test: a comparison, a truth value of a field, any other test.
    @inline(__always) var isTest: Bool {
      switch kind {
      case .comparison, .field, .test: true
      case .and, .or, .not, .let: false
      }
    }

    /// Where its children are in ``ConditionTruths/children``.
    @inline(__always) var children: Range<Int> { Int(first)..<Int(first + count) }
  }
}
