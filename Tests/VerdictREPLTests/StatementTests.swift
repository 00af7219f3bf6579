import Verdict
import VerdictREPL
import XCTest

/// Statements grow the session's policy; expressions are evaluated for the current client.
final class StatementTests: SessionTestCase {
  func testEveryKindOfStatementAddsToThePolicy() {
    var session = makeSession()
    expect(&session, "field payment_delay: duration in days", prints: "added field payment_delay\n")
    expect(&session, "let slow = payment_delay > 30d", prints: "added let slow\n")
    expect(&session, "verdicts keep < talk < fire", prints: "added verdicts\n")
    expect(&session, "rule \"slow payer\" when slow then recommend fire", prints: "added rule 1 \"slow payer\"\n")
    expect(&session, "when payment_delay > 10d then recommend talk", prints: "added rule 2\n")
    expect(&session, "otherwise recommend keep", prints: "added otherwise\n")
    expect(&session, "strategy first-match", prints: "added strategy\n")
    XCTAssertEqual(session.draft.policy.rules.count, 2)
    XCTAssertEqual(session.draft.policy.verdicts, ["keep", "talk", "fire"])
  }

  func testSeveralStatementsInOneEntry() {
    var session = makeSession()
    expect(
      &session, "field revisions: number\nwhen revisions > 5 then recommend fire",
      prints: "added field revisions\nadded rule 1\n")
  }

  func testRedefiningANameReplacesTheEarlierStatement() {
    var session = makeSession()
    expect(&session, "let limit = 30d", prints: "added let limit\n")
    expect(&session, "let limit = 45d", prints: "replaced let limit\n")
    expect(&session, "limit", prints: "45d\n")
    XCTAssertEqual(session.draft.text, "let limit = 45d\n")
  }

  func testABareExpressionIsEvaluatedForTheCurrentClient() {
    var session = loadedSession()
    expect(&session, ":client Acme GmbH", prints: "Acme GmbH\n")
    expect(&session, "payment_delay", prints: "45d\n")
    expect(&session, "payment_delay > 30d and revisions > 5", prints: "true\n")
    expect(&session, "field after_hours_messages: number", prints: "added field after_hours_messages\n")
    expect(&session, "after_hours_messages + 1", prints: "13\n")
    expect(&session, "lower(\"AB\")", prints: "\"ab\"\n")
  }

  func testAFieldReadsTheColumnFromNamesInItsDateFormat() {
    var session = loadedSession()
    expect(&session, ":client Acme GmbH", prints: "Acme GmbH\n")
    expect(&session, "field ends: date from \"project_end\"", prints: "added field ends\n")
    expect(&session, "ends", prints: "2027-01-31\n")
    expect(&session, "field due: date format \"M/D/YYYY\"", prints: "added field due\n")
    let set = session.handle(":set due = 2/24/2011")
    XCTAssertFalse(set.failed, set.errors)
    expect(&session, "due", prints: "2011-02-24\n")
    // The client's column is read in the declared format too: ISO is not M/D/YYYY.
    expect(
      &session, "field strict_end: date format \"M/D/YYYY\" from \"project_end\"", prints: "added field strict_end\n")
    let strict = session.handle("strict_end")
    XCTAssertTrue(strict.failed)
    XCTAssertTrue(strict.errors.contains("\"2027-01-31\" is not a date"), strict.errors)
  }

  func testWithoutDeclaredFieldsAnyNameIsAFieldOfTheData() {
    var session = makeSession()
    expect(&session, ":data \(fixture("clients.csv"))", prints: "loaded 3 clients from \(fixture("clients.csv"))\n")
    expect(&session, ":client C1", prints: "Acme GmbH\n")
    expect(&session, "after_hours_messages + 1", prints: "13\n")
  }

  func testWithoutAClientFieldsAreMissing() {
    var session = loadedSession()
    expect(&session, "payment_delay", prints: "missing\n")
    expect(&session, "payment_delay ?? 0d", prints: "0d\n")
  }

  func testErrorsShowACaretUnderTheLineJustTyped() {
    var session = loadedSession()
    expect(
      &session, "payment_dela > 30d",
      fails: """
        <repl>:1:1: error: unknown name 'payment_dela'
            1 | payment_dela > 30d
              | ^~~~~~~~~~~~
              = hint: did you mean 'payment_delay'?

        """)
    // The hint is the checker's to word; the location, source line and caret are the REPL's.
    let reply = session.handle("when revisions > 5 then recommend sack")
    XCTAssertTrue(reply.failed)
    XCTAssertEqual(
      reply.errors.split(separator: "\n").prefix(3).joined(separator: "\n"),
      """
      <repl>:1:35: error: unknown verdict 'sack'
          1 | when revisions > 5 then recommend sack
            |                                   ^~~~
      """)
  }

