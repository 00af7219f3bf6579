/// Sees the value of every expression node an evaluation computes, for `explain`.
protocol EvaluationObserver {
  /// Whether the observer wants values at all; steps that skip child nodes report them only then.
  static var recordsValues: Bool { get }
  mutating func observe(_ node: Int32, _ value: Value)
}

/// Thrown inside the interpreter when evaluation fails; the details are in
/// ``Interpreter/failure``. An empty error keeps every call's error path as cheap as a flag.
struct Interrupt: Error {}

/// The observer of ordinary evaluations: it does nothing, and specialisation removes it.
struct NoObserver: EvaluationObserver {
  static var recordsValues: Bool { false }
  @inline(__always) mutating func observe(_ node: Int32, _ value: Value) {}
}

/// Walks a program's expression table for one client. Lets are computed on first use and kept
/// for the rest of the client's evaluation.
struct Interpreter<Record: ClientRecord, Observer: EvaluationObserver> {
  typealias Node = ExpressionTable.Node

  /// The policy keeps its runtime alive for the whole evaluation; not retaining it here keeps the
  /// interpreter free of reference counting.
  unowned(unsafe) let runtime: Runtime
  let nodes: UnsafeMutableBufferPointer<Node>
  let constants: UnsafeMutableBufferPointer<Value>
  /// The client and the context, borrowed for the evaluation: pointers, so that setting up an
  /// evaluation copies (and reference-counts) neither.
  let record: UnsafePointer<Record>
  let context: UnsafePointer<EvaluationContext>
  /// One entry a let; `nil` until computed.
  let lets: UnsafeMutableBufferPointer<Value?>
  var observer: Observer
  /// Why evaluation stopped, when it throws ``Interrupt``.
  var failure: EvaluationError?

  init(
    runtime: Runtime, record: UnsafePointer<Record>, context: UnsafePointer<EvaluationContext>,
    lets: UnsafeMutableBufferPointer<Value?>,
    observer: Observer
  ) {
    self.runtime = runtime
    nodes = runtime.nodes
    constants = runtime.constants
    self.record = record
    self.context = context
    self.lets = lets
    self.observer = observer
  }

  /// For a trace, evaluates an operand that `and` or `or` decided without, so that an explanation
  /// can show every part of a condition; its value does not change the result, and an error in it
  /// (`x != 0 and 10 / x > 1`) is dropped, leaving the parts it did not reach without a value.
  mutating func traceSkipped(_ index: Int32) {
    do throws(Interrupt) {
      _ = try evaluate(index)
    } catch {
      failure = nil
    }
  }

  /// Evaluates node `index` and reports its value to the observer.
  @inline(__always)
  mutating func evaluate(_ index: Int32) throws(Interrupt) -> Value {
    let value = try compute(index)
    observer.observe(index, value)
    return value
  }

