/// Expressions: names, literals, operators and calls.
extension Checker {
  /// Checks one node of an expression; ``checkExpr(_:)`` bounds the depth and sets the height.
  mutating func checkNode(_ expr: Expr) -> CheckedExpr {
    let id = nodeCount
    nodeCount += 1
    var result = CheckedExpr(kind: .constant(.missing), type: nil, range: expr.range, id: id)
    switch expr.kind {
    case .literal(let value):
      result.kind = .constant(value)
      result.type = value.type
      if case .money(let money) = value { result.currency = money.currency }
    case .name(let name):
      (result.kind, result.type, result.currency) = resolveName(name, at: expr.range)
    case .parenthesized(let inner):
      var checked = checkExpr(inner)
      checked.range = expr.range
      return checked
    case .unary(.not, let operand):
      let checked = checkExpr(operand)
      infer(checked, as: .bool)
      requireBool(checked, "'not'")
      result.kind = .not(checked)
      result.type = .bool
    case .unary(.negate, let operand):
      let checked = checkExpr(operand)
      if let type = checked.type, ![.number, .duration, .money, .percent].contains(type) {
        error(
          "operand-type", "cannot negate \(type.described)", at: expr.range,
          hint: "'-' applies to numbers, durations, money and percents")
      }
      result.kind = .negate(checked)
      (result.type, result.currency) = (checked.type, checked.currency)
    case .binary(let op, let left, let right):
      return checkBinary(op, left, right, id: id, range: expr.range)
    case .isMissing(let operand, let negated):
      result.kind = .isMissing(checkExpr(operand), negated: negated)
      result.type = .bool
    case .call(let name, let nameRange, let arguments):
      (result.kind, result.type, result.currency) = checkCall(
        name, nameRange: nameRange, arguments: arguments, range: expr.range)
    case .list(let elements):
      let checked = elements.map { checkExpr($0) }
      if let first = checked.first(where: { $0.type != nil }),
        let other = checked.first(where: { $0.type != nil && $0.type != first.type })
      {
        error(
          "list-type", "a list holds values of one type, not \(first.type!.described) and \(other.type!.described)",
          at: other.range)
      }
      result.kind = .list(checked)
      result.type = .list
    case .aggregate(let aggregate):
      (result.kind, result.type, result.currency) = checkAggregate(aggregate, expr)
    }
    return result
  }

  mutating func requireBool(_ expr: CheckedExpr, _ context: String) {
    if let type = expr.type, type != .bool {
      error(
        "operand-type", "\(context) needs true or false, not \(type.described)", at: expr.range,
        hint: "compare it with something, for example: … > 0")
    }
  }

  // MARK: - Names

  /// Resolves a name: a `let`, a declared field, `today`, or an undeclared field.
  mutating func resolveName(_ name: String, at range: SourceRange) -> (CheckedExpr.Kind, ValueType?, Currency?) {
    if let entry = letDeclarations[name] {
      let checked = checkLet(named: name, usedAt: range)
      return (.letValue(entry.index), checked?.type, checked?.currency)
    }
    if let slot = fieldSlots[name] {
      if !fields[slot].isDeclared { warnIfTypo(name, at: range) }
      return (.field(slot), fields[slot].type, fields[slot].currency)
    }
    if name == "today" { return (.today, .date, nil) }
    if let fact = resolveHistoryFact(name, at: range) { return fact }
    if Builtin(rawValue: name) != nil || PopulationMeasure(rawValue: name) != nil {
      error("function-without-call", "'\(name)' is a function", at: range, hint: "call it: \(name)(…)")
      return (.constant(.missing), nil, nil)
    }
    if let table = tableName, let what = surroundings.outerNames[name] {
      error(
        "unknown-name", "'\(name)' is \(what), which table '\(table)' cannot see", at: range,
        hint: "a table's lets and its aggregates' conditions read the table's own fields and lets, and today")
      return (.constant(.missing), nil, nil)
    }
    if hasFieldDeclarations {
      // Past the errors of a kind reported in full, a hint would not be shown.
      let shown = showsError("unknown-name")
      let hint = shown ? unknownNameHints[name] ?? hintForUnknownName(name) : nil
      if shown { unknownNameHints[name] = hint }
      error("unknown-name", "unknown name '\(name)'", at: range, hint: hint)
      return (.constant(.missing), nil, nil)
    }
    warnIfTypo(name, at: range)
    // An undeclared field: its type comes from how it is used, or from the data.
    let slot = fields.count
    fieldSlots[name] = slot
    fields.append(FieldInfo(name: name, type: nil, durationUnit: nil, currency: nil, isDeclared: false, range: range))
    return (.field(slot), nil, nil)
  }

