/// Comparison and membership at run time, with three-valued results: a comparison with a
/// missing value is unknown (``Value/missing``), never silently false.
extension Value {
  /// Applies a comparison operator.
  static func compare(_ op: Comparison, _ left: Value, _ right: Value) throws(ValueFailure) -> Value {
    if left.isMissing || right.isMissing { return .missing }
    if op == .equal || op == .notEqual {
      return .bool(try equals(left, right) == (op == .equal))
    }
    let order = try ordering(left, right)
    switch op {
    case .less: return .bool(order < 0)
    case .lessEqual: return .bool(order <= 0)
    case .greater: return .bool(order > 0)
    case .greaterEqual: return .bool(order >= 0)
    case .equal, .notEqual: return .bool(order == 0)
    }
  }

  /// Whether two present values are equal; values of different types are an error.
  static func equals(_ left: Value, _ right: Value) throws(ValueFailure) -> Bool {
    switch (left, right) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.text(let a), .text(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      for (x, y) in zip(a, b) where !(try equals(x, y)) { return false }
      return true
    default: return try ordering(left, right) == 0
    }
  }

  /// -1, 0 or 1 for two present values of one ordered type.
  static func ordering(_ left: Value, _ right: Value) throws(ValueFailure) -> Int {
    func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (left, right) {
    case (.int(let a), .int(let b)): return sign(a, b)
    case (.int, .real), (.real, .int), (.real, .real): return sign(left.asDouble!, right.asDouble!)
    case (.duration(let a), .duration(let b)): return sign(a.seconds, b.seconds)
    case (.percent(let a), .percent(let b)): return sign(a, b)
    case (.date(let a), .date(let b)): return sign(a.daysSinceEpoch, b.daysSinceEpoch)
    case (.text(let a), .text(let b)): return sign(a, b)
    case (.money(let a), .money(let b)):
      guard a.currency == b.currency else {
        throw ValueFailure("cannot compare \(a.currency.code) with \(b.currency.code)")
      }
      return sign(a.scaledAmount, b.scaledAmount)
    default:
      throw ValueFailure(
        "cannot compare \(left.type?.described ?? "missing") with \(right.type?.described ?? "missing")",
        hint: "declare the field's type so the checker can catch this before running")
    }
  }

  /// Kleene `and`: false wins over unknown, unknown over true.
  static func and(_ left: Value, _ right: Value) -> Value {
    if case .bool(false) = left { return .bool(false) }
    if case .bool(false) = right { return .bool(false) }
    if left.isMissing || right.isMissing { return .missing }
    return .bool(true)
  }

  /// Kleene `or`: true wins over unknown, unknown over false.
  static func or(_ left: Value, _ right: Value) -> Value {
    if case .bool(true) = left { return .bool(true) }
    if case .bool(true) = right { return .bool(true) }
    if left.isMissing || right.isMissing { return .missing }
    return .bool(false)
  }
}
