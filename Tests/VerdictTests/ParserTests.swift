import XCTest

@testable import Verdict

/// Compact S-expressions for syntax trees, so that a table row shows the whole shape of a parse.
enum SExpression {
  static func print(_ expr: Expr) -> String {
    switch expr.kind {
    case .literal(let value): value.description
    case .name(let name): name
    case .unary(.not, let operand): "(not \(print(operand)))"
    case .unary(.negate, let operand): "(neg \(print(operand)))"
    case .binary(let op, let left, let right): "(\(op.rawValue) \(print(left)) \(print(right)))"
    case .isMissing(let operand, let negated): "(\(negated ? "present" : "missing") \(print(operand)))"
    case .call(let name, _, let arguments): "(call \(([name] + arguments.map(print)).joined(separator: " ")))"
    case .list(let elements): "[" + elements.map(print).joined(separator: " ") + "]"
    case .parenthesized(let inner): "(group \(print(inner)))"
    case .aggregate(let aggregate):
      "(\(aggregate.kind.rawValue) \(aggregate.table.name)" + (aggregate.column.map { ".\($0.name)" } ?? "")
        + (aggregate.filter.map { " (where \(print($0)))" } ?? "") + ")"
    }
  }

  static func print(_ statement: Statement) -> String {
    switch statement.kind {
    case .field(let field):
      "(field \(([field.name, field.type] + (field.unit.map { [$0] } ?? [])).map(\.name).joined(separator: " "))"
        + (field.format.map { " (format \"\($0.text)\")" } ?? "")
        + (field.column.map { " (from \"\($0.text)\")" } ?? "")
        + ")"
    case .let(let declaration): "(let \(declaration.name.name) \(print(declaration.value)))"
    case .rule(let rule): "(rule\(rule.name.map { " \"\($0)\"" } ?? "") \(print(rule.condition)) \(print(rule.action)))"
    case .verdicts(let names): "(verdicts \(names.map(\.name).joined(separator: " ")))"
    case .otherwise(let action): "(otherwise \(print(action)))"
    case .strategy(let name): "(strategy \(name.name))"
    case .example(let example):
      "(example \"\(example.name)\" {\(example.values.map { " \($0.field.name): \(print($0.value))" }.joined())} "
        + "\(print(example.expectation).replacingOccurrences(of: "(recommend", with: "(expect")))"
    case .table(let table):
      "(table \(table.name.name) (keyed \(table.key.text))"
        + table.members.map { " " + print($0) }.joined() + ")"
    case .data(let file): "(data \"\(file.text)\")"
    }
  }

  static func print(_ action: Action) -> String {
    let clauses = action.clauses.map { clause -> String in
      switch clause.kind {
      case .notice(let expr): "(notice \(print(expr)))"
      case .reason(let expr): "(reason \(print(expr)))"
      case .refer(let expr): "(refer \(print(expr)))"
      case .cooldown(let expr): "(cooldown \(print(expr)))"
      case .holdUntilPaid: "(hold-until-paid)"
      case .meet(let mode): "(meet \(mode.rawValue))"
      }
    }
    return "(recommend \(([action.verdict.name] + clauses).joined(separator: " ")))"
  }
}

final class ParserTests: XCTestCase {
  func parse(_ text: String) -> Parser.Result { Parser.parse(SourceFile(name: "t", text: text)) }

  func checkExpressions(_ rows: [(String, String, UInt)]) {
    for (input, expected, line) in rows {
      let parsed = Parser.parseExpression(SourceFile(name: "t", text: input))
      XCTAssertEqual(parsed.diagnostics.map(\.message), [], input, line: line)
      XCTAssertEqual(parsed.expr.map(SExpression.print), expected, input, line: line)
      XCTAssertEqual(
        parsed.expr?.range, SourceRange(start: 0, end: input.utf8.count), "the root covers \(input)", line: line)
    }
  }

