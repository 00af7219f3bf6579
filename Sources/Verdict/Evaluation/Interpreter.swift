/// Sees the value of every expression node an evaluation computes, for `explain`.
protocol EvaluationObserver {
  /// Whether the observer wants values at all; an observer that does not is never called, so
  /// that ordinary evaluations do not build the values it would be shown.
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
///
/// Nodes pass ``Scalar``s to each other, which copy without reference counting; text and lists
/// stay where they are (constants, the client's fields, ``computed``) and are read as ``Value``s
/// only by the operations that need them.
struct Interpreter<Record: ClientRecord, Observer: EvaluationObserver> {
  typealias Node = ExpressionTable.Node

  /// The policy keeps its runtime alive for the whole evaluation; not retaining it here keeps the
  /// interpreter free of reference counting.
  unowned(unsafe) let runtime: Runtime
  let nodes: UnsafeMutableBufferPointer<Node>
  let constants: UnsafeMutableBufferPointer<Scalar>
  /// The client and the context, borrowed for the evaluation: pointers, so that setting up an
  /// evaluation copies (and reference-counts) neither.
  let record: UnsafePointer<Record>
  let context: UnsafePointer<EvaluationContext>
  /// One entry a let; `nil` until computed.
  let lets: UnsafeMutableBufferPointer<Scalar?>
  var observer: Observer
  /// What few evaluations need, made on first use and released by ``releaseScratch()``: held
  /// unmanaged, so that the interpreter is trivially copyable and finishing an evaluation that
  /// made none has nothing to release.
  var scratch: Unmanaged<Scratch>?

  /// Text and lists an evaluation made, and why it stopped.
  final class Scratch {
    /// Text and lists this evaluation made (a list literal, `lower(…)`), for scalars to refer to.
    var computed: [Value] = []
    /// Why evaluation stopped, when it throws ``Interrupt``.
    var failure: EvaluationError?
  }

  /// Why evaluation stopped, when it threw ``Interrupt``.
  var failure: EvaluationError? { scratch?.takeUnretainedValue().failure }

  init(
    runtime: Runtime, record: UnsafePointer<Record>, context: UnsafePointer<EvaluationContext>,
    lets: UnsafeMutableBufferPointer<Scalar?>,
    observer: Observer
  ) {
    self.runtime = runtime
    nodes = runtime.nodes
    constants = runtime.scalarConstants
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
      scratch?.takeUnretainedValue().failure = nil
    }
  }

  /// Evaluates node `index` and reports its value to the observer.
  ///
  /// The commonest nodes are computed right here, without a call to ``compute``: a comparison
  /// of a field with a constant, and the leaves (constants, fields, lets already computed).
  @inline(__always)
  mutating func evaluate(_ index: Int32) throws(Interrupt) -> Scalar {
    let scalar: Scalar
    let node = nodes[Int(index)]
    switch node.opcode {
    case .compareFieldToConstant:
      scalar = try compareFieldToConstant(node, at: index).scalar
    case .constant:
      scalar = constants[Int(node.a)]
    case .field:
      scalar = field(node.a)
    case .letValue:
      if let known = lets[Int(node.a)] {
        scalar = known
      } else {
        scalar = try compute(index)
      }
    case .today, .negate, .not, .and, .or, .coalesce, .compare, .arithmetic, .isMissing, .member, .contains, .call,
      .population, .list, .constantList:
      scalar = try compute(index)
    }
    if Observer.recordsValues { observer.observe(index, value(of: scalar)) }
    return scalar
  }

