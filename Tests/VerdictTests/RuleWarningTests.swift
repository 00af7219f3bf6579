import XCTest

@testable import Verdict

/// The checker's warnings about rules that cannot do what their author meant.
final class RuleWarningTests: XCTestCase {
  func warnings(_ text: String) -> [Diagnostic] {
    let (policy, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    XCTAssertNotNil(policy, "warnings do not stop a policy: \(diagnostics)")
    return diagnostics.filter { $0.severity == .warning }
  }

  func testContradictoryBoundsNeverMatch() {
    let rows: [(String, String?, UInt)] = [
      ("revisions > 5 and revisions < 3", "rule \"r\" can never match: revisions > 5 and revisions < 3", #line),
      ("revisions >= 5 and revisions <= 4", "rule \"r\" can never match: revisions >= 5 and revisions <= 4", #line),
      ("revisions > 5 and revisions <= 5", "rule \"r\" can never match: revisions > 5 and revisions <= 5", #line),
      ("4 == revisions and revisions >= 5", "rule \"r\" can never match: 4 == revisions and revisions >= 5", #line),
      ("delay > 30d and x > 1 and delay < 2w", "rule \"r\" can never match: delay > 30d and delay < 2w", #line),
      ("revisions >= 5 and revisions <= 5", nil, #line),
      ("revisions > 5 or revisions < 3", nil, #line),
      ("revisions > 5 and other < 3", nil, #line),
    ]
    for (condition, message, line) in rows {
      let found = warnings("rule \"r\" when \(condition) then recommend fire").filter { $0.code == "never-matches" }
      XCTAssertEqual(found.map(\.message), message.map { [$0] } ?? [], condition, line: line)
    }
  }

  func testARuleRepeatingAnEarlierConditionNeverWins() throws {
    let text = """
      rule "late" when payment_delay > 30d then recommend talk
      rule "late again" when payment_delay > 30d then recommend watch
      rule "very late" when payment_delay > 30d then recommend fire
      """
    let found = warnings(text).filter { $0.code == "never-wins" }
    // "very late" is more severe, so under most-severe it wins over "late".
    XCTAssertEqual(found.map(\.message), ["rule \"late again\" can never win: rule \"late\" has the same condition"])
    XCTAssertEqual(found.first?.notes.first?.message, "the earlier rule is here")
    let firstMatch = warnings(text + "\nstrategy first-match").filter { $0.code == "never-wins" }
    XCTAssertEqual(firstMatch.count, 2)
    // The same condition written differently (spaces, parentheses) is still the same.
    let spaced = warnings("when (x>1) then recommend fire\nwhen x  >  1 then recommend talk")
    XCTAssertEqual(spaced.map(\.message), ["this rule can never win: an earlier rule has the same condition"])
  }

  func testHoldUntilPaidWantsAMoneyField() {
    let without = warnings("rule \"owes\" when delay > 30d then recommend fire hold until paid")
    XCTAssertEqual(
      without.map(\.message), ["rule \"owes\" says 'hold until paid', but the policy has no money field"])
    XCTAssertEqual(warnings("field owed: money in EUR\nwhen owed > 0€ then recommend fire hold until paid"), [])
  }

  func testVerdictsNobodyRecommends() {
    let found = warnings("verdicts ok < careful < gone\nwhen x > 1 then recommend gone")
    XCTAssertEqual(found.map(\.message), ["verdict 'careful' never recommended"])
    // Restating the default order is documentation, not a design to check.
    XCTAssertEqual(warnings("verdicts keep < watch < talk < review < fire\nwhen x > 1 then recommend fire"), [])
  }
}
