/// Exact decimals as data cells write them, and the fast path for the commonest ones.

extension CellScanner {
  /// The commonest numbers, `45` and `1234.56`: digits with at most one decimal mark between
  /// them, read in one pass. At most 18 bytes, so at most 18 digits, which cannot overflow.
  /// `nil` for anything else (signs, grouping, a misplaced mark, and with an undecided mark a
  /// cell like `1.250` that has two readings), which ``decimal(_:_:)`` reads or refuses.
  @inline(__always)
  func plainDecimal(_ from: Int, _ to: Int) -> ExactDecimal? {
    let mark = numbers.markByte
    var mantissa: Int64 = 0
    var pointAt = -1
    var index = from
    while index < to {
      let byte = bytes[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        mantissa = mantissa &* 10 &+ Int64(digit)
      } else if pointAt < 0, index > from, index + 1 < to,
        byte == mark || (mark == nil && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")))
      {
        pointAt = index
      } else {
        return nil
      }
      index += 1
    }
    guard to > from else { return nil }
    if mark == nil, pointAt >= 0, isAmbiguousGroup(from, pointAt, to) { return nil }
    return ExactDecimal(mantissa: mantissa, fractionDigits: pointAt < 0 ? 0 : to - pointAt - 1, negative: false)
  }
}

/// A decimal number kept exact: a whole mantissa and how many of its digits are fraction.
///
/// Small enough (24 bytes) to be returned in registers: the commonest cells fit the 64-bit
/// mantissa, and the rare longer ones (up to 96 bits, 28 digits) keep their high bits apart.
struct ExactDecimal {
  /// The digits as a whole number; once `isWide`, the low 64 bits of it.
  var mantissa: Int64 = 0
  var fractionDigits = 0
  var negative = false
  /// Whether the digits outgrew `mantissa`, whose bits are then the low 64 of the significand.
  var isWide = false
  /// The significand's bits above the low 64, once `isWide`.
  var highBits: UInt32 = 0

  mutating func append(_ digit: UInt8) -> Bool {
    if !isWide {
      let (times, overflow) = mantissa.multipliedReportingOverflow(by: 10)
      let (sum, overflowAgain) = times.addingReportingOverflow(Int64(digit))
      if !overflow, !overflowAgain {
        mantissa = sum
        return true
      }
      isWide = true
    }
    let (times, overflow) = wideMantissa.multipliedReportingOverflow(by: 10)
    let (sum, overflowAgain) = times.addingReportingOverflow(UInt128(digit))
    guard !overflow, !overflowAgain, sum >> 96 == 0 else { return false }
    mantissa = Int64(bitPattern: UInt64(truncatingIfNeeded: sum))
    highBits = UInt32(truncatingIfNeeded: sum >> 64)
    return true
  }

  /// The decimal places without the zeros at the end of the fraction, which do not count
  /// (`1.234560` has 5).
  var placesWithoutTrailingZeros: Int {
    var (significand, places) = (wideMantissa, fractionDigits)
    while places > 0, significand % 10 == 0 {
      significand /= 10
      places -= 1
    }
    return places
  }

  /// All the digits as a whole number.
  var wideMantissa: UInt128 {
    isWide ? UInt128(highBits) << 64 | UInt128(UInt64(bitPattern: mantissa)) : UInt128(mantissa)
  }

  /// The number: whole and within 64 bits, else a decimal; `nil` past 28 significant digits or
  /// 28 decimal places, which are refused rather than rounded.
  var value: Value? {
    if !isWide {
      if fractionDigits == 0 { return .int(negative ? -mantissa : mantissa) }
      // The commonest decimal cell (`153.8`): a mantissa within 63 bits is below 10^28, so with
      // a scale that fits it is taken as it is, without the checks for wide significands below.
      // (A mantissa read from digits is never negative; the sign is `negative`.)
      if fractionDigits <= DecimalNumber.maximumDigits, mantissa >= 0 {
        return .decimal(DecimalNumber(significand: UInt128(mantissa), scale: fractionDigits, negative: negative))
      }
    }
    return number(shiftingPointLeftBy: 0).map { .decimal($0) }
  }

  /// The number divided by 10^shift (2 for a percent), if it fits a ``DecimalNumber`` exactly.
  func number(shiftingPointLeftBy shift: Int) -> DecimalNumber? {
    var significand = wideMantissa
    var scale = fractionDigits + shift
    // Zeros at the end of the fraction change nothing; drop them only when they do not fit
    // (asked first: a cell almost always fits, and `%` on the wide significand is a division).
    while scale > DecimalNumber.maximumDigits || significand >= DecimalNumber.significandLimit, scale > 0,
      significand != 0, significand % 10 == 0
    {
      significand /= 10
      scale -= 1
    }
    guard scale <= DecimalNumber.maximumDigits, significand < DecimalNumber.significandLimit else { return nil }
    return DecimalNumber(significand: significand, scale: scale, negative: negative)
  }

  /// mantissa × factor ÷ 10^fractionDigits, when it is whole and fits.
  func scaled(by factor: Int64) -> Int64? {
    guard !isWide else { return scaledOn128Bits(by: factor) }
    // Money (factor 10^4) with at most four decimals needs only a multiplication: multiplying by
    // 10^4 first and dividing after would overflow for amounts that fit (123456789012.3456).
    if factor == Money.scale && fractionDigits <= 4 {
      let (whole, overflow) = mantissa.multipliedReportingOverflow(by: ExactDecimal.moneyFactor(fractionDigits))
      guard !overflow else { return nil }
      return negative ? -whole : whole
    }
    let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
    // A product past 64 bits before its division (2000000000000.25 days), or more decimals
    // than a 64-bit power of ten holds: on 128 bits.
    guard !overflow, fractionDigits <= 18 else { return scaledOn128Bits(by: factor) }
    // Whole numbers need no division; up to four fraction digits (cents, ten-thousandths) divide
    // by a constant, which takes no division instruction.
    let whole: Int64?
    switch fractionDigits {
    case 0: whole = product
    case 1: whole = ExactDecimal.exactQuotient(product, 10)
    case 2: whole = ExactDecimal.exactQuotient(product, 100)
    case 3: whole = ExactDecimal.exactQuotient(product, 1_000)
    case 4: whole = ExactDecimal.exactQuotient(product, 10_000)
    default: whole = ExactDecimal.exactQuotient(product, Int64(DecimalNumber.powerOfTen64(fractionDigits)))
    }
    guard let whole else { return nil }
    return negative ? -whole : whole
  }

  /// ``scaled(by:)`` computed on 128 bits (``ExactScaling/inUnits(magnitude:negative:places:unit:)``).
  private func scaledOn128Bits(by factor: Int64) -> Int64? {
    let quotient = ExactScaling.inUnits(
      magnitude: wideMantissa, negative: negative, places: fractionDigits, unit: factor)
    guard case .whole(let whole) = quotient else { return nil }
    return whole
  }

  /// 10^(4 − fractionDigits): what turns a decimal with that many fraction digits into ten-thousandths.
  @inline(__always)
  static func moneyFactor(_ fractionDigits: Int) -> Int64 {
    switch fractionDigits {
    case 0: 10_000
    case 1: 1_000
    case 2: 100
    case 3: 10
    default: 1
    }
  }

  /// `dividend ÷ divisor` when it leaves no remainder.
  @inline(__always)
  private static func exactQuotient(_ dividend: Int64, _ divisor: Int64) -> Int64? {
    dividend % divisor == 0 ? dividend / divisor : nil
  }
}