  func testPrecedenceFromLoosestToTightest() {
    checkExpressions([
      ("a or b and c", "(or a (and b c))", #line),
      ("a and b or c and d", "(or (and a b) (and c d))", #line),
      ("not a and b", "(and (not a) b)", #line),
      ("not a or not b", "(or (not a) (not b))", #line),
      ("not a < b", "(not (< a b))", #line),
      ("not not a", "(not (not a))", #line),
      ("a < b and c >= d", "(and (< a b) (>= c d))", #line),
      ("a ?? b < c", "(< (?? a b) c)", #line),
      ("a ?? b + c", "(?? a (+ b c))", #line),
      ("a + b ?? c", "(?? (+ a b) c)", #line),
      ("a + b * c", "(+ a (* b c))", #line),
      ("a * b + c", "(+ (* a b) c)", #line),
      ("-a * b", "(* (neg a) b)", #line),
      ("a * -b", "(* a (neg b))", #line),
      ("- -a", "(neg (neg a))", #line),
      ("-f(x) + 1", "(+ (neg (call f x)) 1)", #line),
      ("(a + b) * c", "(* (group (+ a b)) c)", #line),
      ("(a or b) and c", "(and (group (or a b)) c)", #line),
      ("a == b or a != c", "(or (== a b) (!= a c))", #line),
      ("a <= 1 and b > 2", "(and (<= a 1) (> b 2))", #line),
    ])
  }

  func testAssociativity() {
    checkExpressions([
      ("a or b or c", "(or (or a b) c)", #line),
      ("a and b and c", "(and (and a b) c)", #line),
      ("a - b - c", "(- (- a b) c)", #line),
      ("a - b + c", "(+ (- a b) c)", #line),
      ("a / b / c", "(/ (/ a b) c)", #line),
      ("a / b * c", "(* (/ a b) c)", #line),
      ("a ?? b ?? c", "(?? a (?? b c))", #line),
    ])
  }

  func testMembershipMissingCallsAndLists() {
    checkExpressions([
      ("channel in [\"chat\", \"sms\"]", "(in channel [\"chat\" \"sms\"])", #line),
      ("channel not in [\"chat\"]", "(not in channel [\"chat\"])", #line),
      ("not channel in []", "(not (in channel []))", #line),
      ("tags contains \"vip\"", "(contains tags \"vip\")", #line),
      ("x is missing", "(missing x)", #line),
      ("x is present", "(present x)", #line),
      ("x + 1 is missing", "(missing (+ x 1))", #line),
      ("not x is missing", "(not (missing x))", #line),
      ("x is missing or y is present", "(or (missing x) (present y))", #line),
      ("max(30d, days_until(project_end))", "(call max 30d (call days_until project_end))", #line),
      ("today()", "(call today)", #line),
      ("count(a > 1, b, c)", "(call count (> a 1) b c)", #line),
      ("[[1], [], [2, 3]]", "[[1] [] [2 3]]", #line),
      ("500€ + €5 + 12.50 EUR", "(+ (+ 500.00 EUR 5.00 EUR) 12.50 EUR)", #line),
      ("2026-11-28 - 30d", "(- 2026-11-28 30d)", #line),
      ("true != false", "(!= true false)", #line),
      ("20% * 1.5", "(* 20% 1.5)", #line),
    ])
  }

  func testStatementsAndClauses() {
    let rows: [(String, [String], UInt)] = [
      ("field payment_delay: duration in days", ["(field payment_delay duration days)"], #line),
      ("field revenue: money in EUR field ok: bool", ["(field revenue money EUR)", "(field ok bool)"], #line),
      ("field due: date format \"M/D/YYYY\"", ["(field due date (format \"M/D/YYYY\"))"], #line),
      (
        "field due: date format \"M/D/YYYY\" from \"DueDate\"",
        ["(field due date (format \"M/D/YYYY\") (from \"DueDate\"))"], #line
      ),
      (
        "field clv: money in USD from \"Customer Lifetime Value\"",
        ["(field clv money USD (from \"Customer Lifetime Value\"))"], #line
      ),
      ("field paid: date\n  from \"SettledDate\"", ["(field paid date (from \"SettledDate\"))"], #line),
      // The field clauses are contextual: `from` and `format` can name fields, in and out of clauses.
      (
        "field from: text from \"from\" field format: text when from == format then recommend fire",
        ["(field from text (from \"from\"))", "(field format text)", "(rule (== from format) (recommend fire))"],
        #line
      ),
      (
        "field d: date format \"D.M.YYYY\" example \"e\" { d: 2026-01-01 } expect keep",
        ["(field d date (format \"D.M.YYYY\"))", "(example \"e\" { d: 2026-01-01} (expect keep))"], #line
      ),
      ("let slow = delay > 30d", ["(let slow (> delay 30d))"], #line),
      // `data` begins a statement only before a text: it can name a field, even right after one.
      (
        "field data: number\ndata \"c.csv\"\nwhen data > 1 then recommend fire\ndata \"d.csv\"",
        ["(field data number)", "(data \"c.csv\")", "(rule (> data 1) (recommend fire))", "(data \"d.csv\")"], #line
      ),
      (
        "when payment_delay > 30d and revisions > 5 then recommend fire notice 30d",
        ["(rule (and (> payment_delay 30d) (> revisions 5)) (recommend fire (notice 30d)))"], #line
      ),
      (
        "rule \"drains\" when t then recommend fire notice max(30d, n) reason \"r\" refer \"agency\" cooldown 3d hold until paid meet in person",
        [
          "(rule \"drains\" t (recommend fire (notice (call max 30d n)) (reason \"r\") (refer \"agency\") (cooldown 3d) (hold-until-paid) (meet in person)))"
        ],
        #line
      ),
      ("when a then recommend talk meet by phone", ["(rule a (recommend talk (meet by phone)))"], #line),
      ("when a then recommend talk meet by video", ["(rule a (recommend talk (meet by video)))"], #line),
      // Clause words are contextual: they can name fields, even inside a clause.
      (
        "when notice > 1d then recommend talk notice notice", ["(rule (> notice 1d) (recommend talk (notice notice)))"],
        #line
      ),
      ("verdicts keep < fire", ["(verdicts keep fire)"], #line),
      ("verdicts only", ["(verdicts only)"], #line),
      ("otherwise recommend keep reason \"fine\"", ["(otherwise (recommend keep (reason \"fine\")))"], #line),
      ("strategy most-severe strategy first-match", ["(strategy most-severe)", "(strategy first-match)"], #line),
      ("# only a comment\n", [], #line),
      ("", [], #line),
    ]
    for (input, expected, line) in rows {
      let parsed = parse(input)
      XCTAssertEqual(parsed.diagnostics.map(\.message), [], input, line: line)
      XCTAssertEqual(parsed.syntax.statements.map(SExpression.print), expected, input, line: line)
      XCTAssertFalse(parsed.isIncomplete, input, line: line)
    }
  }

  func testStatementRangesSpanTheirText() {
    let text = "let a = 1\nwhen a > 2 then recommend fire notice 3d   # c\notherwise recommend keep"
    let parsed = parse(text)
    let covered = parsed.syntax.statements.map {
      String(decoding: Array(text.utf8)[$0.range.start..<$0.range.end], as: UTF8.self)
    }
    XCTAssertEqual(covered, ["let a = 1", "when a > 2 then recommend fire notice 3d", "otherwise recommend keep"])
  }

  // MARK: - Errors

  func testSyntaxErrors() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      (
        "when x 1️⃣) then recommend fire", .init("unexpected-token", "expected 'then' after the condition, found ')'"),
        #line
      ),
      ("when a 1️⃣= b then recommend fire", .init("unexpected-token", "unexpected '='"), #line),
      ("when 1️⃣then recommend fire", .init("unexpected-token", "expected a value, found the keyword 'then'"), #line),
      (
        "when a < b 1️⃣< c then recommend fire",
        .init("chained-comparison", "comparisons do not chain: '<' is followed by '<'"), #line
      ),
      ("when a == b 1️⃣is missing then recommend fire", .init("chained-comparison", "'==' is followed by 'is'"), #line),
      (
        "when a is missing 1️⃣is present then recommend fire", .init("chained-comparison", "'is' is followed by 'is'"),
        #line
      ),
      (
        "when x is 1️⃣not missing then recommend fire",
        .init("unexpected-token", "write 'is present' rather than 'is not missing'"), #line
      ),
      (
        "when x is 1️⃣absent then recommend fire",
        .init("unexpected-token", "expected 'missing' or 'present' after 'is', found 'absent'"), #line
      ),
      (
        "when (a or b\n  1️⃣then recommend fire",
        .init("unexpected-token", "expected ')' to close '(' at line 1, found 'then'"), #line
      ),
      (
        "when [1, 2 1️⃣then recommend fire",
        .init("unexpected-token", "expected ']' to close '[' at line 1, found 'then'"), #line
      ),
      ("when f(a, 1️⃣) then recommend fire", .init("unexpected-token", "expected a value, found ')'"), #line),
      ("1️⃣whn x > 1 then recommend fire", .init("unexpected-token", "expected a statement, found 'whn'"), #line),
      ("1️⃣then recommend fire", .init("unexpected-token", "'then' without 'when'"), #line),
      ("1️⃣recommend fire", .init("unexpected-token", "'recommend' outside a rule"), #line),
      ("let a = 1 1️⃣42", .init("unexpected-token", "expected a statement, found a number"), #line),
      ("field x 1️⃣number", .init("unexpected-token", "expected ':' after the field name, found 'number'"), #line),
      (
        "field x: date format 1️⃣M/D/YYYY",
        .init("unexpected-token", "expected the date format in double quotes after 'format', found 'M'"), #line
      ),
      (
        "field x: date from 1️⃣Due",
        .init("unexpected-token", "expected the column's header in double quotes after 'from', found 'Due'"), #line
      ),
      (
        "field x: date from \"Due\" 1️⃣format \"M/D/YYYY\"",
        .init("unexpected-token", "'format' out of place in the declaration of 'x'"), #line
      ),
      (
        "field x: date format \"M/D/YY\" 1️⃣format \"M/D/YY\"",
        .init("unexpected-token", "'format' out of place in the declaration of 'x'"), #line
      ),
      (
        "field x: money from \"X\" 1️⃣in EUR",
        .init("unexpected-token", "'in' out of place in the declaration of 'x'"), #line
      ),
      (
        "field x: date 1️⃣fromat \"M/D/YYYY\"",
        .init("unexpected-token", "unexpected 'fromat' after the declaration of 'x'"), #line
      ),
      ("let 1️⃣when = 3", .init("unexpected-token", "expected a name after 'let', found the keyword 'when'"), #line),
      (
        "rule 1️⃣slow when x then recommend fire",
        .init("unexpected-token", "expected the rule's name in double quotes after 'rule'"), #line
      ),
      ("when a then 1️⃣fire", .init("unexpected-token", "expected 'recommend' to start the action, found 'fire'"), #line),
      (
        "when a then recommend 1️⃣\"fire\"",
        .init("unexpected-token", "expected a verdict after 'recommend', found text"), #line
      ),
      (
        "when a then recommend fire 1️⃣notise 30d",
        .init("unexpected-token", "unknown clause 'notise' after 'recommend fire'"), #line
      ),
      ("when a then recommend fire hold 1️⃣paid", .init("unexpected-token", "expected 'until paid' after 'hold'"), #line),
      (
        "when a then recommend talk meet 1️⃣on phone",
        .init("unexpected-token", "expected 'in person', 'by phone' or 'by video' after 'meet'"), #line
      ),
      ("verdicts keep < 1️⃣< fire", .init("unexpected-token", "expected a verdict name after '<', found '<'"), #line),
      (
        "strategy 1️⃣when x then recommend fire",
        .init("unexpected-token", "expected a strategy after 'strategy', found the keyword 'when'"), #line
      ),
      ("when x >1️⃣", .init("unexpected-end", "expected a value, found end of input"), #line),
      ("when x > 1️⃣01 then recommend fire", .init("leading-zero", "a number cannot start with 0"), #line),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      assertDiagnostics(parse(marked.text).diagnostics, [expected], in: marked, line: line)
    }
  }

  func testHintsAndNotes() {
    let diagnostics = parse("when (a or b then recommend fire").diagnostics
    XCTAssertEqual(diagnostics.first?.notes.first?.message, "'(' opened here")
    XCTAssertEqual(diagnostics.first?.notes.first?.range, SourceRange(start: 5, end: 6))
    let whn = parse("whn x > 1 then recommend fire").diagnostics.first
    XCTAssertEqual(whn?.hint, "did you mean 'when'?")
    let notise = parse("when a then recommend fire notise 30d").diagnostics.first
    XCTAssertEqual(notise?.hint, "did you mean 'notice'?")
    let fromat = parse("field due: date fromat \"M/D/YYYY\"").diagnostics.first
    XCTAssertEqual(fromat?.hint, "did you mean 'format'?")
    let order = parse("field due: date from \"Due\" format \"M/D/YYYY\"").diagnostics.first
    XCTAssertEqual(
      order?.hint,
      "a field reads: field NAME: TYPE in UNIT format \"…\" from \"…\", each clause optional, in this order")
  }

  func testRecoveryReportsEveryStatementsError() {
    let marked = MarkedSource(
      "when x > 1️⃣then recommend fire\nlet 2️⃣= 3\nwhen y 3️⃣) then recommend fire\nwhen z then recommend talk\nfield 4️⃣\"q\": number"
    )
    let parsed = parse(marked.text)
    assertDiagnostics(
      parsed.diagnostics,
      [
        .init("unexpected-token", "expected a value, found the keyword 'then'", at: 1),
        .init("unexpected-token", "expected a name after 'let', found '='", at: 2),
        .init("unexpected-token", "expected 'then' after the condition, found ')'", at: 3),
        .init("unexpected-token", "expected a field name after 'field', found text", at: 4),
      ], in: marked)
    XCTAssertEqual(parsed.syntax.statements.map(SExpression.print), ["(rule z (recommend talk))"])
  }

  func testErrorCountIsCapped() {
    let parsed = parse(String(repeating: "when then ", count: 500))
    XCTAssertEqual(parsed.diagnostics.count, Parser.maximumErrors)
  }

  func testIncompleteInputIsFlagged() {
    XCTAssertTrue(parse("when (x > 1").isIncomplete)
    XCTAssertTrue(parse("when x > 1 then recommend fire reason \"unfinished").isIncomplete)
    XCTAssertFalse(parse("when x ) then recommend fire").isIncomplete)
  }

  // MARK: - Nesting limit

  /// A deeply nested condition gives one `nesting-too-deep` error at the offending token, no crash.
  func assertTooDeep(_ condition: String, column: Int, line: UInt = #line) {
    let source = SourceFile(name: "t", text: "when " + condition + " then recommend fire")
    let diagnostics = Parser.parse(source).diagnostics
    XCTAssertEqual(diagnostics.map(\.code), ["nesting-too-deep"], line: line)
    XCTAssertEqual(
      diagnostics.first?.message, "expression is nested too deeply (more than 128 levels)", line: line)
    XCTAssertEqual(
      diagnostics.first.map { source.location(of: $0.range.start) }, SourceLocation(line: 1, column: column), line: line
    )
  }

  func testNestingLimit() {
    let limit = Parser.maximumNesting
    // The 129th opening parenthesis is refused; the 128th is fine.
    assertTooDeep(String(repeating: "(", count: 100_000) + "x", column: 6 + limit)
    assertTooDeep(String(repeating: "-", count: 100_000) + "x > 1", column: 6 + limit)
    assertTooDeep(String(repeating: "not ", count: 100_000) + "x", column: 6 + 4 * limit)
    assertTooDeep(String(repeating: "[", count: 100_000), column: 6 + limit)
    assertTooDeep(String(repeating: "f(", count: 100_000), column: 6 + 2 * limit)
    // `??` groups to the right: the operand after the 128th `??` is refused.
    assertTooDeep("x" + String(repeating: " ?? x", count: 100_000), column: 6 + 5 * limit)
    // A flat chain is a tree as tall as it is long: the node over the 129th term is refused.
    assertTooDeep("a" + String(repeating: " + a", count: 49_999), column: 6)
    let fine = String(repeating: "(", count: limit - 1) + "x" + String(repeating: ")", count: limit - 1)
    XCTAssertEqual(parse("when \(fine) then recommend fire").diagnostics, [])
    let longFine = "a" + String(repeating: " + a", count: limit - 1)
    XCTAssertEqual(parse("let s = \(longFine)").diagnostics, [])
    assertTooDeep(longFine + " + a", column: 6)
  }
}
