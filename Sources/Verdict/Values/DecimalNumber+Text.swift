/// Reading decimals from their digits and writing them back, never through binary floating point.
extension DecimalNumber: CustomStringConvertible {
  /// Why digits do not make a ``DecimalNumber``.
  enum ReadingFailure: Error, Equatable {
    /// More than 28 significant digits.
    case tooManyDigits
    /// More than 28 decimal places, even without trailing zeros.
    case tooManyPlaces
  }

  /// Reads a decimal written as `123`, `-0.5` or `1234.5678`: an optional `-`, digits, and
  /// optionally a point followed by digits. `nil` for anything else, or for a number with more
  /// than 28 significant digits or decimal places, which is never rounded.
  public init?(_ text: some StringProtocol) {
    var digits: [UInt8] = []
    var fractionDigits = 0
    var sawPoint = false
    var negative = false
    for (index, byte) in text.utf8.enumerated() {
      if index == 0, byte == UInt8(ascii: "-") {
        negative = true
      } else if byte == UInt8(ascii: "."), !sawPoint, !digits.isEmpty {
        sawPoint = true
      } else if byte &- UInt8(ascii: "0") < 10 {
        digits.append(byte &- UInt8(ascii: "0"))
        if sawPoint { fractionDigits += 1 }
      } else {
        return nil
      }
    }
    guard !digits.isEmpty, !sawPoint || fractionDigits > 0,
      case .success(let number) = DecimalNumber.reading(digits, fractionDigits: fractionDigits, negative: negative)
    else { return nil }
    self = number
  }

  /// The number whose digit values (0 to 9) are `digits`, the last `fractionDigits` of them after
  /// the point. Zeros at the end of the fraction are dropped first, since they change nothing.
  static func reading(
    _ digits: some Collection<UInt8>, fractionDigits: Int, negative: Bool
  ) -> Result<DecimalNumber, ReadingFailure> {
    let digits = Array(digits)
    var end = digits.count
    var fraction = fractionDigits
    while fraction > 0, end > 0, digits[end - 1] == 0 {
      end -= 1
      fraction -= 1
    }
    if end == 0 { fraction = 0 }
    var start = 0
    while start < end, digits[start] == 0 { start += 1 }
    guard end - start <= maximumDigits else { return .failure(.tooManyDigits) }
    guard fraction <= maximumDigits else { return .failure(.tooManyPlaces) }
    let significand = digits[start..<end].reduce(UInt128(0)) { $0 * 10 + UInt128($1) }
    return .success(DecimalNumber(significand: significand, scale: fraction, negative: negative))
  }

  /// The number as the language writes it: `2.5`, `-0.125`, `3`; no trailing zeros after the
  /// point, no exponent.
  public var description: String { DecimalNumber.text(trimmed, shiftingPointRightBy: 0) }

  /// The digits of `number` with its point moved `shift` places to the right (2 for a percent).
  static func text(_ number: DecimalNumber, shiftingPointRightBy shift: Int) -> String {
    var digits = String(number.significand)
    var scale = Int(number.scale) - shift
    if number.isZero { return "0" }
    if scale < 0 {
      digits += String(repeating: "0", count: -scale)
      scale = 0
    }
    if scale > 0 {
      if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
      while digits.hasSuffix("0") { digits.removeLast() }
      if digits.hasSuffix(".") { digits.removeLast() }
    }
    return (number.isNegative ? "-" : "") + digits
  }
}
