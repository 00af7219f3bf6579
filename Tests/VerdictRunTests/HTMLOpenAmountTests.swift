import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The "wait until paid" step names the open amount only when the winning rule found a money value
/// larger than a money constant.
struct HTMLOpenAmountTests {
  /// The plan steps about waiting until paid in `page`, in the order of the cards.
  static func waitSteps(_ page: String) -> [String] {
    page.components(separatedBy: "<li>Check the contract").dropFirst().map { part in
      String(part.prefix { $0 != "<" })
    }
  }

  @Test func theWinningComparisonGivesTheAmountAndNothingElseDoes() throws {
    let outcome = try RunnerTests.run(policy: "owed.verdict", data: ["owed.csv"], format: .html)
    #expect(outcome.status == .success)
    // Cards: A, B, C (fire, in the order of the data), then D (watch).
    #expect(
      Self.waitSteps(outcome.report) == [
        " and wait until every invoice is paid (open: outstanding 1200.50 EUR).",
        " and wait until every invoice is paid (open: outstanding 2000.00 EUR).",
        // `rude` says nothing about money; `outstanding < 500€` is no amount owed.
        " and wait until every invoice is paid.",
        " and wait until every invoice is paid.",
      ])
    #expect(HTMLReportTests.xmlError(outcome.report) == nil)
  }

  @Test func sidesOfAComparisonEitherWayRound() {
    func node(_ text: String, _ requirement: String) -> ConditionNode {
      ConditionNode(
        kind: .comparison, text: text, value: .bool(true), range: SourceRange(start: 0, end: 0), children: [],
        detail: text, requirement: requirement)
    }
    #expect(OpenAmount.sides(of: node("outstanding > 0€", "> 0€"))! == ("outstanding", "0€"))
    #expect(OpenAmount.sides(of: node("1_000€ <= owed + fees", ">= 1_000€"))! == ("owed + fees", "1_000€"))
    #expect(OpenAmount.sides(of: node("outstanding < 500€", "< 500€")) == nil)
    #expect(OpenAmount.sides(of: node("outstanding>0€", "> 0€")) == nil)
  }
}
