import XCTest

@testable import Verdict

/// The checker on record tables: what each table and aggregate becomes, and the diagnostics (code,
/// message, position, hint) for what a table's expressions may not do.
final class TableCheckerTests: XCTestCase {
  static let invoices = """
    table invoices keyed by "Customer ID"
      field due: date format "M/D/YYYY" from "DueDate"
      field paid: date
      field amount: money in USD from "InvoiceAmount"
      field disputed: bool
      let days_late = max(0d, (paid ?? today) - due)

    """

  func check(_ text: String, line: UInt = #line) -> (program: Program?, diagnostics: [Diagnostic]) {
    let parsed = Parser.parse(SourceFile(name: "t", text: text))
    XCTAssertEqual(parsed.diagnostics.map(\.message), [], "syntax of \(text)", line: line)
    return Checker.check(parsed.syntax)
  }

  /// A table's members are the indented lines after it, whatever ends the lines: with lone
  /// carriage returns (old Mac files) the client's field after the table was read as the table's.
  func testATablesMembersAreTheSameWhateverEndsTheLines() throws {
    let lines = [
      "table invoices keyed by client", "  field amount: money in EUR", "field credit: money in EUR",
      "let open = sum(invoices.amount)", "when open > credit then recommend fire",
    ]
    for end in ["\n", "\r\n", "\r"] {
      let program = try XCTUnwrap(check(lines.joined(separator: end)).program, "\(end.debugDescription)")
      XCTAssertEqual(program.fields.map(\.name), ["credit"], end.debugDescription)
      XCTAssertEqual(program.tables.first?.program.fields.map(\.name), ["amount"], end.debugDescription)
    }
  }

  func testTablesAndAggregatesOfASoundPolicy() throws {
    let (program, diagnostics) = check(
      Self.invoices + """
        field credit: money in USD
        let delay = average(invoices.days_late)
        let open = sum(invoices.amount where paid is missing)
        let disputes = count(invoices where disputed)
        let last = latest(invoices.paid)
        when delay > 30d and open > credit then recommend fire
        when disputes > 2 or any(invoices where days_late > 90d) then recommend talk notice today - last
        """)
    XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
    let checked = try XCTUnwrap(program)
    XCTAssertEqual(checked.fields.map(\.name), ["credit"], "a table's fields are not the client's")
    let table = try XCTUnwrap(checked.tables.first)
    XCTAssertEqual(checked.tables.count, 1)
    XCTAssertEqual(table.name, "invoices")
    XCTAssertEqual(table.keyColumn, "Customer ID")
    XCTAssertEqual(table.program.fields.map(\.columnName), ["DueDate", "paid", "InvoiceAmount", "disputed"])
    XCTAssertEqual(table.program.fields.map(\.currency), [nil, nil, .dollar, nil])
    XCTAssertNotNil(table.program.fields[0].dateFormat)
    let aggregates = checked.aggregates
    XCTAssertEqual(aggregates.map(\.function), [.average, .sum, .count, .latest, .any])
    XCTAssertEqual(aggregates.map(\.type), [.duration, .money, .number, .date, .bool])
    XCTAssertEqual(aggregates.map(\.currency), [nil, .dollar, nil, nil, nil])
    XCTAssertEqual(aggregates.map(\.table), [0, 0, 0, 0, 0])
    XCTAssertEqual(table.aggregates, [0, 1, 2, 3, 4])
    XCTAssertEqual(
      aggregates.map(\.text),
      [
        "average(invoices.days_late)", "sum(invoices.amount where …)", "count(invoices where …)",
        "latest(invoices.paid)", "any(invoices where …)",
      ])
    // `count(t where c)` filters and counts; `any(t where c)` asks about the condition itself.
    XCTAssertEqual(aggregates.map { $0.value != nil }, [true, true, false, true, true])
    XCTAssertEqual(aggregates.map { $0.filter != nil }, [false, true, true, false, false])
    XCTAssertEqual(checked.aggregateSlot(0), 1, "aggregates come after the client's fields")
  }

  func testTwoTablesEachGetTheirOwnAggregates() throws {
    let (program, _) = check(
      Self.invoices + """
        table incidents keyed by client
          field kind: text
        when count(incidents) > count(invoices) then recommend fire
        when count(incidents where kind == "rude") > 0 then recommend talk
        """)
    let checked = try XCTUnwrap(program)
    XCTAssertEqual(checked.tables.map(\.name), ["invoices", "incidents"])
    XCTAssertEqual(checked.tables.map(\.keyColumn), ["Customer ID", "client"])
    // Numbered table by table, in the order the policy uses them.
    XCTAssertEqual(checked.aggregates.map(\.table), [0, 1, 1])
    XCTAssertEqual(checked.tables.map(\.aggregates), [[0], [1, 2]])
    XCTAssertEqual(
      checked.aggregates.map(\.text), ["count(invoices)", "count(incidents)", "count(incidents where …)"])
  }

  func testMoneyOfATableTakesThePolicysOneCurrency() throws {
    let (program, diagnostics) = check(
      "table t keyed by k\n  field fee: money\nwhen sum(t.fee) > 100 EUR then recommend fire")
    XCTAssertEqual(diagnostics.map(\.message), [])
    XCTAssertEqual(program?.tables.first?.program.fields.first?.currency, .euro)
    XCTAssertEqual(program?.aggregates.first?.currency, .euro)
  }