  /// A declared name like `name`, or how to declare it.
  mutating func hintForUnknownName(_ name: String) -> String {
    if knownNames?.names.count != letOrder.count + fields.count + 1 {
      knownNames = Suggestion.Vocabulary(letOrder + fields.map(\.name) + ["today"])
    }
    return knownNames?.closest(to: name, within: surroundings.suggestions).map { "did you mean '\($0)'?" }
      ?? "declare it: field \(name): TYPE"
  }

  /// Without declarations an unknown name is read from the data; a name close to a let is
  /// probably a typo, but it may be a real column, so it is worth a warning (once), not an error.
  mutating func warnIfTypo(_ name: String, at range: SourceRange) {
    // Only the warnings shown, and the one that says the rest are left out, are worth the search.
    let found = warningCounts[WarningCode.possibleTypo.rawValue, default: 0]
    guard reporting, found <= Checker.maximumWarningsOfAKind, name.count >= 3,
      namesComparedWithLets.insert(name).inserted
    else { return }
    // The lets were all collected before any expression was checked.
    if letNames == nil { letNames = Suggestion.Vocabulary(letOrder) }
    guard let near = letNames?.closest(to: name, within: surroundings.suggestions) else { return }
    warning(
      .possibleTypo, "'\(name)' is not a let, so it is read from the data", at: range, hint: "did you mean '\(near)'?"
    )
  }

  /// Checks a `let` on first use, reporting cycles.
  mutating func checkLet(named name: String, usedAt use: SourceRange?) -> CheckedExpr? {
    guard let entry = letDeclarations[name] else { return nil }
    switch letStates[entry.index] {
    case .checked(let expr):
      return expr
    case .failed:
      return nil
    case .checking:
      let cycle = (letStack.drop { $0 != name } + [name]).joined(separator: " -> ")
      error(
        "let-cycle", "'\(name)' is defined in terms of itself: \(cycle)", at: use ?? entry.declaration.name.range,
        hint: "a let may use fields and other lets, but not in a circle")
      letStates[entry.index] = .failed
      return nil
    case .unchecked:
      // The recursion is bounded by the depth ``checkExpr(_:)`` counts through lets.
      letStates[entry.index] = .checking
      letStack.append(name)
      let checked = checkExpr(entry.declaration.value)
      letStack.removeLast()
      if case .failed = letStates[entry.index] { return nil }
      letStates[entry.index] = .checked(checked)
      return checked
    }
  }

  /// Gives an undeclared field the type its use reveals; reports a use that contradicts it.
  mutating func infer(_ expr: CheckedExpr, as type: ValueType, currency: Currency? = nil) {
    guard case .field(let slot) = expr.kind, !fields[slot].isDeclared else { return }
    if fields[slot].type == nil {
      fields[slot].type = type
      fields[slot].currency = fields[slot].currency ?? currency ?? literalCurrency
    }
  }

  // MARK: - Calls

