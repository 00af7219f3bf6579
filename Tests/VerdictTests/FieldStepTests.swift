import XCTest

@testable import Verdict

/// The steps that compare text fields with texts and quotients of fields with whole numbers
/// (``ConditionStep/Operation/compareText``, ``ConditionStep/Operation/memberText``,
/// ``ConditionStep/Operation/compareQuotient``), against the tree walk, with the harness of
/// ``ConditionStepTests``: each gives the outcome or the error the tree walk gives.
extension ConditionStepTests {
  func testTextFieldsAgainstTextsAndListsOfTexts() throws {
    let policy = try Policy(
      """
      field channel: text
      when channel == "phone" then recommend watch
      when channel != "phone" then recommend watch
      when channel in ["email", "chat", "é"] then recommend watch
      when channel not in ["chat"] then recommend watch
      """)
    XCTAssertEqual(operations(policy), [.compareText, .compareText, .memberText, .memberText])
    let cases: [(String, [Int])] = [
      ("phone", [0, 3]), ("email", [1, 2, 3]), ("chat", [1, 2]), ("Phone", [1, 3]), ("", [1, 3]),
      ("phone ", [1, 3]), ("a text longer than fifteen bytes", [1, 3]),
      // Texts are equal when Unicode says so: `e` and a combining accent is `é`.
      ("e\u{301}", [1, 2, 3]),
    ]
    for (text, matched) in cases {
      let outcome = try rules(policy, ["channel": .text(text)])
      XCTAssertEqual(outcome.matched, matched, text)
      XCTAssertEqual(outcome.unknown, [], text)
    }
    let missing = try rules(policy, [:])
    XCTAssertEqual(missing.matched, [])
    XCTAssertEqual(missing.unknown, [0, 1, 2, 3])
  }

  func testTextStepsHandOtherValuesToTheTreeWalk() throws {
    // A field the policy does not declare takes its type from the data: a number there is the
    // tree walk's to compare (an error for `==` with text) and to look for in the list.
    let policy = try Policy(
      """
      when code == "A1" then recommend watch
      when code in ["A1", "B2"] then recommend review
      """)
    XCTAssertEqual(operations(policy), [.compareText, .memberText])
    for value: Value in [.int(3), .bool(true), Self.decimal("1.5"), .text("B2")] {
      try outcome(policy, ["code": value])
    }
    XCTAssertEqual(try rules(policy, ["code": .text("A1")]).matched, [0, 1])
  }

  func testQuotientsOfFieldsAgainstWholeNumbers() throws {
    var text = "field a: number\nfield b: number\n"
    for constant in ["20", "0", "-3", "1", "9223372036854775807", "-9223372036854775808"] {
      for op in ["==", "!=", "<", "<=", ">", ">="] { text += "when a / b \(op) \(constant) then recommend watch\n" }
    }
    let policy = try Policy(text)
    // `-3` is `-` applied to 3, not a constant: those comparisons are the tree walk's.
    XCTAssertEqual(operations(policy).filter { $0 == .compareQuotient }.count, 24)
    let numbers: [Value] = [
      .int(0), .int(1), .int(-1), .int(3), .int(20), .int(-60), .int(.max), .int(.min), Self.decimal("5135.51"),
      Self.decimal("153.8"), Self.decimal("256.775"), Self.decimal("-0.05"), Self.decimal("0.000000000000000001"),
      Self.decimal("1000000000000000000"), Self.decimal("18446744073709551615"),
      Self.decimal("0.00000001"), Self.decimal("0.000000001"), Self.decimal("66.666666666666666666"),
      Self.decimal("9999999999999999999999999999"), Self.decimal("-12345678901234567.89"), .missing,
    ]
    // Every pair through the steps and the tree walk (which divides), errors included.
    for a in numbers {
      for b in numbers { try outcome(policy, ["a": a, "b": b]) }
    }
  }

