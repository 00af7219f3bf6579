/// The built-in functions at run time. A missing argument makes the result missing, except for
/// `count`, which counts the conditions that are definitely true.
extension Interpreter {
  mutating func call(_ builtin: Builtin, operands first: Int32, count: Int32, at expr: Int32) throws(Interrupt)
    -> Scalar
  {
    if builtin == .count {
      var total: Int64 = 0
      for offset in 0..<count {
        if try evaluate(operand(first + offset)).isTrue { total += 1 }
      }
      return Scalar(kind: .int, payload: total)
    }
    if builtin == .min || builtin == .max {
      var best = try evaluate(operand(first))
      for offset in 1..<max(1, count) {
        let scalar = try evaluate(operand(first + offset))
        if best.isMissing || scalar.isMissing { best = .missing; continue }
        do throws(ValueFailure) {
          let order: Int
          if let known = Scalar.orderIntegers(scalar, best) {
            order = known
          } else {
            order = try Value.ordering(value(of: scalar), value(of: best))
          }
          if builtin == .min ? order < 0 : order > 0 { best = scalar }
        } catch { throw located(error, expr) }
      }
      return best
    }
    let operand = try evaluate(operand(first))
    // Days between dates, the commonest call, straight from the scalar.
    if operand.kind == .date, builtin == .daysUntil || builtin == .daysSince {
      let today = context.pointee.today.daysSinceEpoch
      let span =
        builtin == .daysUntil ? try days(operand.payload, today, expr) : try days(today, operand.payload, expr)
      return Scalar(kind: .duration, payload: span.seconds)
    }
    let argument = value(of: operand)
    if argument.isMissing { return .missing }
    return scalar(try apply(builtin, to: argument, at: expr))
  }

  /// A one-argument builtin applied to a present value.
  private mutating func apply(_ builtin: Builtin, to argument: Value, at expr: Int32) throws(Interrupt) -> Value {
    switch (builtin, argument) {
    case (.daysSince, .date(let date)):
      return .duration(try days(context.pointee.today.daysSinceEpoch, date.daysSinceEpoch, expr))
    case (.daysUntil, .date(let date)):
      return .duration(try days(date.daysSinceEpoch, context.pointee.today.daysSinceEpoch, expr))
    case (.abs, .int(let value)):
      // |Int64.min| is past 64 bits: a decimal.
      return value == .min ? .decimal(DecimalNumber(value).magnitude) : .int(Swift.abs(value))
    case (.abs, .decimal(let value)): return .decimal(value.magnitude)
    case (.abs, .percent(let value)): return .percent(value.magnitude)
    case (.abs, .duration(let span)):
      guard span.seconds != .min else { throw located(.overflow, expr) }
      return .duration(TimeSpan(seconds: Swift.abs(span.seconds)))
    case (.abs, .money(let money)):
      guard money.scaledAmount != .min else { throw located(.overflow, expr) }
      return .money(Money(scaledAmount: Swift.abs(money.scaledAmount), currency: money.currency))
    case (.round, .int): return argument
    case (.round, .decimal(let value)):
      let rounded = value.rounded(toPlaces: 0)
      return rounded.wholeValue.map { .int($0) } ?? .decimal(rounded)
    case (.round, .percent(let value)): return .percent(value.rounded(toPlaces: 2))
    case (.round, .duration(let span)):
      guard let seconds = Interpreter.roundToMultiple(span.seconds, of: 86_400) else { throw located(.overflow, expr) }
      return .duration(TimeSpan(seconds: seconds))
    case (.round, .money(let money)):
      guard let amount = Interpreter.roundToMultiple(money.scaledAmount, of: Money.scale) else {
        throw located(.overflow, expr)
      }
      return .money(Money(scaledAmount: amount, currency: money.currency))
    case (.lower, .text(let text)): return .text(text.lowercased())
    case (.len, .text(let text)): return .int(Int64(text.count))
    case (.len, .list(let items)): return .int(Int64(items.count))
    default:
      throw typeError("\(builtin.rawValue) cannot take \(argument.type?.described ?? "missing")", expr)
    }
  }

  /// The days from `start` to `end` as a duration.
  @inline(__always)
  private mutating func days(_ end: Int64, _ start: Int64, _ expr: Int32) throws(Interrupt) -> TimeSpan {
    let (difference, overflow) = end.subtractingReportingOverflow(start)
    guard !overflow, let span = TimeSpan(days: difference) else { throw located(.overflow, expr) }
    return span
  }

  /// Rounds to the nearest multiple, halves to even (whole days, whole currency units); `nil`
  /// when that multiple is past 64 bits (the largest duration, rounded to days, is a day more
  /// than any duration can be: an overflow, not the day below).
  static func roundToMultiple(_ value: Int64, of unit: Int64) -> Int64? {
    let remainder = value % unit
    let result = value - remainder
    let twice = Swift.abs(remainder) * 2
    guard twice > unit || (twice == unit && (result / unit) % 2 != 0) else { return result }
    let (adjusted, overflow) = result.addingReportingOverflow(remainder < 0 ? -unit : unit)
    return overflow ? nil : adjusted
  }
}