  mutating func checkCall(_ name: String, nameRange: SourceRange, arguments: [Expr], range: SourceRange)
    -> (CheckedExpr.Kind, ValueType?, Currency?)
  {
    if let measure = PopulationMeasure(rawValue: name) {
      return checkPopulation(measure, arguments: arguments, range: range)
    }
    if name == HistoryFact.timesFlagged { return checkTimesFlagged(arguments, range: range) }
    guard let builtin = Builtin(rawValue: name) else {
      for argument in arguments { _ = checkExpr(argument) }
      let names =
        Builtin.allCases.map(\.rawValue) + PopulationMeasure.allCases.map(\.rawValue) + [HistoryFact.timesFlagged]
      let hint =
        Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
        ?? "the functions are \(names.joined(separator: ", "))"
      error("unknown-function", "unknown function '\(name)'", at: nameRange, hint: hint)
      return (.constant(.missing), nil, nil)
    }
    let checked = arguments.map { checkExpr($0) }
    guard builtin.arity.contains(checked.count) else {
      let count =
        builtin.arity.lowerBound == builtin.arity.upperBound
        ? "\(builtin.arity.lowerBound)" : "at least \(builtin.arity.lowerBound)"
      let plural = builtin.arity.lowerBound == 1 ? "argument" : "arguments"
      error("arity", "\(name) takes \(count) \(plural), not \(checked.count)", at: range, hint: builtin.signature)
      return (.constant(.missing), nil, nil)
    }
    if builtin == .daysSince || builtin == .daysUntil, let first = checked.first {
      infer(first, as: .date)
    }
    if builtin == .lower, let first = checked.first { infer(first, as: .text) }
    if builtin == .count { for argument in checked { infer(argument, as: .bool) } }
    let (type, currency) = checkCall(builtin, checked, at: range)
    return (.call(builtin, checked), type, currency)
  }

  /// `share(field)`, `rank(field)`, `percentile(field)`: the argument must be a field with numeric values.
  mutating func checkPopulation(_ measure: PopulationMeasure, arguments: [Expr], range: SourceRange)
    -> (CheckedExpr.Kind, ValueType?, Currency?)
  {
    guard arguments.count == 1 else {
      error(
        "arity", "\(measure.rawValue) takes 1 argument, not \(arguments.count)", at: range,
        hint: "\(measure.rawValue)(hours): a field of the data")
      return (.constant(.missing), nil, nil)
    }
    let argument = checkExpr(arguments[0])
    if tableName != nil {
      error(
        "population-argument", "\(measure.rawValue) compares clients, so it cannot be used inside a table",
        at: range, hint: "use it in the policy's lets and rules: \(measure.rawValue)(revenue)")
      return (.constant(.missing), nil, nil)
    }
    if let aggregate = aggregate(behind: argument) {
      if case .letValue(let slot) = argument.kind { letsMeasured.insert(slot) }
      if let type = argument.type, ![.number, .duration, .money].contains(type) {
        error(
          "argument-type", "\(measure.rawValue) needs a number, duration or money, not \(type.described)",
          at: arguments[0].range)
      }
      if !aggregatePopulationNeeds.contains(where: { $0 == (measure, aggregate) }) {
        aggregatePopulationNeeds.append((measure, aggregate))
      }
      return (.populationOfAggregate(measure, aggregate: aggregate), measure == .rank ? .number : .percent, nil)
    }
    guard case .field(let slot) = argument.kind else {
      error(
        "population-argument", "\(measure.rawValue) takes a field of the data or an aggregate, not an expression",
        at: arguments[0].range,
        hint:
          "for example: \(measure.rawValue)(hours), or \(measure.rawValue)(revenue) with let revenue = sum(invoices.amount)"
      )
      return (.constant(.missing), nil, nil)
    }
    if let type = argument.type, ![.number, .duration, .money].contains(type) {
      error(
        "argument-type", "\(measure.rawValue) needs a number, duration or money field, not \(type.described)",
        at: arguments[0].range)
    }
    let need = PopulationNeed(measure: measure, field: slot)
    if !populationNeeds.contains(need) { populationNeeds.append(need) }
    return (.population(measure, field: slot), measure == .rank ? .number : .percent, nil)
  }
}

extension Checker {
  /// The aggregate an expression is, directly or through lets (`share(revenue)` with
  /// `let revenue = sum(invoices.amount)`).
  func aggregate(behind expr: CheckedExpr) -> Int? {
    if case .aggregate(let index) = expr.kind { return index }
    guard case .letValue(let slot) = expr.kind, slot < letStates.count, case .checked(let value) = letStates[slot]
    else { return nil }
    return aggregate(behind: value)
  }
}
