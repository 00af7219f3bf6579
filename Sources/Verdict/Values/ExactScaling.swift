/// Multiplying and dividing a whole amount (money in ten-thousandths, a duration in seconds) by
/// a number or a percent, exactly: the product or quotient is computed on integers with 128-bit
/// intermediates and rounded once, half to even, to a whole amount.
///
/// A whole factor is used as it is. A fraction is a `Double`; it is taken as the decimal it was
/// written as, the one with the fewest decimal places that reads back as that `Double` (`1.1`,
/// `0.2`, `12.5%` as `0.125`), which is exact for every decimal of up to 15 significant digits.
/// A `Double` that is no such decimal (a computed `0.1 * 3`) is taken as the binary fraction it
/// holds, exactly.
enum ExactScaling {
  /// `amount × factor`, or `amount ÷ factor` when `op` is `.divide`, rounded half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byWhole factor: Int64) throws(ValueFailure) -> Int64 {
    guard op == .divide else { return try Value.checked(amount.multipliedReportingOverflow(by: factor)) }
    guard factor != 0 else { throw ValueFailure.divisionByZero }
    // `%` traps on `Int64.min % -1`; that quotient does not fit, which the wide path reports.
    if !(amount == .min && factor == -1), amount % factor == 0 { return amount / factor }
    return try rounded(amount, times: 1, over: factor.magnitude, shift: 0, negative: factor < 0)
  }

  /// `amount × factor`, or `amount ÷ factor` when `op` is `.divide`, for a fraction, rounded
  /// half to even.
  static func scale(_ amount: Int64, _ op: Arithmetic, byFraction factor: Double) throws(ValueFailure) -> Int64 {
    guard factor.isFinite else { throw ValueFailure.overflow }
    if op == .divide, factor == 0 { throw ValueFailure.divisionByZero }
    let negative = factor < 0
    if let (digits, places) = decimal(of: factor.magnitude) {
      let power = powersOfTen[places]
      return op == .divide
        ? try rounded(amount, times: power, over: digits, shift: 0, negative: negative)
        : try rounded(amount, times: digits, over: power, shift: 0, negative: negative)
    }
    // magnitude = significand × 2^exponent, the significand a whole number below 2^53.
    let significand = factor.isNormal ? factor.significandBitPattern | 1 << 52 : factor.significandBitPattern
    let exponent = factor.isNormal ? Int(factor.exponent) - 52 : -1074
    return op == .divide
      ? try rounded(amount, times: 1, over: significand, shift: -exponent, negative: negative)
      : try rounded(amount, times: significand, over: 1, shift: exponent, negative: negative)
  }

  /// The decimal `digits ÷ 10^places` with the fewest places that reads back as `value`, when
  /// one has fewer than 16 significant digits.
  static func decimal(of value: Double) -> (digits: UInt64, places: Int)? {
    for places in 0..<powersOfTen.count {
      let power = Double(powersOfTen[places])
      let scaled = value * power
      guard scaled < 0x1p53 else { return nil }
      let digits = scaled.rounded()
      // Both operands are exact and division rounds correctly, so this is the Double the
      // decimal text reads as.
      if digits / power == value { return (UInt64(digits), places) }
    }
    return nil
  }

  /// 10^0 … 10^18.
  static let powersOfTen: [UInt64] = (0...18).reduce(into: []) { powers, index in
    powers.append(index == 0 ? 1 : powers[index - 1] * 10)
  }

  /// `amount × numerator × 2^shift ÷ denominator`, negated when `negative`, rounded half to even;
  /// an overflow when it does not fit 64 bits.
  private static func rounded(
    _ amount: Int64, times numerator: UInt64, over denominator: UInt64, shift: Int, negative: Bool
  ) throws(ValueFailure) -> Int64 {
    guard denominator != 0 else { throw ValueFailure.divisionByZero }
    let product = UInt128(amount.magnitude) * UInt128(numerator)
    let resultIsNegative = (amount < 0) != negative
    guard product != 0 else { return 0 }
    var dividend = product
    var divisor = UInt128(denominator)
    if shift > 0 {
      // A dividend past 128 bits gives a quotient past 64 bits, the divisor being below 2^64.
      guard shift < 128, product.leadingZeroBitCount >= shift else { throw ValueFailure.overflow }
      dividend = product << shift
    } else if shift < 0 {
      // A divisor of 2^128 or more is more than twice the dividend: the quotient rounds to 0.
      guard -shift < 128, divisor.leadingZeroBitCount >= -shift else { return 0 }
      divisor <<= -shift
    }
    var (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
    if remainder > divisor - remainder || (remainder == divisor - remainder && quotient & 1 == 1) {
      quotient += 1
    }
    let limit = UInt128(Int64.max.magnitude) + (resultIsNegative ? 1 : 0)
    guard quotient <= limit else { throw ValueFailure.overflow }
    if resultIsNegative { return quotient == UInt128(1) << 63 ? .min : -Int64(quotient) }
    return Int64(quotient)
  }
}
