/// Operator precedence, in one table, from the loosest binding to the tightest.
///
/// | level | operators | associativity |
/// |---|---|---|
/// | 1 | `or` | left |
/// | 2 | `and` | left |
/// | 3 | `not` (prefix) | — |
/// | 4 | `< <= > >= == != in not in contains`, `is missing`, `is present` | none: `a < b < c` is an error |
/// | 5 | `??` | right |
/// | 6 | `+ -` | left |
/// | 7 | `* /` | left |
/// | 8 | `-` (prefix) | — |
/// | 9 | calls, literals, names, `( )`, `[ ]` | — |
enum Precedence: Int, Comparable {
  case or = 1
  case and
  case not
  case comparison
  case coalesce
  case additive
  case multiplicative
  case prefix
  case primary

  /// The precedence of a binary operator.
  init(of op: BinaryOperator) {
    switch op {
    case .or: self = .or
    case .and: self = .and
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .contains:
      self = .comparison
    case .coalesce: self = .coalesce
    case .add, .subtract: self = .additive
    case .multiply, .divide: self = .multiplicative
    }
  }

  /// Whether `a op b op c` groups as `a op (b op c)`.
  var isRightAssociative: Bool { self == .coalesce }

  /// Whether `a op b op c` is refused (comparisons do not chain).
  var isNonAssociative: Bool { self == .comparison }

  static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
}
