import XCTest

@testable import Verdict

/// ``ExplanationLineWriter``, the `--explain` column: the same line as ``ExplanationText/line(_:)``
/// of the whole explanation, with one writer kept across clients.
final class ExplanationLineTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)

  /// Explains every client both ways with one wording, in order, and compares the lines.
  func assertLinesAgree(
    _ policyText: String, _ clients: [[String: String]], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    for values in clients {
      let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
      let explanation = policy.explain(client, in: context)
      let whole = ExplanationText.line(explanation)
      XCTAssertEqual(
        writer.line(of: client, winner: explanation.winningRule, in: context), whole, "\(values)", file: file,
        line: line)
    }
  }

  func testWinnersNearestMissesAndUnknownsAgreeClientAfterClient() throws {
    try assertLinesAgree(
      """
      field payment_delay: duration in days
      field revisions: number
      field disrespectful: bool
      field project_end: date
      let slow = payment_delay > 30d
      rule "rude" when disrespectful then recommend fire
      rule "slow payer" when slow and revisions > 5 then recommend fire
      rule "revisions" when not slow and (revisions > 8 or revisions < 0) then recommend talk
      rule "deadline" when days_until(project_end) < 14d then recommend watch
      otherwise recommend keep
      """,
      [
        ["payment_delay": "45d", "revisions": "7", "disrespectful": "false", "project_end": "2026-12-01"],
        ["payment_delay": "10d", "revisions": "9"],
        ["payment_delay": "31d", "revisions": "5", "disrespectful": "false", "project_end": "2027-06-01"],
        ["disrespectful": "true"],
        [:],
        ["payment_delay": "45d", "revisions": "2", "disrespectful": "false", "project_end": "2026-12-01"],
        ["payment_delay": "2d", "revisions": "1", "disrespectful": "false", "project_end": "2027-01-01"],
      ])
  }

  func testFirstMatchAndErrorsAgree() throws {
    try assertLinesAgree(
      """
      strategy first-match
      field x: number
      field tier: text
      rule "guarded" when x > 0 and 10 / x > 1 then recommend review
      rule "zero" when 10 / x > 1 then recommend fire
      rule "gold" when tier in ["gold", "platinum"] then recommend watch
      otherwise recommend keep
      """,
      [["x": "2", "tier": "gold"], ["x": "0", "tier": "silver"], ["x": "20", "tier": "gold"], ["tier": "lead"]])
  }
}
