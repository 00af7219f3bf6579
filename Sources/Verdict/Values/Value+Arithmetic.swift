/// Arithmetic and comparison on values at run time. Nothing here traps: overflow, division by
/// zero and mixed currencies are ``ValueFailure``s, which the evaluator reports with the source
/// position.
extension Value {
  /// Applies an arithmetic operator. Missing operands give missing.
  static func arithmetic(_ op: Arithmetic, _ left: Value, _ right: Value) throws(ValueFailure) -> Value {
    switch (left, right) {
    case (.missing, _), (_, .missing):
      return .missing
    case (.int(let a), .int(let b)):
      return try integer(op, a, b)
    case (.int, .decimal), (.decimal, .int), (.decimal, .decimal):
      return .decimal(try decimal(op, left.asDecimal!, right.asDecimal!))
    case (.duration(let a), .duration(let b)):
      switch op {
      case .add: return .duration(TimeSpan(seconds: try checked(a.seconds.addingReportingOverflow(b.seconds))))
      case .subtract:
        return .duration(TimeSpan(seconds: try checked(a.seconds.subtractingReportingOverflow(b.seconds))))
      case .divide: return try integer(.divide, a.seconds, b.seconds)
      case .multiply: break
      }
    case (.duration(let span), .int), (.duration(let span), .decimal), (.duration(let span), .percent):
      if op == .multiply || op == .divide {
        return .duration(TimeSpan(seconds: try scale(span.seconds, op, by: right)))
      }
    case (.int, .duration(let span)), (.decimal, .duration(let span)), (.percent, .duration(let span)):
      if op == .multiply { return .duration(TimeSpan(seconds: try scale(span.seconds, .multiply, by: left))) }
    case (.money(let a), .money(let b)):
      guard a.currency == b.currency else { throw ValueFailure("cannot mix \(a.currency.code) and \(b.currency.code)") }
      switch op {
      case .add:
        return .money(
          Money(scaledAmount: try checked(a.scaledAmount.addingReportingOverflow(b.scaledAmount)), currency: a.currency)
        )
      case .subtract:
        return .money(
          Money(
            scaledAmount: try checked(a.scaledAmount.subtractingReportingOverflow(b.scaledAmount)), currency: a.currency
          ))
      case .divide: return try integer(.divide, a.scaledAmount, b.scaledAmount)
      case .multiply: break
      }
    case (.money(let money), .int), (.money(let money), .decimal), (.money(let money), .percent):
      if op == .multiply || op == .divide {
        return .money(Money(scaledAmount: try scale(money.scaledAmount, op, by: right), currency: money.currency))
      }
    case (.int, .money(let money)), (.decimal, .money(let money)), (.percent, .money(let money)):
      if op == .multiply {
        return .money(Money(scaledAmount: try scale(money.scaledAmount, .multiply, by: left), currency: money.currency))
      }
    case (.percent(let a), .percent(let b)):
      return op == .divide ? .decimal(try decimal(op, a, b)) : .percent(try decimal(op, a, b))
    case (.percent(let a), .int), (.percent(let a), .decimal):
      if op == .multiply || op == .divide { return .percent(try decimal(op, a, right.asDecimal!)) }
    case (.int, .percent(let b)), (.decimal, .percent(let b)):
      if op == .multiply { return .percent(try decimal(.multiply, left.asDecimal!, b)) }
    case (.date(let date), .duration(let span)):
      if op == .add || op == .subtract {
        let days = span.seconds / 86_400
        let result =
          op == .add
          ? date.daysSinceEpoch.addingReportingOverflow(days) : date.daysSinceEpoch.subtractingReportingOverflow(days)
        return .date(try calendarDate(result))
      }
    case (.duration(let span), .date(let date)):
      if op == .add {
        return .date(try calendarDate(date.daysSinceEpoch.addingReportingOverflow(span.seconds / 86_400)))
      }
    case (.date(let a), .date(let b)):
      if op == .subtract {
        let days = try checked(a.daysSinceEpoch.subtractingReportingOverflow(b.daysSinceEpoch))
        guard let span = TimeSpan(days: days) else { throw ValueFailure.overflow }
        return .duration(span)
      }
    default:
      break
    }
    throw ValueFailure(
      "cannot apply '\(op.rawValue)' to \(left.type?.described ?? "missing") and \(right.type?.described ?? "missing")")
  }

