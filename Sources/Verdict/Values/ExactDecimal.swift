/// Exact decimals as data cells write them, and the fast path for the commonest ones.

extension CellScanner {
  /// The commonest numbers, `45` and `1234.56`: digits with at most one decimal point between
  /// them, read in one pass. At most 18 bytes, so at most 18 digits, which cannot overflow.
  /// `nil` for anything else (signs, grouping, a misplaced point), which ``decimal(_:_:)`` reads.
  @inline(__always)
  func plainDecimal(_ from: Int, _ to: Int) -> ExactDecimal? {
    let point = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    var mantissa: Int64 = 0
    var pointAt = -1
    var index = from
    while index < to {
      let byte = bytes[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        mantissa = mantissa &* 10 &+ Int64(digit)
      } else if byte == point, pointAt < 0, index > from, index + 1 < to {
        pointAt = index
      } else {
        return nil
      }
      index += 1
    }
    guard to > from else { return nil }
    return ExactDecimal(mantissa: mantissa, fractionDigits: pointAt < 0 ? 0 : to - pointAt - 1, negative: false)
  }
}

/// A decimal number kept exact: a whole mantissa and how many of its digits are fraction.
struct ExactDecimal {
  var mantissa: Int64 = 0
  var fractionDigits = 0
  var negative = false

  /// 10 to the power `exponent`, for `exponent` in 0...4.
  @inline(__always) static func powersOfTen(_ exponent: Int) -> Int64 {
    switch exponent {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1_000
    default: 10_000
    }
  }

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
    var (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
    guard !overflow else { return nil }
    // Up to four fraction digits (cents, ten-thousandths) with one division.
    if fractionDigits <= 4 {
      let divisor = ExactDecimal.powersOfTen(fractionDigits)
      guard product % divisor == 0 else { return nil }
      return negative ? -(product / divisor) : product / divisor
    }
    for _ in 0..<fractionDigits {
      guard product % 10 == 0 else { return nil }
      product /= 10
    }
    _ = overflow
    return negative ? -product : product
  }
}
