import VerdictREPL
import XCTest

/// Tab candidates in each context.
final class CompleterTests: SessionTestCase {
  private func words(_ line: String, session: Session? = nil, pending: String = "") -> [String] {
    let completer = Completer(session: session ?? loadedSession())
    return completer.complete(line: line, cursor: line.count, pending: pending).words
  }

  func testCommandNames() {
    XCTAssertEqual(words(":cl"), [":clients", ":client"])
    XCTAssertEqual(words("  :ex"), [":explain"])
    XCTAssertEqual(Completer(session: makeSession()).complete(line: ":", cursor: 1).words.count, 16)
  }

  func testClientNamesAfterClientAndExplain() {
    XCTAssertEqual(words(":client Ac"), ["Acme GmbH", "Acme Labs"])
    XCTAssertEqual(words(":client acme g"), ["Acme GmbH"])
    XCTAssertEqual(words(":explain B"), ["Blue Fern Yoga"])
    XCTAssertEqual(words(":client \"Blu"), ["Blue Fern Yoga"])
    let answer = Completer(session: loadedSession()).complete(line: ":client Acme G", cursor: 14)
    XCTAssertEqual(answer.wordStart, 8)
    XCTAssertFalse(answer.appendsSpace)
    XCTAssertEqual(Completer(session: loadedSession()).complete(line: ":client \"Ac", cursor: 11).wordStart, 9)
  }

  func testRuleNamesAfterDropAndFieldsAfterSet() {
    XCTAssertEqual(words(":drop sl"), ["slow payer"])
    XCTAssertEqual(words(":set pay"), ["payment_delay"])
    XCTAssertEqual(words(":set payment_delay = 4"), [])
    XCTAssertEqual(words(":rules "), [])
  }

  func testFieldsLetsFunctionsKeywordsAndVerdictsInCode() {
    var session = loadedSession()
    _ = session.handle("let patience = 30d")
    XCTAssertEqual(words("when pay", session: session), ["payment_delay"])
    XCTAssertEqual(words("when pat", session: session), ["patience"])
    XCTAssertEqual(words("when days", session: session), ["days_since", "days_until"])
    XCTAssertEqual(words("when revisions > 5 th", session: session), ["then"])
    XCTAssertEqual(words("field aft", session: session), ["after_hours_messages"], "data columns to declare")
    XCTAssertEqual(words("field pay", session: session), [], "already declared")
    XCTAssertEqual(words("let pay", session: session), [], "a new name has nothing to complete")
    XCTAssertEqual(words("sha", session: session), ["share"])
    XCTAssertEqual(words(":type pay", session: session), ["payment_delay"])
    XCTAssertEqual(words("exa", session: session), ["example"], "example is contextual, but still a statement")
  }

  func testVerdictsAfterRecommendAndTypesInFieldDeclarations() {
    XCTAssertEqual(words("when x > 1 then recommend "), ["keep", "watch", "talk", "fire"])
    XCTAssertEqual(words("when x > 1 then recommend w"), ["watch"])
    XCTAssertEqual(words("field x: d"), ["duration", "date"])
    XCTAssertEqual(words("field x: date fo"), ["format"])
  }

  func testNothingInsideTextOrAfterAClosedLine() {
    XCTAssertEqual(words("reason \"pay"), [])
    XCTAssertEqual(words("pay", pending: "when x > 1 then recommend fire reason \"a"), [])
    XCTAssertEqual(words("when x > 1 then recommend fire reason \"a\" # pay"), [])
    XCTAssertEqual(words("reason \"a\" + pay"), ["payment_delay"])
  }

  func testTheWordStartCountsCharacters() {
    let completer = Completer(session: loadedSession())
    let answer = completer.complete(line: "\"ä\" + pay", cursor: 9)
    XCTAssertEqual(answer.wordStart, 6)
    XCTAssertEqual(answer.words, ["payment_delay"])
    let middle = completer.complete(line: "payxyz", cursor: 3)
    XCTAssertEqual(middle.words, ["payment_delay"])
  }
}

/// What can stand where the cursor is: values inside an expression, clauses after a verdict.
final class CompleterContextTests: SessionTestCase {
  private func words(_ line: String) -> [String] {
    Completer(session: loadedSession()).complete(line: line, cursor: line.count).words
  }

  func testInsideACallOnlyValuesAreOffered() {
    let offered = words("when share(")
    XCTAssertTrue(offered.contains("payment_delay"), "\(offered)")
    XCTAssertFalse(offered.contains("when"))
    XCTAssertFalse(offered.contains("recommend"))
    XCTAssertFalse(offered.contains("expect"))
    XCTAssertEqual(words("when payment_delay > 30d and sha"), ["share"])
  }

  func testAfterAVerdictTheClausesAreOffered() {
    XCTAssertEqual(words("when x > 1 then recommend fire "), ["notice", "reason", "refer", "cooldown", "hold", "meet"])
    XCTAssertEqual(words("when x > 1 then recommend fire no"), ["notice"])
  }

  func testAfterIsMissingOrPresent() {
    XCTAssertEqual(words("when payment_delay is "), ["missing", "present"])
  }
}
