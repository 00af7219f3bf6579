/// Decimal arithmetic: exact while a result fits 28 significant digits and 28 decimal places,
/// else rounded once, half to even; an overflow when the whole part needs more than 28 digits.
extension DecimalNumber {
  /// `a op b`.
  static func applying(_ op: Arithmetic, _ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    switch op {
    case .add: try adding(a, b)
    case .subtract: try subtracting(a, b)
    case .multiply: try multiplying(a, b)
    case .divide: try dividing(a, b)
    }
  }

  /// `a + b`.
  static func adding(_ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    if a.scale == b.scale, a.isNegative == b.isNegative {
      // The commonest sum: both significands are below 10^28, so this cannot overflow.
      let sum = a.significand + b.significand
      if sum < significandLimit { return DecimalNumber(significand: sum, scale: Int(a.scale), negative: a.isNegative) }
    }
    let common = Int(max(a.scale, b.scale))
    let x = WideMagnitude(a.significand, times: powerOfTen(common - Int(a.scale)))
    let y = WideMagnitude(b.significand, times: powerOfTen(common - Int(b.scale)))
    if a.isNegative == b.isNegative { return try rounded(x + y, scale: common, negative: a.isNegative) }
    return x < y
      ? try rounded(y - x, scale: common, negative: b.isNegative)
      : try rounded(x - y, scale: common, negative: a.isNegative)
  }

  /// `a − b`.
  static func subtracting(_ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    try adding(a, b.negated)
  }

  /// `a × b`.
  static func multiplying(_ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    try rounded(
      WideMagnitude(a.significand, times: b.significand), scale: Int(a.scale) + Int(b.scale),
      negative: a.isNegative != b.isNegative)
  }

  /// `a ÷ b`, rounded half to even to 28 significant digits (and 28 decimal places), without
  /// trailing zeros after the point: `1 / 4` is `0.25`, `2 / 3` is `0.6666666666666666666666666667`.
  static func dividing(_ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    guard !b.isZero else { throw ValueFailure.divisionByZero }
    if a.isZero { return DecimalNumber(0) }
    if a.high == 0, b.high == 0, let quotient = narrowQuotient(a, b) { return quotient }
    return try wideQuotient(a, b)
  }

  /// `a ÷ b` for a nonzero `a` and `b`, in 256-bit arithmetic whatever their size: what
  /// ``dividing(_:_:)`` gives when ``narrowQuotient(_:_:)`` does not.
  static func wideQuotient(_ a: DecimalNumber, _ b: DecimalNumber) throws(ValueFailure) -> DecimalNumber {
    // Scale the dividend up by 10^extra so that the quotient has a digit past what is kept
    // (29 decimal places, or 29 significant digits and more); the remainder then only says
    // whether anything follows it, which settles a tie.
    let aDigits = WideMagnitude(low: a.significand).digitCount
    let bDigits = WideMagnitude(low: b.significand).digitCount
    let extra = min(29 - Int(a.scale) + Int(b.scale), 30 - aDigits + bDigits)
    var dividend = WideMagnitude(a.significand, times: powerOfTen(min(extra, 38)))
    if extra > 38 {
      // Below 10^58, so it fits.
      guard let scaled = dividend.times(powerOfTen(extra - 38)) else { throw ValueFailure.overflow }
      dividend = scaled
    }
    let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: b.significand)
    let result = try rounded(
      quotient, scale: Int(a.scale) - Int(b.scale) + extra, negative: a.isNegative != b.isNegative,
      inexact: remainder != 0)
    return result.trimmed
  }

  /// The decimal nearest to `magnitude × 10^-scale` (negated when `negative`), half to even, to
  /// 28 significant digits and 28 decimal places; `inexact` tells that nonzero digits followed
  /// the magnitude. An overflow when the whole part has more than 28 digits.
  static func rounded(
    _ magnitude: WideMagnitude, scale: Int, negative: Bool, inexact: Bool = false
  ) throws(ValueFailure) -> DecimalNumber {
    if magnitude.high == 0, magnitude.low < significandLimit, scale >= 0, scale <= maximumDigits, !inexact {
      return DecimalNumber(significand: magnitude.low, scale: scale, negative: negative)
    }
    let digits = magnitude.digitCount
    if scale < 0 {
      // Only a quotient has a negative scale, and then at least 30 digits: far too large.
      guard magnitude.isZero else { throw ValueFailure.overflow }
      return DecimalNumber(0)
    }
    let drop = max(scale - maximumDigits, digits - maximumDigits, 0)
    guard drop <= scale else { throw ValueFailure.overflow }
    guard drop > 0 else { return DecimalNumber(significand: magnitude.low, scale: scale, negative: negative) }
    // Drop all but the last digit, then that digit, which decides the rounding.
    let (kept, droppedNonzero) = magnitude.droppingDigits(drop - 1)
    let (quotientWide, lastDigit) = kept.quotientAndRemainder(dividingBy: 10)
    var quotient = quotientWide.low
    let sticky = inexact || droppedNonzero
    if lastDigit > 5 || (lastDigit == 5 && (sticky || quotient & 1 == 1)) { quotient += 1 }
    var newScale = scale - drop
    if quotient == significandLimit {
      // 9…9.5 rounded up to 10^28: one digit fewer after the point, if there is one.
      guard newScale > 0 else { throw ValueFailure.overflow }
      quotient /= 10
      newScale -= 1
    }
    return DecimalNumber(significand: quotient, scale: newScale, negative: negative)
  }

  /// The number rounded half to even to `places` decimal places (0 to 28).
  func rounded(toPlaces places: Int) -> DecimalNumber {
    guard Int(scale) > places else { return self }
    // The significand is below 10^28, so the dropped digits come off in one 128-bit division;
    // the tie is exactly half of what they can hold.
    let unit = DecimalNumber.powerOfTen(Int(scale) - places)
    var (kept, dropped) = significand.quotientAndRemainder(dividingBy: unit)
    let half = unit / 2
    if dropped > half || (dropped == half && kept & 1 == 1) { kept += 1 }
    // Fewer digits than before, so still below 10^28.
    return DecimalNumber(significand: kept, scale: places, negative: isNegative)
  }
}
