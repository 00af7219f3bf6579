import XCTest

@testable import Verdict

/// The library API the REPL builds on: expressions against a policy, and incomplete input.
final class ExpressionAPITests: XCTestCase {
  let policyText = """
    field payment_delay: duration in days
    field revisions: number
    let slow = payment_delay > 30d
    when slow and revisions > 5 then recommend fire notice 30d
    """

  func testARuleAloneIsTheRuleOfTheWholeList() throws {
    let policy = try Policy(policyText + "\nrule \"late\" when payment_delay > 60d then recommend review")
    let rules = policy.rules
    XCTAssertEqual(rules.count, 2)
    for index in rules.indices {
      XCTAssertEqual(policy.rule(at: index)?.name, rules[index].name)
      XCTAssertEqual(policy.rule(at: index)?.verdict, rules[index].verdict)
      XCTAssertEqual(policy.rule(at: index)?.range, rules[index].range)
    }
    XCTAssertEqual(policy.rule(at: 1)?.name, "late")
    XCTAssertNil(policy.rule(at: 2))
    XCTAssertNil(policy.rule(at: -1))
  }

  func testExpressionsUseThePolicysFieldsAndLets() throws {
    let policy = try Policy(policyText)
    let client = try policy.client(["payment_delay": .int(45), "revisions": .int(7)])
    let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)

    let slow = try policy.compileExpression("slow and revisions > 5")
    XCTAssertEqual(slow.type, .bool)
    XCTAssertEqual(try slow.evaluate(client, in: context), .bool(true))

    let delay = try policy.compileExpression("payment_delay + 2w")
    XCTAssertEqual(delay.type, .duration)
    XCTAssertEqual(try delay.evaluate(client, in: context).description, "59d")

    let today = try policy.compileExpression("today + 1d")
    XCTAssertEqual(try today.evaluate(client, in: context), .date(CalendarDate(year: 2026, month: 11, day: 30)!))
  }

  func testExpressionErrorsPointIntoTheExpression() throws {
    let policy = try Policy(policyText)
    XCTAssertThrowsError(try policy.compileExpression("revisions > 5d")) { error in
      let failure = error as? PolicyError
      XCTAssertEqual(failure?.diagnostics.map(\.code), ["type-mismatch"])
      XCTAssertEqual(failure?.source.name, "<expression>")
      XCTAssertEqual(
        failure?.diagnostics.first.map { failure!.source.location(of: $0.range.start) },
        SourceLocation(line: 1, column: 1))
    }
    XCTAssertThrowsError(try policy.compileExpression("revisons > 5")) { error in
      XCTAssertEqual((error as? PolicyError)?.diagnostics.first?.hint, "did you mean 'revisions'?")
    }
    let zero = try policy.compileExpression("revisions / 0")
    let client = try policy.client(["revisions": .int(3)], options: .absentIsMissing)
    XCTAssertThrowsError(try zero.evaluate(client, in: EvaluationContext())) { error in
      XCTAssertEqual((error as? EvaluationError)?.message, "division by zero")
      XCTAssertEqual((error as? EvaluationError)?.range, SourceRange(start: 0, end: 13))
    }
  }

  /// A character the lexer refuses is one error, as in a policy file: the expression's end
  /// was reported again at it ("expected end of expression, found an invalid token").
  func testAnUnexpectedCharacterIsOneError() throws {
    let policy = try Policy(policyText)
    XCTAssertThrowsError(try policy.compileExpression("revisions % 2")) { error in
      XCTAssertEqual((error as? PolicyError)?.diagnostics.map(\.message), ["unexpected character '%'"])
    }
  }

  func testIncompleteInputAsksForMore() {
    for text in [
      "when x > 1", "when (x > 1", "rule \"a\" when x > 1 then", "let a = \"unterminated", "(1 + 2", "max(1,",
    ] {
      XCTAssertTrue(Policy.isIncomplete(text), text)
    }
    for text in ["when x > 1 then recommend fire", "x > 1", "1 +* 2", "when ) then", "payment_delay"] {
      XCTAssertFalse(Policy.isIncomplete(text), text)
    }
    XCTAssertTrue(Policy.startsWithStatement("when x then recommend fire"))
    XCTAssertTrue(Policy.startsWithStatement("  let a = 1"))
    XCTAssertFalse(Policy.startsWithStatement("payment_delay > 30d"))
  }
}
