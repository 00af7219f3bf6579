/// The comparisons of arithmetic on fields that have steps of their own.
extension ConditionCompiler {
  /// A comparison of a quotient of two fields with a whole number (`revenue / hours < 20`) as a
  /// ``ConditionStep/Operation/compareQuotient`` step, or of a field with a whole number times a
  /// field (`outstanding > 2 * revenue`, either factor first) as a
  /// ``ConditionStep/Operation/compareProduct`` step; `nil` for other comparisons.
  func fieldArithmeticStep(_ index: Int32) -> ConditionStep? {
    let node = nodes[Int(index)]
    let left = nodes[Int(node.a)]
    let right = nodes[Int(node.b)]
    if left.opcode == .arithmetic, left.arithmetic == .divide, nodes[Int(left.a)].opcode == .field,
      nodes[Int(left.b)].opcode == .field, let constant = wholeConstant(node.b)
    {
      return ConditionStep(
        operation: .compareQuotient, outcomes: ConditionStep.outcomes(of: node.comparison),
        comparison: node.comparison, slot: nodes[Int(left.a)].a, node: index, second: nodes[Int(left.b)].a,
        constant: constant)
    }
    guard left.opcode == .field, right.opcode == .arithmetic, right.arithmetic == .multiply else { return nil }
    let (factor, other) =
      nodes[Int(right.a)].opcode == .field ? (right.a, right.b) : (right.b, right.a)
    guard nodes[Int(factor)].opcode == .field, let constant = wholeConstant(other) else { return nil }
    return ConditionStep(
      operation: .compareProduct, outcomes: ConditionStep.outcomes(of: node.comparison),
      comparison: node.comparison, slot: left.a, node: index, second: nodes[Int(factor)].a, constant: constant)
  }

  /// The whole number that node `index` is, when it is a constant of that kind.
  private func wholeConstant(_ index: Int32) -> Scalar? {
    let node = nodes[Int(index)]
    guard node.opcode == .constant, constants[Int(node.a)].kind == .int else { return nil }
    return constants[Int(node.a)]
  }
}
