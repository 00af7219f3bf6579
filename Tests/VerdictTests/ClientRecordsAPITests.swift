import Testing
import Verdict

/// `Policy.client(_:records:today:)`: an embedder's way to evaluate a policy with record tables.
struct ClientRecordsAPITests {
  static let policy = try! Policy(
    """
    table invoices keyed by customer
      field due: date
      field paid: date
      field amount: money in USD
      let days_late = max(0d, (paid ?? today) - due)
    let payment_delay = average(invoices.days_late)
    let open_balance = sum(invoices.amount where paid is missing)
    when payment_delay > 30d and open_balance > 0 USD then recommend fire hold until paid
    """)
  static let today = CalendarDate(year: 2026, month: 12, day: 1)!

  @Test func recordsAreFoldedIntoTheAggregates() throws {
    let policy = Self.policy
    let client = try policy.client(
      [:],
      records: [
        "invoices": [
          ["due": .text("2026-09-01"), "paid": .text("2026-10-20"), "amount": .text("1200")],
          [
            "due": .text("2026-10-01"), "paid": .missing,
            "amount": .money(Money(scaledAmount: 8_000_000, currency: Currency(code: "USD")!)),
          ],
        ]
      ], today: Self.today)
    let evaluation = try policy.evaluate(client, in: EvaluationContext(today: Self.today))
    #expect(evaluation.verdict == "fire")
    #expect(evaluation.clauses.holdUntilPaid)
  }

  @Test func aClientWithoutRecordsHasEmptyTables() throws {
    let policy = Self.policy
    let client = try policy.client([:], records: [:], today: Self.today)
    #expect(try policy.evaluate(client, in: EvaluationContext(today: Self.today)).verdict == "keep")
    #expect(policy.tables.map(\.name) == ["invoices"])
    #expect(policy.tables[0].fields.map(\.name) == ["due", "paid", "amount"])
  }

  @Test func mistakesNameTheTableAndField() {
    let policy = Self.policy
    #expect(throws: ClientError.self) { try policy.client([:], records: ["invoice": []], today: Self.today) }
    do {
      _ = try policy.client(
        [:], records: ["invoices": [["amount": .text("lots")]]], today: Self.today, options: .absentIsMissing)
      Issue.record("a record with a bad cell was accepted")
    } catch {
      #expect(error.field == "invoices.amount")
    }
  }
}
