import XCTest

@testable import Verdict

/// Conditions as the rule loop reads them (three-valued truths), and the lets' cache on the stack
/// and past it.
final class EvaluatorConditionTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)

  func evaluate(_ policy: Policy, _ values: [String: Value]) throws -> Evaluation {
    try policy.evaluate(try policy.client(values, options: .absentIsMissing), in: context)
  }

  /// `count` lets, each one more than the last, starting from the field `n`.
  func chainedLets(_ count: Int) -> String {
    var text = "field n: number\nlet a1 = n + 1\n"
    // Chains of at most 32, so that many lets do not nest past the checker's depth: a`i` = n + i.
    for index in 2...count {
      text += index % 32 == 0 ? "let a\(index) = n + \(index)\n" : "let a\(index) = a\(index - 1) + 1\n"
    }
    text += "rule \"far\" when a\(count) > \(count + 20) then recommend fire\n"
    text += "rule \"near\" when a1 > 100 and a\(count) < 1000 then recommend talk\n"
    return text
  }

  func testLetsOnTheStackAndPastItGiveTheSameOutcomes() throws {
    for count in [2, LetCache.capacity, LetCache.capacity + 1, 150] {
      let policy = try Policy(chainedLets(count))
      let label = "\(count) lets"
      let below = try evaluate(policy, ["n": .int(20)])
      XCTAssertEqual(below.verdict, "keep", label)
      XCTAssertEqual(Array(below.matchedRules), [], label)
      let above = try evaluate(policy, ["n": .int(21)])
      XCTAssertEqual(above.verdict, "fire", label)
      XCTAssertEqual(Array(above.matchedRules), [0], label)
      let both = try evaluate(policy, ["n": .int(500)])
      XCTAssertEqual(Array(both.matchedRules), [0, 1], label)
      let unknown = try evaluate(policy, ["n": .missing])
      XCTAssertEqual(Array(unknown.unknownRules), [0, 1], label)
      XCTAssertEqual(unknown.verdict, "keep", label)
    }
  }

  func testComparisonsWithConstantsOfEveryKindAreExact() throws {
    let policy = try Policy(
      """
      field n: number
      field d: duration in days
      field m: money in EUR
      field day: date
      when n == 0.1 + 0.2 - 0.3 then recommend watch
      when n > 2.50 then recommend talk
      when d >= 14d and m < 500€ then recommend review
      when day <= 2025-12-31 or m >= 1000€ then recommend fire
      """)
    let cases: [([String: Value], matched: [Int], unknown: [Int])] = [
      (
        ["n": .int(0), "d": .duration(TimeSpan(days: 14)!), "m": .money(Money(units: 499, currency: .euro)!)], [0, 2],
        [3]
      ),
      (["n": .decimal(DecimalNumber(significand: 2501, scale: 3, negative: false))], [1], [2, 3]),
      // `d >= 14d` is unknown, `m < 500€` false: false wins.
      (
        [
          "n": .decimal(DecimalNumber(significand: 25, scale: 1, negative: false)),
          "m": .money(Money(units: 1000, currency: .euro)!),
        ], [3], []
      ),
      (
        ["d": .duration(TimeSpan(days: 13)!), "day": .date(CalendarDate(year: 2025, month: 12, day: 31)!)], [3], [0, 1]
      ),
    ]
    for (values, matched, unknown) in cases {
      let outcome = try evaluate(policy, values)
      XCTAssertEqual(Array(outcome.matchedRules), matched, "\(values)")
      XCTAssertEqual(Array(outcome.unknownRules), unknown, "\(values)")
    }
  }
}
