/// Multiplying and dividing a whole amount (money in ten-thousandths, a duration in seconds) by
/// a number or a percent, exactly: the product or quotient is computed on integers with 256-bit
/// intermediates and rounded once, half to even, to a whole amount.
enum ExactScaling {
  /// `amount × factor`, or `amount ÷ factor` when `op` is `.divide`, rounded half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byWhole factor: Int64) throws(ValueFailure) -> Int64 {
    guard op == .divide else { return try Value.checked(amount.multipliedReportingOverflow(by: factor)) }
    guard factor != 0 else { throw ValueFailure.divisionByZero }
    // On magnitudes, which cannot overflow: the quotient is at most |amount| ≤ 2^63.
    let divisor = factor.magnitude
    var (quotient, remainder) = amount.magnitude.quotientAndRemainder(dividingBy: divisor)
    if remainder > divisor - remainder || (remainder == divisor - remainder && quotient & 1 == 1) { quotient += 1 }
    return try signed(UInt128(quotient), negative: (amount < 0) != (factor < 0))
  }

  /// `amount × factor`, or `amount ÷ factor` when `op` is `.divide`, for a decimal (a number or
  /// a percent's fraction), rounded half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byDecimal factor: DecimalNumber) throws(ValueFailure) -> Int64 {
    if op == .divide, factor.isZero { throw ValueFailure.divisionByZero }
    let power = DecimalNumber.powerOfTen(Int(factor.scale))
    // amount × significand ÷ 10^scale, or amount × 10^scale ÷ significand.
    let (numerator, denominator) = op == .divide ? (power, factor.significand) : (factor.significand, power)
    let product = WideMagnitude(UInt128(amount.magnitude), times: numerator)
    var (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
    if remainder > denominator - remainder || (remainder == denominator - remainder && quotient.low & 1 == 1) {
      quotient = quotient + WideMagnitude(low: 1)
    }
    guard quotient.high == 0 else { throw ValueFailure.overflow }
    return try signed(quotient.low, negative: (amount < 0) != factor.isNegative)
  }

  /// What a decimal of `places` decimals is in a smaller unit `unit` times as small (seconds in
  /// a day, ten-thousandths in a currency unit): `mantissa × unit ÷ 10^places`.
  enum UnitQuotient: Equatable {
    /// Whole and within 64 bits.
    case whole(Int64)
    /// Not a whole number of the unit (`0.5s`, a fifth decimal of money).
    case notWhole
    /// Past 64 bits.
    case tooLarge
  }

  /// `mantissa × unit ÷ 10^places` with the sign `negative` gives, computed on 128 bits: on 64,
  /// multiplying first overflowed for amounts that fit (`2000000000000.25d`), and dividing
  /// first loses the remainder.
  static func inUnits(_ mantissa: Int64, negative: Bool = false, places: Int, unit: Int64) -> UnitQuotient {
    inUnits(magnitude: UInt128(mantissa.magnitude), negative: negative != (mantissa < 0), places: places, unit: unit)
  }

  /// ``inUnits(_:negative:places:unit:)`` for a significand of up to 96 bits (a cell of up to 28
  /// digits); `unit` is at most a year's seconds, so the product stays below 2^128.
  static func inUnits(magnitude: UInt128, negative: Bool, places: Int, unit: Int64) -> UnitQuotient {
    let (product, overflow) = magnitude.multipliedReportingOverflow(by: UInt128(unit.magnitude))
    guard !overflow else { return .tooLarge }
    // 10^38 is the largest power of ten within 128 bits.
    guard places <= 38 else { return product == 0 ? .whole(0) : .notWhole }
    let (quotient, remainder) = product.quotientAndRemainder(dividingBy: DecimalNumber.powerOfTen(places))
    guard remainder == 0 else { return .notWhole }
    guard let whole = try? signed(quotient, negative: negative) else { return .tooLarge }
    return .whole(whole)
  }

  /// The magnitude with its sign, or an overflow when it does not fit 64 bits.
  @inline(__always)
  private static func signed(_ magnitude: UInt128, negative: Bool) throws(ValueFailure) -> Int64 {
    guard magnitude <= UInt128(Int64.max.magnitude) + (negative ? 1 : 0) else { throw ValueFailure.overflow }
    if negative { return magnitude == UInt128(1) << 63 ? .min : -Int64(magnitude) }
    return Int64(magnitude)
  }
}
