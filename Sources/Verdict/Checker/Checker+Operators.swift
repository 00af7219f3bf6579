/// The type rules of the binary operators, in one place.
extension Checker {
  mutating func checkBinary(_ op: BinaryOperator, _ leftSyntax: Expr, _ rightSyntax: Expr, id: Int, range: SourceRange)
    -> CheckedExpr
  {
    var left = checkExpr(leftSyntax)
    var right = checkExpr(rightSyntax)
    // An undeclared field takes the type of what it meets.
    if op != .multiply, op != .divide, op != .and, op != .or {
      inferOperands(op, &left, &right)
    }
    var result = CheckedExpr(kind: .constant(.missing), type: nil, range: range, id: id)
    switch op {
    case .and, .or:
      inferBool(&left)
      inferBool(&right)
      requireBool(left, "'\(op.rawValue)'")
      requireBool(right, "'\(op.rawValue)'")
      result.kind = op == .and ? .and(left, right) : .or(left, right)
      result.type = .bool
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      let comparison = Comparison(rawValue: op.rawValue)!
      checkComparison(comparison, left, right, range: range)
      result.kind = .compare(comparison, left, right)
      result.type = .bool
    case .in, .notIn:
      if let type = right.type, type != .list {
        error(
          "operand-type", "'\(op.rawValue)' needs a list on its right, not \(type.described)", at: right.range,
          hint: "for example: channel in [\"chat\", \"sms\"]")
      }
      checkElement(left, of: right, range: range)
      result.kind = .member(left, right, negated: op == .notIn)
      result.type = .bool
    case .contains:
      switch (left.type, right.type) {
      case (.text, _), (nil, _), (.list, _): checkElement(right, of: left, range: range)
      case (let container?, _):
        error("operand-type", "'contains' needs text or a list on its left, not \(container.described)", at: left.range)
      }
      result.kind = .contains(left, right)
      result.type = .bool
    case .coalesce:
      if let l = left.type, let r = right.type, l != r {
        error(
          "operand-type", "'??' needs a default of the same type: \(l.described), not \(r.described)", at: right.range)
      }
      result.kind = .coalesce(left, right)
      result.type = left.type ?? right.type
      result.currency = commonCurrency([left, right])
    case .add, .subtract, .multiply, .divide:
      let arithmetic = Arithmetic(rawValue: op.rawValue)!
      result.kind = .arithmetic(arithmetic, left, right)
      result.type = checkArithmetic(arithmetic, left, right, range: range)
      if result.type == .money {
        result.currency =
          left.type == .money && right.type == .money && arithmetic == .divide ? nil : commonCurrency([left, right])
      }
    }
    return result
  }

  /// Gives an undeclared field on one side the type of the other side.
  private mutating func inferOperands(_ op: BinaryOperator, _ left: inout CheckedExpr, _ right: inout CheckedExpr) {
    switch op {
    case .in, .notIn:
      if case .list(let elements) = right.kind, let element = elements.first(where: { $0.type != nil }) {
        refine(&left, element.type!, element.currency)
      }
    case .contains:
      // Text contains text; a list literal contains its elements' type.
      if left.type == .text { refine(&right, .text, nil) }
      if case .list(let elements) = left.kind, let type = elements.lazy.compactMap(\.type).first {
        refine(&right, type, nil)
      }
    case .add where left.type == .date || right.type == .date:
      // A date plus x: x is a duration.
      if left.type == nil { refine(&left, .duration, nil) }
      if right.type == nil { refine(&right, .duration, nil) }
    case .subtract where left.type == .date || right.type == .date:
      // x minus a date: x is a date. A date minus x may be a date or a duration: the data decides.
      if right.type == .date, left.type == nil { refine(&left, .date, nil) }
    default:
      // In x + 30d and x - 30d, x may be a date as well as a duration: the data decides.
      let dateOrDuration = right.type == .duration && (op == .add || op == .subtract)
      if let type = right.type, left.type == nil, type != .date || op != .subtract, !dateOrDuration {
        refine(&left, type, right.currency)
      }
      if let type = left.type, right.type == nil, type != .date || (op != .subtract && op != .add) {
        refine(&right, type, left.currency)
      }
    }
  }

  private mutating func inferBool(_ expr: inout CheckedExpr) {
    if expr.type == nil { refine(&expr, .bool, nil) }
  }

  /// Records an inferred type for an undeclared field and gives the node that type.
  private mutating func refine(_ expr: inout CheckedExpr, _ type: ValueType, _ currency: Currency?) {
    guard case .field(let slot) = expr.kind, !fields[slot].isDeclared else { return }
    infer(expr, as: type, currency: currency)
    expr.type = fields[slot].type
    expr.currency = fields[slot].currency
  }

  private mutating func checkComparison(
    _ comparison: Comparison, _ left: CheckedExpr, _ right: CheckedExpr, range: SourceRange
  ) {
    guard let l = left.type, let r = right.type else { return }
    if l != r {
      error(
        "type-mismatch", "cannot compare \(l.described) with \(r.described)", at: range,
        hint: conversionHint(l, r, left, right))
      return
    }
    if comparison != .equal, comparison != .notEqual, [.bool, .list].contains(l) {
      error(
        "type-mismatch", "'\(comparison.rawValue)' does not order \(l.rawValue)s", at: range,
        hint: "only '==' and '!=' compare \(l.rawValue)s")
      return
    }
    _ = commonCurrency([left, right])
  }

