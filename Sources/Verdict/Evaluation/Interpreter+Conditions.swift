/// A condition's value as the rule loop reads it: three values, ordered so that Kleene `and` is
/// the smaller of its operands and `or` the larger.
///
/// Conditions (comparisons, `and`, `or`, `not`, `is missing`) pass these to each other rather than
/// ``Scalar``s: one byte, and no kind to check at every step.
enum Truth: UInt8, Comparable {
  case `false` = 0
  case missing = 1
  case `true` = 2

  /// The truth value a boolean says.
  @inline(__always)
  init(_ flag: Bool) { self = flag ? .true : .false }

  /// The truth value of a scalar; `nil` when it holds neither a truth value nor missing.
  @inline(__always)
  init?(_ scalar: Scalar) {
    switch scalar.kind {
    case .bool: self = scalar.payload != 0 ? .true : .false
    case .missing: self = .missing
    case .int, .decimal, .duration, .percent, .money, .date, .constant, .field, .computed: return nil
    }
  }

  /// The truth value as a scalar.
  @inline(__always)
  var scalar: Scalar {
    switch self {
    case .false: .bool(false)
    case .missing: .missing
    case .true: .bool(true)
    }
  }

  /// The truth value as a value, for an observer.
  var value: Value {
    switch self {
    case .false: .bool(false)
    case .missing: .missing
    case .true: .bool(true)
    }
  }

  @inline(__always)
  static func < (a: Truth, b: Truth) -> Bool { a.rawValue < b.rawValue }
}

/// Conditions evaluated as ``Truth``s.
extension Interpreter {
  /// The truth value of node `index`, reported to the observer; `nil` when the node's value is
  /// neither a truth value nor missing (possible only with undeclared fields), for the caller to
  /// report as its context requires. The commonest conditions are computed right here: a field
  /// compared with a constant, and a let already computed.
  @inline(__always)
  mutating func truth(_ index: Int32) throws(Interrupt) -> Truth? {
    let node = nodes[Int(index)]
    let truth: Truth
    switch node.opcode {
    case .compareFieldToConstant:
      truth = try compareFieldToConstant(node, at: index)
    case .and, .or, .not, .compare, .isMissing:
      truth = try conditionTruth(index)
    case .letValue:
      guard let known = lets[Int(node.a)] else { return Truth(try evaluate(index)) }
      if Observer.recordsValues { observer.observe(index, value(of: known)) }
      return Truth(known)
    case .constant, .field, .today, .negate, .coalesce, .arithmetic, .member, .contains, .call, .population, .list,
      .constantList:
      return Truth(try evaluate(index))
    }
    if Observer.recordsValues { observer.observe(index, truth.value) }
    return truth
  }

  /// The truth value of an operand of `and`, `or` or `not`; an error for any other value, as
  /// ``bool(_:_:)`` reports it.
  @inline(__always)
  mutating func operandTruth(_ index: Int32) throws(Interrupt) -> Truth {
    if let truth = try truth(index) { return truth }
    // Not a truth value: evaluated again (the same value, no error) for the message.
    throw notBool(try evaluate(index), index)
  }

  /// The truth value of a condition node, not reported to the observer (the caller reports it).
  @inline(never)
  mutating func conditionTruth(_ index: Int32) throws(Interrupt) -> Truth {
    let node = nodes[Int(index)]
    switch node.opcode {
    case .and:
      let left = try operandTruth(node.a)
      if left == .false {
        if Observer.recordsValues { traceSkipped(node.b) }
        return .false
      }
      return min(left, try operandTruth(node.b))
    case .or:
      let left = try operandTruth(node.a)
      if left == .true {
        if Observer.recordsValues { traceSkipped(node.b) }
        return .true
      }
      return max(left, try operandTruth(node.b))
    case .not:
      if let operand = try truth(node.a) {
        switch operand {
        case .false: return .true
        case .missing: return .missing
        case .true: return .false
        }
      }
      let operand = try evaluate(node.a)
      throw typeError("'not' needs true or false, not \(value(of: operand).type?.described ?? "missing")", index)
    case .compare:
      let left = try evaluate(node.a)
      let right = try evaluate(node.b)
      return try compare(node.comparison, left, right, at: index)
    case .compareFieldToConstant:
      return try compareFieldToConstant(node, at: index)
    case .isMissing:
      return Truth(try evaluate(node.a).isMissing != node.negated)
    case .constant, .field, .letValue, .today, .negate, .coalesce, .arithmetic, .member, .contains, .call,
      .population, .list, .constantList:
      // Not conditions: ``truth(_:)`` evaluates these as values.
      return .missing
    }
  }

  /// A field compared with a constant; the two operands are reported as if computed.
  @inline(__always)
  mutating func compareFieldToConstant(_ node: Node, at index: Int32) throws(Interrupt) -> Truth {
    let left = field(nodes[Int(node.a)].a)
    let right = constants[Int(nodes[Int(node.b)].a)]
    if Observer.recordsValues {
      observer.observe(node.a, value(of: left))
      observer.observe(node.b, value(of: right))
    }
    return try compare(node.comparison, left, right, at: index)
  }

  /// Compares two scalars, the common shapes first without the general comparison's checks:
  /// integers (whole numbers, durations, dates, money of one currency), a missing operand, and
  /// decimals.
  @inline(__always)
  mutating func compare(_ comparison: Comparison, _ left: Scalar, _ right: Scalar, at index: Int32)
    throws(Interrupt) -> Truth
  {
    if let result = Scalar.compareIntegers(comparison, left, right) { return Truth(result) }
    if left.isMissing || right.isMissing { return .missing }
    if left.kind == .decimal || right.kind == .decimal, let result = Scalar.compareDecimals(comparison, left, right) {
      return Truth(result)
    }
    return try compareValues(comparison, left, right, at: index)
  }

  /// The general comparison of the values two scalars stand for. Out of line: it builds values.
  @inline(never)
  mutating func compareValues(_ comparison: Comparison, _ left: Scalar, _ right: Scalar, at index: Int32)
    throws(Interrupt) -> Truth
  {
    // `==` and `!=` of two texts (`channel == "phone"`, the commonest comparison left to this
    // path) as ``Value/equals(_:_:)`` compares them, without the general comparison's copies.
    if comparison == .equal || comparison == .notEqual, case .text(let a) = value(of: left),
      case .text(let b) = value(of: right)
    {
      return Truth((a == b) == (comparison == .equal))
    }
    do throws(ValueFailure) {
      switch try Value.compare(comparison, value(of: left), value(of: right)) {
      case .bool(let flag): return Truth(flag)
      case .missing, .int, .decimal, .duration, .percent, .money, .date, .text, .list: return .missing
      }
    } catch {
      throw located(error, index)
    }
  }
}
