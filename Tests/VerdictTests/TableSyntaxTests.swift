import XCTest

@testable import Verdict

/// The syntax of record tables (`table invoices keyed by customer` and its indented members) and
/// of aggregates (`sum(invoices.amount where paid is missing)`), printed as S-expressions.
final class TableSyntaxTests: XCTestCase {
  func parse(_ text: String) -> Parser.Result { Parser.parse(SourceFile(name: "t", text: text)) }

  func testAggregateExpressions() {
    let rows: [(String, String, UInt)] = [
      ("count(invoices)", "(count invoices)", #line),
      ("count(invoices.paid)", "(count invoices.paid)", #line),
      ("count(invoices where disputed)", "(count invoices (where disputed))", #line),
      ("sum(invoices.amount where paid is missing)", "(sum invoices.amount (where (missing paid)))", #line),
      ("average(invoices.days_late)", "(average invoices.days_late)", #line),
      ("min(t.x) + max(t.x)", "(+ (min t.x) (max t.x))", #line),
      (
        "latest(incidents.date) - earliest(incidents.date)", "(- (latest incidents.date) (earliest incidents.date))",
        #line
      ),
      ("any(t where a or b)", "(any t (where (or a b)))", #line),
      ("all(t.ok where amount > 0 USD)", "(all t.ok (where (> amount 0.00 USD)))", #line),
      ("not any(t where x)", "(not (any t (where x)))", #line),
      // `where` binds the whole condition, up to the closing parenthesis.
      ("count(t where a > 1 and b) > 2", "(> (count t (where (and (> a 1) b))) 2)", #line),
      ("share(sum(t.hours))", "(call share (sum t.hours))", #line),
      // Several arguments are the builtins, as before.
      ("count(a > 1, b)", "(call count (> a 1) b)", #line),
      ("min(a, b)", "(call min a b)", #line),
      ("max(30d, x)", "(call max 30d x)", #line),
    ]
    for (input, expected, line) in rows {
      let parsed = Parser.parseExpression(SourceFile(name: "t", text: input))
      XCTAssertEqual(parsed.diagnostics.map(\.message), [], input, line: line)
      XCTAssertEqual(parsed.expr.map(SExpression.print), expected, input, line: line)
      XCTAssertEqual(parsed.expr?.range, SourceRange(start: 0, end: input.utf8.count), input, line: line)
    }
  }

  func testTableStatements() {
    let rows: [(String, [String], UInt)] = [
      ("table t keyed by customer", ["(table t (keyed customer))"], #line),
      ("table t keyed by \"Customer ID\"", ["(table t (keyed Customer ID))"], #line),
      (
        "table invoices keyed by customer\n  field due: date format \"M/D/YYYY\" from \"DueDate\"\n  field amount: money in USD\n  let late = due < today",
        [
          "(table invoices (keyed customer) (field due date (format \"M/D/YYYY\") (from \"DueDate\")) "
            + "(field amount money USD) (let late (< due today)))"
        ],
        #line
      ),
      // A member is on a later line, indented further than `table`; anything else is the policy's.
      (
        "table t keyed by k\n  field a: number\nfield b: number",
        ["(table t (keyed k) (field a number))", "(field b number)"], #line
      ),
      ("table t keyed by k field a: number", ["(table t (keyed k))", "(field a number)"], #line),
      (
        "  table t keyed by k\n  field a: number", ["(table t (keyed k))", "(field a number)"], #line
      ),
      (
        "table t keyed by k\n\tlet a = 1\n\n  # a comment\n  let b = a",
        ["(table t (keyed k) (let a 1) (let b a))"], #line
      ),
      // A rule ends the table, however far it is indented.
      (
        "table t keyed by k\n  field a: bool\n  when a then recommend fire\n  let b = 1",
        ["(table t (keyed k) (field a bool))", "(rule a (recommend fire))", "(let b 1)"], #line
      ),
      (
        "table a keyed by x\n  field n: number\ntable b keyed by y\n  field m: number",
        ["(table a (keyed x) (field n number))", "(table b (keyed y) (field m number))"], #line
      ),
      // `table` is a word only before a name: it can still name a field.
      (
        "field table: number\nwhen table > 1 then recommend fire",
        ["(field table number)", "(rule (> table 1) (recommend fire))"], #line
      ),
    ]
    for (input, expected, line) in rows {
      let parsed = parse(input)
      XCTAssertEqual(parsed.diagnostics.map(\.message), [], input, line: line)
      XCTAssertEqual(parsed.syntax.statements.map(SExpression.print), expected, input, line: line)
    }
  }

  func testQuotedKeyIsRemembered() throws {
    let statements = parse("table a keyed by \"Customer ID\"\ntable b keyed by customer").syntax.statements
    let keys = statements.compactMap { statement -> (String, Bool)? in
      guard case .table(let table) = statement.kind else { return nil }
      return (table.key.text, table.keyIsQuoted)
    }
    XCTAssertEqual(keys.map(\.0), ["Customer ID", "customer"])
    XCTAssertEqual(keys.map(\.1), [true, false])
  }

  func testTableAndAggregateSyntaxErrors() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      ("table t 1️⃣by k", .init("unexpected-token", "expected 'keyed by' after the table's name"), #line),
      ("table t keyed 1️⃣on k", .init("unexpected-token", "expected 'by' after 'keyed', found 'on'"), #line),
      ("table t keyed by 1️⃣42", .init("unexpected-token", "expected the key column after 'keyed by'"), #line),
      ("let x = t1️⃣.amount", .init("unexpected-token", "'.' outside an aggregate"), #line),
      ("let x = sum(t.1️⃣5)", .init("unexpected-token", "a field of 't' after '.'"), #line),
      ("let x = min(t.a1️⃣, 5)", .init("unexpected-token", "min over a table takes one table, not a list"), #line),
      ("let x = count(t where 1️⃣)", .init("unexpected-token", "expected a value, found ')'"), #line),
      ("let x = sum(t.a where b 1️⃣c)", .init("unexpected-token", "expected ')' to close '('"), #line),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      assertDiagnostics(parse(marked.text).diagnostics, [expected], in: marked, line: line)
    }
  }
}
