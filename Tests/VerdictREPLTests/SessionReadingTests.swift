import Foundation
import Verdict
import VerdictREPL
import XCTest

/// The REPL reads, judges and shows clients as `verdict run` does.
final class SessionReadingTests: SessionTestCase {
  /// A blank name is the start of every name, and names no client: `:client ""` (and `verdict
  /// explain --client ''`) said it could be any of them, and with one client chose it.
  func testABlankClientNameNamesNone() {
    var session = loadedSession()
    let reply = session.handle(":client \"\"")
    XCTAssertTrue(reply.failed)
    XCTAssertEqual(reply.errors.trimmingCharacters(in: .newlines), "no client is called '' (see :clients)")
  }

  /// A bad cell in a column that only an unused let (or no rule at all) reads does not make the
  /// client an error.
  func testABadCellNoRuleReadsLeavesTheClientAlone() throws {
    let policy = """
      field x: number
      field notes_score: number
      let draft = notes_score > 3
      rule "r" when x > 1 then recommend fire
      otherwise recommend keep

      """
    var session = try session(
      files: ["unused.verdict": policy, "unused.csv": "id,x,notes_score\nA,2,n/a\n"], policy: "unused.verdict",
      data: ["unused.csv"])
    let run = session.handle(":run")
    XCTAssertEqual(run.errors, "")
    XCTAssertTrue(run.output.contains("A       fire"), run.output)
    XCTAssertFalse(session.handle(":explain A").failed)
    // Asked for by an expression, the cell is read, and refused.
    XCTAssertFalse(session.handle(":client A").failed)
    let value = session.handle("notes_score")
    XCTAssertTrue(value.failed)
    XCTAssertTrue(value.errors.contains("\"n/a\" is not a number"), value.errors)
  }

  /// A client that cannot be judged says why in `:run`'s reason column (without its name, which
  /// the row gives, as `verdict run`'s report does; the warning names it), and `:explain` of an
  /// evaluation that fails fails, as `verdict explain` exits 1.
  func testTheReasonColumnSaysWhyAndAFailedExplanationFails() throws {
    var session = try session(
      files: [
        "ratio.verdict":
          "field x: number\nfield y: number\nwhen x / y > 1 then recommend fire\notherwise recommend keep\n",
        "ratio.csv": "id,x,y\nA,n/a,1\nB,1,0\n",
      ], policy: "ratio.verdict", data: ["ratio.csv"])
    let run = session.handle(":run")
    XCTAssertTrue(run.output.contains("x: \"n/a\" is not a number"), run.output)
    XCTAssertFalse(run.output.contains("A: x:"), run.output)
    XCTAssertTrue(run.errors.contains("A: x: \"n/a\" is not a number"), run.errors)
    XCTAssertTrue(run.output.contains("division by zero"), run.output)
    let explained = session.handle(":explain B")
    XCTAssertTrue(explained.failed)
    XCTAssertTrue(explained.errors.contains("division by zero"), explained.errors)
  }

  /// `:records` finds a client's records as runs join them: keys without the invisible spaces
  /// around them (a zero-width space, a byte order mark), which the total counted and the
  /// listing left out.
  func testRecordsAreListedByTrimmedKey() throws {
    let policy =
      "table inv keyed by client\n  field amount: money in EUR\nlet total = sum(inv.amount)\n"
      + "when total > 100 EUR then recommend fire\n"
    var session = try session(
      files: ["t.verdict": policy, "inv.csv": "client,amount\nAcme,80\nAcme\u{200B},60\n\u{FEFF}Acme,50\n"],
      policy: "t.verdict", data: ["inv=inv.csv"])
    XCTAssertFalse(session.handle(":client Acme").failed)
    let records = session.handle(":records inv")
    XCTAssertEqual(records.output.split(separator: "\n").count, 4, records.output)
  }

  /// The REPL's tables show a key's control characters as `\u{…}`: on a terminal, where the
  /// REPL keeps its own colours, a key holding `ESC[1;31m` coloured the lines after it.
  func testKeysAreEscapedInTheTables() throws {
    var session = try session(
      files: [
        "p.verdict": "field x: number\nwhen x > 1 then recommend fire\notherwise recommend keep\n",
        "d.csv": "id,x\n\"C9\u{1B}[1;31mRED\",5\n",
      ], policy: "p.verdict", data: ["d.csv"])
    for command in [":run", ":clients"] {
      let reply = session.handle(command)
      XCTAssertFalse(reply.output.contains("\u{1B}"), "\(command): \(reply.output)")
      XCTAssertTrue(reply.output.contains("C9\\u{1B}[1;31mRED"), "\(command): \(reply.output)")
    }
  }

  /// A value set by hand keeps the no-break spaces around it, as a data file's cell and `eval
  /// --set` keep them (one rule, ``CellReader/typedCell(_:)``): `\u{A0}300,00\u{A0}` is money,
  /// as in a European export, and `\u{A0}3\u{A0}` is not a number; only the spaces and tabs
  /// around it are dropped. The REPL dropped every white space, so `:set n` read 3.
  func testASetValueKeepsTheNoBreakSpacesADataCellKeeps() {
    var session = makeSession()
    for statement in ["field amount: money in EUR", "field n: number", "field tag: text"] {
      XCTAssertFalse(session.handle(statement).failed, statement)
    }
    expect(&session, ":set amount = \u{A0}300,00\u{A0}", prints: "amount = 300.00 EUR\n")
    expect(&session, ":set n = \t 3 \t", prints: "n = 3\n")
    expect(
      &session, ":set n = \u{A0}3\u{A0}",
      fails: "the client: n: \"\\u{A0}3\\u{A0}\" is not a number\n")
    XCTAssertFalse(session.handle(":set tag = \u{A0}x\u{A0}").failed)
    expect(&session, "tag == \"x\"", prints: "false\n")
    expect(&session, "tag == \"\u{A0}x\u{A0}\"", prints: "true\n")
  }
}
