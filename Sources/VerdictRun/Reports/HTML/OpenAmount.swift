import Verdict

/// The open amount the "wait until paid" step of an action plan names: a money value the
/// winning rule's condition found larger than a money constant, such as `outstanding 3150.00 EUR`
/// for `outstanding > 0€`. Nothing is guessed: when no such comparison decided the verdict, there
/// is no amount.
struct OpenAmount {
  private let policy: Policy
  /// How the amount is written.
  private let notation: DataNotation
  /// Expressions compiled against the policy, by text; `nil` for text that does not compile.
  private var compiled: [String: CompiledExpression?] = [:]

  init(policy: Policy, notation: DataNotation = .plain) {
    self.policy = policy
    self.notation = notation
  }

  /// `outstanding 3150.00 EUR`, the first money value that the facts supporting `condition` compare
  /// with `>` or `>=` against a money constant, with the client's value; `nil` when there is none.
  mutating func find(in condition: ConditionNode, client: Client, context: EvaluationContext) -> String? {
    for fact in condition.support where !fact.inverted && fact.node.kind == .comparison && fact.node.isTrue {
      guard let (subject, constant) = OpenAmount.sides(of: fact.node) else { continue }
      guard expression(constant)?.type == .money, let amount = expression(subject), amount.type == .money,
        case .money(let owed)? = try? amount.evaluate(client, in: context), owed.scaledAmount > 0
      else { continue }
      return "\(subject) \(notation.text(of: owed))"
    }
    return nil
  }

  /// The subject's and the constant's source text of a comparison `subject > constant` (or
  /// `>=`, or written the other way round); `nil` for other comparisons.
  static func sides(of node: ConditionNode) -> (subject: String, constant: String)? {
    guard let requirement = node.requirement else { return nil }
    for op in [">= ", "> "] where requirement.hasPrefix(op) {
      let constant = String(requirement.dropFirst(op.count))
      if node.text.hasSuffix(" " + requirement) {
        return (String(node.text.dropLast(requirement.count + 1)), constant)
      }
      // Written the other way round: `0€ < outstanding`.
      let flipped = op == ">= " ? "<= " : "< "
      if node.text.hasPrefix(constant + " " + flipped) {
        return (String(node.text.dropFirst(constant.count + 1 + flipped.count)), constant)
      }
    }
    return nil
  }

  private mutating func expression(_ text: String) -> CompiledExpression? {
    if let known = compiled[text] { return known }
    let expression = try? policy.compileExpression(text)
    compiled[text] = expression
    return expression
  }
}
