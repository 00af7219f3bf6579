import Foundation
import XCTest

@testable import Verdict

/// Money and durations scaled by numbers and percents: exact, rounded once half to even, over
/// the whole 64-bit range. Checked against Foundation's `Decimal` (38 digits), which computes
/// these products and quotients independently.
final class ExactScalingTests: XCTestCase {
  /// `amount × factor` (or ÷) to 38 digits, rounded half to even to a whole number.
  static func reference(_ amount: Int64, _ op: Arithmetic, _ factor: Decimal) -> Decimal {
    var exact = op == .divide ? Decimal(amount) / factor : Decimal(amount) * factor
    var rounded = Decimal()
    NSDecimalRound(&rounded, &exact, 0, .bankers)
    return rounded
  }

  static func scaled(_ amount: Int64, _ op: Arithmetic, _ text: String) -> Int64? {
    try? ExactScaling.scale(amount, op, byDecimal: DecimalNumber(text)!)
  }

  func testDecimalFactorsAgainstDecimalArithmetic() {
    var generator = SystemRandomNumberGenerator()
    let factors = [
      "2.0", "0.5", "1.1", "0.07", "1.5", "0.2", "0.125", "12.5", "0.001", "3.14159", "99.99", "0.3333",
      "1234567.891", "0.000001",
    ]
    var amounts: [Int64] = [9_007_199_254_740_993, 7_597_725_196_440_000, -9_007_199_254_740_993, 1, -1, 5, 0]
    for _ in 0..<300 { amounts.append(Int64.random(in: -(1 << 62)...(1 << 62), using: &generator)) }
    for _ in 0..<300 { amounts.append(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)) }
    for text in factors {
      for amount in amounts {
        for op in [Arithmetic.multiply, .divide] {
          let expected = Self.reference(amount, op, Decimal(string: text)!)
          let fits = expected <= Decimal(Int64.max) && expected >= Decimal(Int64.min)
          let actual = Self.scaled(amount, op, text)
          if fits {
            XCTAssertEqual(actual.map { Decimal($0) }, expected, "\(amount) \(op.rawValue) \(text)")
          } else {
            XCTAssertNil(actual, "\(amount) \(op.rawValue) \(text) overflows")
          }
        }
      }
    }
  }

  func testWholeDivisionRoundsTheExactQuotient() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let amount = Int64.random(in: .min ... .max, using: &generator)
      let divisor = Int64.random(in: -100_000...100_000, using: &generator)
      guard divisor != 0 else { continue }
      let expected = Self.reference(amount, .divide, Decimal(divisor))
      XCTAssertEqual(
        Decimal(try ExactScaling.scale(amount, .divide, byWhole: divisor)), expected, "\(amount) / \(divisor)")
    }
    XCTAssertEqual(try ExactScaling.scale(7_597_725_196_440_000, .divide, byWhole: 11), 690_702_290_585_455)
    XCTAssertEqual(try ExactScaling.scale(5, .divide, byWhole: 2), 2)
    XCTAssertEqual(try ExactScaling.scale(7, .divide, byWhole: 2), 4)
    XCTAssertEqual(try ExactScaling.scale(-7, .divide, byWhole: 2), -4)
    XCTAssertEqual(try ExactScaling.scale(.min, .divide, byWhole: 1), .min)
    XCTAssertThrowsError(try ExactScaling.scale(.min, .divide, byWhole: -1))
    XCTAssertThrowsError(try ExactScaling.scale(1, .divide, byWhole: 0))
  }

  static func decimal(_ text: String) -> DecimalNumber { DecimalNumber(text)! }

  func testFactorsOfManyDigitsAreTakenExactly() throws {
    // 28 significant digits: a million times 0.3000000000000000000000000001 is 300000.0000…0003.
    XCTAssertEqual(
      try ExactScaling.scale(1_000_000, .multiply, byDecimal: Self.decimal("0.3000000000000000000000000001")), 300_000)
    // 1.0000000000000000000000000005 times 2^62: the product's fraction is below a half.
    XCTAssertEqual(
      try ExactScaling.scale(1 << 62, .multiply, byDecimal: Self.decimal("1.000000000000000000000000001")), 1 << 62)
    XCTAssertEqual(try ExactScaling.scale(-(1 << 62), .divide, byDecimal: Self.decimal("0.5")), .min)
    XCTAssertThrowsError(try ExactScaling.scale(1 << 62, .divide, byDecimal: Self.decimal("0.5")), "2^63 does not fit")
  }

  func testExtremeFactors() throws {
    let tiny = Self.decimal("0.0000000000000000000000000001")
    let huge = Self.decimal("9999999999999999999999999999")
    XCTAssertEqual(try ExactScaling.scale(.max, .multiply, byDecimal: tiny), 0)
    XCTAssertEqual(try ExactScaling.scale(.max, .divide, byDecimal: huge), 0)
    XCTAssertEqual(try ExactScaling.scale(0, .multiply, byDecimal: huge), 0)
    XCTAssertEqual(try ExactScaling.scale(3, .multiply, byDecimal: Self.decimal("0.25")), 1, "0.75 rounds to 1")
    XCTAssertEqual(try ExactScaling.scale(2, .multiply, byDecimal: Self.decimal("0.25")), 0, "0.5 rounds to even 0")
    XCTAssertEqual(try ExactScaling.scale(6, .multiply, byDecimal: Self.decimal("0.25")), 2, "1.5 rounds to even 2")
    XCTAssertEqual(try ExactScaling.scale(.min, .multiply, byDecimal: Self.decimal("1.0")), .min)
    XCTAssertEqual(try ExactScaling.scale(.max, .multiply, byDecimal: Self.decimal("-1")), -Int64.max)
    XCTAssertThrowsError(try ExactScaling.scale(1, .multiply, byDecimal: huge))
    XCTAssertThrowsError(try ExactScaling.scale(1, .divide, byDecimal: tiny))
    XCTAssertThrowsError(try ExactScaling.scale(.min, .multiply, byDecimal: Self.decimal("-1")))
    XCTAssertThrowsError(try ExactScaling.scale(1, .divide, byDecimal: Self.decimal("0")))
  }
}
