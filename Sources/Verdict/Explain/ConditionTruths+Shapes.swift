/// What the shapes of a plan's conditions tell once, before any client.
extension ConditionTruths {
  /// The list of member test `id` when it is written as constants, as the interpreter computes it.
  static func constantList(of id: Int32, in runtime: Runtime) -> Value? {
    let test = runtime.nodes[Int(id)]
    guard test.opcode == .member, runtime.nodes[Int(test.b)].opcode == .list else { return nil }
    let list = runtime.nodes[Int(test.b)]
    var elements: [Value] = []
    for offset in 0..<list.b {
      let element = runtime.nodes[Int(runtime.operands[Int(list.a + offset)])]
      guard element.opcode == .constant else { return nil }
      let scalar = runtime.scalarConstants[Int(element.a)]
      if let value = scalar.inlineValue {
        elements.append(value)
      } else if scalar.kind == .constant {
        elements.append(runtime.constants[Int(scalar.payload)])
      } else {
        return nil
      }
    }
    return .list(elements)
  }

  /// The texts that test `id` compares a text with, when they are constants: every element of
  /// `list`, its list of constants, when each is a text (none missing); the constant of a field's
  /// `==` or `!=` with a constant text. `nil` otherwise.
  static func constantTexts(of id: Int32, list: Value?, in runtime: Runtime) -> [String]? {
    if let list {
      guard case .list(let elements) = list else { return nil }
      var texts: [String] = []
      for element in elements {
        guard case .text(let text) = element else { return nil }
        texts.append(text)
      }
      return texts
    }
    let test = runtime.nodes[Int(id)]
    guard test.opcode == .compareFieldToConstant, test.comparison == .equal || test.comparison == .notEqual else {
      return nil
    }
    let constant = runtime.scalarConstants[Int(runtime.nodes[Int(test.b)].a)]
    guard constant.kind == .constant, case .text(let text) = runtime.constants[Int(constant.payload)] else {
      return nil
    }
    return [text]
  }

  /// For each operand of the chain `expr` (an `and` when `and`, else an `or`), flattened as
  /// ``ExplanationBuilder/chain(_:)`` flattens it: whether it is skipped alone once an earlier
  /// operand decides the chain. In `a and b and c` (`(a and b) and c`) `b` and `c` are; in
  /// `a and (b and c)` neither is, as `b and c` is skipped as one.
  static func skippedAlone(_ expr: CheckedExpr, and: Bool) -> [Bool] {
    func length(_ expr: CheckedExpr) -> Int {
      switch expr.kind {
      case .and(let left, let right) where and: length(left) + length(right)
      case .or(let left, let right) where !and: length(left) + length(right)
      default: 1
      }
    }
    func flags(_ expr: CheckedExpr) -> [Bool] {
      let parts: (CheckedExpr, CheckedExpr)
      switch expr.kind {
      case .and(let left, let right) where and: parts = (left, right)
      case .or(let left, let right) where !and: parts = (left, right)
      default: return [false]
      }
      let right = length(parts.1)
      return flags(parts.0) + (right == 1 ? [true] : Array(repeating: false, count: right))
    }
    return flags(expr)
  }
}
