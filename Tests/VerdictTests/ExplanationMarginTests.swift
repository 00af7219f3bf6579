import XCTest

@testable import Verdict

/// The margin of a comparison between a decimal and a whole number worked out on 64 bits
/// (``ExplanationLineWriter/wholeDifference(_:_:)``) is the general arithmetic's difference, and
/// is shown as it is.
extension ExplanationRankingTests {
  func testMarginsFromWholeNumbersAreTheArithmeticsDifference() throws {
    let texts = [
      "0", "0.5", "-0.5", "2.25", "20", "153.8", "33.3900", "1234567.891", "-0.004", "0.000000000000000001",
      "9223372036854775807", "9223372036854775808", "-9.223372036854775807", "0.1234567890123456789",
      "99999999999999999999.99", "12.34567890123456789012345679", "0.6666666666666666666666666667",
      "19.99999999999999999999999999", "-3.333333333333333333333333333", "9999999999999999999999999999",
      "0.0000000000000000000000000001", "1000000000.000000000000000001",
    ]
    let decimals = try texts.map { try XCTUnwrap(DecimalNumber($0)) }
    let wholes: [Int64] = [0, 1, 20, -7, 1_000_000_000_000, .max, .min]
    var fast = 0
    for decimal in decimals {
      for whole in wholes {
        // Refused where 128 bits do not hold it: the arithmetic then answers.
        guard let difference = ExplanationLineWriter.wholeDifference(decimal, whole) else { continue }
        fast += 1
        let expected = try Value.arithmetic(
          .subtract, try Value.ordering(.decimal(decimal), .int(whole)) > 0 ? .decimal(decimal) : .int(whole),
          try Value.ordering(.decimal(decimal), .int(whole)) > 0 ? .int(whole) : .decimal(decimal))
        guard case .decimal(let number) = expected else { return XCTFail("\(decimal) and \(whole): \(expected)") }
        XCTAssertEqual(DecimalNumber.order(difference, number), 0, "\(decimal) and \(whole)")
        let (shown, arithmetic) = (LineBytes(), LineBytes())
        shown.appendDisplay(.decimal(difference), unit: nil)
        arithmetic.appendDisplay(expected, unit: nil)
        XCTAssertEqual(Array(shown.bytes), Array(arithmetic.bytes), "\(decimal) and \(whole)")
      }
    }
    XCTAssertGreaterThan(fast, 70)
  }
}
