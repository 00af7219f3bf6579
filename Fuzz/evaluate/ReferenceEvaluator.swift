/// What docs/language.md says the generated expressions give, computed on exact fractions.
///
/// Numbers: whole numbers are 64-bit integers (overflow is an error), a division that does not
/// come out even and any literal with a point give a fraction, and fractions are binary floating
/// point (`NumberModel`). Where floating point must round, the implementation's value is not
/// the exact one: the number is marked inexact, and a comparison or division that depends on it
/// is `undetermined`, which the target does not check. Logic is Kleene's, `and` and `or` skip
/// their right side when the left decides, and the first error in evaluation order wins.
struct ReferenceEvaluator {
  /// A value: missing, a truth value, or a number with whether the implementation holds it exactly.
  enum Value: Equatable {
    case missing
    case bool(Bool)
    case number(Rational, whole: Bool, exact: Bool)
  }

  /// An evaluation's result.
  enum Result: Equatable {
    case value(Value)
    case error(String)
    /// Depends on rounding that the reference does not model.
    case undetermined
  }

  let numbers: [Value]
  let bools: [Value]
  let lets: [Expression]
  let model: NumberModel

  static let overflow = "arithmetic overflow"
  static let divisionByZero = "division by zero"

  func evaluate(_ expression: Expression) throws(ReferenceGivesUp) -> Result {
    switch expression {
    case .literal(let text):
      let value = try Rational(decimal: text)
      let whole = !text.contains(".")
      return .value(.number(value, whole: whole, exact: whole || model.holds(value)))
    case .numberField(let index): return .value(numbers[index])
    case .boolField(let index): return .value(bools[index])
    case .letValue(let index): return try evaluate(lets[index])
    case .bool(let value): return .value(.bool(value))
    case .negate(let operand):
      // Negation is `0 - x`, with a whole zero or a fractional one like the operand's.
      let operand = try evaluate(operand)
      guard case .value(.number(_, let whole, _)) = operand else { return operand }
      return try arithmetic("-", .value(.number(try Rational(0), whole: whole, exact: true)), operand)
    case .arithmetic(let op, let left, let right):
      let left = try evaluate(left)
      guard case .value = left else { return left }
      return try arithmetic(op, left, try evaluate(right))
    case .compare(let op, let left, let right):
      let left = try evaluate(left)
      guard case .value = left else { return left }
      return try compare(op, left, try evaluate(right))
    case .isMissing(let operand, let negated):
      let operand = try evaluate(operand)
      guard case .value(let value) = operand else { return operand }
      return .value(.bool((value == .missing) != negated))
    case .coalesce(let left, let right):
      let left = try evaluate(left)
      return left == .value(.missing) ? try evaluate(right) : left
    case .not(let operand):
      let operand = try evaluate(operand)
      guard case .value(.bool(let value)) = operand else { return operand }
      return .value(.bool(!value))
    case .and(let left, let right):
      let left = try evaluate(left)
      guard case .value(let first) = left else { return left }
      if first == .bool(false) { return left }
      let right = try evaluate(right)
      guard case .value(let second) = right else { return right }
      if second == .bool(false) { return right }
      return first == .missing || second == .missing ? .value(.missing) : .value(.bool(true))
    case .or(let left, let right):
      let left = try evaluate(left)
      guard case .value(let first) = left else { return left }
      if first == .bool(true) { return left }
      let right = try evaluate(right)
      guard case .value(let second) = right else { return right }
      if second == .bool(true) { return right }
      return first == .missing || second == .missing ? .value(.missing) : .value(.bool(false))
    }
  }

