import Foundation
import XCTest

@testable import Verdict

/// Input a policy author did not mean, or an attacker did: every case ends in diagnostics or a
/// result, never a crash, and quickly.
final class HostileInputTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)
  let renderer = DiagnosticRenderer()

  /// Compiles `bytes`, checks the time it took, and renders every diagnostic.
  func compile(
    _ bytes: [UInt8], within seconds: Double = 10, line: UInt = #line
  ) -> (policy: Policy?, diagnostics: [Diagnostic], rendered: String) {
    let source = SourceFile(name: "hostile.verdict", bytes: bytes)
    let start = Date()
    let (policy, diagnostics) = Policy.compile(source)
    let rendered = renderer.render(diagnostics, in: source)
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertLessThan(elapsed, seconds, "compiling and rendering \(bytes.count) bytes took \(elapsed)s", line: line)
    return (policy, diagnostics, rendered)
  }

  func compile(_ text: String, within seconds: Double = 10, line: UInt = #line) -> (
    policy: Policy?, diagnostics: [Diagnostic], rendered: String
  ) {
    compile(Array(text.utf8), within: seconds, line: line)
  }

  func location(_ diagnostic: Diagnostic?, in text: String) -> SourceLocation? {
    diagnostic.map { SourceFile(name: "t", text: text).location(of: $0.range.start) }
  }

  // MARK: - Size

  func testTenMegabytesOfRulesOnOneLine() throws {
    let rule = "when x > 1 then recommend fire "
    let text = String(repeating: rule, count: 10_000_000 / rule.utf8.count)
    let (policy, diagnostics, _) = compile(text, within: 60)
    // Every rule after the first repeats it and can never win: ten warnings and one that says the
    // rest are left out, not hundreds of thousands.
    XCTAssertEqual(diagnostics.map(\.code), Array(repeating: "never-wins", count: 11))
    XCTAssertEqual(diagnostics.last?.message, "more 'never-wins' warnings like the ones above are left out")
    let compiled = try XCTUnwrap(policy)
    XCTAssertEqual(compiled.rules.count, 10_000_000 / rule.utf8.count)
    let outcome = try compiled.evaluate(try compiled.client(["x": .int(2)]), in: context)
    XCTAssertEqual(outcome.verdict, "fire")
    XCTAssertEqual(outcome.winningRule, 0)
    XCTAssertEqual(outcome.matchedRules.count, compiled.rules.count)
  }

  func testFiftyThousandDiagnosticsOnOneLineAreRenderedInLinearTime() {
    // Each excerpt's columns are counted from the checkpoint before it, not from the line's
    // start: counting from the start made rendering these hours of work. (The checker reports
    // at most 100 of one kind, but there are many kinds, and other tools render diagnostics.)
    let names = (0..<50_000).map { "name_\($0)" }
    let text = "when x in [" + names.joined(separator: ", ") + "] then recommend fire\n"
    let source = SourceFile(name: "long.verdict", text: text)
    var diagnostics: [Diagnostic] = []
    var offset = "when x in [".utf8.count
    for name in names {
      diagnostics.append(
        .error("unknown-name", "unknown name '\(name)'", at: SourceRange(start: offset, end: offset + name.utf8.count)))
      offset += name.utf8.count + 2
    }
    let start = Date()
    let rendered = renderer.render(diagnostics, in: source)
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertLessThan(elapsed, 30, "rendering took \(elapsed)s")
    let column = text.utf8.count - "name_49999] then recommend fire\n".utf8.count + 1
    XCTAssertTrue(
      rendered.hasSuffix(
        "long.verdict:1:\(column): error: unknown name 'name_49999'\n"
          + "    1 | …e_49993, name_49994, name_49995, name_49996, name_49997, name_49998, name_49999] then recommend fire\n"
          + "      | " + String(repeating: " ", count: 70) + "^~~~~~~~~~\n"), String(rendered.suffix(400)))
  }

  func testPoliciesOverTenMebibytesAreRefusedUnread() throws {
    XCTAssertEqual(SourceSizeLimit.maximumBytes, 10_485_760)
    let rule = Array("when x > 1 then recommend fire\n".utf8)
    let atLimit = rule + Array(repeating: UInt8(ascii: "#"), count: SourceSizeLimit.maximumBytes - rule.count)
    let fits = compile(atLimit)
    XCTAssertEqual(fits.diagnostics, [])
    XCTAssertEqual(try XCTUnwrap(fits.policy).rules.count, 1)

    let over = compile(atLimit + [UInt8(ascii: "#")], within: 1)
    XCTAssertNil(over.policy)
    XCTAssertEqual(over.diagnostics.map(\.code), ["policy-too-large"])
    XCTAssertEqual(
      over.diagnostics.first?.message,
      "the policy is too large: it is 10,485,761 bytes, more than the 10,485,760 (10 MiB) a policy may have")
    XCTAssertEqual(
      over.diagnostics.first?.hint,
      "checking takes about 50 times a policy's size in memory; split it into smaller policies")
    XCTAssertTrue(over.rendered.hasPrefix("hostile.verdict:1:1: error: the policy is too large"), over.rendered)
    // The formatter, test files and the REPL's expressions read through the same parser.
    let source = SourceFile(name: "big.verdict", bytes: atLimit + [UInt8(ascii: "#")])
    XCTAssertThrowsError(try PolicyFormatter.format(source).get()) { error in
      XCTAssertEqual((error as? PolicyError)?.diagnostics.map(\.code), ["policy-too-large"])
    }
    XCTAssertEqual(Parser.parseExpression(source).diagnostics.map(\.code), ["policy-too-large"])
  }

  func testTenMegabytesOfOneWordGiveOneShortDiagnostic() {
    let text = String(repeating: "a", count: 10_000_000)
    let (policy, diagnostics, rendered) = compile(text)
    XCTAssertNil(policy)
    XCTAssertEqual(diagnostics.map(\.code), ["unexpected-token"])
    XCTAssertTrue(diagnostics.first?.message.hasPrefix("expected a statement, found 'aaaa") == true)
    XCTAssertLessThan(rendered.utf8.count, 2_000, "the rendered diagnostic must not repeat the 10 MB word")
  }

  func testTenMegabyteNameInAConditionIsReportedBriefly() {
    let name = String(repeating: "b", count: 10_000_000)
    let (_, diagnostics, rendered) = compile("field a: number\nwhen \(name) > 1 then recommend fire")
    XCTAssertEqual(diagnostics.map(\.code), ["unknown-name"])
    XCTAssertEqual(location(diagnostics.first, in: "field a: number\nwhen "), SourceLocation(line: 2, column: 6))
    XCTAssertLessThan(rendered.utf8.count, 2_000)
  }

  func testTenThousandQuotes() {
    let even = compile(String(repeating: "\"", count: 10_000))
    XCTAssertEqual(even.diagnostics.map(\.code), ["unexpected-token"])
    XCTAssertEqual(even.diagnostics.first?.message, "expected a statement, found text")
    let quotes = String(repeating: "\"", count: 10_001)
    let odd = compile(quotes)
    XCTAssertEqual(odd.diagnostics.map(\.code), ["unterminated-string", "unexpected-token"])
    XCTAssertEqual(location(odd.diagnostics.first, in: quotes), SourceLocation(line: 1, column: 10_001))
  }

  func testHugeNumberLiterals() {
    let digits = String(repeating: "9", count: 100_000)
    let rows: [(String, String, UInt)] = [
      (digits, "number-too-large", #line),
      (digits + "d", "number-too-large", #line),
      (digits + ".5", "number-too-large", #line),
      (digits + "%", "number-too-large", #line),
      ("€" + digits, "malformed-money", #line),
      (digits + " EUR", "malformed-money", #line),
    ]
    for (literal, code, line) in rows {
      let (_, diagnostics, rendered) = compile("when x > \(literal) then recommend fire", line: line)
      XCTAssertEqual(diagnostics.map(\.code), [code], line: line)
      XCTAssertEqual(diagnostics.first?.range.start, 9, line: line)
      XCTAssertLessThan(rendered.utf8.count, 2_000, line: line)
    }
    // A long fraction is refused, never rounded: numbers are exact to 28 significant digits.
    let long = compile("when x > 1.\(digits) then recommend fire")
    XCTAssertEqual(long.diagnostics.map(\.code), ["too-many-digits"])
    XCTAssertEqual(long.diagnostics.first?.range.start, 9)
    XCTAssertLessThan(long.rendered.utf8.count, 2_000)
  }

  // MARK: - Depth

  /// (ParserTests covers 100,000 levels of each form; here every form goes through compile and render.)
  func testDeepNestingIsRefusedAndRenderedBriefly() {
    let rows: [(String, UInt)] = [
      ("when " + String(repeating: "(", count: 20_000) + "x then recommend fire", #line),
      ("let a = " + String(repeating: "[", count: 20_000), #line),
      ("when " + String(repeating: "f(", count: 20_000) + "x", #line),
      ("when " + String(repeating: "not ", count: 20_000) + "x then recommend fire", #line),
      ("let a = 1" + String(repeating: " - -1", count: 20_000), #line),
      ("when x" + String(repeating: " ?? x", count: 20_000) + " then recommend fire", #line),
    ]
    for (text, line) in rows {
      let (policy, diagnostics, rendered) = compile(text, line: line)
      XCTAssertNil(policy, line: line)
      XCTAssertEqual(diagnostics.map(\.code), ["nesting-too-deep"], line: line)
      XCTAssertLessThan(rendered.utf8.count, 1_000, line: line)
    }
  }

  // MARK: - Bytes

  func testInvalidUTF8() {
    let bytes = Array("when x > 1 ".utf8) + [0xFF, 0xFE] + Array(" then recommend fire".utf8)
    let (policy, diagnostics, rendered) = compile(bytes)
    XCTAssertNil(policy)
    XCTAssertEqual(diagnostics.map(\.code), ["invalid-utf8", "invalid-utf8"])
    XCTAssertEqual(diagnostics.map(\.range.start), [11, 12])
    XCTAssertTrue(rendered.contains("hostile.verdict:1:12: error: invalid UTF-8 byte 0xFF"), rendered)
    // Every byte value that cannot start a character, a thousand times over.
    let noise = compile(
      [UInt8]((0x80...0xFF).map { UInt8($0) }).flatMap { [$0, $0] } + Array(repeating: 0xC3, count: 1000))
    XCTAssertEqual(noise.diagnostics.count, Parser.maximumErrors)
    XCTAssertTrue(noise.diagnostics.allSatisfy { $0.code == "invalid-utf8" })
    // A truncated character at the very end.
    XCTAssertEqual(
      compile(Array("when x > 1 then recommend fire reason \"".utf8) + [0xE2, 0x82]).diagnostics.map(\.code),
      ["unterminated-string"])
  }

  /// A NUL byte marks a file that is no UTF-8 text: one error at it, not one for each NUL and
  /// each byte that is not UTF-8 (a workbook gave fifty, echoing its bytes).
  func testNULBytesRefuseTheSourceWithOneError() {
    let bytes = Array("when x".utf8) + [0] + Array(" > 1 then recommend fire\0".utf8)
    let (policy, diagnostics, rendered) = compile(bytes)
    XCTAssertNil(policy)
    XCTAssertEqual(diagnostics.map(\.code), ["not-text"])
    XCTAssertEqual(diagnostics.map(\.range.start), [6])
    XCTAssertTrue(rendered.contains("hostile.verdict:1:7: error: the policy is not text: it has a NUL byte"), rendered)
    XCTAssertFalse(rendered.contains("\0"), "control characters are not echoed to the terminal")
    XCTAssertEqual(compile([UInt8](repeating: 0, count: 100_000)).diagnostics.map(\.code), ["not-text"])
    // An .xlsx workbook (a zip archive) given as the policy.
    let workbook = Array("PK".utf8) + [3, 4, 20, 0, 0, 0, 8, 0] + Array(repeating: 0xC3, count: 200)
    XCTAssertEqual(compile(workbook).diagnostics.map(\.code), ["not-text"])
  }

  /// UTF-16 text, as Windows PowerShell's `>` writes it, with or without a byte-order mark,
  /// either byte order, and with a character outside ASCII: one error saying what it is.
  func testUTF16PolicyIsOneError() {
    let text = "# Früh — late payers\nwhen x > 1 then recommend fire\n"
    let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for bytes: [UInt8] in [[0xFF, 0xFE] + little, little, [0xFE, 0xFF] + big, big] {
      let (policy, diagnostics, rendered) = compile(bytes)
      XCTAssertNil(policy)
      XCTAssertEqual(diagnostics.map(\.message), ["the policy is UTF-16 text; Verdict reads policies in UTF-8"])
      XCTAssertTrue(rendered.contains("hint: save it as UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)"), rendered)
    }
    let utf32: [UInt8] =
      [0xFF, 0xFE, 0, 0]
      + text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
    XCTAssertEqual(compile(utf32).diagnostics.map(\.code), ["not-utf8"])
    // Windows-1252 text has no NUL: its bytes are still reported one by one.
    let latin = compile(Array("when x > 1 then recommend fire ".utf8) + [0xE9])
    XCTAssertEqual(latin.diagnostics.map(\.code), ["invalid-utf8"])
  }

  // MARK: - Degenerate policies

  func testEmptyAndCommentOnlyPoliciesRecommendKeep() throws {
    let rows: [(String, Int, UInt)] = [
      ("", 0, #line),
      ("\n\n  \t\r\n", 0, #line),
      ("# nothing\n# to see here", 2, #line),
      (String(repeating: "# comment\n", count: 10_000), 10_000, #line),
      ("\u{FEFF}# after a byte-order mark", 1, #line),
    ]
    for (text, comments, line) in rows {
      let (policy, diagnostics, _) = compile(text, line: line)
      XCTAssertEqual(diagnostics, [], line: line)
      let compiled = try XCTUnwrap(policy, line: line)
      XCTAssertEqual(compiled.syntax.comments.count, comments, line: line)
      XCTAssertEqual(compiled.rules.count, 0, line: line)
      let outcome = try compiled.evaluate(Client(values: []), in: context)
      XCTAssertEqual(outcome.verdict, "keep", line: line)
      XCTAssertNil(outcome.winningRule, line: line)
    }
  }

  func testDivisionByZeroLiteralIsAnEvaluationError() throws {
    let marked = MarkedSource("when x > 0 and 1️⃣1 / 0 > 0 then recommend fire")
    let policy = try Policy(marked.text)
    let client = try policy.client(["x": .int(1)])
    XCTAssertThrowsError(try policy.evaluate(client, in: context)) { error in
      let diagnostic = (error as? EvaluationError)?.diagnostic
      XCTAssertEqual(diagnostic?.message, "division by zero")
      XCTAssertEqual(diagnostic.map { policy.source.location(of: $0.range.start) }, marked.locations[1])
      XCTAssertEqual(
        diagnostic.map { renderer.render($0, in: policy.source) }?.hasPrefix("<policy>:1:16: error: division by zero"),
        true)
    }
    // Where x is missing the guard is unknown, so the division is still reached.
    XCTAssertThrowsError(try policy.evaluate(Client(values: []), in: context))
    // Where the guard is false, it is not.
    XCTAssertEqual(try policy.evaluate(try policy.client(["x": .int(0)]), in: context).verdict, "keep")
  }

  func testManyErrorsStopAtTheLimit() {
    let text = String(repeating: "when x > then recommend fire\n", count: 20_000)
    let (_, diagnostics, rendered) = compile(text)
    XCTAssertEqual(diagnostics.count, Parser.maximumErrors)
    XCTAssertLessThan(rendered.utf8.count, 50 * 400)
  }
}

/// Chains of lets must not overflow the checker's or the evaluator's stack.
final class LetChainTests: XCTestCase {
  func testLongChainsOfLetsAreRefusedNotCrashed() throws {
    // Each let uses the next one, defined later: the checker recurses through them.
    let backward =
      (0..<600).map { "let a\($0) = a\($0 + 1) + 1" }.joined(separator: "\n")
      + "\nlet a600 = 1\nwhen a0 > 5 then recommend fire"
    let backwardResult = Policy.compile(SourceFile(name: "t", text: backward))
    XCTAssertNil(backwardResult.policy)
    XCTAssertEqual(backwardResult.diagnostics.first?.code, "nesting-too-deep")
    XCTAssertEqual(
      backwardResult.diagnostics.first?.message, "expression is nested too deeply (more than 128 levels)")

    // Each let uses the one before: fine to check, but the evaluator would recurse through all of them.
    let forward =
      "let a0 = 1\n" + (1..<1000).map { "let a\($0) = a\($0 - 1) + 1" }.joined(separator: "\n")
      + "\nwhen a999 > 5 then recommend fire"
    let source = SourceFile(name: "t", text: forward)
    let forwardResult = Policy.compile(source)
    XCTAssertNil(forwardResult.policy)
    let diagnostic = try XCTUnwrap(forwardResult.diagnostics.first)
    XCTAssertEqual(diagnostic.code, "nesting-too-deep")
    XCTAssertEqual(source.location(of: diagnostic.range.start), SourceLocation(line: 65, column: 11))

    // A chain within the limit compiles and evaluates.
    let short =
      "let a0 = 1\n" + (1..<20).map { "let a\($0) = a\($0 - 1) + 1" }.joined(separator: "\n")
      + "\nwhen a19 == 20 then recommend fire"
    let policy = try Policy(short)
    XCTAssertEqual(try policy.evaluate(Client(values: []), in: EvaluationContext()).verdict, "fire")
  }
}
