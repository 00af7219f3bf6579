/// A whole number of up to 256 bits: the exact intermediate of decimal arithmetic, where a
/// product of two 28-digit significands, or one scaled up to a common point, needs 56 digits.
struct WideMagnitude: Equatable, Comparable {
  var high: UInt128
  var low: UInt128

  init(high: UInt128 = 0, low: UInt128) {
    self.high = high
    self.low = low
  }

  /// `a × b`, exactly.
  @inline(__always)
  init(_ a: UInt128, times b: UInt128) {
    if a >> 64 == 0 && b >> 64 == 0 {
      self.init(low: a * b)
    } else {
      let product = a.multipliedFullWidth(by: b)
      self.init(high: product.high, low: product.low)
    }
  }

  var isZero: Bool { high == 0 && low == 0 }

  static func < (a: WideMagnitude, b: WideMagnitude) -> Bool {
    a.high != b.high ? a.high < b.high : a.low < b.low
  }

  /// `self × factor`, or `nil` past 256 bits.
  func times(_ factor: UInt128) -> WideMagnitude? {
    let lowProduct = low.multipliedFullWidth(by: factor)
    let (highProduct, overflow) = high.multipliedReportingOverflow(by: factor)
    let (carried, overflowAgain) = highProduct.addingReportingOverflow(lowProduct.high)
    guard !overflow, !overflowAgain else { return nil }
    return WideMagnitude(high: carried, low: lowProduct.low)
  }

  /// `a + b`; the operands here are far below 2^255, so the sum fits.
  static func + (a: WideMagnitude, b: WideMagnitude) -> WideMagnitude {
    let (low, carry) = a.low.addingReportingOverflow(b.low)
    return WideMagnitude(high: a.high &+ b.high &+ (carry ? 1 : 0), low: low)
  }

  /// `a − b` for `a ≥ b`.
  static func - (a: WideMagnitude, b: WideMagnitude) -> WideMagnitude {
    let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
    return WideMagnitude(high: a.high &- b.high &- (borrow ? 1 : 0), low: low)
  }

  /// The quotient and remainder of a division by a nonzero `divisor`.
  func quotientAndRemainder(dividingBy divisor: UInt128) -> (quotient: WideMagnitude, remainder: UInt128) {
    if high == 0 {
      let (quotient, remainder) = low.quotientAndRemainder(dividingBy: divisor)
      return (WideMagnitude(low: quotient), remainder)
    }
    let (highQuotient, carried) = high.quotientAndRemainder(dividingBy: divisor)
    // `carried` is below the divisor, so the low quotient fits 128 bits.
    let (lowQuotient, remainder) = divisor.dividingFullWidth((carried, low))
    return (WideMagnitude(high: highQuotient, low: lowQuotient), remainder)
  }

  /// `self ÷ 10^exponent` rounded down, and whether anything was dropped.
  func droppingDigits(_ exponent: Int) -> (quotient: WideMagnitude, inexact: Bool) {
    var rest = self
    var inexact = false
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 38)
      let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: DecimalNumber.powerOfTen(step))
      rest = quotient
      inexact = inexact || remainder != 0
      remaining -= step
    }
    return (rest, inexact)
  }

  /// How many decimal digits the number has (0 for zero).
  var digitCount: Int {
    if high == 0 {
      // bits × log10(2), with 1233 / 4096 just below log10(2), is the count or one less.
      let bits = UInt128.bitWidth - low.leadingZeroBitCount
      let estimate = (bits * 1233) >> 12
      return estimate < 39 && low >= DecimalNumber.powerOfTen(estimate) ? estimate + 1 : estimate
    }
    // At least 39 digits: count those of the quotient by 10^38.
    return 38 + quotientAndRemainder(dividingBy: DecimalNumber.powerOfTen(38)).quotient.digitCount
  }
}
