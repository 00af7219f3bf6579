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
struct ExactDecimal {
  var mantissa: Int64 = 0
  var fractionDigits = 0
  var negative = false

  mutating func append(_ digit: UInt8) -> Bool {
    let (times, overflow) = mantissa.multipliedReportingOverflow(by: 10)
    let (sum, overflowAgain) = times.addingReportingOverflow(Int64(digit))
    guard !overflow, !overflowAgain else { return false }
    mantissa = sum
    return true
  }

  var double: Double {
    var value = Double(mantissa)
    for _ in 0..<fractionDigits { value /= 10 }
    return negative ? -value : value
  }

  var value: Value {
    if fractionDigits == 0 { return .int(negative ? -mantissa : mantissa) }
    return .real(double)
  }

  /// mantissa × factor ÷ 10^fractionDigits, when it is whole and fits.
  func scaled(by factor: Int64) -> Int64? {
    // Money (factor 10^4) with at most four decimals needs only a multiplication: multiplying by
    // 10^4 first and dividing after would overflow for amounts that fit (123456789012.3456).
    if factor == Money.scale && fractionDigits <= 4 {
      let (whole, overflow) = mantissa.multipliedReportingOverflow(by: ExactDecimal.moneyFactor(fractionDigits))
      guard !overflow else { return nil }
      return negative ? -whole : whole
    }
    let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
    guard !overflow else { return nil }
    // Whole numbers need no division; up to four fraction digits (cents, ten-thousandths) divide
    // by a constant, which takes no division instruction.
    let whole: Int64?
    switch fractionDigits {
    case 0: whole = product
    case 1: whole = ExactDecimal.exactQuotient(product, 10)
    case 2: whole = ExactDecimal.exactQuotient(product, 100)
    case 3: whole = ExactDecimal.exactQuotient(product, 1_000)
    case 4: whole = ExactDecimal.exactQuotient(product, 10_000)
    default:
      var rest = product
      for _ in 0..<fractionDigits {
        guard rest % 10 == 0 else { return nil }
        rest /= 10
      }
      whole = rest
    }
    guard let whole else { return nil }
    return negative ? -whole : whole
  }

  /// 10^(4 − fractionDigits): what turns a decimal with that many fraction digits into ten-thousandths.
  @inline(__always)
  private static func moneyFactor(_ fractionDigits: Int) -> Int64 {
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