  private func arithmetic(_ op: Character, _ left: Result, _ right: Result) throws(ReferenceGivesUp) -> Result {
    guard case .value(let first) = left else { return left }
    guard case .value(let second) = right else { return right }
    guard case .number(let a, let aWhole, let aExact) = first, case .number(let b, let bWhole, let bExact) = second
    else { return .value(.missing) }
    if aWhole && bWhole {
      let result: Rational
      switch op {
      case "+": result = try a + b
      case "-": result = try a - b
      case "*": result = try a * b
      default:
        guard !b.isZero else { return .error(Self.divisionByZero) }
        // The 64-bit quotient overflows only for Int64.min / -1.
        guard (try Rational(a.numerator / b.numerator)).fitsInt64 else { return .error(Self.overflow) }
        result = try a / b
      }
      if result.isWhole {
        return result.fitsInt64 ? .value(.number(result, whole: true, exact: true)) : .error(Self.overflow)
      }
      // An uneven division: the quotient of the two as fractions.
      return .value(.number(result, whole: false, exact: model.holds(a) && model.holds(b) && model.holds(result)))
    }
    // A fraction on either side: exact while every value involved is held exactly.
    let exact = aExact && bExact && model.holds(a) && model.holds(b)
    let result: Rational
    switch op {
    case "+": result = try a + b
    case "-": result = try a - b
    case "*": result = try a * b
    default:
      // Whether an inexact divisor came out as zero is unknown.
      guard bWhole || bExact else { return .undetermined }
      guard !b.isZero else { return .error(Self.divisionByZero) }
      result = try a / b
    }
    return .value(.number(result, whole: false, exact: exact && model.holds(result)))
  }

  private func compare(_ op: String, _ left: Result, _ right: Result) throws(ReferenceGivesUp) -> Result {
    guard case .value(let first) = left else { return left }
    guard case .value(let second) = right else { return right }
    switch (first, second) {
    case (.missing, _), (_, .missing): return .value(.missing)
    case (.bool(let a), .bool(let b)): return .value(.bool((a == b) == (op == "==")))
    case (.number(let a, let aWhole, let aExact), .number(let b, let bWhole, let bExact)):
      // Whole numbers compare exactly; with a fraction, both sides as doubles.
      let exact = aWhole && bWhole || (aExact && bExact && model.holds(a) && model.holds(b))
      guard exact else { return .undetermined }
      let order = try Rational.order(a, b)
      let holds: Bool
      switch op {
      case "<": holds = order < 0
      case "<=": holds = order <= 0
      case ">": holds = order > 0
      case ">=": holds = order >= 0
      case "==": holds = order == 0
      default: holds = order != 0
      }
      return .value(.bool(holds))
    default: return .undetermined
    }
  }
}

/// How the implementation holds numbers with a fraction, which decides when the reference's
/// exact fractions must be met exactly.
enum NumberModel {
  /// Binary floating point (`Double`), as docs/language.md describes numbers today.
  case binaryFloatingPoint
  /// Decimal floating point with this many significant digits (issue 10, item 5). Choose it
  /// with `VERDICT_FUZZ_NUMBERS=decimal` once numbers are exact decimals.
  case decimal(digits: Int)

  /// Whether a number with a fraction holds `value` exactly.
  func holds(_ value: Rational) -> Bool {
    switch self {
    case .binaryFloatingPoint: return value.fitsDouble
    case .decimal(let digits):
      // A decimal fraction: the denominator divides a power of ten; then count the digits of
      // the numerator scaled to that power, without trailing zeros.
      var rest = value.denominator
      var twos = 0
      var fives = 0
      while rest % 2 == 0 {
        rest /= 2
        twos += 1
      }
      while rest % 5 == 0 {
        rest /= 5
        fives += 1
      }
      guard rest == 1, let scale = try? Rational.power(10, max(twos, fives)) else { return false }
      let (scaled, overflow) = value.numerator.multipliedReportingOverflow(by: scale / value.denominator)
      guard !overflow else { return false }
      var significant = scaled.magnitude
      while significant != 0 && significant % 10 == 0 { significant /= 10 }
      return String(significant).count <= digits
    }
  }
}
