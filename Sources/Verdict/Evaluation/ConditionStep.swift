/// One step of the rules' conditions compiled flat: the interpreter runs the steps of every rule
/// in order, keeping the condition's value so far in one ``Truth`` and the values of the enclosing
/// `and`s and `or`s on a two-bit stack, instead of walking the expression nodes.
///
/// Only what is common and simple has a step of its own: a field compared with a constant, a
/// comparison of arithmetic on fields and constants, a field read as a truth value, `is missing`
/// on a field, `and`, `or`, `not`, and a let whose value is a condition. Everything else is a
/// ``Operation/general`` step that evaluates its node as the tree walk does; and whenever a field
/// holds something a step does not expect (missing, a decimal too large to compare on 64 bits,
/// another currency, a value of another type in undeclared data), the step hands it to the tree
/// walk's own comparison. So every value, missing result and error is the tree walk's, by
/// construction.
struct ConditionStep {
  enum Operation: UInt8 {
    /// The field at `slot` compared with `constant`, a whole number, duration, date or money
    /// (`compareInt`, `compareDuration`, `compareDate`, `compareMoney`) when the field holds the
    /// same (money: of the same currency); `outcomes` has bit 0, 1 or 2 set when the comparison
    /// holds for a field below, equal to or above the constant. `node` is the comparison.
    case compareInt, compareDuration, compareDate, compareMoney
    /// Node `node`, a comparison, with its two operands evaluated by the tree walk.
    case compareOperands
    /// Node `node`, a comparison whose operands are fields, constants, `??` of those, or
    /// arithmetic on those, computed without the tree walk's calls from node to node.
    case compareComputed
    /// `==` or `!=` (as `outcomes` says) of the text field at `slot` and the text
    /// `texts[skip]`; a field holding anything but text goes to ``compareComputed``.
    case compareText
    /// `in` (`outcomes` 0) or `not in` (1) of the text field at `slot` and a list of texts,
    /// `texts[skip..<skip + second]`; a field holding anything but text goes to the tree walk.
    case memberText
    /// Node `node`: the field at `slot` divided by the field at `second`, compared with the
    /// whole number `constant` (`revenue / hours < 20`), decided on the exact operands when the
    /// rounded quotient cannot equal the constant; everything else goes to ``compareComputed``.
    case compareQuotient
    /// Node `node`: the field at `slot` compared with the whole number `constant` times the
    /// field at `second` (`outstanding > 2 * revenue`), decided on the exact operands; anything
    /// else goes to ``compareComputed``.
    case compareProduct
    /// The field at `slot` read as a truth value; `node` is the field.
    case truthField
    /// `is missing` (`outcomes` 0) or `is present` (`outcomes` 1) of the field at `slot`.
    case isMissingField
    /// Node `node` evaluated by the tree walk, as an operand of `and`, `or` or `not`.
    case general
    /// Node `node`, a rule's whole condition, evaluated by the tree walk.
    case ruleCondition
    /// The value so far negated.
    case not
    /// The let at `slot` (node `node`), when already computed, has that value and goes on at
    /// `skip`, after the let's own steps, as ``ConditionStep/then`` says; else the let's own
    /// steps follow, then ``letStore``.
    case letCached
    /// Keeps the value so far as the let at `slot`'s.
    case letStore
    /// Nothing: the value so far goes on as ``ConditionStep/then`` says.
    case pass
  }

  /// What follows a step's operation, so that `and`, `or` and the end of a condition cost no step
  /// of their own after a single step.
  enum Continuation: UInt8 {
    /// The next step.
    case next
    /// The rule's condition is the value so far; the next rule's steps follow.
    case end
    /// After an `and`'s first operand: false jumps to `target` (a negative `target` ends the
    /// rule's condition with it and goes on at `~target`, the next rule's steps); else the value
    /// is kept.
    case andFirst
    /// After a middle operand: combined with the kept value; false jumps to `target` (or ends
    /// the condition, as above), else the value is kept.
    case andNext
    /// After the last operand: combined with the kept value.
    case andLast
    /// After the last operand of an `and` that is the whole condition: combined with the kept
    /// value, which ends the condition.
    case andLastEnd
    /// The same four for `or`, where true decides.
    case orFirst, orNext, orLast, orLastEnd

    /// Whether it may jump to the step's `target`.
    var jumps: Bool {
      switch self {
      case .andFirst, .andNext, .orFirst, .orNext: true
      case .next, .end, .andLast, .orLast, .andLastEnd, .orLastEnd: false
      }
    }
  }

  var operation: Operation
  var then = Continuation.next
  var outcomes: UInt8 = 0
  var comparison = Comparison.equal
  var slot: Int32 = 0
  var node: Int32 = 0
  var target: Int32 = 0
  var skip: Int32 = 0
  /// What an operation needs besides `slot`: the divisor's slot of
  /// ``Operation/compareQuotient``, the factor's of ``Operation/compareProduct``, the number of
  /// texts of ``Operation/memberText`` (it takes what would otherwise be padding).
  var second: Int32 = 0
  var constant = Scalar.missing

  /// The bits of ``outcomes`` for a comparison: bit 0 below, bit 1 equal, bit 2 above.
  static func outcomes(of comparison: Comparison) -> UInt8 {
    switch comparison {
    case .equal: 0b010
    case .notEqual: 0b101
    case .less: 0b001
    case .lessEqual: 0b011
    case .greater: 0b100
    case .greaterEqual: 0b110
    }
  }
}
