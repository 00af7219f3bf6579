import XCTest

@testable import Verdict

/// `==` and `!=` of texts, which the interpreter compares without building values
/// (`Interpreter.compareValues`): as the language's text equality, canonical equivalence
/// included, by the steps, the tree walk and the report alike.
final class TextComparisonTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)

  func testTextsAreEqualAsTheyRead() throws {
    let policy = try Policy(
      """
      field channel: text
      field other: text
      when channel == "phone" then recommend watch
      when channel != "chat" then recommend watch
      when "café" == channel then recommend watch
      when channel == other then recommend watch
      when channel != other then recommend watch
      when channel < "d" then recommend watch
      """)
    func matched(_ channel: Value, _ other: Value = .missing, line: UInt = #line) throws -> [Int] {
      let client = Client(values: [channel, other])
      let evaluation = try policy.evaluate(client, in: context)
      XCTAssertEqual(.success(evaluation), policy.trace(client, in: context).outcome, line: line)
      XCTAssertEqual(try policy.report(client, in: context).winningRule, evaluation.winningRule, line: line)
      return Array(evaluation.matchedRules)
    }
    XCTAssertEqual(try matched("phone", "phone"), [0, 1, 3])
    XCTAssertEqual(try matched("chat", "phone"), [4, 5])
    XCTAssertEqual(try matched("Phone", "phone"), [1, 4, 5])
    // The same text composed and decomposed is equal, as Swift's strings compare.
    XCTAssertEqual(try matched("caf\u{E9}", "cafe\u{301}"), [1, 2, 3, 5])
    XCTAssertEqual(try matched("cafe\u{301}"), [1, 2, 5])
    XCTAssertEqual(try matched(.missing, "chat"), [])
  }
}