  /// The date `days` after 1970-01-01, when it lies within the calendar's years 1 to 9999.
  private static func calendarDate(_ days: (partialValue: Int64, overflow: Bool)) throws(ValueFailure) -> CalendarDate {
    let days = try checked(days)
    guard days <= CalendarDate.last.daysSinceEpoch else { throw ValueFailure.dateAfterLast }
    guard days >= CalendarDate.first.daysSinceEpoch else { throw ValueFailure.dateBeforeFirst }
    return CalendarDate(daysSinceEpoch: days)
  }

  /// Whole-number arithmetic; a result stays a 64-bit integer when it is whole and fits, and is
  /// otherwise a decimal (a quotient that does not come out even, a sum past 64 bits).
  private static func integer(_ op: Arithmetic, _ a: Int64, _ b: Int64) throws(ValueFailure) -> Value {
    let result: (partialValue: Int64, overflow: Bool)
    switch op {
    case .add: result = a.addingReportingOverflow(b)
    case .subtract: result = a.subtractingReportingOverflow(b)
    case .multiply: result = a.multipliedReportingOverflow(by: b)
    case .divide:
      guard b != 0 else { throw ValueFailure.divisionByZero }
      // `%` traps on `Int64.min % -1`, whose quotient does not fit 64 bits.
      let even = !(a == .min && b == -1) && a % b == 0
      result = even ? (a / b, false) : (0, true)
    }
    if !result.overflow { return .int(result.partialValue) }
    return .decimal(try decimal(op, DecimalNumber(a), DecimalNumber(b)))
  }

  /// Decimal arithmetic (see ``DecimalNumber``).
  private static func decimal(_ op: Arithmetic, _ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure)
    -> DecimalNumber
  {
    try DecimalNumber.applying(op, a, b)
  }

  /// Multiplies or divides a whole amount (seconds, scaled money) by a number or percent, exactly,
  /// rounding half to even (see ``ExactScaling``).
  private static func scale(_ amount: Int64, _ op: Arithmetic, by factor: Value) throws(ValueFailure) -> Int64 {
    switch factor {
    case .int(let whole): return try ExactScaling.scale(amount, op, byWhole: whole)
    case .decimal(let value), .percent(let value): return try ExactScaling.scale(amount, op, byDecimal: value)
    default: throw ValueFailure("cannot scale by \(factor.type?.described ?? "missing")")
    }
  }

  /// Multiplies or divides a whole amount by a whole number, exactly, rounding half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byWhole whole: Int64) throws(ValueFailure) -> Int64 {
    try ExactScaling.scale(amount, op, byWhole: whole)
  }

  static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws(ValueFailure) -> Int64 {
    if result.overflow { throw ValueFailure.overflow }
    return result.partialValue
  }

  /// Zero of the same kind, for negation.
  static func zero(like value: Value) -> Value {
    switch value {
    case .duration: .duration(TimeSpan(seconds: 0))
    case .money(let money): .money(Money(scaledAmount: 0, currency: money.currency))
    case .percent: .percent(DecimalNumber(0))
    case .decimal: .decimal(DecimalNumber(0))
    default: .int(0)
    }
  }

  /// The value as a decimal, for numbers.
  var asDecimal: DecimalNumber? {
    switch self {
    case .int(let value): DecimalNumber(value)
    case .decimal(let value): value
    default: nil
    }
  }
}

/// Why an operation on values failed; the evaluator adds where.
struct ValueFailure: Error, Sendable {
  var message: String
  var hint: String?

  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  static let overflow = ValueFailure("arithmetic overflow", hint: "the result is too large to represent")
  static let divisionByZero = ValueFailure("division by zero", hint: "guard it: … and x != 0, or use ??")
  static let dateAfterLast = ValueFailure(
    "date out of range: after 9999-12-31", hint: "dates run from 0001-01-01 to 9999-12-31")
  static let dateBeforeFirst = ValueFailure(
    "date out of range: before 0001-01-01", hint: "dates run from 0001-01-01 to 9999-12-31")
}
