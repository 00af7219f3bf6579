import XCTest

@testable import Verdict

/// `Policy.explain`: the facts behind each rule's outcome, the condition trees and the decision.
final class ExplanationTests: XCTestCase {
  func explain(_ policyText: String, _ values: [String: String], line: UInt = #line) throws -> Explanation {
    let policy = try Policy(policyText)
    let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
    return policy.explain(client, in: EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!))
  }

  func findings(_ rule: RuleExplanation) -> [String] { rule.findings.map(\.text) }

  func testAWinningRuleShowsTheComparisonsThatHeldWithTheirMargins() throws {
    let explanation = try explain(
      "rule \"slow payer\" when payment_delay > 30d and revisions > 5 then recommend fire notice 30d",
      ["payment_delay": "45d", "revisions": "7"])
    XCTAssertEqual(explanation.verdict, "fire")
    XCTAssertEqual(explanation.decision, .onlyMatch)
    XCTAssertEqual(explanation.rules[0].outcome, .won)
    XCTAssertEqual(
      findings(explanation.rules[0]), ["payment_delay 45d > 30d (by 15d)", "revisions 7 > 5 (by 2)"])
    XCTAssertEqual(
      ExplanationText.line(explanation),
      "rule 1 \"slow payer\": payment_delay 45d > 30d (by 15d); revisions 7 > 5 (by 2)")
  }

  /// A let used twice is expanded at its first use in a rule and shown by its value after: each
  /// of these 60 lets uses the one before twice, and expanding every use doubled the tree with
  /// each (2^60 nodes; 23 such lets took 4 GB before the process was killed). Each rule expands
  /// a let once of its own.
  func testALetUsedTwiceIsExpandedOnceInEachRule() throws {
    let lets = (1..<60).map { "let l\($0) = l\($0 - 1) and l\($0 - 1)\n" }.joined()
    let policy =
      "field x: number\nlet l0 = x > 0\n" + lets + "when l59 then recommend fire\nwhen l58 then recommend watch\n"
    for value in ["1", "-1", ""] {
      let explanation = try explain(policy, ["x": value])
      func count(_ node: ConditionNode) -> Int { 1 + node.children.map(count).reduce(0, +) }
      func expanded(_ node: ConditionNode) -> [String] {
        (node.kind == .let && !node.children.isEmpty ? [node.text] : []) + node.children.flatMap(expanded)
      }
      XCTAssertEqual(explanation.rules.map { count($0.condition) }, [179, 176], value)
      XCTAssertEqual(expanded(explanation.rules[0].condition).count, 60, value)
      XCTAssertEqual(Set(expanded(explanation.rules[1].condition)).count, 59, value)
    }
    let missing = try explain(policy, ["x": ""])
    XCTAssertEqual(missing.rules[0].outcome, .unknown)
    XCTAssertEqual(missing.rules[0].condition.missing, ["x"])
  }

  func testARuleThatDidNotMatchShowsItsNearestMiss() throws {
    let explanation = try explain(
      "when payment_delay > 30d and revisions > 5 then recommend fire",
      ["payment_delay": "42d", "revisions": "5"])
    XCTAssertEqual(explanation.rules[0].outcome, .notMatched)
    XCTAssertEqual(findings(explanation.rules[0]), ["revisions 5, needs > 5"])
    XCTAssertEqual(ExplanationText.line(explanation), "no rule matched; nearest rule 1: revisions 5, needs > 5")
  }

  func testTheNearestMissOfAnOrIsTheOperandWithTheFewestObstacles() throws {
    let explanation = try explain(
      "when (a > 1 and b > 1 and c > 1) or d > 10 then recommend fire",
      ["a": "0", "b": "0", "c": "5", "d": "3"])
    XCTAssertEqual(findings(explanation.rules[0]), ["d 3, needs > 10"])
  }

  func testAConstantOnTheLeftIsTurnedAround() throws {
    let explanation = try explain("when 30d < payment_delay then recommend fire", ["payment_delay": "10d"])
    XCTAssertEqual(findings(explanation.rules[0]), ["payment_delay 10d, needs > 30d"])
    XCTAssertEqual(explanation.rules[0].condition.detail, "30d < payment_delay 10d")
  }

  func testAnUnknownRuleNamesTheMissingFields() throws {
    let explanation = try explain(
      "when days_until(project_end) < 14d and revisions > 1 then recommend watch", ["revisions": "3"])
    XCTAssertEqual(explanation.rules[0].outcome, .unknown)
    XCTAssertEqual(findings(explanation.rules[0]), ["project_end missing"])
    XCTAssertEqual(explanation.rules[0].condition.missing, ["project_end"])
  }

  func testOperandsThatAndOrOrDidNotNeedAreStillShown() throws {
    let explanation = try explain("when a > 1 and b > 1 then recommend fire", ["a": "0", "b": "9"])
    let condition = explanation.rules[0].condition
    XCTAssertEqual(condition.kind, .and)
    XCTAssertEqual(condition.children.map(\.value), [.bool(false), .bool(true)])
    XCTAssertEqual(explanation.verdict, "keep")
  }

  func testAnErrorInAnOperandThatWasNotNeededIsNotAnError() throws {
    let explanation = try explain(
      """
      let high = 10 / x > 1
      when x != 0 and high then recommend fire
      """, ["x": "0"])
    XCTAssertNil(explanation.error)
    XCTAssertEqual(explanation.verdict, "keep")
    let operands = explanation.rules[0].condition.children
    XCTAssertEqual(operands.map(\.value), [.bool(false), nil])
    XCTAssertEqual(operands[1].detail, "high")
    XCTAssertEqual(operands[1].children.count, 0)
    XCTAssertEqual(findings(explanation.rules[0]), ["x 0, needs != 0"])
  }

  func testLetsShowTheirDefinitionAndNameTheirPlainTests() throws {
    let policy = """
      let slow = payment_delay > 30d
      let talked = talked_about_hours ?? false
      when slow and talked then recommend fire
      """
    let explanation = try explain(policy, ["payment_delay": "45d", "talked_about_hours": "false"])
    XCTAssertEqual(findings(explanation.rules[0]), ["talked is false"])
    XCTAssertEqual(explanation.rules[0].condition.children[0].children.map(\.detail), ["payment_delay 45d > 30d"])
  }

  func testTheDecisionSaysHowTheWinnerWasChosen() throws {
    let rules = """
      verdicts keep < watch < fire
      when x > 1 then recommend watch
      when x > 2 then recommend fire
      when x > 3 then recommend fire
      """
    XCTAssertEqual(try explain(rules, ["x": "0"]).decision, .otherwise)
    XCTAssertEqual(try explain(rules, ["x": "2"]).decision, .onlyMatch)
    XCTAssertEqual(try explain(rules, ["x": "3"]).decision, .mostSevere(matches: 2))
    let tied = try explain(rules, ["x": "4"])
    XCTAssertEqual(tied.decision, .earliestOfMostSevere(matches: 3))
    XCTAssertEqual(tied.winningRule, 1)
    XCTAssertEqual(tied.rules.map(\.outcome), [.outranked, .won, .outranked])
    let first = try explain("strategy first-match\n" + rules, ["x": "4"])
    XCTAssertEqual(first.decision, .firstMatch(matches: 3))
    XCTAssertEqual(first.winningRule, 0)
  }

  func testAFailedEvaluationIsExplainedUpToTheFailure() throws {
    let explanation = try explain(
      """
      when x > 1 then recommend watch
      when 10 / x > 1 then recommend fire
      when x > 5 then recommend fire
      """, ["x": "0"])
    XCTAssertEqual(explanation.verdict, "error")
    XCTAssertEqual(explanation.decision, .failed)
    XCTAssertEqual(explanation.error?.message, "division by zero")
    XCTAssertEqual(explanation.rules.map(\.outcome), [.notMatched, .failed, .notEvaluated])
    XCTAssertEqual(findings(explanation.rules[1]), ["division by zero"])
    XCTAssertEqual(ExplanationText.line(explanation), "error: division by zero in rule 2")
  }

  /// A long fraction is rounded for reading, but never to a number it is not near: to the first
  /// 2 digits of its fraction past the zeros right after the point, and to at least 2 places, and
  /// marked `≈`; up to 6 places are shown as they are.
  func testLongFractionsAreRoundedForReadingWithoutMisleading() throws {
    let third = try explain("let ratio = x / 3\nwhen ratio > 20 then recommend fire", ["x": "100"])
    XCTAssertEqual(findings(third.rules[0]), ["ratio ≈33.33 > 20 (by ≈13.33)"])
    // The examples of docs/explain.md: 100 / 7, 224.6 / 7 (a zero after the point: 3 places).
    let sevenths = try explain("let r = x / 7\nwhen r > 1000 then recommend fire", ["x": "100"])
    XCTAssertEqual(findings(sevenths.rules[0]), ["r ≈14.29, needs > 1000"])
    let zero = try explain("let r = x / 7\nwhen r > 1000 then recommend fire", ["x": "224.6"])
    XCTAssertEqual(findings(zero.rules[0]), ["r ≈32.086, needs > 1000"])
    let six = try explain("when ratio > 20% then recommend fire", ["ratio": "11.131725%"])
    XCTAssertEqual(findings(six.rules[0]), ["ratio 11.131725%, needs > 20%"])
    // Rounded to 2 places these read "n 0 > 0.001 (by 0)" and "n 1 > 1 (by 0)".
    let small = try explain("when n > 0.001 then recommend fire", ["n": "0.0015"])
    XCTAssertEqual(findings(small.rules[0]), ["n 0.0015 > 0.001 (by 0.0005)"])
    let tiny = try explain("let n = x / 3000000\nwhen n > 0 then recommend fire", ["x": "1"])
    XCTAssertEqual(findings(tiny.rules[0]), ["n ≈0.00000033 > 0 (by ≈0.00000033)"])
    let day = try explain("field d: duration in days\nwhen d > 1d then recommend fire", ["d": "86401s"])
    XCTAssertEqual(findings(day.rules[0]), ["d ≈1.000012d > 1d (by ≈0.000012d)"])
  }

  /// A value that rounds to the other side's shows that it is rounded: `n ≈1 < 1`, not `n 1 < 1`;
  /// a duration of seconds in a field of hours, or of days in one of years, likewise.
  func testRoundedValuesAreMarked() throws {
    let nines = try explain("when n < 1 then recommend fire", ["n": "0.9999999999999999999999999999"])
    XCTAssertEqual(findings(nines.rules[0]), ["n ≈1 < 1 (by 0.0000000000000000000000000001)"])
    let years = try explain(
      "field contract: duration in years\nwhen contract > 1d then recommend fire", ["contract": "0.5"])
    XCTAssertEqual(findings(years.rules[0]), ["contract 0.5y > 1d (by ≈0.5y)"])
    let hours = try explain("field t: duration in hours\nwhen t < 1h then recommend fire", ["t": "10s"])
    XCTAssertEqual(findings(hours.rules[0]), ["t ≈0.0028h < 1h (by ≈1h)"])
  }

  /// A list compared with a missing item in it names the missing field, as `and` does.
  func testAListWithAMissingItemNamesIt() throws {
    let explanation = try explain(
      "field x: number\nfield y: number\nwhen [x, y] == [1, 2] then recommend fire", ["x": "1"])
    XCTAssertEqual(findings(explanation.rules[0]), ["y missing"])
  }

  func testTheTextRendering() throws {
    let explanation = try explain(
      """
      rule "slow payer" when payment_delay > 30d then recommend fire notice 30d
      rule "picky" when revisions > 5 or disrespectful then recommend talk
      """, ["payment_delay": "45d", "revisions": "7"])
    XCTAssertEqual(
      ExplanationText.render(explanation, client: "Acme"),
      """
      Acme: fire, by rule 1 "slow payer"
        notice 30d
        why: the most severe of 2 matching rules (strategy most-severe)
        ✓ rule 1 "slow payer" → fire: won
            payment_delay 45d > 30d (by 15d)
        ✓ rule 2 "picky" → talk: outranked
            revisions 7 > 5 (by 2)

      """)
    XCTAssertEqual(
      ExplanationText.render(explanation, client: nil, tree: true),
      """
      fire, by rule 1 "slow payer"
        notice 30d
        why: the most severe of 2 matching rules (strategy most-severe)
        ✓ rule 1 "slow payer" → fire: won
            ✓ payment_delay 45d > 30d (by 15d)
        ✓ rule 2 "picky" → talk: outranked
            ✓ any of
              ✓ revisions 7 > 5 (by 2)
              ? disrespectful

      """)
  }

  // MARK: - Review findings

  func testATrueNotShowsTheFactsThatKeptItsOperandFalse() throws {
    let policy = """
      field payment_delay: duration in days
      field revisions: number
      field outstanding: money in EUR
      let late = payment_delay > 30d
      rule "patient" when not late then recommend keep
      rule "calm" when not (revisions > 3 and outstanding > 100€) then recommend watch
      """
    let explanation = try explain(policy, ["payment_delay": "20", "revisions": "5", "outstanding": "50"])
    XCTAssertEqual(findings(explanation.rules[0]), ["payment_delay 20d, not > 30d"])
    XCTAssertEqual(findings(explanation.rules[1]), ["outstanding 50.00 EUR, not > 100€"])
    let late = try explain(policy, ["payment_delay": "45", "revisions": "5", "outstanding": "500"])
    XCTAssertEqual(findings(late.rules[0]), ["payment_delay 45d, needs not > 30d"])
    // Either test failing makes `not (… and …)` hold: the nearest is what it needs, not both.
    XCTAssertEqual(findings(late.rules[1]), ["revisions 5, needs not > 3"])
  }

  func testAPopulationFigureWithoutDataSaysSo() throws {
    let explanation = try explain(
      "let busy = share(hours) > 20%\nwhen busy then recommend fire", ["hours": "30"])
    XCTAssertEqual(findings(explanation.rules[0]), ["share(hours) needs the other clients' data"])
    XCTAssertEqual(explanation.rules[0].condition.missing, [])
  }

  func testEscapedBackslashesInTextsKeepTheFindingOnOneLine() throws {
    let explanation = try explain(
      """
      field tier: text
      when tier in ["a \\\\",
        "b"] then recommend fire
      """, ["tier": "c"])
    XCTAssertEqual(explanation.rules[0].condition.text, #"tier in ["a \\", "b"]"#)
    XCTAssertFalse(ExplanationText.line(explanation).contains("\n"))
  }

  func testMarginsBetweenDatesAreInDays() throws {
    let explanation = try explain("when start < 2025-01-01 then recommend fire", ["start": "2024-01-01"])
    XCTAssertEqual(findings(explanation.rules[0]), ["start 2024-01-01 < 2025-01-01 (by 366d)"])
  }

  func testTheNearestRuleIsTheOneClosestToMatching() throws {
    let explanation = try explain(
      """
      field payment_delay: duration in days
      when payment_delay > 30d then recommend talk
      when payment_delay > 14d then recommend watch
      """, ["payment_delay": "4"])
    XCTAssertEqual(ExplanationText.line(explanation), "no rule matched; nearest rule 2: payment_delay 4d, needs > 14d")
  }

  func testNegativeLiteralsAreShownAsWritten() throws {
    let explanation = try explain("when x > -5 then recommend fire", ["x": "-9"])
    XCTAssertEqual(findings(explanation.rules[0]), ["x -9, needs > -5"])
  }
}
