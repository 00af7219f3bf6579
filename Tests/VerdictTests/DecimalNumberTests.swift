import Foundation
import XCTest

@testable import Verdict

/// Exact decimals: sums, differences, products and orderings checked against Foundation's
/// `Decimal` (38 digits, so exact for these operands), quotients against it to within half a unit
/// in the 28th digit, and the rounding rules on hand-computed cases.
final class DecimalNumberTests: XCTestCase {
  static func decimal(_ text: String) -> DecimalNumber { DecimalNumber(text)! }

  /// A random decimal of 1 to `digits` significant digits and 0 to `places` decimal places.
  static func random(digits: Int, places: Int, using generator: inout some RandomNumberGenerator) -> String {
    let count = Int.random(in: 1...digits, using: &generator)
    var text = (0..<count).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
    let point = Int.random(in: 0...min(places, count), using: &generator)
    if point > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -point)) }
    if text.hasPrefix(".") { text = "0" + text }
    return (Bool.random(using: &generator) ? "-" : "") + text
  }

  func testExactArithmeticAgainstFoundationDecimal() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      // At most 14 digits each: every sum, difference and product fits 28 digits exactly.
      let x = Self.random(digits: 14, places: 14, using: &generator)
      let y = Self.random(digits: 14, places: 14, using: &generator)
      let (a, b) = (Self.decimal(x), Self.decimal(y))
      let (p, q) = (Decimal(string: x)!, Decimal(string: y)!)
      XCTAssertEqual(Decimal(string: try DecimalNumber.adding(a, b).description), p + q, "\(x) + \(y)")
      XCTAssertEqual(Decimal(string: try DecimalNumber.subtracting(a, b).description), p - q, "\(x) - \(y)")
      XCTAssertEqual(Decimal(string: try DecimalNumber.multiplying(a, b).description), p * q, "\(x) * \(y)")
      XCTAssertEqual(DecimalNumber.order(a, b), p < q ? -1 : (p == q ? 0 : 1), "\(x) <=> \(y)")
    }
  }

  func testOrderingOfManyDigits() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let x = Self.random(digits: 28, places: 28, using: &generator)
      let y = Self.random(digits: 28, places: 28, using: &generator)
      let (p, q) = (Decimal(string: x)!, Decimal(string: y)!)
      XCTAssertEqual(
        DecimalNumber.order(Self.decimal(x), Self.decimal(y)), p < q ? -1 : (p == q ? 0 : 1), "\(x) <=> \(y)")
      XCTAssertEqual(DecimalNumber(Self.decimal(x).description), Self.decimal(x), "\(x) reads back")
    }
  }

  func testQuotientsAreWithinHalfAUnitOfTheTwentyEighthDigit() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let x = Self.random(digits: 12, places: 6, using: &generator)
      let y = Self.random(digits: 12, places: 6, using: &generator)
      guard !Self.decimal(y).isZero else { continue }
      let quotient = try DecimalNumber.dividing(Self.decimal(x), Self.decimal(y))
      let exact = Decimal(string: x)! / Decimal(string: y)!
      let error = (Decimal(string: quotient.description)! - exact).magnitude
      // Half a unit in the last kept place: 28 significant digits or 28 decimal places.
      let unitPlaces = min(
        28, 28 - (exact.magnitude >= 1 ? String(describing: exact.magnitude).prefix { $0 != "." }.count : 0))
      XCTAssertLessThanOrEqual(error, Decimal(sign: .plus, exponent: -unitPlaces, significand: 5) / 10, "\(x) / \(y)")
    }
  }

  func testRoundingPastTheDigits() throws {
    let third = try DecimalNumber.dividing(DecimalNumber(1), DecimalNumber(3))
    XCTAssertEqual(third.description, "0.3333333333333333333333333333")
    XCTAssertEqual(
      try DecimalNumber.dividing(DecimalNumber(2), DecimalNumber(3)).description, "0.6666666666666666666666666667")
    XCTAssertEqual(try DecimalNumber.dividing(DecimalNumber(1), DecimalNumber(4)).description, "0.25")
    // Ties go to the even neighbour.
    let big = Self.decimal("1000000000000000000000000000")
    XCTAssertEqual(try DecimalNumber.adding(big, Self.decimal("0.5")).description, "1000000000000000000000000000")
    XCTAssertEqual(try DecimalNumber.adding(big, Self.decimal("1.5")).description, "1000000000000000000000000002")
    XCTAssertEqual(try DecimalNumber.adding(big, Self.decimal("-0.5")).description, "999999999999999999999999999.5")
    // A whole part of 29 digits is an overflow, also when rounding reaches it.
    let largest = Self.decimal("9999999999999999999999999999")
    XCTAssertThrowsError(try DecimalNumber.adding(largest, DecimalNumber(1)))
    XCTAssertThrowsError(try DecimalNumber.adding(largest, Self.decimal("0.5")))
    XCTAssertThrowsError(try DecimalNumber.multiplying(largest, largest))
    XCTAssertThrowsError(try DecimalNumber.dividing(DecimalNumber(1), DecimalNumber(0)))
    XCTAssertEqual(try DecimalNumber.adding(largest, Self.decimal("0.49")).description, largest.description)
    // Past 28 decimal places, down to zero.
    let tiny = Self.decimal("0.0000000000000001")
    XCTAssertEqual(try DecimalNumber.multiplying(tiny, tiny).description, "0")
    XCTAssertEqual(Self.decimal("2.5").rounded(toPlaces: 0).description, "2")
    XCTAssertEqual(Self.decimal("-3.5").rounded(toPlaces: 0).description, "-4")
    XCTAssertEqual(Self.decimal("0.125").rounded(toPlaces: 2).description, "0.12")
    XCTAssertEqual(Self.decimal("0.1251").rounded(toPlaces: 2).description, "0.13")
  }

  func testRoundingToPlacesAgainstDecimalArithmetic() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let text = Self.random(digits: 28, places: 28, using: &generator)
      let places = Int.random(in: 0...6, using: &generator)
      var exact = Decimal(string: text)!
      var expected = Decimal()
      NSDecimalRound(&expected, &exact, places, .bankers)
      let rounded = Self.decimal(text).rounded(toPlaces: places)
      XCTAssertEqual(Decimal(string: rounded.description), expected, "\(text) to \(places) places")
    }
    // Ties, to the even neighbour, also past the 19 digits of a word.
    XCTAssertEqual(Self.decimal("0.5000000000000000000000000000").rounded(toPlaces: 0).description, "0")
    XCTAssertEqual(
      Self.decimal("1234567890123456789012345.675").rounded(toPlaces: 2).description, "1234567890123456789012345.68")
    XCTAssertEqual(
      Self.decimal("1234567890123456789012345.665").rounded(toPlaces: 2).description, "1234567890123456789012345.66")
  }

  func testReadingRefusesWhatItWouldRound() {
    XCTAssertNotNil(DecimalNumber("9999999999999999999999999999"))
    XCTAssertNil(DecimalNumber("10000000000000000000000000000"))
    XCTAssertNotNil(DecimalNumber("0.0000000000000000000000000001"))
    XCTAssertNil(DecimalNumber("0.00000000000000000000000000001"))
    XCTAssertNotNil(DecimalNumber("1.5000000000000000000000000000000"), "trailing zeros change nothing")
    XCTAssertNil(DecimalNumber("1.000000000000000000000000000001"))
    XCTAssertNil(DecimalNumber("1e5"))
    XCTAssertNil(DecimalNumber(".5"))
    XCTAssertNil(DecimalNumber("5."))
    XCTAssertEqual(DecimalNumber("-0.0")?.description, "0")
    XCTAssertEqual(DecimalNumber("2.50"), DecimalNumber("2.5"))
    XCTAssertEqual(DecimalNumber("2.50")?.hashValue, DecimalNumber("2.5")?.hashValue)
    XCTAssertEqual(DecimalNumber("0.1")!.doubleValue, 0.1)
  }

  func testDigitCountsAtEveryBoundary() {
    XCTAssertEqual(WideMagnitude(low: 0).digitCount, 0)
    var power: UInt128 = 1
    for digits in 1...38 {
      XCTAssertEqual(WideMagnitude(low: power).digitCount, digits, "10^\(digits - 1)")
      XCTAssertEqual(WideMagnitude(low: power * 10 - 1).digitCount, digits, "10^\(digits) - 1")
      power *= 10
    }
    XCTAssertEqual(WideMagnitude(low: power).digitCount, 39)
    XCTAssertEqual(WideMagnitude(low: .max).digitCount, 39)
    for bits in 0..<128 {
      let value = UInt128(1) << bits
      XCTAssertEqual(WideMagnitude(low: value).digitCount, String(value).count, "2^\(bits)")
      XCTAssertEqual(
        WideMagnitude(low: value - 1).digitCount, value == 1 ? 0 : String(value - 1).count, "2^\(bits) - 1")
    }
    XCTAssertEqual(WideMagnitude(high: 1, low: 0).digitCount, 39)
    XCTAssertEqual(
      WideMagnitude(1_000_000_000_000_000_000_000_000_000, times: 1_000_000_000_000_000_000_000_000_000).digitCount, 55)
  }

  func testScalarStaysSixteenTriviallyCopyableBytes() {
    XCTAssertEqual(MemoryLayout<Scalar>.size, 16)
    XCTAssertTrue(_isPOD(Scalar.self))
    let number = Self.decimal("-123456789012345678.9012345678")
    let scalar = Scalar(.decimal, number)
    XCTAssertEqual(scalar.inlineValue, .decimal(number))
    XCTAssertEqual(scalar.decimal.description, "-123456789012345678.9012345678")
  }
}