  private mutating func compute(_ index: Int32) throws(Interrupt) -> Scalar {
    let node = nodes[Int(index)]
    switch node.opcode {
    case .constant:
      return constants[Int(node.a)]
    case .field:
      return field(node.a)
    case .letValue:
      if let scalar = lets[Int(node.a)] { return scalar }
      let scalar = try evaluate(runtime.letRoots[Int(node.a)])
      lets[Int(node.a)] = scalar
      return scalar
    case .today:
      return .date(context.pointee.today)
    case .not, .and, .or, .compare, .compareFieldToConstant, .isMissing:
      return try conditionTruth(index).scalar
    case .arithmetic:
      let left = try evaluate(node.a)
      let right = try evaluate(node.b)
      return try arithmetic(node.arithmetic, left, right, at: index)
    case .negate:
      let operand = value(of: try evaluate(node.a))
      do throws(ValueFailure) {
        return scalar(try Value.arithmetic(.subtract, Value.zero(like: operand), operand))
      } catch { throw located(error, index) }
    case .coalesce:
      let left = try evaluate(node.a)
      return left.isMissing ? try evaluate(node.b) : left
    case .member:
      let element = value(of: try evaluate(node.a))
      let list = value(of: try evaluate(node.b))
      do throws(ValueFailure) {
        let found = try Value.member(element, of: list)
        guard case .bool(let isMember) = found else { return scalar(found) }
        return .bool(isMember != node.negated)
      } catch { throw located(error, index) }
    case .contains:
      let container = value(of: try evaluate(node.a))
      let element = value(of: try evaluate(node.b))
      do throws(ValueFailure) { return scalar(try Value.contains(container, element)) } catch {
        throw located(error, index)
      }
    case .call:
      return try call(node.builtin, operands: node.a, count: node.b, at: index)
    case .population:
      // Without the data set (one client on the command line) the figure is unknown.
      guard let population = context.pointee.population else { return .missing }
      do throws(ValueFailure) {
        return scalar(
          try population.measure(node.measure, field: Int(node.a), value: record.pointee.value(at: Int(node.a))))
      } catch {
        throw located(error, index)
      }
    case .list:
      var values: [Value] = []
      values.reserveCapacity(Int(node.b))
      for offset in 0..<node.b { values.append(value(of: try evaluate(operand(node.a + offset)))) }
      return scalar(.list(values))
    case .constantList:
      // Made once; its elements are evaluated only for a trace, which reports each.
      if Observer.recordsValues, case .list(let elements) = runtime.constants[Int(node.a)] {
        for offset in 0..<Int32(elements.count) { _ = try evaluate(operand(node.b + offset)) }
      }
      return constants[Int(node.a)]
    }
  }

  /// The arithmetic of node `index` on its operands' values: on scalars where it can be, else on
  /// the values they stand for.
  @inline(__always)
  mutating func arithmetic(_ op: Arithmetic, _ left: Scalar, _ right: Scalar, at index: Int32) throws(Interrupt)
    -> Scalar
  {
    do throws(ValueFailure) {
      if let result = try Scalar.arithmetic(op, left, right) { return result }
      return scalar(try Value.arithmetic(op, value(of: left), value(of: right)))
    } catch { throw located(error, index) }
  }

  /// The client's field at `slot`; text and lists are left in the client, referred to by slot.
  @inline(__always)
  mutating func field(_ slot: Int32) -> Scalar {
    Scalar(inline: record.pointee.value(at: Int(slot))) ?? Scalar(kind: .field, payload: Int64(slot))
  }

  /// The value a scalar stands for.
  mutating func value(of scalar: Scalar) -> Value {
    if let value = scalar.inlineValue { return value }
    switch scalar.kind {
    case .constant: return runtime.constants[Int(scalar.payload)]
    case .field: return record.pointee.value(at: Int(scalar.payload))
    case .computed: return scratch?.takeUnretainedValue().computed[Int(scalar.payload)] ?? .missing
    case .missing, .bool, .int, .decimal, .duration, .percent, .money, .date: return .missing
    }
  }

  /// The scalar for a value an operation computed; text and lists are kept in ``computed``.
  mutating func scalar(_ value: Value) -> Scalar {
    if let scalar = Scalar(inline: value) { return scalar }
    let scratch = madeScratch()
    scratch.computed.append(value)
    return Scalar(kind: .computed, payload: Int64(scratch.computed.count - 1))
  }

  /// The node index of an operand of a call or list.
  mutating func operand(_ position: Int32) -> Int32 { runtime.operands[Int(position)] }

  /// The error for an operand of `and` or `or` that is not a truth value (possible only with
  /// undeclared fields).
  mutating func notBool(_ scalar: Scalar, _ index: Int32) -> Interrupt {
    let value = value(of: scalar)
    return typeError("expected true or false, not \(value.type?.described ?? "missing") \(value)", index)
  }

  // The helpers below are `mutating` although they change nothing: calling a non-mutating method
  // from a mutating one can make Swift copy the whole interpreter first.
  mutating func madeScratch() -> Scratch {
    if let scratch { return scratch.takeUnretainedValue() }
    let made = Scratch()
    scratch = Unmanaged.passRetained(made)
    return made
  }

  /// Releases what ``madeScratch()`` made; the interpreter is not used afterwards.
  mutating func releaseScratch() {
    scratch?.release()
    scratch = nil
  }

  mutating func located(_ failure: ValueFailure, _ index: Int32) -> Interrupt {
    madeScratch().failure = EvaluationError(
      message: failure.message, hint: failure.hint, range: runtime.ranges[Int(index)])
    return Interrupt()
  }

  mutating func typeError(_ message: String, _ index: Int32) -> Interrupt {
    madeScratch().failure = EvaluationError(
      message: message, hint: "declare the field's type so the checker can catch this before running",
      range: runtime.ranges[Int(index)])
    return Interrupt()
  }
}
