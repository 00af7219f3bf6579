/// An expression after checking: names are resolved to slots, operators to the checked forms, and
/// every node knows its type and has a number for tracing.
struct CheckedExpr: Sendable {
  var kind: Kind
  /// The static type; `nil` where it is only known at run time (an undeclared field whose use
  /// did not reveal it).
  var type: ValueType?
  /// The currency of a money expression, where it is known statically.
  var currency: Currency?
  var range: SourceRange
  /// The node's index in the program, for traces.
  var id: Int
  /// The height of the tree, counting through the lets it uses: it bounds the evaluator's recursion.
  var height = 1

  indirect enum Kind: Sendable {
    case constant(Value)
    /// A client field, by slot.
    case field(Int)
    /// A `let`, by slot; evaluated once per client, on first use.
    case letValue(Int)
    case today
    case negate(CheckedExpr)
    case not(CheckedExpr)
    case and(CheckedExpr, CheckedExpr)
    case or(CheckedExpr, CheckedExpr)
    case compare(Comparison, CheckedExpr, CheckedExpr)
    case arithmetic(Arithmetic, CheckedExpr, CheckedExpr)
    case coalesce(CheckedExpr, CheckedExpr)
    case isMissing(CheckedExpr, negated: Bool)
    /// `x in list` (or `not in`, `negated`).
    case member(CheckedExpr, CheckedExpr, negated: Bool)
    /// `list contains x`, `text contains text`.
    case contains(CheckedExpr, CheckedExpr)
    case call(Builtin, [CheckedExpr])
    case population(PopulationMeasure, field: Int)
    /// A population measure of an aggregate (`share(revenue)`, `revenue` a sum), by aggregate.
    case populationOfAggregate(PopulationMeasure, aggregate: Int)
    case list([CheckedExpr])
    /// An aggregate over a record table, by index in ``Program/aggregates``.
    case aggregate(Int)
    /// A fact from the run history, by index in ``Program/historyFacts``.
    case history(Int)
  }
}

extension CheckedExpr {
  /// The expressions this one is made of, in source order; a let's definition is not among them
  /// (it is a node of its own, reached through the let's slot).
  var operands: [CheckedExpr] {
    switch kind {
    case .constant, .field, .letValue, .today, .population, .populationOfAggregate, .aggregate, .history: []
    case .negate(let operand), .not(let operand), .isMissing(let operand, _): [operand]
    case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right),
      .arithmetic(_, let left, let right), .coalesce(let left, let right), .member(let left, let right, _),
      .contains(let left, let right):
      [left, right]
    case .call(_, let arguments), .list(let arguments): arguments
    }
  }
}

/// The comparison operators.
enum Comparison: String, Sendable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
}

/// The arithmetic operators.
enum Arithmetic: String, Sendable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// The population functions: values relative to every client in the data.
package enum PopulationMeasure: String, Sendable, Hashable, CaseIterable {
  /// `share(field)`: this client's part of the total, as a percent.
  case share
  /// `rank(field)`: 1 for the largest value; equal values share a rank.
  case rank
  /// `percentile(field)`: the percent of other clients with a smaller value (0% lowest, 100% highest).
  case percentile
}
