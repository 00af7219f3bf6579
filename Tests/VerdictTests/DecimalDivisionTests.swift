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
    // Results worked out by hand (Python's fractions), rounded half to even to 28 significant
    // digits (and 28 places), each on the path it names.
    let cases: [(String, String, String, narrow: Bool)] = [
      ("5135.51", "153.8", "33.39083224967490247074122237", true),
      ("1", "3", "0.3333333333333333333333333333", true),
      ("2", "3", "0.6666666666666666666666666667", true),
      ("1", "8", "0.125", true),
      ("-7", "2", "-3.5", true),
      // A dividend past 64 bits, and one whose scaled digits would pass 10^38.
      ("123456789012345678901234567", "3", "41152263004115226300411522.33", false),
      ("95652368242410.7606", "131072000", "729769.6551697598312377929688", false),
      // Ties at the digit past those kept, to the even neighbour: …2|5 and …8|5 stay.
      ("9295.421", "536870.912", "0.0173140708357095718383789062", true),
      ("52399685.74", "53687091.2", "0.9760202046483755111694335938", true),
      ("366118.31", "83886080000", "0.0000043644703626632690429688", true),
      ("1191175296812551436.5", "16384", "72703570362094.20388793945312", true),
    ]
    for (x, y, expected, narrow) in cases {
      let (a, b) = (DecimalNumber(x)!, DecimalNumber(y)!)
      XCTAssertEqual(try DecimalNumber.dividing(a, b).description, expected, "\(x) / \(y)")
      let fits = a.high == 0 && b.high == 0
      XCTAssertEqual(fits && DecimalNumber.narrowQuotient(a, b) != nil, narrow, "the path of \(x) / \(y)")
    }
    // A whole part of more than 28 digits (30 and 32 here) is an overflow, on either path.
    let tiny = DecimalNumber("0.0000000001")!
    XCTAssertThrowsError(try DecimalNumber.dividing(DecimalNumber("18446744073709551615")!, tiny))
    XCTAssertThrowsError(try DecimalNumber.dividing(DecimalNumber("1844674407370955161500")!, tiny))
  }
}
