/// Sees the value of every expression node an evaluation computes, for `explain`.
protocol EvaluationObserver {
  mutating func observe(_ node: Int, _ value: Value)
}

/// The observer of ordinary evaluations: it does nothing, and specialisation removes it.
struct NoObserver: EvaluationObserver {
  @inline(__always) mutating func observe(_ node: Int, _ value: Value) {}
}

/// Walks a checked program's trees for one client. Lets are computed on first use and kept for the
/// rest of the client's evaluation.
struct Interpreter<Record: ClientRecord, Observer: EvaluationObserver> {
  let program: Program
  let record: Record
  let context: EvaluationContext
  /// One entry a let; `nil` until computed.
  let lets: UnsafeMutableBufferPointer<Value?>
  var observer: Observer

  /// Evaluates an expression and reports its value to the observer.
  @inline(__always)
  mutating func evaluate(_ expr: CheckedExpr) throws(EvaluationError) -> Value {
    let value = try compute(expr)
    observer.observe(expr.id, value)
    return value
  }

  private mutating func compute(_ expr: CheckedExpr) throws(EvaluationError) -> Value {
    switch expr.kind {
    case .constant(let value):
      return value
    case .field(let slot):
      return record.value(at: slot)
    case .letValue(let slot):
      if let value = lets[slot] { return value }
      let value = try evaluate(program.lets[slot].value)
      lets[slot] = value
      return value
    case .today:
      return .date(context.today)
    case .not(let operand):
      switch try evaluate(operand) {
      case .bool(let value): return .bool(!value)
      case .missing: return .missing
      case let other: throw typeError("'not' needs true or false, not \(other.type?.described ?? "missing")", expr)
      }
    case .and(let left, let right):
      let l = try evaluate(left)
      if case .bool(false) = l { return l }
      return Value.and(try bool(l, left), try bool(try evaluate(right), right))
    case .or(let left, let right):
      let l = try evaluate(left)
      if case .bool(true) = l { return l }
      return Value.or(try bool(l, left), try bool(try evaluate(right), right))
    case .compare(let op, let left, let right):
      let l = try evaluate(left)
      let r = try evaluate(right)
      do throws(ValueFailure) { return try Value.compare(op, l, r) } catch { throw located(error, expr) }
    case .arithmetic(let op, let left, let right):
      let l = try evaluate(left)
      let r = try evaluate(right)
      do throws(ValueFailure) { return try Value.arithmetic(op, l, r) } catch { throw located(error, expr) }
    case .negate(let operand):
      let value = try evaluate(operand)
      do throws(ValueFailure) { return try Value.arithmetic(.subtract, Value.zero(like: value), value) } catch {
        throw located(error, expr)
      }
    case .coalesce(let left, let right):
      let l = try evaluate(left)
      return l.isMissing ? try evaluate(right) : l
    case .isMissing(let operand, let negated):
      return .bool(try evaluate(operand).isMissing != negated)
    case .member(let element, let list, let negated):
      let value = try evaluate(element)
      let items = try evaluate(list)
      do throws(ValueFailure) {
        let found = try Value.member(value, of: items)
        guard case .bool(let isMember) = found else { return found }
        return .bool(isMember != negated)
      } catch { throw located(error, expr) }
    case .contains(let container, let element):
      let c = try evaluate(container)
      let e = try evaluate(element)
      do throws(ValueFailure) { return try Value.contains(c, e) } catch { throw located(error, expr) }
    case .call(let builtin, let arguments):
      return try call(builtin, arguments, expr)
    case .population(let measure, let field):
      // Without the data set (one client on the command line) the figure is unknown.
      guard let population = context.population else { return .missing }
      return population.measure(measure, field: field, value: record.value(at: field))
    case .list(let elements):
      var values: [Value] = []
      values.reserveCapacity(elements.count)
      for element in elements { values.append(try evaluate(element)) }
      return .list(values)
    }
  }

  /// A truth value, or an error for any other type (possible only with undeclared fields).
  private func bool(_ value: Value, _ expr: CheckedExpr) throws(EvaluationError) -> Value {
    switch value {
    case .bool, .missing: return value
    default: throw typeError("expected true or false, not \(value.type?.described ?? "missing") \(value)", expr)
    }
  }

  func located(_ failure: ValueFailure, _ expr: CheckedExpr) -> EvaluationError {
    EvaluationError(message: failure.message, hint: failure.hint, range: expr.range)
  }

  func typeError(_ message: String, _ expr: CheckedExpr) -> EvaluationError {
    EvaluationError(message: message, hint: "declare the field's type so the checker can catch this before running", range: expr.range)
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

  /// Whether `list` holds `value`; unknown when either is missing.
  static func member(_ value: Value, of list: Value) throws(ValueFailure) -> Value {
    if value.isMissing || list.isMissing { return .missing }
    guard case .list(let items) = list else { throw ValueFailure("'in' needs a list, not \(list.type?.described ?? "missing")") }
    for item in items where !item.isMissing {
      if try equals(value, item) { return .bool(true) }
    }
    return .bool(false)
  }

  /// Whether a list holds a value, or a text holds a text.
  static func contains(_ container: Value, _ element: Value) throws(ValueFailure) -> Value {
    if container.isMissing || element.isMissing { return .missing }
    switch (container, element) {
    case (.text(let text), .text(let part)): return .bool(part.isEmpty || text.contains(part))
    case (.list, _): return try member(element, of: container)
    default: throw ValueFailure("'contains' needs text or a list, not \(container.type?.described ?? "missing")")
    }
  }
}
