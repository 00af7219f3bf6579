import Verdict
import VerdictREPL
import XCTest

/// Examples are statements too: the session takes them into the policy without counting them
/// as rules, and every statement the language accepts is either added or refused with a message.
final class ExampleStatementTests: SessionTestCase {
  func testAnExampleTypedAloneIsAddedAndIsNotARule() {
    var session = makeSession()
    expect(&session, "example \"e\" { } expect keep", prints: "added example \"e\"\n")
    XCTAssertEqual(session.draft.policy.rules.count, 0)
    XCTAssertEqual(session.draft.text, "example \"e\" { } expect keep\n")
    expect(&session, "when true then recommend fire", prints: "added rule 1\n")
  }

  func testARuleFollowedByAnExampleInOneEntry() {
    var session = makeSession()
    expect(
      &session, "when true then recommend fire example \"e\" { } expect fire",
      prints: "added rule 1\nadded example \"e\"\n")
    expect(
      &session, "example \"f\" { } expect fire\nrule \"named\" when false then recommend talk",
      prints: "added example \"f\"\nadded rule 2 \"named\"\n")
    XCTAssertEqual(session.draft.policy.rules.map(\.name), [nil, "named"])
  }

  func testAnExampleTypedAgainReplacesTheEarlierOne() {
    var session = makeSession()
    expect(&session, "example \"e\" { } expect keep", prints: "added example \"e\"\n")
    expect(&session, "when true then recommend fire", prints: "added rule 1\n")
    expect(&session, "example \"e\" { } expect fire", prints: "replaced example \"e\"\n")
    XCTAssertEqual(session.draft.text, "when true then recommend fire\nexample \"e\" { } expect fire\n")
    XCTAssertEqual(session.draft.policy.examples.map(\.name), ["e"])
  }

  func testAnExampleThatDoesNotFitThePolicyIsAddedWithAWarning() {
    var session = makeSession()
    let reply = session.handle("example \"e\" { } expect sack")
    XCTAssertFalse(reply.failed)
    XCTAssertEqual(reply.output, "added example \"e\"\n")
    XCTAssertTrue(reply.errors.contains("sack"), reply.errors)
  }

  func testDroppingARuleLeavesTheExamplesBeforeIt() {
    var session = makeSession()
    expect(&session, "example \"e\" { } expect keep", prints: "added example \"e\"\n")
    expect(&session, "rule \"a\" when true then recommend fire", prints: "added rule 1 \"a\"\n")
    expect(&session, "rule \"b\" when false then recommend talk", prints: "added rule 2 \"b\"\n")
    expect(&session, ":drop 1", prints: "dropped rule 1 \"a\"\n")
    XCTAssertEqual(
      session.draft.text, "example \"e\" { } expect keep\nrule \"b\" when false then recommend talk\n")
    expect(&session, ":drop 1", prints: "dropped rule 1 \"b\"\n")
    expect(&session, ":drop 1", fails: "there is no rule 1: the policy has no rules yet\n")
    XCTAssertEqual(session.draft.text, "example \"e\" { } expect keep\n")
  }

  /// Every kind of statement, alone, in pairs within one entry, and in pairs as two entries:
  /// each entry is added with one message per statement or refused with an error.
  func testEveryPairOfStatementKindsIsAddedOrRefused() {
    let statements = [
      "field revisions: number",
      "let many = revisions > 5",
      "verdicts keep < talk < fire",
      "rule \"r\" when revisions > 5 then recommend fire",
      "when true then recommend talk",
      "otherwise recommend keep",
      "strategy first-match",
      "example \"e\" { revisions: 7 } expect fire",
      "example \"f\" { } expect keep",
    ]
    for first in statements {
      for second in statements {
        var together = makeSession()
        check(together.handle(first + "\n" + second), statements: 2, entry: first + " / " + second)
        check(together.handle(first), statements: 1, entry: first + " after both")
        var apart = makeSession()
        check(apart.handle(first), statements: 1, entry: first)
        check(apart.handle(second), statements: 1, entry: second + " after " + first)
        XCTAssertGreaterThanOrEqual(apart.draft.statementCount, 1, first + " / " + second)
      }
    }
  }

  /// A reply is either a failure with a message, or one `added`/`replaced` line per statement.
  private func check(_ reply: Reply, statements: Int, entry: String, line: UInt = #line) {
    if reply.failed {
      XCTAssertFalse(reply.errors.isEmpty, entry, line: line)
      XCTAssertEqual(reply.output, "", entry, line: line)
    } else {
      let lines = reply.output.split(separator: "\n")
      XCTAssertEqual(lines.count, statements, "\(entry): \(reply.output)", line: line)
      XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("added ") || $0.hasPrefix("replaced ") }, entry, line: line)
    }
  }
}