  func testTheQuotientIsDecidedWithoutDividingOnlyWhenRoundingCannotMatter() throws {
    func place(_ a: String, _ b: String, _ whole: Int64) -> Int? {
      DecimalNumber.quotientPlace(DecimalNumber(a)!, DecimalNumber(b)!, comparedWith: whole)
    }
    // The benchmark's `revenue / hours < 20`: 5135.51 / 153.8 = 33.39…, decided.
    XCTAssertEqual(place("5135.51", "153.8", 20), 2)
    XCTAssertEqual(place("3076", "153.8", 20), 1)
    XCTAssertEqual(place("-3076", "153.8", 20), 0)
    XCTAssertEqual(place("3076", "-153.8", -20), 1)
    XCTAssertEqual(place("3075.99", "153.8", 20), 0)
    // 10^-18 / 10^18 = 10^-36, which the division rounds to 0: too near 0 to decide here.
    XCTAssertNil(place("0.000000000000000001", "1000000000000000000", 0))
    let tiny = try DecimalNumber.dividing(DecimalNumber("0.000000000000000001")!, DecimalNumber("1000000000000000000")!)
    XCTAssertTrue(tiny.isZero)
    // Division by zero, and operands past what the test on products covers, are the division's.
    XCTAssertNil(place("1", "0", 20))
    XCTAssertNil(place("1", "0.000000001", 20))
    XCTAssertNil(place("9999999999999999999999999999", "3", 20))
    // Against the division itself, on operands of many sizes and scales.
    var generator = SystemRandomNumberGenerator()
    func random(scales: ClosedRange<Int>, lowest: UInt64) -> DecimalNumber {
      let largest = UInt64.max >> UInt64.random(in: 0...63, using: &generator)
      return DecimalNumber(
        significand: UInt128(UInt64.random(in: lowest...max(lowest, largest), using: &generator)),
        scale: Int.random(in: scales, using: &generator), negative: Bool.random(using: &generator))
    }
    var decided = 0
    for _ in 0..<20_000 {
      let a = random(scales: 0...19, lowest: 0)
      let b = random(scales: 0...9, lowest: 1)
      let wholes: [Int64] = [0, 1, -1, 20, 1_000, .max, .min, .random(in: -100...100, using: &generator)]
      let whole = wholes.randomElement(using: &generator)!
      guard let fast = DecimalNumber.quotientPlace(a, b, comparedWith: whole) else { continue }
      decided += 1
      let quotient = try DecimalNumber.dividing(a, b)
      XCTAssertEqual(fast, DecimalNumber.order(quotient, DecimalNumber(whole)) + 1, "\(a) / \(b) against \(whole)")
    }
    XCTAssertGreaterThan(decided, 10_000)
  }

  func testTheQuotientOn64BitIntegersAgreesWithTheDivisionAtItsEdges() throws {
    // Significands, scales and whole numbers at the edges of 64 bits: where a product or the
    // difference just fits and just does not, past which the 128-bit path decides.
    let root: UInt64 = 3_037_000_499  // ⌊√(2^63 − 1)⌋
    let significands: [UInt64] = [
      0, 1, 3, 7, root, root + 1, 1_000_000_000_000_000_000, UInt64(Int64.max) - 1, UInt64(Int64.max),
      UInt64(Int64.max) + 1,
    ]
    let wholes: [Int64] = [
      0, 1, -1, 20, -20, 999_999_999, 1_000_000_000, Int64(root), -Int64(root) - 1, .max, .min, .min + 1,
    ]
    var decided = 0
    for aLow in significands {
      for aScale in [0, 2, 9, 18] {
        for negative in [false, true] {
          let a = DecimalNumber(significand: UInt128(aLow), scale: aScale, negative: negative)
          for bLow in significands where bLow != 0 {
            for bScale in [0, 1, 8] {
              let b = DecimalNumber(significand: UInt128(bLow), scale: bScale, negative: false)
              for whole in wholes {
                let quotient = try DecimalNumber.dividing(a, b)
                let expected = DecimalNumber.order(quotient, DecimalNumber(whole)) + 1
                let label = "\(a) / \(b) against \(whole)"
                if let place = DecimalNumber.smallQuotientPlace(a, b, comparedWith: whole) {
                  decided += 1
                  XCTAssertEqual(place, expected, label)
                }
                if let place = DecimalNumber.quotientPlace(a, b, comparedWith: whole) {
                  XCTAssertEqual(place, expected, label)
                }
              }
            }
          }
        }
      }
    }
    XCTAssertGreaterThan(decided, 5_000)
    // Just past 64 bits, the 64-bit path leaves it to the 128-bit one.
    let largest = DecimalNumber(significand: UInt128(Int64.max), scale: 0, negative: false)
    let past = DecimalNumber(significand: UInt128(Int64.max) + 1, scale: 0, negative: false)
    let one = DecimalNumber(significand: 1, scale: 0, negative: false)
    XCTAssertEqual(DecimalNumber.smallQuotientPlace(largest, one, comparedWith: 1), 2)
    XCTAssertNil(DecimalNumber.smallQuotientPlace(past, one, comparedWith: 1))
    XCTAssertNil(
      DecimalNumber.smallQuotientPlace(
        largest, DecimalNumber(significand: 1, scale: 1, negative: false), comparedWith: 1))
    XCTAssertEqual(DecimalNumber.quotientPlace(past, one, comparedWith: 1), 2)
  }

