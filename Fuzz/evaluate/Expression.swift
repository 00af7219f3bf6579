/// The generated language: numbers and truth values, written out with as few parentheses as
/// the documented precedence allows (docs/language.md, "Operators"), so that the parser's
/// precedence is tested too.
indirect enum Expression {
  // Numbers.
  case literal(String)
  case numberField(Int)
  case letValue(Int)
  case arithmetic(Character, Expression, Expression)
  case negate(Expression)
  // Truth values.
  case bool(Bool)
  case boolField(Int)
  case not(Expression)
  case and(Expression, Expression)
  case or(Expression, Expression)
  case compare(String, Expression, Expression)
  case isMissing(Expression, negated: Bool)
  // Either, both sides of one type.
  case coalesce(Expression, Expression)

  /// The binding level of the expression's operator, from `or` (1) to atoms (9).
  var level: Int {
    switch self {
    case .literal, .numberField, .letValue, .bool, .boolField: 9
    case .negate: 8
    case .arithmetic(let op, _, _): op == "*" || op == "/" ? 7 : 6
    case .coalesce: 5
    case .compare, .isMissing: 4
    case .not: 3
    case .and: 2
    case .or: 1
    }
  }

  /// The text, with parentheses around operands that bind looser than their place allows,
  /// and around others where `extra` says so.
  func text(_ extra: inout FuzzInput) -> String {
    switch self {
    case .literal(let digits): return digits
    case .numberField(let index): return "n\(index)"
    case .letValue(let index): return "v\(index)"
    case .bool(let value): return value ? "true" : "false"
    case .boolField(let index): return "b\(index)"
    case .negate(let operand): return "-" + operand.operand(atLeast: 8, &extra)
    case .not(let operand): return "not " + operand.operand(atLeast: 3, &extra)
    case .arithmetic(let op, let left, let right):
      let level = self.level
      return left.operand(atLeast: level, &extra) + " \(op) " + right.operand(atLeast: level + 1, &extra)
    case .coalesce(let left, let right):
      return left.operand(atLeast: 6, &extra) + " ?? " + right.operand(atLeast: 5, &extra)
    case .compare(let op, let left, let right):
      return left.operand(atLeast: 5, &extra) + " \(op) " + right.operand(atLeast: 5, &extra)
    case .isMissing(let operand, let negated):
      return operand.operand(atLeast: 5, &extra) + (negated ? " is present" : " is missing")
    case .and(let left, let right):
      return left.operand(atLeast: 2, &extra) + " and " + right.operand(atLeast: 3, &extra)
    case .or(let left, let right): return left.operand(atLeast: 1, &extra) + " or " + right.operand(atLeast: 2, &extra)
    }
  }

  private func operand(atLeast level: Int, _ extra: inout FuzzInput) -> String {
    let text = self.text(&extra)
    // `- -1` must not become `--1`; a prefix minus before a negation keeps its space.
    let spaced = level == 8 && text.hasPrefix("-") ? " " + text : text
    return self.level < level || extra.chance(5) ? "(" + text + ")" : spaced
  }
}
