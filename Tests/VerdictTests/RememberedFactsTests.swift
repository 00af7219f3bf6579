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
}