  func testFieldsAgainstWholeNumbersTimesFields() throws {
    var text = "field a: number\nfield b: number\n"
    for product in ["2 * b", "b * 2", "0 * b", "9223372036854775807 * b"] {
      for op in ["==", "!=", "<", "<=", ">", ">="] { text += "when a \(op) \(product) then recommend watch\n" }
    }
    // Not the shape of the step: a product of fields, of constants, or on the left.
    text += "when a > b * b then recommend watch\nwhen a > 2 * 3 then recommend watch\n"
    text += "when 2 * b < a then recommend watch\nwhen a > 2.5 * b then recommend watch\n"
    let policy = try Policy(text)
    XCTAssertEqual(operations(policy).filter { $0 == .compareProduct }.count, 24)
    XCTAssertEqual(
      operations(policy).suffix(4), [.compareComputed, .compareComputed, .compareComputed, .compareComputed])
    let numbers: [Value] = [
      .int(0), .int(1), .int(-1), .int(3), .int(6), .int(.max), .int(.min), Self.decimal("5135.51"),
      Self.decimal("10271.02"), Self.decimal("10271.020"), Self.decimal("-0.05"), Self.decimal("0.000000000000000001"),
      Self.decimal("4611686018427387903.5"), Self.decimal("4611686018427387904"), Self.decimal("18446744073709551615"),
      Self.decimal("0.0000000000000000001"), Self.decimal("9999999999999999999999999999"), .missing, .text("2"),
    ]
    // Every pair through the steps and the tree walk (which multiplies), errors included.
    for a in numbers {
      for b in numbers { try outcome(policy, ["a": a, "b": b]) }
    }
  }

  func testTheProductIsComparedExactlyAtTheEdgesOf64Bits() throws {
    let significands: [UInt64] = [
      0, 1, 2, 3, 3_037_000_499, 1_000_000_000_000_000_000, UInt64(Int64.max) / 2, UInt64(Int64.max) / 2 + 1,
      UInt64(Int64.max), UInt64(Int64.max) + 1,
    ]
    let wholes: [Int64] = [0, 1, -1, 2, -2, 20, 3_037_000_499, .max, .min]
    var decided = 0
    for aLow in significands {
      for bLow in significands {
        for (aScale, bScale) in [(0, 0), (2, 0), (0, 2), (18, 1), (1, 18), (19, 0), (0, 19)] {
          for (aNegative, bNegative) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = DecimalNumber(significand: UInt128(aLow), scale: aScale, negative: aNegative)
            let b = DecimalNumber(significand: UInt128(bLow), scale: bScale, negative: bNegative)
            for whole in wholes {
              guard let place = DecimalNumber.productPlace(a, b, times: whole) else { continue }
              decided += 1
              let product = try DecimalNumber.multiplying(DecimalNumber(whole), b)
              XCTAssertEqual(place, DecimalNumber.order(a, product) + 1, "\(a) against \(whole) × \(b)")
            }
          }
        }
      }
    }
    XCTAssertGreaterThan(decided, 5_000)
    let large = DecimalNumber(significand: UInt128(Int64.max) / 2 + 1, scale: 0, negative: false)
    XCTAssertNil(DecimalNumber.productPlace(large, large, times: 2))
    XCTAssertEqual(
      DecimalNumber.productPlace(large, DecimalNumber(significand: 1, scale: 0, negative: false), times: 2), 2)
    XCTAssertNil(DecimalNumber.productPlace(large, DecimalNumber(significand: 1, scale: 19, negative: false), times: 2))
  }
}
