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
    try? ExactScaling.scale(amount, op, byFraction: Double(text)!)
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

  func testFactorsThatAreNoShortDecimalAreTakenExactly() throws {
    // 0.1 + 0.2 is 0.3000000000000000444…: a million times it is 300000.0000000000444.
    XCTAssertEqual(try ExactScaling.scale(1_000_000, .multiply, byFraction: 0.1 + 0.2), 300_000)
    // 1 + 2^-52 times 2^62 is 2^62 + 2^10, exactly.
    XCTAssertEqual(try ExactScaling.scale(1 << 62, .multiply, byFraction: 1 + 0x1p-52), (1 << 62) + 1_024)
    XCTAssertEqual(try ExactScaling.scale(-(1 << 62), .divide, byFraction: 0x1p-1), .min)
    XCTAssertThrowsError(try ExactScaling.scale(1 << 62, .divide, byFraction: 0x1p-1), "2^63 does not fit")
  }

  func testExtremeFactors() throws {
    XCTAssertEqual(try ExactScaling.scale(.max, .multiply, byFraction: 5e-324), 0)
    XCTAssertEqual(try ExactScaling.scale(.max, .divide, byFraction: 1e300), 0)
    XCTAssertEqual(try ExactScaling.scale(0, .multiply, byFraction: 1e300), 0)
    XCTAssertEqual(try ExactScaling.scale(3, .multiply, byFraction: 0x1p-2), 1, "0.75 rounds to 1")
    XCTAssertEqual(try ExactScaling.scale(2, .multiply, byFraction: 0x1p-2), 0, "0.5 rounds to even 0")
    XCTAssertEqual(try ExactScaling.scale(6, .multiply, byFraction: 0x1p-2), 2, "1.5 rounds to even 2")
    XCTAssertEqual(try ExactScaling.scale(.min, .multiply, byFraction: 1.0), .min)
    XCTAssertEqual(try ExactScaling.scale(.max, .multiply, byFraction: -1.0), -Int64.max)
    XCTAssertThrowsError(try ExactScaling.scale(1, .multiply, byFraction: 1e300))
    XCTAssertThrowsError(try ExactScaling.scale(1, .divide, byFraction: 5e-324))
    XCTAssertThrowsError(try ExactScaling.scale(.min, .multiply, byFraction: -1.0))
    XCTAssertThrowsError(try ExactScaling.scale(1, .multiply, byFraction: .infinity))
    XCTAssertThrowsError(try ExactScaling.scale(1, .divide, byFraction: 0))
  }

  func testShortDecimalsAreFound() {
    XCTAssertEqual(ExactScaling.decimal(of: 1.1)?.digits, 11)
    XCTAssertEqual(ExactScaling.decimal(of: 1.1)?.places, 1)
    XCTAssertEqual(ExactScaling.decimal(of: 0.001)?.places, 3)
    XCTAssertEqual(ExactScaling.decimal(of: 2)?.places, 0)
    XCTAssertEqual(ExactScaling.decimal(of: 123_456_789.012345)?.digits, 123_456_789_012_345)
    XCTAssertNil(ExactScaling.decimal(of: 0.1 + 0.2))
    XCTAssertNil(ExactScaling.decimal(of: 1e300))
  }
}