  private mutating func checkElement(_ element: CheckedExpr, of container: CheckedExpr, range: SourceRange) {
    guard let elementType = element.type else { return }
    if container.type == .text, elementType != .text {
      error("type-mismatch", "text can only contain text, not \(elementType.described)", at: element.range)
      return
    }
    if case .list(let items) = container.kind, let itemType = items.first(where: { $0.type != nil })?.type,
      itemType != elementType
    {
      error("type-mismatch", "the list holds \(itemType.described), not \(elementType.described)", at: range)
    }
  }

  /// The result type of arithmetic, or `nil` (with an error) when the operands do not combine.
  private mutating func checkArithmetic(_ op: Arithmetic, _ left: CheckedExpr, _ right: CheckedExpr, range: SourceRange)
    -> ValueType?
  {
    guard let l = left.type, let r = right.type else {
      // One side is only known at run time; a number operand keeps the other side's type.
      let known = left.type ?? right.type
      // date - x is a date (x a duration) or a duration (x a date); x - date needs x a date.
      if known == .date, op == .subtract { return left.type == nil ? .duration : nil }
      return op == .divide && known != .number ? nil : known
    }
    if let type = Checker.arithmeticType(op, l, r) {
      // Money results get their currency (and its check) in checkBinary.
      if l == .money, r == .money, type != .money { _ = commonCurrency([left, right]) }
      return type
    }
    let verb = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide"][op.rawValue]!
    let (a, b) = op == .add || op == .multiply ? (l, r) : (l, r)
    error(
      "type-mismatch",
      "cannot \(verb) \(a.described) \(op == .add ? "and" : op == .subtract ? "minus" : op == .multiply ? "by" : "by") \(b.described)",
      at: range, hint: conversionHint(l, r, left, right))
    return nil
  }

  /// The arithmetic table.
  static func arithmeticType(_ op: Arithmetic, _ l: ValueType, _ r: ValueType) -> ValueType? {
    switch (op, l, r) {
    case (_, .number, .number): .number
    case (.add, .duration, .duration), (.subtract, .duration, .duration): .duration
    case (.add, .money, .money), (.subtract, .money, .money): .money
    case (.add, .percent, .percent), (.subtract, .percent, .percent): .percent
    case (.add, .date, .duration), (.subtract, .date, .duration), (.add, .duration, .date): .date
    case (.subtract, .date, .date): .duration
    case (.multiply, .duration, .number), (.multiply, .number, .duration), (.divide, .duration, .number): .duration
    case (.multiply, .duration, .percent), (.multiply, .percent, .duration): .duration
    case (.multiply, .money, .number), (.multiply, .number, .money), (.divide, .money, .number): .money
    case (.multiply, .money, .percent), (.multiply, .percent, .money), (.divide, .money, .percent): .money
    case (.multiply, .percent, .number), (.multiply, .number, .percent), (.divide, .percent, .number): .percent
    case (.multiply, .percent, .percent): .percent
    case (.divide, .duration, .duration), (.divide, .money, .money), (.divide, .percent, .percent): .number
    default: nil
    }
  }

  /// How to fix a mix of types, in the user's words, true for the operands written: a bare
  /// number written where a duration, money or a percent was meant gets its unit (`30` → `30d`,
  /// `1000` → `1000 USD` in the other side's currency); a number field compared with one is
  /// told to be compared with a number or declared with the unit.
  func conversionHint(_ l: ValueType, _ r: ValueType, _ left: CheckedExpr, _ right: CheckedExpr) -> String? {
    let pair = Set([l, r])
    let (number, other) = l == .number ? (left, right) : (right, left)
    let literal: String? = {
      guard case .constant(let value) = number.kind else { return nil }
      switch value {
      case .int, .decimal: return "\(value)"
      case .missing, .bool, .percent, .duration, .money, .date, .text, .list: return nil
      }
    }()
    // The number side as its field's name, when it is a field.
    let field: String? = {
      guard case .field(let slot) = number.kind, fields.indices.contains(slot) else { return nil }
      return fields[slot].name
    }()
    if pair == [.number, .duration] {
      if let literal { return "a bare number is not a duration: write \(literal)d (days), \(literal)h or \(literal)w" }
      if let field {
        return "'\(field)' is a number: compare it with a number, or declare it a duration "
          + "(field \(field): duration in days)"
      }
      return "a number is not a duration: multiply it by one (x * 1d), or compare it with a number"
    }
    if pair == [.number, .money] {
      let code = other.currency?.code ?? "EUR"
      if let literal { return "write the amount with its currency: \(literal) \(code)" }
      if let field { return "'\(field)' is a number: declare it money (field \(field): money in \(code))" }
      return "a number is not money: multiply it by an amount (x * 1 \(code))"
    }
    if pair == [.number, .percent] {
      if literal != nil { return "write the number as a percent: 20% for 0.2" }
      if let field { return "'\(field)' is a number: compare it with a number, or declare it a percent" }
      return nil
    }
    if pair == [.percent, .money] { return "a percent of money is: 20% * revenue" }
    if pair == [.date, .duration] { return "add or subtract a duration to a date: project_end + 30d" }
    if pair.contains(.date) { return "subtract two dates to get a duration: today - project_end" }
    return nil
  }

  /// The one currency of a set of money operands; reports a mix of currencies.
  mutating func commonCurrency(_ operands: [CheckedExpr]) -> Currency? {
    var found: (Currency, CheckedExpr)?
    for operand in operands where operand.type == .money {
      guard let currency = operand.currency else { continue }
      if let (first, firstExpr) = found, first != currency {
        error(
          "currency-mismatch", "cannot mix \(first.code) and \(currency.code)", at: operand.range,
          hint: "convert to one currency first", notes: [.init("this is \(first.code)", at: firstExpr.range)])
        return nil
      }
      found = (currency, operand)
    }
    return found?.0
  }
}
