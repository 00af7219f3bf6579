import XCTest

@testable import Verdict

/// The rules' conditions compiled to steps (``ConditionStep``), which `evaluate` and `report` run,
/// against the tree walk, which a trace runs: each kind of step, at its boundaries, gives the
/// outcome or the error the tree walk gives, and the outcome stated here.
final class ConditionStepTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)

  /// The outcome by the steps; fails the test when the tree walk's, or the report's, differs.
  @discardableResult
  func outcome(_ policy: Policy, _ values: [String: Value], line: UInt = #line) throws
    -> Result<Evaluation, EvaluationError>
  {
    // Straight into the slots, unconverted: a field whose type the data decides can hold anything.
    var slots = [Value](repeating: .missing, count: policy.fields.count)
    for (name, value) in values { slots[try XCTUnwrap(policy.slot(ofField: name), name, line: line)] = value }
    let client = Client(values: slots)
    let stepped = Result { () throws(EvaluationError) in try policy.evaluate(client, in: context) }
    XCTAssertEqual(stepped, policy.trace(client, in: context).outcome, "steps and tree walk on \(values)", line: line)
    let reported = Result { () throws(EvaluationError) in try policy.report(client, in: context) }
    switch (stepped, reported) {
    case (.success(let evaluation), .success(let report)):
      XCTAssertEqual(report.winningRule, evaluation.winningRule, "report on \(values)", line: line)
      XCTAssertEqual(report.unknownRuleCount, evaluation.unknownRules.count, "report on \(values)", line: line)
    case (.failure(let error), .failure(let reportError)):
      XCTAssertEqual(reportError, error, "report on \(values)", line: line)
    case (.success, .failure), (.failure, .success):
      XCTFail("report and evaluate disagree on \(values)", line: line)
    }
    return stepped
  }

  /// The rules that matched and those that were unknown.
  func rules(_ policy: Policy, _ values: [String: Value], line: UInt = #line) throws -> (matched: [Int], unknown: [Int])
  {
    let evaluation = try outcome(policy, values, line: line).get()
    return (Array(evaluation.matchedRules), Array(evaluation.unknownRules))
  }

  /// The message of the error evaluating `values` stops with.
  func failure(_ policy: Policy, _ values: [String: Value], line: UInt = #line) throws -> String? {
    guard case .failure(let error) = try outcome(policy, values, line: line) else { return nil }
    return error.message
  }

  func operations(_ policy: Policy) -> [ConditionStep.Operation] {
    policy.runtime.conditionSteps.map(\.operation)
  }

  static func decimal(_ text: String) -> Value { .decimal(DecimalNumber(text)!) }

  /// The six comparisons, in rules 0 to 5: `==`, `!=`, `<`, `<=`, `>`, `>=`.
  static func sixComparisons(_ field: String, _ declaration: String, _ constant: String) -> String {
    var text = "field \(field): \(declaration)\n"
    for op in ["==", "!=", "<", "<=", ">", ">="] { text += "when \(field) \(op) \(constant) then recommend watch\n" }
    return text
  }

  func testWholeNumberFieldAgainstAWholeNumber() throws {
    let policy = try Policy(Self.sixComparisons("n", "number", "20"))
    XCTAssertEqual(Set(operations(policy)), [.compareInt])
    let below = [1, 2, 3]
    let equal = [0, 3, 5]
    let above = [1, 4, 5]
    let cases: [(Value, [Int])] = [
      (.int(19), below), (.int(20), equal), (.int(21), above), (.int(-21), below), (.int(.max), above),
      (.int(.min), below),
      // A decimal in a number field: compared exactly, in 64 bits where it fits, else as decimals.
      (Self.decimal("20.0"), equal), (Self.decimal("19.999"), below), (Self.decimal("20.001"), above),
      (Self.decimal("-20.5"), below), (Self.decimal("0.000000000000000020"), below),
      (Self.decimal("20.000000000000000000"), equal), (Self.decimal("20.0000000000000000001"), above),
      (Self.decimal("9999999999999999999999999999"), above), (Self.decimal("-9999999999999999999.5"), below),
    ]
    for (value, matched) in cases {
      let outcome = try rules(policy, ["n": value])
      XCTAssertEqual(outcome.matched, matched, "\(value)")
      XCTAssertEqual(outcome.unknown, [], "\(value)")
    }
    XCTAssertEqual(try rules(policy, ["n": .missing]).unknown, [0, 1, 2, 3, 4, 5])
  }

  func testNegativeAndLargestConstants() throws {
    let policy = try Policy(
      """
      field n: number
      when n > -1 then recommend watch
      when n < -9223372036854775808 then recommend watch
      when n >= 9223372036854775807 then recommend watch
      when n <= -0.5 then recommend watch
      """)
    XCTAssertEqual(try rules(policy, ["n": .int(-1)]).matched, [3])
    XCTAssertEqual(try rules(policy, ["n": .int(0)]).matched, [0])
    XCTAssertEqual(try rules(policy, ["n": .int(.max)]).matched, [0, 2])
    XCTAssertEqual(try rules(policy, ["n": .int(.min)]).matched, [3])
    XCTAssertEqual(try rules(policy, ["n": Self.decimal("-0.5")]).matched, [0, 3])
    XCTAssertEqual(try rules(policy, ["n": Self.decimal("-1.5")]).matched, [3])
    XCTAssertEqual(try rules(policy, ["n": Self.decimal("9223372036854775807.1")]).matched, [0, 2])
    XCTAssertEqual(try rules(policy, ["n": Self.decimal("-9223372036854775808.1")]).matched, [1, 3])
  }

  func testDurationsDatesAndMoneyAgainstConstants() throws {
    let policy = try Policy(
      """
      field d: duration in days
      field day: date
      field m: money in EUR
      when d > 30d then recommend watch
      when day < 2025-06-01 then recommend watch
      when m >= 500€ then recommend watch
      when m == 0€ then recommend watch
      """)
    XCTAssertEqual(Set(operations(policy)), [.compareDuration, .compareDate, .compareMoney])
    func days(_ count: Int64) -> Value { .duration(TimeSpan(seconds: count * 86_400)) }
    func euros(_ tenThousandths: Int64) -> Value { .money(Money(scaledAmount: tenThousandths, currency: .euro)) }
    let cases: [([String: Value], matched: [Int], unknown: [Int])] = [
      (["d": days(30), "day": .date(CalendarDate(year: 2025, month: 6, day: 1)!), "m": euros(4_999_999)], [], []),
      (
        ["d": days(31), "day": .date(CalendarDate(year: 2025, month: 5, day: 31)!), "m": euros(5_000_000)], [0, 1, 2],
        []
      ),
      (["d": .duration(TimeSpan(seconds: 30 * 86_400 + 1)), "m": euros(0)], [0, 3], [1]),
      (["d": days(-31), "m": euros(-1)], [], [1]),
      (["m": euros(.max)], [2], [0, 1]),
      (["m": euros(.min)], [], [0, 1]),
      (["day": .date(CalendarDate(year: 1, month: 1, day: 1)!)], [1], [0, 2, 3]),
    ]
    for (values, matched, unknown) in cases {
      let outcome = try rules(policy, values)
      XCTAssertEqual(outcome.matched, matched, "\(values)")
      XCTAssertEqual(outcome.unknown, unknown, "\(values)")
    }
  }

  func testValuesOfAnotherTypeGiveTheTreeWalksErrors() throws {
    // Undeclared fields take their type from the data, so any value can reach any step.
    let compared = try Policy("when x > 5 then recommend watch\nwhen u < 5€ then recommend talk")
    XCTAssertEqual(try failure(compared, ["x": .text("five")]), "cannot compare text with a number")
    XCTAssertEqual(try failure(compared, ["x": .bool(true)]), "cannot compare a bool with a number")
    XCTAssertEqual(try rules(compared, ["x": Self.decimal("5.5")]).matched, [0])
    XCTAssertEqual(
      try failure(compared, ["x": .int(1), "u": .money(Money(units: 4, currency: .dollar)!)]),
      "cannot compare USD with EUR")
    XCTAssertEqual(try failure(compared, ["x": .int(1), "u": .int(4)]), "cannot compare a number with money")

    let truths = try Policy(
      "when a and b then recommend watch\nwhen not c then recommend talk\nwhen e then recommend fire")
    XCTAssertEqual(try failure(truths, ["a": .bool(true), "b": .int(1)]), "expected true or false, not a number 1")
    XCTAssertEqual(
      try failure(truths, ["a": .bool(false), "b": .int(1), "c": .text("x")]), "'not' needs true or false, not text")
    XCTAssertEqual(
      try failure(truths, ["a": .bool(false), "c": .bool(true), "e": .int(2)]),
      "a rule's condition must be true or false, not a number")
    XCTAssertEqual(try rules(truths, ["a": .bool(false), "c": .missing, "e": .bool(true)]).matched, [2])
  }

  func testMissingFieldsInChainsAndIsMissing() throws {
    let policy = try Policy(
      """
      field a: number
      field b: number
      when a > 1 and b > 1 then recommend watch
      when a > 1 or b > 1 then recommend watch
      when a is missing or b is present then recommend watch
      when not (a > 1) and not (b is missing) then recommend watch
      """)
    XCTAssertEqual(try rules(policy, [:]).matched, [2])
    XCTAssertEqual(try rules(policy, [:]).unknown, [0, 1])
    XCTAssertEqual(try rules(policy, ["a": .int(0)]).matched, [])
    XCTAssertEqual(try rules(policy, ["a": .int(0)]).unknown, [1])
    XCTAssertEqual(try rules(policy, ["a": .int(2)]).unknown, [0])
    XCTAssertEqual(try rules(policy, ["a": .int(2)]).matched, [1])
    XCTAssertEqual(try rules(policy, ["b": .int(2)]).matched, [1, 2])
    XCTAssertEqual(try rules(policy, ["b": .int(2)]).unknown, [0, 3])
  }

  /// Nested `and`, `or` and `not` on every combination of three truth values, against Kleene's
  /// tables written out here.
  func testNestedChainsFollowKleeneLogic() throws {
    let policy = try Policy(
      """
      field a: bool
      field b: bool
      field c: bool
      let either = a or b
      when a and (b or not c) or (a is missing and b) then recommend watch
      when (a or b) and (b or c) and not (a and c) then recommend watch
      when either and not either or c then recommend watch
      """)
    func and(_ x: Bool?, _ y: Bool?) -> Bool? { x == false || y == false ? false : (x == nil || y == nil ? nil : true) }
    func or(_ x: Bool?, _ y: Bool?) -> Bool? { x == true || y == true ? true : (x == nil || y == nil ? nil : false) }
    func not(_ x: Bool?) -> Bool? { x.map { !$0 } }
    let truths: [Bool?] = [true, false, nil]
    for a in truths {
      for b in truths {
        for c in truths {
          let either = or(a, b)
          let expected = [
            or(and(a, or(b, not(c))), and(a == nil, b)),
            and(and(or(a, b), or(b, c)), not(and(a, c))),
            or(and(either, not(either)), c),
          ]
          let values = [
            "a": a.map(Value.bool) ?? .missing, "b": b.map(Value.bool) ?? .missing, "c": c.map(Value.bool) ?? .missing,
          ]
          let outcome = try rules(policy, values)
          XCTAssertEqual(outcome.matched, expected.indices.filter { expected[$0] == true }, "\(values)")
          XCTAssertEqual(outcome.unknown, expected.indices.filter { expected[$0] == nil }, "\(values)")
        }
      }
    }
  }

  func testChainsDeeperThanTheStepsKeepAreWalked() throws {
    // 40 levels of `and` inside `or` inside `and`…: the innermost are left to the tree walk.
    var condition = "x > 0"
    for level in 0..<40 { condition = "(\(condition)) \(level % 2 == 0 ? "and" : "or") x > \(level % 7)" }
    let policy = try Policy("field x: number\nwhen \(condition) then recommend watch")
    XCTAssertTrue(operations(policy).contains(.general))
    for value: Value in [.int(-1), .int(0), .int(3), .int(7), .missing] { try outcome(policy, ["x": value]) }
  }

  func testLetsAreComputedOnceAndGuardedErrorsStayGuarded() throws {
    let policy = try Policy(
      """
      field d: number
      let safe = d != 0 and 10 / d > 2
      when safe then recommend watch
      when d > 1 and safe then recommend talk
      when not safe or d == 0 or 10 / d < 1 then recommend review
      when 10 / d > 100 then recommend fire
      """)
    XCTAssertTrue(operations(policy).contains(.letCached))
    XCTAssertEqual(try rules(policy, ["d": .int(4)]).matched, [0, 1])
    XCTAssertEqual(try rules(policy, ["d": .int(20)]).matched, [2])
    XCTAssertEqual(try failure(policy, ["d": .int(0)]), "division by zero")
    XCTAssertEqual(try rules(policy, ["d": .missing]).unknown, [0, 1, 2, 3])
  }

  func testComparisonsOfArithmeticOnFieldsAndConstants() throws {
    let policy = try Policy(
      """
      field m: money in EUR
      field h: number
      field x: number
      when m / (h ?? 1) < 20€ then recommend talk
      when x * x > 100 then recommend watch
      when x + 1 > h then recommend watch
      when (x ?? 0) >= 3.5 then recommend watch
      when m / (h ?? 1) == 0.0002€ then recommend review
      """)
    XCTAssertEqual(Set(operations(policy)), [.compareComputed])
    func euros(_ tenThousandths: Int64) -> Value { .money(Money(scaledAmount: tenThousandths, currency: .euro)) }
    XCTAssertEqual(try rules(policy, ["m": euros(1_000_000), "h": .int(5)]).matched, [])
    XCTAssertEqual(try rules(policy, ["m": euros(999_900), "h": .int(5)]).matched, [0])
    XCTAssertEqual(try rules(policy, ["m": euros(199_999)]).matched, [0])
    XCTAssertEqual(try rules(policy, ["m": euros(200_000)]).unknown, [1, 2])
    // Half to even: 0.0005€ / 2 is 0.0002€, 0.0007€ / 2 is 0.0004€.
    XCTAssertEqual(try rules(policy, ["m": euros(5), "h": .int(2)]).matched, [0, 4])
    XCTAssertEqual(try rules(policy, ["m": euros(7), "h": .int(2)]).matched, [0])
    XCTAssertEqual(try rules(policy, ["m": euros(-5), "h": .int(2)]).matched, [0])
    XCTAssertEqual(try failure(policy, ["m": euros(.min), "h": .int(-1)]), "arithmetic overflow")
    XCTAssertEqual(try failure(policy, ["m": euros(5), "h": .int(0)]), "division by zero")
    XCTAssertEqual(try rules(policy, ["x": .int(3), "h": .int(3)]).matched, [2])
    XCTAssertEqual(try rules(policy, ["x": Self.decimal("3.5"), "h": .int(5)]).matched, [3])
    XCTAssertEqual(try rules(policy, ["x": .int(4_000_000_000), "h": .int(1)]).matched, [1, 2, 3])
    XCTAssertEqual(try failure(policy, ["x": .int(.max)]), "arithmetic overflow")
    XCTAssertEqual(try rules(policy, [:]).matched, [])
    XCTAssertEqual(try rules(policy, [:]).unknown, [0, 1, 2, 4])
  }

  func testLetsUsedTwiceAtEveryLevelAreNotCopiedWithoutEnd() throws {
    // Copied in at every use, the last let would take 2^16 copies of the first.
    var text = "field x: number\nlet a0 = x > 1 or x is missing\n"
    for level in 1...16 { text += "let a\(level) = a\(level - 1) and not (a\(level - 1) and x > \(level * 3))\n" }
    text += "when a16 or x > 40 then recommend watch\n"
    let policy = try Policy(text)
    XCTAssertLessThan(policy.runtime.conditionSteps.count, 2 * ConditionCompiler.stepsPerRule)
    for value: Value in [.int(0), .int(2), .int(4), .int(41), .missing] { try outcome(policy, ["x": value]) }
  }

  func testFirstMatchAndOverflowInAComparedOperand() throws {
    let policy = try Policy(
      """
      strategy first-match
      field x: number
      when x > 10 then recommend watch
      when x * x > 100 then recommend fire
      when x > 5 then recommend fire
      """)
    let outcome = try outcome(policy, ["x": .int(11)]).get()
    XCTAssertEqual(outcome.winningRule, 0)
    XCTAssertEqual(Array(outcome.matchedRules), [0, 1, 2])
    XCTAssertEqual(try failure(policy, ["x": .int(.max)]), "arithmetic overflow")
  }
}