  func testAnErrorInTheSecondLineOfAnEntryPointsAtThatLine() {
    var session = makeSession()
    let reply = session.handle("when 1 > 0\n  then recommend fire notice \"soon\"")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("<repl>:2:"), reply.errors)
    XCTAssertTrue(reply.errors.contains("    2 |   then recommend fire notice \"soon\"\n"), reply.errors)
  }

  func testAFailedStatementLeavesThePolicyAsItWas() {
    var session = loadedSession()
    let before = session.draft.text
    XCTAssertTrue(session.handle("when nonsense( then recommend fire").failed)
    XCTAssertEqual(session.draft.text, before)
  }

  func testAnEvaluationErrorIsReportedAndTheSessionGoesOn() {
    var session = makeSession()
    let reply = session.handle("1 / 0")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("<repl>:1:"), reply.errors)
    XCTAssertTrue(reply.errors.contains("^"), reply.errors)
    expect(&session, "1 + 1", prints: "2\n")
  }

  /// A lone carriage return ends a comment (as in the lexer), so what follows it on the line
  /// is a statement; the draft's text must keep it one, not glue it to the comment (found by
  /// the `repl` fuzz target).
  func testAStatementAfterACommentEndedByACarriageReturnStaysAStatement() throws {
    for entry in ["# note\r field amount: money in USD", "# note\r\r\r\tfield amount: money in USD"] {
      var session = makeSession()
      expect(&session, entry, prints: "added field amount\n")
      XCTAssertEqual(try Policy(session.draft.text).fields.map(\.name), ["amount"], "\(entry.debugDescription)")
    }
    // And after a statement with such a comment on its line.
    var session = makeSession()
    expect(
      &session, "field due: date # note\r field paid: date",
      prints: "added field due\nadded field paid\n")
    XCTAssertEqual(try Policy(session.draft.text).fields.map(\.name), ["due", "paid"])
  }

  /// After a table, such a statement is not one of the table's members: a lone carriage return
  /// ends a line, and the white space after it is not kept, as in the draft's text (found by the
  /// `repl` fuzz target; the let vanished into the table, and the draft's text said otherwise).
  func testAStatementAfterACommentEndedByACarriageReturnIsNotATablesMember() throws {
    // The table is the last statement (no aggregate reads it yet: a warning, not an error).
    let table = "table n keyed by client\n  field amount: number"
    for entry in ["#\rlet m = 1", "# note\r \t let m = 1", "# a\r# b\r  let m = 1"] {
      var session = makeSession()
      XCTAssertEqual(session.handle(table).output, "added table n\n")
      let reply = session.handle(entry)
      XCTAssertFalse(reply.failed, reply.errors)
      XCTAssertEqual(reply.output, "added let m\n", entry.debugDescription)
      let policy = try Policy(session.draft.text)
      XCTAssertEqual(policy.tables.map { $0.fields.map(\.name) }, [["amount"]], entry.debugDescription)
      expect(&session, "m", prints: "1\n")
    }
    // An error after such a comment points into the entry as typed, on its second line.
    var session = makeSession()
    XCTAssertEqual(session.handle(table).output, "added table n\n")
    let reply = session.handle("# note\r  let m = 1 +")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("<repl>:2:14: error: expected a value, found end of input"), reply.errors)
  }

  func testBlankAndCommentEntriesDoNothing() {
    var session = makeSession()
    XCTAssertEqual(session.handle("   "), Reply())
    XCTAssertEqual(session.handle("# just a note"), Reply())
    // The lexer ends a comment at a line feed or a carriage return only: what follows another
    // Unicode line break is still the comment.
    for separator in ["\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"] {
      XCTAssertEqual(session.handle("# a note\(separator)let m = 1"), Reply(), separator.debugDescription)
    }
    expect(&session, "# a note\rlet m = 1", prints: "added let m\n")
  }

  func testColourOnlyWhenAskedFor() {
    var session = makeSession()
    XCTAssertFalse(session.handle("1 + true").errors.contains("\u{1B}["))
    session.style = OutputStyle(usesColor: true)
    XCTAssertTrue(session.handle("1 + true").errors.contains("\u{1B}["))
  }
}
