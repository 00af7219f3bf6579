import XCTest

@testable import Verdict

/// One nesting limit, ``Parser/maximumNesting`` levels, counted the same way whatever makes an
/// expression deep (parentheses, prefixes, calls, chains of an operator, lets) and whatever
/// order the lets are written in: an expression of exactly the limit compiles, one level more
/// is refused with the same message.
final class NestingLimitTests: XCTestCase {
  let limit = Parser.maximumNesting
  let message = "expression is nested too deeply (more than 128 levels)"

  /// The diagnostics of compiling `text`, failing the test when it does not compile.
  func assertCompiles(_ text: String, _ form: String, line: UInt = #line) {
    let (policy, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    XCTAssertNotNil(policy, "\(form) at the limit: \(diagnostics.map(\.message))", line: line)
  }

  /// Asserts that `text` is refused with one nesting error.
  func assertTooDeep(_ text: String, _ form: String, line: UInt = #line) {
    let (policy, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    XCTAssertNil(policy, "\(form) past the limit compiled", line: line)
    XCTAssertEqual(diagnostics.map(\.code), ["nesting-too-deep"], form, line: line)
    XCTAssertEqual(diagnostics.first?.message, message, form, line: line)
  }

  func testTheLimitIsTheDocumentedOne() {
    XCTAssertEqual(limit, 128)
    XCTAssertEqual(Parser.tooDeepMessage, message)
  }

  func testTheLevelsOfTheDocumentedExamples() throws {
    let rows: [(String, Int, UInt)] = [
      ("((((x))))", 5, #line), ("not not x", 3, #line), ("abs(abs(x)) > 0", 4, #line),
      ("a + b + c + d > 0", 5, #line), ("a ?? b ?? c", 3, #line),
    ]
    for (condition, levels, line) in rows {
      let policy = try Policy("when \(condition) then recommend fire")
      XCTAssertEqual(policy.program.rules[0].condition.height, levels, condition, line: line)
    }
    let lets = try Policy("let a = x + 1\nlet b = a * 2\nwhen b > 3 then recommend fire")
    XCTAssertEqual(lets.program.lets.map(\.value.height), [2, 4])
    XCTAssertEqual(lets.program.rules[0].condition.height, 6)
  }

  /// Conditions whose tree has exactly `height` levels, one a form.
  func conditions(height: Int) -> [(form: String, text: String)] {
    let inner = height - 1
    return [
      ("parentheses", String(repeating: "(", count: inner) + "x" + String(repeating: ")", count: inner)),
      ("not", String(repeating: "not ", count: inner) + "x"),
      ("minus", String(repeating: "-", count: height - 2) + "x > 0"),
      (
        "calls", String(repeating: "abs(", count: height - 2) + "x" + String(repeating: ")", count: height - 2) + " > 0"
      ),
      // `a + b + …` groups to the left, `a ?? b ?? …` to the right: both are a level per operator.
      ("a chain of +", "x" + String(repeating: " + x", count: height - 2) + " > 0"),
      ("a chain of or", "x" + String(repeating: " or x", count: height - 1)),
      ("a chain of ??", "x" + String(repeating: " ?? x", count: height - 1)),
      ("a chain of and in parentheses", "(" + "x" + String(repeating: " and x", count: height - 2) + ")"),
    ]
  }

  func testEveryFormOfExpressionHasTheSameLimit() {
    for (form, condition) in conditions(height: limit) {
      assertCompiles("when \(condition) then recommend fire", form)
    }
    for (form, condition) in conditions(height: limit + 1) {
      assertTooDeep("when \(condition) then recommend fire", form)
    }
  }

  /// `let a0 = 1`, `let aK = aK-1 + 1` up to `aN`, in the given order: `aK` is 2K + 1 levels.
  func letChain(_ count: Int, order: String) -> String {
    let lets = ["let a0 = 1"] + (1...count).map { "let a\($0) = a\($0 - 1) + 1" }
    switch order {
    case "each after the let it uses": return lets.joined(separator: "\n")
    case "each before the let it uses": return lets.reversed().joined(separator: "\n")
    default:
      // Every other let first, then the rest backwards.
      let even = stride(from: 0, to: lets.count, by: 2).map { lets[$0] }
      let odd = stride(from: 1, to: lets.count, by: 2).map { lets[$0] }
      return (even + odd.reversed()).joined(separator: "\n")
    }
  }

  func testChainsOfLetsHaveTheSameLimitInAnyOrder() {
    for order in ["each after the let it uses", "each before the let it uses", "interleaved"] {
      // a62 is 125 levels; the comparison and the parentheses make 127 and 128.
      assertCompiles(letChain(62, order: order) + "\nwhen (a62 > 0) then recommend fire", order)
      // a63 is 127 levels; its name in the comparison 128, the comparison 129.
      assertTooDeep(letChain(63, order: order) + "\nwhen a63 > 0 then recommend fire", order)
      // A let alone: a63 at the limit is fine, a64 is 129 levels.
      assertCompiles(letChain(63, order: order) + "\nwhen a0 > 0 then recommend fire", order)
      assertTooDeep(letChain(64, order: order) + "\nwhen a0 > 0 then recommend fire", order)
    }
  }

  func testLetsAndParenthesesAddUp() {
    // A let of 64 levels (63 parentheses around x), used under 63 parentheses: 63 + 1 + 64.
    let let64 = "let deep = " + String(repeating: "(", count: 63) + "x" + String(repeating: ")", count: 63)
    let wrapped = { (count: Int) in
      String(repeating: "(", count: count) + "deep" + String(repeating: ")", count: count)
    }
    assertCompiles("\(let64)\nwhen \(wrapped(63)) then recommend fire", "parentheses around a let")
    assertTooDeep("\(let64)\nwhen \(wrapped(64)) then recommend fire", "parentheses around a let")
  }

  func testTheHintNamesTheChainOfLets() throws {
    let text = letChain(63, order: "each before the let it uses") + "\nwhen a63 > 0 then recommend fire"
    let diagnostic = try XCTUnwrap(Policy.compile(SourceFile(name: "t", text: text)).diagnostics.first)
    XCTAssertEqual(
      diagnostic.hint,
      "a let counts as one level above the levels of its own expression; this goes through 64 lets, "
        + "a63 -> a62 -> a61 -> … -> a1 -> a0")
    let chain = "when x" + String(repeating: " + x", count: limit) + " > 0 then recommend fire"
    XCTAssertEqual(
      Policy.compile(SourceFile(name: "t", text: chain)).diagnostics.first?.hint,
      "a chain of '+' is a level per '+': group it in halves, (a + b + …) + (c + d + …)")
  }

  func testAChainOfAHundredThousandLetsIsRefusedQuicklyInEitherOrder() {
    for order in ["each after the let it uses", "each before the let it uses"] {
      let text = letChain(100_000, order: order) + "\nwhen a100000 > 0 then recommend fire"
      let start = Date()
      assertTooDeep(text, order)
      XCTAssertLessThan(Date().timeIntervalSince(start), 20, order)
    }
  }
}
