import VerdictREPL
import XCTest

/// A multi-line entry kept on one line (the line editor's history, `:rules`) leaves its comments
/// out: joined, a comment ran on over the lines after it, so a recalled rule was a comment from
/// its first `#` on, and Enter left it unfinished.
final class OneLineEntryTests: SessionTestCase {
  func testCommentsAreLeftOutAndTextsKept() {
    XCTAssertEqual(
      PolicyWords.onOneLine("rule \"pasted\"  # why\n  when x > 3 # the limit\n  then recommend fire"),
      "rule \"pasted\" when x > 3 then recommend fire")
    XCTAssertEqual(
      PolicyWords.onOneLine("when tag == \"#1 \\\" # not a comment\"\n then recommend fire"),
      "when tag == \"#1 \\\" # not a comment\" then recommend fire")
    XCTAssertEqual(PolicyWords.onOneLine("# only a comment\n"), "")
  }

  func testARecalledEntryIsWholeAndRulesShowsIt() {
    var session = makeSession()
    let entry = "rule \"pasted\"  # why\n  when x > 3\n  then recommend fire"
    XCTAssertFalse(session.handle(entry).failed)
    var buffer = InputBuffer()
    XCTAssertEqual(
      buffer.add(PolicyWords.onOneLine(entry)), .complete("rule \"pasted\" when x > 3 then recommend fire"))
    XCTAssertTrue(session.handle(":rules").output.contains("rule \"pasted\" when x > 3 then recommend fire"))
  }
}
