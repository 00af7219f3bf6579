/// Evaluating the plan's tests, as the interpreter evaluates them.
extension ConditionTruths {
  /// The truth of test `index`; `nil` when its value is neither a truth value nor missing, or when
  /// it is a comparison the program does not hold as one.
  @inline(__always)
  func test<Record: ClientRecord>(
    _ index: Int, _ entry: Entry, _ interpreter: inout Interpreter<Record, NoObserver>
  ) throws(Interrupt) -> Truth? {
    if entry.hasList, let list = lists[index] { return try member(of: list, index, entry, &interpreter) }
    guard entry.kind == .comparison else { return try interpreter.truth(entry.id) }
    let expression = interpreter.nodes[Int(entry.id)]
    if expression.opcode == .compareFieldToConstant {
      let field = interpreter.field(interpreter.nodes[Int(expression.a)].a)
      let constant = interpreter.constants[Int(interpreter.nodes[Int(expression.b)].a)]
      sides[index] = (field, constant)
      // A text field against a constant text: `==` or `!=` as ``Value/equals(_:_:)`` has it.
      if field.kind == .field, let texts = texts[index], case .text(let text) = interpreter.value(of: field) {
        return Truth(outcome: entry.outcomes, place: texts[0] == text ? 1 : 0)
      }
      // A decimal against a whole number, on 64 bits where it fits, as the compiled steps
      // compare it (``Interpreter/compareFieldOtherwise(_:)``).
      if field.kind == .decimal, constant.kind == .int, let place = field.decimal.place(comparedWith: constant.payload)
      {
        return Truth(outcome: entry.outcomes, place: place)
      }
      return try interpreter.compare(expression.comparison, field, constant, at: entry.id)
    }
    guard expression.opcode == .compare else { return nil }
    // As ``Interpreter/conditionTruth(_:)`` compares: both sides evaluated, then compared.
    let left = try interpreter.evaluate(expression.a)
    let right = try interpreter.evaluate(expression.b)
    sides[index] = (left, right)
    return try interpreter.compare(expression.comparison, left, right, at: entry.id)
  }

  /// An `in` or `not in` test of a list of constants, as the interpreter computes it: the element
  /// evaluated, looked for in the list.
  func member<Record: ClientRecord>(
    of list: Value, _ index: Int, _ entry: Entry, _ interpreter: inout Interpreter<Record, NoObserver>
  ) throws(Interrupt) -> Truth? {
    let test = interpreter.nodes[Int(entry.id)]
    let scalar = try interpreter.evaluate(test.a)
    sides[index] = (scalar, .missing)
    let element = interpreter.value(of: scalar)
    // A text in a list of texts, none missing: as ``Value/member(_:of:)`` finds it.
    if case .text(let text) = element, let texts = texts[index] { return Truth(texts.contains(text) != test.negated) }
    do throws(ValueFailure) {
      let found = try Value.member(element, of: list)
      guard case .bool(let isMember) = found else { return found == .missing ? .missing : nil }
      return Truth(isMember != test.negated)
    } catch {
      throw interpreter.located(error, entry.id)
    }
  }
}
