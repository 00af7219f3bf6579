/// An expression as written, before names are resolved.
package struct Expr: Sendable, Hashable {
  /// What kind of expression this is.
  package var kind: Kind
  /// The source text it covers.
  package var range: SourceRange

  /// Creates an expression.
  package init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The forms an expression can take.
  package indirect enum Kind: Sendable, Hashable {
    /// A literal value: `45`, `30d`, `20%`, `500€`, `2026-11-28`, `"text"`, `true`.
    case literal(Value)
    /// A name: a field, a `let`, or a constant such as `today`.
    case name(String)
    /// `- x` or `not x`.
    case unary(UnaryOperator, Expr)
    /// `x op y` for arithmetic, comparison, logic, `??`, `in`, `not in` and `contains`.
    case binary(BinaryOperator, Expr, Expr)
    /// `x is missing` (`negated` false) or `x is present` (`negated` true).
    case isMissing(Expr, negated: Bool)
    /// `name(arguments…)`.
    case call(name: String, nameRange: SourceRange, arguments: [Expr])
    /// `[a, b, c]`.
    case list([Expr])
    /// `( x )`, kept so that a formatter can keep the author's parentheses.
    case parenthesized(Expr)
    /// `sum(invoices.amount where paid is missing)`: a figure over a client's records.
    case aggregate(AggregateSyntax)
  }
}

/// `FUNCTION(TABLE[.COLUMN] [where CONDITION])`, as written. `count(x)` with a bare name is
/// parsed as this too; the checker reads it as the builtin `count` when `x` is not a table.
package struct AggregateSyntax: Sendable, Hashable {
  /// `count`, `sum`, `average`, …
  package var kind: AggregateFunction
  /// The function's name, where it was written.
  package var function: Identifier
  /// The record table.
  package var table: Identifier
  /// The field or per-record `let` of the table after the dot, if any.
  package var column: Identifier?
  /// The condition after `where`, over the table's fields and lets.
  package var filter: Expr?
}

/// Prefix operators.
package enum UnaryOperator: String, Sendable, Hashable {
  /// Arithmetic negation, `-x`.
  case negate = "-"
  /// Logical negation, `not x`.
  case not
}

/// Infix operators.
package enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  /// `or`.
  case or
  /// `and`.
  case and
  /// `==`.
  case equal = "=="
  /// `!=`.
  case notEqual = "!="
  /// `<`.
  case less = "<"
  /// `<=`.
  case lessEqual = "<="
  /// `>`.
  case greater = ">"
  /// `>=`.
  case greaterEqual = ">="
  /// `in` (membership in a list).
  case `in`
  /// `not in`.
  case notIn = "not in"
  /// `contains` (a list holds a value, or a text holds a text).
  case contains
  /// `??` (the left value, or the right one where the left is missing).
  case coalesce = "??"
  /// `+`.
  case add = "+"
  /// `-`.
  case subtract = "-"
  /// `*`.
  case multiply = "*"
  /// `/`.
  case divide = "/"

  /// Whether the operator compares its operands and yields a truth value.
  package var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .contains: true
    case .or, .and, .coalesce, .add, .subtract, .multiply, .divide: false
    }
  }
}
