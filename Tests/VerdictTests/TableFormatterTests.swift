import Testing

@testable import Verdict

/// `verdict fmt` on record tables and aggregates: members indented by two spaces under their
/// table, the key written as it was (a name, or a quoted header), aggregates spaced as calls, and
/// every formatting meaning what its input meant and staying as it is when formatted again
/// (``FormatCheck``).
struct TableFormatterTests {
  @Test func tableAndAggregatesTakeTheCanonicalLayout() throws {
    let input = """
      # invoices
      table invoices keyed by "Customer ID"   # the export's header
          field due: date format "M/D/YYYY" from "DueDate"
          field paid : date
          field amount:money in USD
          # per record
          let days_late = max(0d,(paid??today)-due)
      table incidents keyed by client
       field date: date
      let payment_delay=average( invoices.days_late )
      let open = sum(invoices.amount where paid is missing)
      let n = count( incidents where date>today-30d )
      when payment_delay > 30d and open > 0 USD and any(invoices where days_late>60d) then recommend fire hold until paid

      """
    let expected = """
      # invoices
      table invoices keyed by "Customer ID"  # the export's header
        field due: date format "M/D/YYYY" from "DueDate"
        field paid: date
        field amount: money in USD
        # per record
        let days_late = max(0d, (paid ?? today) - due)

      table incidents keyed by client
        field date: date

      let payment_delay = average(invoices.days_late)
      let open = sum(invoices.amount where paid is missing)
      let n = count(incidents where date > today - 30d)

      when payment_delay > 30d and open > 0 USD and any(invoices where days_late > 60d)
        then recommend fire hold until paid

      """
    #expect(try FormatCheck.format(input).get() == expected)
  }

  @Test func tabsAndMembersAfterAStatementAtTheMargin() throws {
    let input =
      "table t keyed by k\nlet a = count(t)\ntable u keyed by \"Client Name\"\n\tfield x: number\n"
      + "\tlet y = x*2   # doubled\nwhen a>1 then recommend fire\n"
    let expected = """
      table t keyed by k

      let a = count(t)

      table u keyed by "Client Name"
        field x: number
        let y = x * 2  # doubled

      when a > 1 then recommend fire

      """
    #expect(try FormatCheck.format(input).get() == expected)
  }

  /// A name stays a name and a quoted key stays quoted, even when the quotes are not needed.
  @Test(arguments: [
    "table t keyed by customer\n", "table t keyed by \"customer\"\n", "table t keyed by \"Customer ID\"\n",
    "table t keyed by \"Kunde, Nr.\"\n",
  ])
  func keyIsWrittenAsItWas(_ policy: String) throws {
    #expect(try FormatCheck.format(policy).get() == policy)
  }

  /// Every aggregate form, already formatted, is left as it is.
  @Test(arguments: [
    "let a = count(t)", "let a = count(t.x)", "let a = count(t where x > 1)", "let a = count(t.x where y)",
    "let a = sum(t.x where y is missing)", "let a = average(t.x)", "let a = min(t.x) + max(t.x)",
    "let a = latest(t.d) - earliest(t.d)", "let a = any(t where x or y)", "let a = all(t.ok where x > 0)",
    "let a = not any(t where y)", "let a = share(sum(t.x))", "let a = count(t where (x > 1 or y) and z)",
  ])
  func aggregatesAreStable(_ line: String) throws {
    let policy = "table t keyed by k\n  field x: number\n\n\(line)\n"
    #expect(try FormatCheck.format(policy).get() == policy)
  }

  /// A field on the table's line, or not indented past it, is the policy's: formatting keeps it so.
  @Test func fieldsOutsideTheTableStayOutside() throws {
    let formatted = try FormatCheck.format(
      "table t keyed by k field a: number\n  table u keyed by k\n  field b: date\n"
    )
    .get()
    let statements = Parser.parse(SourceFile(name: "t", text: formatted)).syntax.statements
    #expect(
      statements.map(SExpression.print) == [
        "(table t (keyed k))", "(field a number)", "(table u (keyed k))", "(field b date)",
      ])
  }
}

/// Example records: one line when they fit, else a record a line, each ending in a comma.
struct ExampleRecordFormatterTests {
  @Test func recordsBreakOneALineWhenTheyDoNotFit() throws {
    let source = SourceFile(
      name: "t.verdict",
      text: """
        example "owes" {
          invoices: [ { due: 2026-09-01, paid: 2026-10-20, amount: 1200 USD, }, { due: 2026-10-01, amount: 800 USD }, { due: 2026-10-01, amount: 800 USD }, ],
          incidents: [{}],  # none
        } expect fire hold until paid

        """)
    let formatted = try PolicyFormatter.format(source).get()
    #expect(
      formatted == """
        example "owes" {
          invoices: [
            { due: 2026-09-01, paid: 2026-10-20, amount: 1200 USD },
            { due: 2026-10-01, amount: 800 USD },
            { due: 2026-10-01, amount: 800 USD },
          ],
          incidents: [{}],  # none
        } expect fire hold until paid

        """)
    let again = try PolicyFormatter.format(SourceFile(name: "t.verdict", text: formatted)).get()
    #expect(again == formatted)
  }

  @Test func recordsThatFitStayOnTheirLine() throws {
    let text = "example \"e\" { invoices: [{ amount: 1 USD }, {}], incidents: [] } expect keep\n"
    #expect(try PolicyFormatter.format(SourceFile(name: "t.verdict", text: text)).get() == text)
  }
}