  private mutating func compute(_ index: Int32) throws(Interrupt) -> Value {
    let node = nodes[Int(index)]
    switch node.opcode {
    case .constant:
      return constants[Int(node.a)]
    case .field:
      return record.pointee.value(at: Int(node.a))
    case .letValue:
      if let value = lets[Int(node.a)] { return value }
      let value = try evaluate(runtime.letRoots[Int(node.a)])
      lets[Int(node.a)] = value
      return value
    case .today:
      return .date(context.pointee.today)
    case .not:
      switch try evaluate(node.a) {
      case .bool(let value): return .bool(!value)
      case .missing: return .missing
      case let other: throw typeError("'not' needs true or false, not \(other.type?.described ?? "missing")", index)
      }
    case .and:
      let left = try evaluate(node.a)
      if case .bool(false) = left {
        if Observer.recordsValues { traceSkipped(node.b) }
        return left
      }
      return Value.and(try bool(left, node.a), try bool(try evaluate(node.b), node.b))
    case .or:
      let left = try evaluate(node.a)
      if case .bool(true) = left {
        if Observer.recordsValues { traceSkipped(node.b) }
        return left
      }
      return Value.or(try bool(left, node.a), try bool(try evaluate(node.b), node.b))
    case .compare:
      let left = try evaluate(node.a)
      let right = try evaluate(node.b)
      return try compare(node.comparison, left, right, at: index)
    case .compareFieldToConstant:
      let field = nodes[Int(node.a)]
      let constant = nodes[Int(node.b)]
      let left = record.pointee.value(at: Int(field.a))
      let right = constants[Int(constant.a)]
      if Observer.recordsValues {
        observer.observe(node.a, left)
        observer.observe(node.b, right)
      }
      return try compare(node.comparison, left, right, at: index)
    case .arithmetic:
      let left = try evaluate(node.a)
      let right = try evaluate(node.b)
      do throws(ValueFailure) { return try Value.arithmetic(node.arithmetic, left, right) } catch {
        throw located(error, index)
      }
    case .negate:
      let value = try evaluate(node.a)
      do throws(ValueFailure) { return try Value.arithmetic(.subtract, Value.zero(like: value), value) } catch {
        throw located(error, index)
      }
    case .coalesce:
      let left = try evaluate(node.a)
      return left.isMissing ? try evaluate(node.b) : left
    case .isMissing:
      return .bool(try evaluate(node.a).isMissing != node.negated)
    case .member:
      let element = try evaluate(node.a)
      let list = try evaluate(node.b)
      do throws(ValueFailure) {
        let found = try Value.member(element, of: list)
        guard case .bool(let isMember) = found else { return found }
        return .bool(isMember != node.negated)
      } catch { throw located(error, index) }
    case .contains:
      let container = try evaluate(node.a)
      let element = try evaluate(node.b)
      do throws(ValueFailure) { return try Value.contains(container, element) } catch { throw located(error, index) }
    case .call:
      return try call(node.builtin, operands: node.a, count: node.b, at: index)
    case .population:
      // Without the data set (one client on the command line) the figure is unknown.
      guard let population = context.pointee.population else { return .missing }
      return population.measure(node.measure, field: Int(node.a), value: record.pointee.value(at: Int(node.a)))
    case .list:
      var values: [Value] = []
      values.reserveCapacity(Int(node.b))
      for offset in 0..<node.b { values.append(try evaluate(operand(node.a + offset))) }
      return .list(values)
    }
  }

  /// Compares two values, the common shapes first without the general comparison's checks.
  @inline(__always)
  private mutating func compare(_ comparison: Comparison, _ left: Value, _ right: Value, at index: Int32)
    throws(Interrupt) -> Value
  {
    switch (left, right) {
    case (.int(let a), .int(let b)): return .bool(comparison.holds(a, b))
    case (.duration(let a), .duration(let b)): return .bool(comparison.holds(a.seconds, b.seconds))
    case (.money(let a), .money(let b)) where a.currency == b.currency:
      return .bool(comparison.holds(a.scaledAmount, b.scaledAmount))
    default:
      do throws(ValueFailure) { return try Value.compare(comparison, left, right) } catch {
        throw located(error, index)
      }
    }
  }

  /// The node index of an operand of a call or list.
  mutating func operand(_ position: Int32) -> Int32 { runtime.operands[Int(position)] }

  /// A truth value, or an error for any other type (possible only with undeclared fields).
  @inline(__always)
  private mutating func bool(_ value: Value, _ index: Int32) throws(Interrupt) -> Value {
    switch value {
    case .bool, .missing: return value
    default: throw typeError("expected true or false, not \(value.type?.described ?? "missing") \(value)", index)
    }
  }

  // The helpers below are `mutating` although they change nothing: calling a non-mutating method
  // from a mutating one can make Swift copy the whole interpreter first.
  mutating func located(_ failure: ValueFailure, _ index: Int32) -> Interrupt {
    self.failure = EvaluationError(message: failure.message, hint: failure.hint, range: runtime.ranges[Int(index)])
    return Interrupt()
  }

  mutating func typeError(_ message: String, _ index: Int32) -> Interrupt {
    failure = EvaluationError(
      message: message, hint: "declare the field's type so the checker can catch this before running",
      range: runtime.ranges[Int(index)])
    return Interrupt()
  }
}

extension Comparison {
  /// Whether the comparison holds between two integers.
  @inline(__always)
  func holds(_ a: Int64, _ b: Int64) -> Bool {
    switch self {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessEqual: a <= b
    case .greater: a > b
    case .greaterEqual: a >= b
    }
  }
}

extension Value {
  /// Zero of the same kind, for negation.
  static func zero(like value: Value) -> Value {
    switch value {
    case .duration: .duration(TimeSpan(seconds: 0))
    case .money(let money): .money(Money(scaledAmount: 0, currency: money.currency))
    case .percent: .percent(0)
    case .real: .real(0)
    default: .int(0)
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
      if item.isMissing { sawMissing = true } else if try equals(value, item) { return .bool(true) }
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
