/// Comparison and membership at run time, with three-valued results: a comparison with a
/// missing value is unknown (``Value/missing``), never silently false.
extension Value {
  /// Applies a comparison operator.
  static func compare(_ op: Comparison, _ left: Value, _ right: Value) throws(ValueFailure) -> Value {
    if left.isMissing || right.isMissing { return .missing }
    if op == .equal || op == .notEqual {
      guard let equal = try equals(left, right) else { return .missing }
      return .bool(equal == (op == .equal))
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

  /// Whether two values are equal; `nil` (unknown) when either is missing, or when two lists
  /// differ in no known item but have a missing one (`[x, y] == [1, 2]` with `y` missing, as
  /// `x == 1 and y == 2` is). Values of different types are an error.
  static func equals(_ left: Value, _ right: Value) throws(ValueFailure) -> Bool? {
    if left.isMissing || right.isMissing { return nil }
    switch (left, right) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.text(let a), .text(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      var unknown = false
      for (x, y) in zip(a, b) {
        guard let equal = try equals(x, y) else {
          unknown = true
          continue
        }
        if !equal { return false }
      }
      return unknown ? nil : true
    default: return try ordering(left, right) == 0
    }
  }

  /// -1, 0 or 1 for two present values of one ordered type.
  static func ordering(_ left: Value, _ right: Value) throws(ValueFailure) -> Int {
    func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (left, right) {
    case (.int(let a), .int(let b)): return sign(a, b)
    case (.int, .decimal), (.decimal, .int), (.decimal, .decimal):
      return DecimalNumber.order(left.asDecimal!, right.asDecimal!)
    case (.duration(let a), .duration(let b)): return sign(a.seconds, b.seconds)
    case (.percent(let a), .percent(let b)): return DecimalNumber.order(a, b)
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

  /// Whether `list` holds `value`; unknown when either is missing, or when it is not found but the
  /// list holds a missing item (which might be it).
  static func member(_ value: Value, of list: Value) throws(ValueFailure) -> Value {
    if value.isMissing || list.isMissing { return .missing }
    guard case .list(let items) = list else {
      throw ValueFailure("'in' needs a list, not \(list.type?.described ?? "missing")")
    }
    var sawMissing = false
    for item in items {
      switch try equals(value, item) {
      case true?: return .bool(true)
      case false?: continue
      case nil: sawMissing = true
      }
    }
    return sawMissing ? .missing : .bool(false)
  }

  /// Whether a list holds a value, or a text holds a text.
  static func contains(_ container: Value, _ element: Value) throws(ValueFailure) -> Value {
    if container.isMissing || element.isMissing { return .missing }
    switch (container, element) {
    case (.text(let text), .text(let part)): return .bool(part.isEmpty || text.contains(part))
    case (.list, _): return try member(element, of: container)
    case (.text, _): throw ValueFailure("text can only contain text, not \(element.type?.described ?? "missing")")
    default: throw ValueFailure("'contains' needs text or a list, not \(container.type?.described ?? "missing")")
    }
  }
}
