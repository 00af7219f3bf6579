/// The commonest division, of two numbers whose significands fit 64 bits (`revenue / hours` on
/// data cells), worked out in 128 bits: the general path (``DecimalNumber/wideQuotient(_:_:)``)
/// counts, divides and rounds in 256 bits, about 600 instructions a division, several times this.
extension DecimalNumber {
  /// `a ÷ b` exactly as ``wideQuotient(_:_:)`` gives it, for nonzero `a` and `b` whose
  /// significands fit 64 bits (the caller checks: only their low words are read); `nil`, for the general path, when the scaled dividend could reach
  /// 10^38 (its digits are counted, not its bits) or the result is at an edge of the range (an
  /// overflow, or rounding up to 10^28).
  ///
  /// The same steps: the dividend scaled up by 10^extra so that the quotient has a digit past
  /// those kept; then the digits past 28 significant digits and 28 decimal places dropped in one
  /// division, and rounded half to even on what was dropped and whether the division left a
  /// remainder; then zeros at the end of the fraction removed.
  static func narrowQuotient(_ a: DecimalNumber, _ b: DecimalNumber) -> DecimalNumber? {
    let aDigits = digitCount(a.low)
    let extra = min(29 - Int(a.scale) + Int(b.scale), 30 - aDigits + digitCount(b.low))
    // a < 10^aDigits, so the dividend is below 10^38 < 2^128.
    guard aDigits + extra <= 38 else { return nil }
    let (quotient, remainder) = (UInt128(a.low) * powerOfTen(extra)).quotientAndRemainder(
      dividingBy: UInt128(b.low))
    let scale = Int(a.scale) - Int(b.scale) + extra
    // Its digits, as `WideMagnitude.digitCount` counts them: the quotient is below 10^38.
    let estimate = ((128 - quotient.leadingZeroBitCount) * 1233) >> 12
    let digits = quotient >= powerOfTen(estimate) ? estimate + 1 : estimate
    let drop = max(scale - maximumDigits, digits - maximumDigits, 0)
    // `extra` leaves at least one digit to drop; more than the scale is an overflow.
    guard drop > 0, drop <= scale else { return nil }
    let unit = powerOfTen(drop)
    var (kept, dropped) = quotient.quotientAndRemainder(dividingBy: unit)
    let half = unit / 2
    if dropped > half || (dropped == half && (remainder != 0 || kept & 1 == 1)) { kept += 1 }
    guard kept < significandLimit else { return nil }
    var keptScale = scale - drop
    while keptScale > 0, kept % 10 == 0, kept != 0 {
      kept /= 10
      keptScale -= 1
    }
    if kept == 0 { keptScale = 0 }
    return DecimalNumber(significand: kept, scale: keptScale, negative: a.isNegative != b.isNegative)
  }

  /// How many decimal digits `value` has (0 for zero).
  @inline(__always)
  static func digitCount(_ value: UInt64) -> Int {
    // bits × log10(2), with 1233 / 4096 just below log10(2), is the count or one less.
    let estimate = ((64 - value.leadingZeroBitCount) * 1233) >> 12
    return value >= powerOfTen64(estimate) ? estimate + 1 : estimate
  }
}
