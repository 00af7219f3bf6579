import VerdictREPL
import XCTest

/// Multi-line detection.
final class InputBufferTests: XCTestCase {
  func testCompleteLinesPassStraightThrough() {
    var buffer = InputBuffer()
    XCTAssertEqual(buffer.add("payment_delay > 30d"), .complete("payment_delay > 30d"))
    XCTAssertEqual(buffer.add("when x > 1 then recommend fire"), .complete("when x > 1 then recommend fire"))
    XCTAssertEqual(buffer.add(":client (Acme"), .complete(":client (Acme"), "commands are one line")
    XCTAssertEqual(buffer.add(""), .complete(""))
    XCTAssertTrue(buffer.isEmpty)
  }

  func testWhenWithoutThenContinues() {
    var buffer = InputBuffer()
    XCTAssertEqual(buffer.add("when after_hours_messages > 10"), .needsMore)
    XCTAssertEqual(buffer.pending, "when after_hours_messages > 10")
    XCTAssertEqual(
      buffer.add("  then recommend talk"), .complete("when after_hours_messages > 10\n  then recommend talk"))
    XCTAssertTrue(buffer.isEmpty)
  }

  func testOpenParenthesisAndUnterminatedTextContinue() {
    var buffer = InputBuffer()
    XCTAssertEqual(buffer.add("max(1,"), .needsMore)
    XCTAssertEqual(buffer.add(""), .needsMore, "a blank line inside an entry keeps waiting")
    XCTAssertEqual(buffer.add("2)"), .complete("max(1,\n\n2)"))
    XCTAssertEqual(buffer.add("\"first line"), .needsMore)
    XCTAssertEqual(buffer.add("second line\""), .complete("\"first line\nsecond line\""))
    XCTAssertEqual(buffer.add("let x = (1 +"), .needsMore)
    XCTAssertEqual(buffer.add("2)"), .complete("let x = (1 +\n2)"))
  }

  func testErrorsThatAreNotAtTheEndCompleteTheEntry() {
    var buffer = InputBuffer()
    XCTAssertEqual(buffer.add("when ) then"), .complete("when ) then"))
    XCTAssertEqual(buffer.add("1 +* 2"), .complete("1 +* 2"))
  }

  func testCancelAndFinish() {
    var buffer = InputBuffer()
    XCTAssertFalse(buffer.cancel())
    _ = buffer.add("when x > 1")
    XCTAssertTrue(buffer.cancel())
    XCTAssertTrue(buffer.isEmpty)
    XCTAssertNil(buffer.finish())
    _ = buffer.add("when x > 1")
    XCTAssertEqual(buffer.finish(), "when x > 1")
    XCTAssertTrue(buffer.isEmpty)
  }

  func testAnUnfinishedEntryAtTheEndFailsWithTheParseError() {
    var buffer = InputBuffer()
    var session = Session(today: .init(daysSinceEpoch: 0))
    _ = buffer.add("when 1 > 0")
    let reply = session.handle(buffer.finish() ?? "")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("<repl>:1:11: error: "), reply.errors)
  }
}
