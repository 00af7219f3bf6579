/// The nesting limit through lets: an expression's tree may have at most
/// ``Parser/maximumNesting`` levels, where a let's name counts as one level above the levels of
/// the let's own expression. The parser bounds each expression as written; the checker counts
/// on through the lets, whatever order they are defined in, because the evaluator (and the
/// checker, for a let used before its definition) recurses through them.
extension Checker {
  /// Checks an expression and returns its resolved form with its height, refusing one that goes
  /// deeper than the limit before the recursion does.
  mutating func checkExpr(_ expr: Expr) -> CheckedExpr {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Parser.maximumNesting else {
      // Only reached through lets, each checked where it is first used.
      reportTooDeep(at: expr.range, through: letStack)
      let id = nodeCount
      nodeCount += 1
      return CheckedExpr(kind: .constant(.missing), type: nil, range: expr.range, id: id)
    }
    var checked = checkNode(expr)
    if case .parenthesized = expr.kind {
      // The checked form drops the parentheses; they still count, as the parser counts them.
      checked.height += 1
    } else {
      checked.height = height(of: checked)
    }
    if checked.height > Parser.maximumNesting, !reportedTooDeep {
      reportTooDeep(at: expr.range, through: letsOnDeepestPath(of: checked))
    }
    return checked
  }

  /// The height of a checked node's tree, counting through the lets it uses.
  private func height(of expr: CheckedExpr) -> Int {
    switch expr.kind {
    case .constant, .field, .today, .aggregate, .history: return 1
    case .population, .populationOfAggregate: return 2  // the call and its field
    case .letValue(let slot):
      guard case .checked(let value) = letStates[slot] else { return 1 }
      return value.height + 1
    case .negate(let operand), .not(let operand), .isMissing(let operand, _): return operand.height + 1
    case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right),
      .arithmetic(_, let left, let right), .coalesce(let left, let right), .member(let left, let right, _),
      .contains(let left, let right):
      return max(left.height, right.height) + 1
    case .call(_, let operands), .list(let operands): return (operands.map(\.height).max() ?? 0) + 1
    }
  }

  /// The lets met going down the tallest branch of `expr`, outermost first.
  private func letsOnDeepestPath(of expr: CheckedExpr) -> [String] {
    var names: [String] = []
    var node = expr
    while true {
      let children: [CheckedExpr]
      switch node.kind {
      case .constant, .field, .today, .population, .populationOfAggregate, .aggregate, .history: return names
      case .letValue(let slot):
        guard case .checked(let value) = letStates[slot] else { return names }
        names.append(letOrder[slot])
        children = [value]
      case .negate(let operand), .not(let operand), .isMissing(let operand, _): children = [operand]
      case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right),
        .arithmetic(_, let left, let right), .coalesce(let left, let right), .member(let left, let right, _),
        .contains(let left, let right):
        children = [left, right]
      case .call(_, let operands), .list(let operands): children = operands
      }
      guard let tallest = children.max(by: { $0.height < $1.height }) else { return names }
      node = tallest
    }
  }

  /// Reports the first expression found too deep; `lets` is the chain of lets it goes through.
  private mutating func reportTooDeep(at range: SourceRange, through lets: [String]) {
    guard !reportedTooDeep else { return }
    reportedTooDeep = true
    var hint = "every parenthesis, 'not', '-', call, list and operator on the way in is a level"
    if !lets.isEmpty {
      let shown = lets.count <= 6 ? lets : Array(lets.prefix(3)) + ["…"] + Array(lets.suffix(2))
      let chain = lets.count == 1 ? "the let \(lets[0])" : "\(lets.count) lets, \(shown.joined(separator: " -> "))"
      hint = "a let counts as one level above the levels of its own expression; this goes through \(chain)"
    }
    error("nesting-too-deep", Parser.tooDeepMessage, at: range, hint: hint)
  }
}
