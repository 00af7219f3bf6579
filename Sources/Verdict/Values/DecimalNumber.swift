/// An exact decimal number: up to 28 significant digits, with up to 28 of them after the point.
///
/// A number is `significand × 10^-scale`, the significand a whole number below 10^28 and the
/// scale 0 to 28, like .NET's `System.Decimal`: `0.1` is 1 × 10^-1, held exactly, so
/// `0.1 + 0.2 == 0.3`. Sums, differences and products are exact while they fit; a result with
/// more digits is rounded half to even to 28 significant digits (and 28 decimal places), and one
/// whose whole part has more than 28 digits is an overflow. Quotients are rounded the same way.
/// Numbers compare by value: `2.50 == 2.5`.
public struct DecimalNumber: Sendable {
  /// The low 64 bits of the significand.
  let low: UInt64
  /// The high 32 bits of the significand (it is below 10^28, which needs 94 bits).
  let high: UInt32
  /// How many of the significand's digits are after the point: 0 to 28.
  let scale: UInt8
  /// Whether the number is below zero; never set for zero.
  let isNegative: Bool

  /// The most significant digits a number holds, and the most decimal places.
  package static let maximumDigits = 28

  /// 10^28, the first significand that does not fit. Computed, not stored: a stored static is
  /// initialized lazily and checked on every access, and this one is read for every number.
  @inline(__always) static var significandLimit: UInt128 { 10_000_000_000_000_000_000_000_000_000 }

  /// The number `significand × 10^-scale`, negated when `negative`; the significand is below
  /// 10^28 and the scale at most 28.
  init(significand: UInt128, scale: Int, negative: Bool) {
    low = UInt64(truncatingIfNeeded: significand)
    high = UInt32(truncatingIfNeeded: significand >> 64)
    self.scale = UInt8(scale)
    isNegative = negative && significand != 0
  }

  /// The number a ``Scalar`` stores in its three parts.
  @inline(__always)
  init(low: UInt64, high: UInt32, packedScale: UInt8) {
    self.low = low
    self.high = high
    scale = packedScale & 0x7F
    isNegative = packedScale & 0x80 != 0
  }

  /// The whole number `value`.
  public init(_ value: Int64) {
    self.init(significand: UInt128(value.magnitude), scale: 0, negative: value < 0)
  }

  /// The significand: all the digits as a whole number.
  @inline(__always) var significand: UInt128 { UInt128(high) << 64 | UInt128(low) }

  /// The scale and the sign in one byte, as a ``Scalar`` keeps them.
  @inline(__always) var packedScale: UInt8 { scale | (isNegative ? 0x80 : 0) }

  /// Whether the number is zero.
  package var isZero: Bool { low == 0 && high == 0 }

  /// The number as the nearest `Double`, for embedders that need one; it is not exact.
  package var doubleValue: Double {
    // Both conversions round once; for scales up to 22 the power of ten is exact.
    let magnitude = Double(significand) / Double(DecimalNumber.powerOfTen(Int(scale)))
    return isNegative ? -magnitude : magnitude
  }

  /// The number with its sign changed.
  var negated: DecimalNumber {
    DecimalNumber(significand: significand, scale: Int(scale), negative: !isNegative)
  }

  /// The number without its sign.
  var magnitude: DecimalNumber {
    DecimalNumber(significand: significand, scale: Int(scale), negative: false)
  }

  /// The number as a whole `Int64`, when it is one.
  var wholeValue: Int64? {
    let (whole, rest) = significand.quotientAndRemainder(dividingBy: DecimalNumber.powerOfTen(Int(scale)))
    guard rest == 0, whole <= UInt128(Int64.max.magnitude) + (isNegative ? 1 : 0) else { return nil }
    return isNegative ? Int64(truncatingIfNeeded: 0 &- UInt64(whole)) : Int64(whole)
  }

  /// The same number with trailing zeros after the point dropped: `2.50` becomes `2.5`.
  var trimmed: DecimalNumber {
    var digits = significand
    var scale = Int(self.scale)
    while scale > 0, digits % 10 == 0, digits != 0 {
      digits /= 10
      scale -= 1
    }
    if digits == 0 { scale = 0 }
    return DecimalNumber(significand: digits, scale: scale, negative: isNegative)
  }

  /// 10^exponent, for exponents 0 to 38 (every power of ten that fits 128 bits).
  @inline(__always)
  static func powerOfTen(_ exponent: Int) -> UInt128 {
    exponent <= 19
      ? UInt128(powerOfTen64(exponent)) : UInt128(powerOfTen64(19)) * UInt128(powerOfTen64(exponent - 19))
  }

  /// 10^exponent for exponents 0 to 19: a table in the binary, where a global array would be
  /// reached through a lazy initializer on every use.
  @inline(__always)
  static func powerOfTen64(_ exponent: Int) -> UInt64 {
    switch exponent {
    case 1: 10
    case 2: 100
    case 3: 1_000
    case 4: 10_000
    case 5: 100_000
    case 6: 1_000_000
    case 7: 10_000_000
    case 8: 100_000_000
    case 9: 1_000_000_000
    case 10: 10_000_000_000
    case 11: 100_000_000_000
    case 12: 1_000_000_000_000
    case 13: 10_000_000_000_000
    case 14: 100_000_000_000_000
    case 15: 1_000_000_000_000_000
    case 16: 10_000_000_000_000_000
    case 17: 100_000_000_000_000_000
    case 18: 1_000_000_000_000_000_000
    case 19: 10_000_000_000_000_000_000
    default: 1
    }
  }
}

extension DecimalNumber: Comparable, Hashable {
  /// Whether two numbers are equal in value, whatever their scales (`2.50 == 2.5`).
  public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool { order(a, b) == 0 }

  /// Whether `a` is less than `b`.
  public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool { order(a, b) < 0 }

  /// Hashes the value, so that equal numbers of different scales hash alike.
  public func hash(into hasher: inout Hasher) {
    let canonical = trimmed
    hasher.combine(canonical.significand)
    hasher.combine(canonical.packedScale)
  }

  /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`; exact.
  static func order(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
    if a.isNegative != b.isNegative { return a.isNegative ? -1 : 1 }
    let magnitudes: Int
    if a.scale == b.scale {
      let (x, y) = (a.significand, b.significand)
      magnitudes = x < y ? -1 : (x == y ? 0 : 1)
    } else {
      let common = Int(max(a.scale, b.scale))
      let (x, xOverflow) = a.significand.multipliedReportingOverflow(by: powerOfTen(common - Int(a.scale)))
      let (y, yOverflow) = b.significand.multipliedReportingOverflow(by: powerOfTen(common - Int(b.scale)))
      if !xOverflow, !yOverflow {
        // Both brought to the common scale within 128 bits: the commonest case, without the
        // 256-bit products below.
        magnitudes = x < y ? -1 : (x == y ? 0 : 1)
      } else {
        let x = WideMagnitude(a.significand, times: powerOfTen(common - Int(a.scale)))
        let y = WideMagnitude(b.significand, times: powerOfTen(common - Int(b.scale)))
        magnitudes = x < y ? -1 : (x == y ? 0 : 1)
      }
    }
    return a.isNegative ? -magnitudes : magnitudes
  }
}
