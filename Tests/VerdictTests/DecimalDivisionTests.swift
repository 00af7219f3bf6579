import XCTest

@testable import Verdict

/// The 128-bit division of numbers whose significands fit 64 bits
/// (``DecimalNumber/narrowQuotient(_:_:)``) gives, bit for bit, what the general 256-bit path
/// gives, or leaves the division to it; `DecimalNumberTests` checks the general path against
/// Foundation's `Decimal`.
final class DecimalDivisionTests: XCTestCase {
  /// The number's parts, so that `2.5` and `2.50` differ.
  static func parts(_ number: DecimalNumber) -> [UInt64] {
    [number.low, UInt64(number.high), UInt64(number.scale), number.isNegative ? 1 : 0]
  }

  /// A significand of 1 to 20 digits; often a product of twos and fives times a small number, so
  /// that quotients end and ties at the 29th digit come up.
  static func significand(using generator: inout some RandomNumberGenerator) -> UInt64 {
    if Bool.random(using: &generator) {
      var value = UInt64.random(in: 1...9, using: &generator)
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        let factor: UInt64 = Bool.random(using: &generator) ? 2 : 5
        guard value <= UInt64.max / factor else { break }
        value *= factor
      }
      return value
    }
    let digits = Int.random(in: 1...20, using: &generator)
    let limit = digits == 20 ? UInt64.max : DecimalNumber.powerOfTen64(digits) - 1
    return UInt64.random(in: 1...limit, using: &generator)
  }

  static func number(using generator: inout some RandomNumberGenerator) -> DecimalNumber {
    DecimalNumber(
      significand: UInt128(significand(using: &generator)), scale: Int.random(in: 0...28, using: &generator),
      negative: Bool.random(using: &generator))
  }

  func testTheNarrowQuotientIsTheWideOne() throws {
    var generator = SeededRandom(state: 20_261_206)
    var narrow = 0
    for _ in 0..<200_000 {
      let a = Self.number(using: &generator)
      let b = Self.number(using: &generator)
      let wide = Result { () throws(ValueFailure) in try DecimalNumber.wideQuotient(a, b) }
      guard let quotient = DecimalNumber.narrowQuotient(a, b) else { continue }
      narrow += 1
      XCTAssertEqual(Self.parts(quotient), try Self.parts(wide.get()), "\(a) / \(b)")
    }
    XCTAssertGreaterThan(narrow, 100_000, "most divisions of 64-bit significands take the narrow path")
    XCTAssertLessThan(narrow, 200_000, "some are left to the wide path")
  }

  func testDividingTakesEitherPath() throws {
    // 64-bit significands, and one past them (the wide path), give the results worked out by
    // hand (Python's fractions), rounded half to even to 28 significant digits.
    let cases: [(String, String, String)] = [
      ("5135.51", "153.8", "33.39083224967490247074122237"),
      ("1", "3", "0.3333333333333333333333333333"),
      ("2", "3", "0.6666666666666666666666666667"),
      ("1", "8", "0.125"),
      ("-7", "2", "-3.5"),
      ("123456789012345678901234567", "3", "41152263004115226300411522.33"),
      // Ties at the 29th significant digit, to the even neighbour: …7|5 up, …2|5 and …8|5 down.
      ("95652368242410.7606", "131072000", "729769.6551697598312377929688"),
      ("1191175296812551436.5", "16384", "72703570362094.20388793945312"),
      ("10246678363640532.475", "819200", "12508152299.36588436889648438"),
    ]
    for (x, y, expected) in cases {
      let quotient = try DecimalNumber.dividing(DecimalNumber(x)!, DecimalNumber(y)!)
      XCTAssertEqual(quotient.description, expected, "\(x) / \(y)")
    }
    // A whole part of 29 digits is an overflow, on either path.
    let tiny = DecimalNumber("0.0000000001")!
    XCTAssertThrowsError(try DecimalNumber.dividing(DecimalNumber("18446744073709551615")!, tiny))
    XCTAssertThrowsError(try DecimalNumber.dividing(DecimalNumber("1844674407370955161500")!, tiny))
  }
}
