/// The checked program's expressions laid out flat for fast evaluation: one trivially copyable
/// ``Node`` an expression, children referred to by index, constants in a side table. Walking it
/// touches no reference counts, which is what makes evaluation fast.
///
/// A node's index is the ``CheckedExpr/id`` of the expression it was lowered from, so a trace of
/// node values maps straight back to the checked tree and its source ranges.
struct ExpressionTable: Sendable {
  var nodes: [Node]
  var constants: [Value]
  /// Argument and element lists of calls and list literals, as node indices.
  var operands: [Int32]
  /// Each node's source range, for error messages.
  var ranges: [SourceRange]

  /// One expression, 16 bytes with no references. What `a` and `b` mean depends on the opcode.
  struct Node: Sendable {
    var opcode: Opcode
    var comparison = Comparison.equal
    var arithmetic = Arithmetic.add
    var builtin = Builtin.min
    var measure = PopulationMeasure.share
    /// `is present` rather than `is missing`; `not in` rather than `in`.
    var negated = false
    var a: Int32 = 0
    var b: Int32 = 0
  }

  enum Opcode: UInt8, Sendable {
    /// `a`: constant index.
    case constant
    /// `a`: field slot.
    case field
    /// `a`: let slot.
    case letValue
    case today
    /// `a`: operand.
    case negate, not
    /// `a`, `b`: left and right operands.
    case and, or, coalesce
    /// `comparison`; `a`, `b`: operands.
    case compare
    /// A comparison of a field with a constant, the commonest condition, in one step:
    /// `comparison`; `a`: the field node, `b`: the constant node.
    case compareFieldToConstant
    /// `arithmetic`; `a`, `b`: operands.
    case arithmetic
    /// `negated`; `a`: operand.
    case isMissing
    /// `negated`; `a`: element, `b`: list.
    case member
    /// `a`: container, `b`: element.
    case contains
    /// `builtin`; `a`: first operand index in `operands`, `b`: count.
    case call
    /// `measure`; `a`: field slot.
    case population
    /// `a`: first operand index in `operands`, `b`: count.
    case list
    /// A list literal of constants only, made once rather than for each evaluation: `a`: the
    /// list's constant index; `b`: first operand index in `operands` of its elements, each a
    /// constant node, which a trace still reports.
    case constantList
  }

  /// The client record's slot of the first aggregate (aggregates are read like fields).
  let aggregateBase: Int
  /// The client record's slot of the first history fact (read like fields too).
  let historyBase: Int

  init(nodeCount: Int, aggregateBase: Int, historyBase: Int) {
    self.aggregateBase = aggregateBase
    self.historyBase = historyBase
    nodes = Array(repeating: Node(opcode: .constant), count: nodeCount)
    constants = [.missing]
    operands = []
    ranges = Array(repeating: .at(0), count: nodeCount)
  }

  /// Lowers a checked expression (and its children) into the table; returns its node index.
  @discardableResult
  mutating func lower(_ expr: CheckedExpr) -> Int32 {
    let index = expr.id
    ranges[index] = expr.range
    var node = Node(opcode: .constant)
    switch expr.kind {
    case .constant(let value):
      node.a = Int32(constants.count)
      constants.append(value)
    case .field(let slot): node = Node(opcode: .field, a: Int32(slot))
    case .letValue(let slot): node = Node(opcode: .letValue, a: Int32(slot))
    case .today: node = Node(opcode: .today)
    case .negate(let operand): node = Node(opcode: .negate, a: lower(operand))
    case .not(let operand): node = Node(opcode: .not, a: lower(operand))
    case .and(let left, let right): node = Node(opcode: .and, a: lower(left), b: lower(right))
    case .or(let left, let right): node = Node(opcode: .or, a: lower(left), b: lower(right))
    case .coalesce(let left, let right): node = Node(opcode: .coalesce, a: lower(left), b: lower(right))
    case .compare(let op, let left, let right):
      let opcode: Opcode
      switch (left.kind, right.kind) {
      case (.field, .constant): opcode = .compareFieldToConstant
      default: opcode = .compare
      }
      node = Node(opcode: opcode, comparison: op, a: lower(left), b: lower(right))
    case .arithmetic(let op, let left, let right):
      node = Node(opcode: .arithmetic, arithmetic: op, a: lower(left), b: lower(right))
    case .isMissing(let operand, let negated): node = Node(opcode: .isMissing, negated: negated, a: lower(operand))
    case .member(let element, let list, let negated):
      node = Node(opcode: .member, negated: negated, a: lower(element), b: lower(list))
    case .contains(let container, let element): node = Node(opcode: .contains, a: lower(container), b: lower(element))
    case .call(let builtin, let arguments):
      let start = lowerOperands(arguments)
      node = Node(opcode: .call, builtin: builtin, a: start, b: Int32(arguments.count))
    case .population(let measure, let field):
      node = Node(opcode: .population, measure: measure, a: Int32(field))
    case .populationOfAggregate(let measure, let aggregate):
      node = Node(opcode: .population, measure: measure, a: Int32(aggregateBase + aggregate))
    case .aggregate(let aggregate):
      node = Node(opcode: .field, a: Int32(aggregateBase + aggregate))
    case .history(let fact):
      node = Node(opcode: .field, a: Int32(historyBase + fact))
    case .list(let elements):
      let start = lowerOperands(elements)
      if let list = ExpressionTable.constantList(elements) {
        node = Node(opcode: .constantList, a: Int32(constants.count), b: start)
        constants.append(list)
      } else {
        node = Node(opcode: .list, a: start, b: Int32(elements.count))
      }
    }
    nodes[index] = node
    return Int32(index)
  }

  /// The list that elements written as constants make, each as evaluating its constant gives it
  /// (``Scalar/init(inline:)`` then ``Scalar/inlineValue``, else the constant itself); `nil` when
  /// an element is anything but a constant.
  private static func constantList(_ elements: [CheckedExpr]) -> Value? {
    var values: [Value] = []
    values.reserveCapacity(elements.count)
    for element in elements {
      guard case .constant(let value) = element.kind else { return nil }
      values.append(Scalar(inline: value)?.inlineValue ?? value)
    }
    return .list(values)
  }

  private mutating func lowerOperands(_ exprs: [CheckedExpr]) -> Int32 {
    let lowered = exprs.map { lower($0) }
    let start = Int32(operands.count)
    operands.append(contentsOf: lowered)
    return start
  }
}
