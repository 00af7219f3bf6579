/// An exact fraction in lowest terms with a positive denominator. Results that do not fit in
/// 128 bits give up the whole case (`ReferenceGivesUp`) rather than be wrong.
struct Rational: Equatable, CustomStringConvertible {
  let numerator: Int128
  let denominator: Int128

  init(_ numerator: Int128, _ denominator: Int128 = 1) throws(ReferenceGivesUp) {
    guard denominator != 0, numerator != .min, denominator != .min else { throw ReferenceGivesUp() }
    let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
    let sign: Int128 = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / Int128(divisor)
    self.denominator = sign * denominator / Int128(divisor)
  }

  /// The decimal literal `text` (digits, at most one point) as written.
  init(decimal text: String) throws(ReferenceGivesUp) {
    let parts = text.filter { $0 != "_" }.split(separator: ".", omittingEmptySubsequences: false)
    guard let digits = Int128(parts.joined()) else { throw ReferenceGivesUp() }
    let fraction = parts.count == 2 ? parts[1].count : 0
    try self.init(digits, try Rational.power(10, fraction))
  }

  var isZero: Bool { numerator == 0 }
  var isWhole: Bool { denominator == 1 }
  var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  /// Whether a 64-bit integer holds it.
  var fitsInt64: Bool { isWhole && numerator >= Int128(Int64.min) && numerator <= Int128(Int64.max) }

  static func + (a: Rational, b: Rational) throws(ReferenceGivesUp) -> Rational {
    try Rational(
      try checked(
        try checked(a.numerator.multipliedReportingOverflow(by: b.denominator)).addingReportingOverflow(
          try checked(b.numerator.multipliedReportingOverflow(by: a.denominator)))),
      try checked(a.denominator.multipliedReportingOverflow(by: b.denominator)))
  }

  static func - (a: Rational, b: Rational) throws(ReferenceGivesUp) -> Rational {
    try a + (try Rational(-b.numerator, b.denominator))
  }

  static func * (a: Rational, b: Rational) throws(ReferenceGivesUp) -> Rational {
    try Rational(
      try checked(a.numerator.multipliedReportingOverflow(by: b.numerator)),
      try checked(a.denominator.multipliedReportingOverflow(by: b.denominator)))
  }

  /// `a / b`; `b` is not zero.
  static func / (a: Rational, b: Rational) throws(ReferenceGivesUp) -> Rational {
    try Rational(
      try checked(a.numerator.multipliedReportingOverflow(by: b.denominator)),
      try checked(a.denominator.multipliedReportingOverflow(by: b.numerator)))
  }

  /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
  static func order(_ a: Rational, _ b: Rational) throws(ReferenceGivesUp) -> Int {
    let difference = try a - b
    return difference.numerator < 0 ? -1 : (difference.numerator == 0 ? 0 : 1)
  }

  static func power(_ base: Int128, _ exponent: Int) throws(ReferenceGivesUp) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result = try checked(result.multipliedReportingOverflow(by: base)) }
    return result
  }

  static func checked(_ result: (partialValue: Int128, overflow: Bool)) throws(ReferenceGivesUp) -> Int128 {
    guard !result.overflow else { throw ReferenceGivesUp() }
    return result.partialValue
  }

  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x == 0 ? 1 : x
  }
}

/// The reference cannot compute this case exactly (a fraction outgrew 128 bits).
struct ReferenceGivesUp: Error {}
