/// What docs/language.md says the generated expressions give, computed on exact fractions.
///
/// Numbers: whole numbers are 64-bit integers while they fit; a division that does not come out
/// even, a whole result past 64 bits and any literal with a point give a decimal of 28 significant
/// digits (`NumberModel`), and a decimal whose whole part needs more than 28 digits is an
/// overflow. Where a decimal must be rounded, the reference does not model the rounding: the
/// number is marked inexact, and a comparison or division that depends on it is `undetermined`,
/// which the target does not check. Logic is Kleene's, `and` and `or` skip their right side when
/// the left decides, and the first error in evaluation order wins.
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
      // A whole literal past 64 bits is a decimal.
      let value = try Rational(decimal: text)
      let whole = !text.contains(".") && value.fitsInt64
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
        result = try a / b
      }
      if result.isWhole && result.fitsInt64 { return .value(.number(result, whole: true, exact: true)) }
      // An uneven division, or a whole number past 64 bits (Int64.min / -1 too): a decimal.
      return try decimal(result, operandsExact: true)
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
    return try decimal(result, operandsExact: exact)
  }

  /// The decimal the implementation computes for the exact `result` of an operation: the same
  /// number when it holds it, else a rounded one, or an overflow when the whole part needs more
  /// than 28 digits. With inexact operands, the implementation's result may be far from the
  /// exact one (a difference of nearly equal numbers, multiplied), so a large one is undetermined.
  private func decimal(_ result: Rational, operandsExact: Bool) throws(ReferenceGivesUp) -> Result {
    let magnitude = result.numerator < 0 ? try Rational(-result.numerator, result.denominator) : result
    guard operandsExact else {
      let large = try Rational(try Rational.power(10, 20))
      return try Rational.order(magnitude, large) >= 0
        ? .undetermined : .value(.number(result, whole: false, exact: false))
    }
    if model.holds(result) { return .value(.number(result, whole: false, exact: true)) }
    // Rounded half to even to 28 significant digits, it reaches 10^28 from 10^28 − 1/2 on.
    let first = try Rational(try Rational.power(10, 28) * 2 - 1, 2)
    if try Rational.order(magnitude, first) >= 0 { return .error(Self.overflow) }
    return .value(.number(result, whole: false, exact: false))
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
  /// Decimals with this many significant digits and at most as many decimal places, as
  /// docs/language.md describes numbers.
  case decimal(digits: Int)

  /// Whether a number with a fraction holds `value` exactly.
  func holds(_ value: Rational) -> Bool {
    switch self {
    case .decimal(let digits):
      // A decimal fraction: the denominator divides a power of ten (at most 10^digits); then
      // count the digits of the numerator scaled to the smallest such power.
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
      guard rest == 1, max(twos, fives) <= digits, let scale = try? Rational.power(10, max(twos, fives)) else {
        return false
      }
      let (scaled, overflow) = value.numerator.multipliedReportingOverflow(by: scale / value.denominator)
      guard !overflow else { return false }
      // At the fewest decimal places, zeros at the end are whole-number digits, which count.
      return String(scaled.magnitude).count <= digits
    }
  }
}
