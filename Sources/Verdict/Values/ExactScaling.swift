/// Multiplying and dividing a whole amount (money in ten-thousandths, a duration in seconds) by
/// a number or a percent, exactly: the product or quotient is computed on integers with 256-bit
/// intermediates and rounded once, half to even, to a whole amount.
enum ExactScaling {
  /// `amount × factor`, or `amount ÷ factor` when `op` is `.divide`, rounded half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byWhole factor: Int64) throws(ValueFailure) -> Int64 {
    guard op == .divide else { return try Value.checked(amount.multipliedReportingOverflow(by: factor)) }
    guard factor != 0 else { throw ValueFailure.divisionByZero }
    // `%` traps on `Int64.min % -1`; that quotient does not fit, which the wide path reports.
    if !(amount == .min && factor == -1), amount % factor == 0 { return amount / factor }
    return try scale(amount, .divide, byDecimal: DecimalNumber(factor))
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
    let resultIsNegative = (amount < 0) != factor.isNegative
    let limit = UInt128(Int64.max.magnitude) + (resultIsNegative ? 1 : 0)
    guard quotient.high == 0, quotient.low <= limit else { throw ValueFailure.overflow }
    if resultIsNegative { return quotient.low == UInt128(1) << 63 ? .min : -Int64(quotient.low) }
    return Int64(quotient.low)
  }
}
