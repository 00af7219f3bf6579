import Verdict
import VerdictREPL
import XCTest

/// A rule or `otherwise` typed or pasted as `verdict fmt` lays it out, its clauses indented on
/// lines of their own after `recommend`: the clauses are the statement's. The rule was added at
/// `recommend fire` and each clause line refused as an expression, the clauses lost.
final class ClauseLineTests: SessionTestCase {
  let lines = [
    "field payment_delay: duration in days",
    "rule \"slow\"\n  when payment_delay > 45d\n  then recommend fire",
    "    notice 30d",
    "    reason \"slow\"",
    "otherwise recommend keep",
    "  notice 1d",
  ]

  let expected = """
    field payment_delay: duration in days
    rule "slow"
      when payment_delay > 45d
      then recommend fire
        notice 30d
        reason "slow"
    otherwise recommend keep
      notice 1d

    """

  func testClauseLinesTypedOneAtATimeAmendTheirStatement() {
    var session = makeSession()
    let replies = lines.map { session.handle($0) }
    XCTAssertEqual(replies.map(\.failed), Array(repeating: false, count: lines.count), "\(replies)")
    XCTAssertEqual(replies[2].output, "rule 1 \"slow\": added notice 30d\n")
    XCTAssertEqual(replies[3].output, "rule 1 \"slow\": added reason \"slow\"\n")
    XCTAssertEqual(replies[5].output, "otherwise: added notice 1d\n")
    XCTAssertEqual(session.draft.text, expected)
    XCTAssertEqual(session.draft.policy.rules.count, 1)
  }

  func testClauseLinesOfAPasteAreTheirStatements() {
    var session = makeSession()
    let replies = session.handle(entries: lines)
    XCTAssertFalse(replies.contains(where: \.failed), "\(replies)")
    XCTAssertEqual(session.draft.text, expected)
  }

  /// A field named like a clause word is still evaluated: not indented, or after something else
  /// than a statement, or with an operator after the word.
  func testAnExpressionOfAFieldNamedNoticeIsEvaluated() {
    var session = makeSession()
    XCTAssertFalse(session.handle("field notice: number").failed)
    XCTAssertFalse(session.handle("when notice > 3 then recommend fire").failed)
    XCTAssertFalse(session.handle(":set notice = 5").failed)
    XCTAssertFalse(session.handle("when notice > 4 then recommend review").failed)
    XCTAssertEqual(session.handle("  notice > 3").output, "true\n")
    XCTAssertEqual(session.draft.policy.rules.count, 2)
  }

  /// After a command (`:drop`, `:load`) a clause line amends nothing: it was added to whatever
  /// rule was now last. In a paste, one after another statement than a rule or `otherwise` is
  /// not joined to it (a valid `let` was refused with it).
  func testAClauseAfterACommandOrALetAmendsNothing() {
    var session = makeSession()
    _ = session.handle("field x: number")
    _ = session.handle("when x > 1 then recommend fire")
    _ = session.handle("when x > 2 then recommend talk")
    XCTAssertFalse(session.handle(":drop 2").failed)
    XCTAssertTrue(session.handle("  notice 30d").failed)
    XCTAssertFalse(session.draft.text.contains("notice"))
    var pasted = makeSession()
    let replies = pasted.handle(entries: ["field d: number", "let x = d + 1", "  notice 30d"])
    XCTAssertEqual(replies.map(\.failed), [false, false, true])
    XCTAssertTrue(pasted.draft.text.contains("let x = d + 1"))
  }

  /// A clause that does not fit its statement is refused, and the statement kept as it was.
  func testABadClauseLeavesTheStatementAsItWas() {
    var session = makeSession()
    _ = session.handle(lines[0])
    _ = session.handle(lines[1])
    let reply = session.handle("    notice \"soon\"")
    XCTAssertTrue(reply.failed)
    XCTAssertEqual(session.draft.policy.rules.count, 1)
    XCTAssertFalse(session.draft.text.contains("notice"))
  }
}