  func testWhatATableCannotSee() {
    let rows: [(String, ExpectedDiagnostic, String?, UInt)] = [
      (
        "field credit: money in USD\n" + Self.invoices
          + "when count(invoices where amount > 1️⃣credit) > 0 then recommend fire",
        .init("unknown-name", "'credit' is a field of the client, which table 'invoices' cannot see"),
        "a table's lets and its aggregates' conditions read the table's own fields and lets, and today", #line
      ),
      (
        Self.invoices.replacingOccurrences(of: "due)\n", with: "due)\n  let big = amount > 1️⃣limit\n")
          + "let limit = 5 USD\nwhen count(invoices where big) > 0 then recommend fire",
        .init("unknown-name", "'limit' is a let of the client, which table 'invoices' cannot see"), nil, #line
      ),
      (
        Self.invoices.replacingOccurrences(of: "due)\n", with: "due)\n  let n = 1️⃣count(invoices)\n")
          + "when count(invoices where n > 1) > 0 then recommend fire",
        .init("nested-aggregate", "an aggregate cannot be used inside table 'invoices'"),
        "aggregate in the policy's lets and rules: let x = count(invoices…)", #line
      ),
      (
        Self.invoices + "when count(invoices where 1️⃣any(invoices where disputed)) > 0 then recommend fire",
        .init("nested-aggregate", "an aggregate cannot be used inside table 'invoices'"), nil, #line
      ),
      (
        Self.invoices.replacingOccurrences(of: "due)\n", with: "due)\n  let s = 1️⃣share(amount)\n")
          + "when count(invoices where s > 1%) > 0 then recommend fire",
        .init("population-argument", "share compares clients, so it cannot be used inside a table"), nil, #line
      ),
    ]
    for (input, expected, hint, line) in rows {
      let marked = MarkedSource(input)
      let diagnostics = check(marked.text, line: line).diagnostics
      assertDiagnostics(diagnostics, [expected], in: marked, line: line)
      if let hint {
        XCTAssertEqual(diagnostics.first { $0.code == expected.code }?.hint, hint, input, line: line)
      }
    }
  }

  func testAggregateErrors() {
    let rows: [(String, ExpectedDiagnostic, String?, UInt)] = [
      (
        "when sum(invoices.1️⃣due) > 0 then recommend fire",
        .init("argument-type", "sum cannot take a date: 'invoices.due' is a date"),
        "sum(TABLE.COLUMN [where CONDITION]): a number, duration or money column", #line
      ),
      (
        "when 1️⃣average(invoices) > 0 then recommend fire",
        .init("aggregate-column", "average needs a column of 'invoices'"), nil, #line
      ),
      (
        "when count(invoices where 1️⃣amount) > 0 then recommend fire",
        .init("condition-type", "the condition after 'where' must be true or false, but this is money"), nil, #line
      ),
      (
        "when sum(1️⃣invoice.amount) > 0 USD then recommend fire",
        .init("unknown-table", "unknown table 'invoice'"), "did you mean 'invoices'?", #line
      ),
      (
        "when sum(1️⃣orders.amount) > 0 USD then recommend fire", .init("unknown-table", "unknown table 'orders'"),
        "declare it: table orders keyed by CLIENT_COLUMN, with its fields indented below", #line
      ),
      (
        "let last = latest(invoices.paid)\nwhen share(1️⃣last) > 1% then recommend fire",
        .init("argument-type", "share needs a number, duration or money, not a date"), nil, #line
      ),
      (
        "when share(1️⃣count(invoices) + 1) > 1% then recommend fire",
        .init("population-argument", "share takes a field of the data or an aggregate, not an expression"), nil,
        #line
      ),
      (
        "field 1️⃣x: number\ntable 2️⃣x keyed by k\n  field y: number\nwhen x > 1 then recommend fire",
        .init("duplicate-name", "'x' is both a table and a field or let", at: 2), nil, #line
      ),
    ]
    for (input, expected, hint, line) in rows {
      let marked = MarkedSource(input.contains("keyed by k") ? input : Self.invoices + input)
      let diagnostics = check(marked.text, line: line).diagnostics
      // Each row uses one or two of the columns its table declares: the others are unused.
      assertDiagnostics(
        diagnostics, [expected], in: marked, ignoredWarnings: ["unused-table", "unused-field", "unused-let"],
        line: line)
      if let hint {
        XCTAssertEqual(diagnostics.first { $0.code == expected.code }?.hint, hint, input, line: line)
      }
    }
  }
}

/// A table that no aggregate reads is worth a warning: a run still needs its file.
final class UnusedTableTests: XCTestCase {
  func testATableNothingAggregatesIsAWarning() throws {
    let source = SourceFile(
      name: "t.verdict", text: "table t keyed by k\n  field x: number\nwhen true then recommend fire\n")
    let (policy, diagnostics) = Policy.compile(source)
    XCTAssertNotNil(policy)
    XCTAssertTrue(diagnostics.contains { $0.code == "unused-table" && $0.severity == .warning })
    let used = SourceFile(
      name: "u.verdict", text: "table t keyed by k\n  field x: number\nwhen count(t) > 1 then recommend fire\n")
    XCTAssertFalse(Policy.compile(used).diagnostics.contains { $0.code == "unused-table" })
  }
}
