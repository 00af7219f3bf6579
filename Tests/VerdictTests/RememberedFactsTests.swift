import XCTest

@testable import Verdict

/// The facts of a line remembered by the truths of the tests (``RememberedFacts``): clients with
/// the same truths share them, each line showing its own client's values; facts that a distance
/// chose (an `or` whose options have as many facts) are found again for every client.
final class RememberedFactsTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)

  let policyText = """
    field delay: number
    field revisions: number
    field hours: number
    rule "notice" when delay > 30 and revisions > 5 then recommend fire
    rule "scope" when revisions > 8 or hours > 120 then recommend review
    otherwise recommend keep
    """

  /// Decides `values` on the truths and writes its line from them, as a run that explains every
  /// client does; the line must be the whole explanation's.
  func line(
    _ values: [String: String], policy: Policy, writer: ExplanationLineWriter, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> String {
    let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
    var filled = false
    let outcome = try writer.report(client, in: context, truthsFilled: &filled)
    XCTAssertTrue(filled, "decided on the truths", file: file, line: line)
    let written = writer.withLine(of: client, winner: outcome.winningRule, in: context, truthsFilled: filled) {
      String(decoding: $0, as: UTF8.self)
    }
    XCTAssertEqual(
      written, ExplanationText.line(policy.explain(client, in: context)), "\(values)", file: file, line: line)
    return written
  }

  func testClientsWithTheSameTruthsShareTheirFactsAndShowTheirOwnValues() throws {
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    let first = try line(["delay": "45", "revisions": "7", "hours": "10"], policy: policy, writer: writer)
    XCTAssertEqual(first, "rule 1 \"notice\": delay 45 > 30 (by 15); revisions 7 > 5 (by 2)")
    XCTAssertEqual(writer.rememberedFacts.count, 1)
    let second = try line(["delay": "90", "revisions": "6", "hours": "20"], policy: policy, writer: writer)
    XCTAssertEqual(second, "rule 1 \"notice\": delay 90 > 30 (by 60); revisions 6 > 5 (by 1)")
    XCTAssertEqual(writer.rememberedFacts.count, 1, "the same truths: the facts taken again")
    let other = try line(["delay": "29", "revisions": "7", "hours": "10"], policy: policy, writer: writer)
    XCTAssertEqual(other, "no rule matched; nearest rule 1 \"notice\": delay 29, needs > 30")
    XCTAssertEqual(writer.rememberedFacts.count, 2, "other truths, other facts")
  }

  func testFactsThatADistanceChoseAreFoundForEveryClient() throws {
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    // The same truths, and both options of "scope" miss by one fact: the nearer by distance is
    // shown, which the truths alone do not tell.
    let nearHours = try line(["delay": "0", "revisions": "1", "hours": "119"], policy: policy, writer: writer)
    XCTAssertEqual(nearHours, "no rule matched; nearest rule 2 \"scope\": hours 119, needs > 120")
    let nearRevisions = try line(["delay": "0", "revisions": "5", "hours": "1"], policy: policy, writer: writer)
    XCTAssertEqual(nearRevisions, "no rule matched; nearest rule 2 \"scope\": revisions 5, needs > 8")
    XCTAssertEqual(writer.rememberedFacts.count, 0)
  }

  /// Explains `count` seeded clients, each field's value picked from `choices`, with one writer
  /// as a run does, and checks each line against the client's whole explanation; returns how
  /// many facts the writer remembered.
  func assertSeededLinesAgree(
    _ policy: Policy, _ choices: [String: [String]], count: Int, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Int {
    let writer = ExplanationLineWriter(policy: policy)
    var generator = SeededRandom(state: 18)
    for _ in 0..<count {
      let values = choices.mapValues { $0[Int(generator.next() % UInt64($0.count))] }
      let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
      var filled = false
      let outcome = try writer.report(client, in: context, truthsFilled: &filled)
      let written = writer.withLine(of: client, winner: outcome.winningRule, in: context, truthsFilled: filled) {
        String(decoding: $0, as: UTF8.self)
      }
      XCTAssertEqual(
        written, ExplanationText.line(policy.explain(client, in: context)), "\(values)", file: file, line: line)
    }
    return writer.rememberedFacts.count
  }

  /// Clients whose `or` options often tie on their facts: the nearer option differs from client
  /// to client under the same truths.
  func testSeededClientsWhoseOptionsTieGetTheirWholeExplanation() throws {
    let choices = [
      "delay": ["0", "10", "29", "31", ""], "revisions": ["1", "4", "5", "7", "8", "9"],
      "hours": ["100", "110", "119", "120", "121", ""],
    ]
    XCTAssertGreaterThan(try assertSeededLinesAgree(try Policy(policyText), choices, count: 2_000), 3)
  }

  /// Many clients of few values, so that combinations of truths repeat, on the shared
  /// benchmark's policy (a quotient, a product, lists, a date, `not`, an `or` of an `and`).
  func testSeededClientsOfTheBenchmarkPolicyGetTheirWholeExplanation() throws {
    let policy = try Policy(
      """
      field payment_delay_days: number
      field revisions: number
      field hours_last_month: number
      field revenue_last_month: number
      field after_hours_messages: number
      field disrespectful: bool
      field outstanding_balance: number
      field last_payment: date
      field channel: text
      rule "fire_notice" when payment_delay_days > 30 and revisions > 5 then recommend fire notice 30d
      rule "fire_rude" when disrespectful and outstanding_balance == 0 then recommend fire
      rule "fire_ghost" when payment_delay_days > 60 and outstanding_balance > 2 * revenue_last_month
        and channel in ["email", "chat"] then recommend fire
      rule "review_rate" when hours_last_month > 0 and revenue_last_month / hours_last_month < 20
        then recommend review
      rule "review_scope" when revisions > 8 or (revisions > 4 and hours_last_month > 120) then recommend review
      rule "watch_night" when after_hours_messages > 10 and not disrespectful then recommend watch
      rule "watch_phone" when channel == "phone" and after_hours_messages > 5 and payment_delay_days >= 15
        then recommend watch
      rule "watch_stale" when last_payment < 2024-01-01 and outstanding_balance > 0 and channel not in ["chat"]
        then recommend watch
      otherwise recommend keep
      """)
    let choices = [
      "payment_delay_days": ["0", "15", "29", "31", "45", "61", "90", ""],
      "revisions": ["0", "3", "5", "6", "8", "9", "12", ""],
      "hours_last_month": ["0", "10", "40.5", "119", "121", "160", ""],
      "revenue_last_month": ["0", "100", "799.99", "2400", "5135.51", ""],
      "after_hours_messages": ["0", "4", "6", "10", "11", "30", ""],
      "disrespectful": ["true", "false", ""],
      "outstanding_balance": ["0", "0.00", "1", "500", "9000", ""],
      "last_payment": ["2023-10-26", "2023-12-31", "2024-01-01", "2025-04-20", ""],
      "channel": ["chat", "email", "phone", "post", ""],
    ]
    XCTAssertGreaterThan(try assertSeededLinesAgree(policy, choices, count: 3_000), 100)
  }
}
