/// The differences a line's margins show (` (by 12)`), worked out as ``Value/arithmetic(_:_:_:)``
/// subtracts the larger value and the smaller where they fit, without making or ordering values.
extension ExplanationLineWriter {
  /// The larger of two different whole numbers, durations or amounts of one currency less the
  /// smaller, as ``Value/arithmetic(_:_:_:)`` subtracts them, when it fits; `nil` for anything
  /// else, left to the general arithmetic.
  static func plainDifference(_ a: Value, _ b: Value) -> Value? {
    func difference(_ x: Int64, _ y: Int64) -> Int64? {
      let (result, overflow) = max(x, y).subtractingReportingOverflow(min(x, y))
      return x == y || overflow ? nil : result
    }
    if case .int(let x) = a, case .int(let y) = b { return difference(x, y).map { .int($0) } }
    if case .duration(let x) = a, case .duration(let y) = b {
      return difference(x.seconds, y.seconds).map { .duration(TimeSpan(seconds: $0)) }
    }
    if case .money(let x) = a, case .money(let y) = b, x.currency == y.currency {
      return difference(x.scaledAmount, y.scaledAmount).map { .money(Money(scaledAmount: $0, currency: x.currency)) }
    }
    return decimalDifference(a, b).map { .decimal($0) }
  }

  /// The larger of two different numbers, one of them a decimal, less the smaller, when both
  /// significands fit 64 bits, neither has more than 18 places and the difference fits a decimal
  /// exactly: the value ``DecimalNumber/subtracting(_:_:)`` gives then (the line shows a decimal
  /// by its value alone); `nil` otherwise, left to the general arithmetic.
  static func decimalDifference(_ a: Value, _ b: Value) -> DecimalNumber? {
    switch (a, b) {
    case (.decimal(let p), .decimal(let q)): decimalDifference(p, q)
    case (.decimal(let p), .int(let q)): decimalDifference(p, DecimalNumber(q))
    case (.int(let p), .decimal(let q)): decimalDifference(DecimalNumber(p), q)
    default: nil
    }
  }

  /// The larger of a decimal and a whole number less the smaller, as the general arithmetic
  /// subtracts them, on 64 bits or else 128 when all fits: most margins shown are such, a field
  /// against a whole number (`hours_last_month 153.8 > 0 (by 153.8)`) or the 28-digit quotient
  /// `revenue_last_month / hours_last_month` against one, which took the general arithmetic and
  /// ordering of values. `nil` when they are equal or the difference does not fit a decimal.
  static func wholeDifference(_ decimal: DecimalNumber, _ whole: Int64) -> DecimalNumber? {
    if decimal.high == 0, decimal.scale <= 18, decimal.low <= UInt64(Int64.max) {
      let (scaled, overflow) = whole.multipliedReportingOverflow(
        by: Int64(DecimalNumber.powerOfTen64(Int(decimal.scale))))
      let signed = decimal.isNegative ? -Int64(decimal.low) : Int64(decimal.low)
      let (difference, overflowAgain) = signed.subtractingReportingOverflow(scaled)
      if !overflow, !overflowAgain {
        guard difference != 0 else { return nil }
        return DecimalNumber(significand: UInt128(difference.magnitude), scale: Int(decimal.scale), negative: false)
      }
    }
    // A significand below 10^28 and a scale of at most 28: 128 bits hold them signed.
    guard decimal.scale <= 28, decimal.significand < DecimalNumber.significandLimit else { return nil }
    let (scaled, overflow) = Int128(whole).multipliedReportingOverflow(
      by: Int128(DecimalNumber.powerOfTen(Int(decimal.scale))))
    let significand = Int128(decimal.significand)
    let (difference, overflowAgain) = (decimal.isNegative ? -significand : significand).subtractingReportingOverflow(
      scaled)
    guard !overflow, !overflowAgain, difference != 0, difference.magnitude < DecimalNumber.significandLimit else {
      return nil
    }
    return DecimalNumber(significand: difference.magnitude, scale: Int(decimal.scale), negative: false)
  }

  /// ``decimalDifference(_:_:)-(Value,Value)`` of two decimals (a whole number as one).
  static func decimalDifference(_ x: DecimalNumber, _ y: DecimalNumber) -> DecimalNumber? {
    let scale = max(x.scale, y.scale)
    guard x.high == 0, y.high == 0, scale <= 18 else { return nil }
    // Below 2^64 × 10^18 each, so neither they nor their difference overflow 128 bits.
    func scaled(_ number: DecimalNumber) -> Int128 {
      let magnitude = Int128(number.low) * Int128(DecimalNumber.powerOfTen64(Int(scale - number.scale)))
      return number.isNegative ? -magnitude : magnitude
    }
    let difference = (scaled(x) - scaled(y)).magnitude
    guard difference != 0, difference < DecimalNumber.significandLimit else { return nil }
    return DecimalNumber(significand: difference, scale: Int(scale), negative: false)
  }
}
