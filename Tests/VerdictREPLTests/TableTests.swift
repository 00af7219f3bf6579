import VerdictREPL
import XCTest

/// Record tables in the REPL: `:data TABLE=FILE`, `:records`, aggregates as the policy changes.
final class TableTests: SessionTestCase {
  /// A session with the receivables policy and its invoice export.
  private func receivables() -> Session {
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(fixture("receivables.verdict"))").failed)
    return session
  }

  func testTableFileMakesTheKeysTheClients() {
    var session = receivables()
    expect(
      &session, ":data invoices=\(fixture("ar-export.csv"))",
      prints: "loaded 3 records of invoices from \(fixture("ar-export.csv")), for 2 clients\n"
        + "the clients are the tables' keys until :data FILE loads a client file\n")
    expect(&session, ":clients", prints: "  Hartmann Logistics\n  Blue Fern Yoga\n")
    expect(
      &session, ":run",
      prints: """
        client              verdict  rule                             notice  reason
        Hartmann Logistics  fire     rule 1 "slow payer who owes me"  -
        Blue Fern Yoga      keep     -                                -

        """)
  }

  func testAggregatesFollowThePolicyAsItChanges() {
    var session = receivables()
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    expect(&session, ":client hartmann", prints: "Hartmann Logistics\n")
    expect(&session, "open_balance", prints: "2400.00 USD\n")
    // An expression with an aggregate of its own is folded for it.
    expect(&session, "max(invoices.amount)", prints: "3150.00 USD\n")
    expect(&session, "count(invoices where paid is present)", prints: "1\n")
    // A new let with an aggregate: the figures are folded again for the new policy.
    _ = session.handle("let invoiced = sum(invoices.amount)")
    expect(&session, "invoiced", prints: "5550.00 USD\n")
    expect(&session, "open_balance", prints: "2400.00 USD\n")
  }

  func testClientFileJoinsTheRecordsByKey() {
    var session = receivables()
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    _ = session.handle(":data \(fixture("receivable-clients.csv"))")
    expect(&session, ":client Nordlicht", prints: "Nordlicht\n")
    expect(&session, "open_balance", prints: "0.00 USD\n")
    expect(&session, "payment_delay", prints: "missing\n")
    expect(&session, ":client Blue", prints: "Blue Fern\n")
    expect(&session, "payment_delay", prints: "0d\n")
  }

  func testRecordsListsTheCurrentClientsRecordsWithTheTablesLets() {
    var session = receivables()
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    _ = session.handle(":client hartmann")
    expect(
      &session, ":records invoices",
      prints: """
        line  due         paid        amount       days_late
        2     2026-08-31  2026-10-14  3150.00 USD  44d
        4     2026-10-01  missing     2400.00 USD  59d

        """)
    expect(&session, ":records invoice", fails: "the policy has no table 'invoice'; did you mean 'invoices'?\n")
  }

  func testDataRefusesATableThePolicyDoesNotHave() {
    var session = receivables()
    expect(
      &session, ":data invoice=\(fixture("ar-export.csv"))",
      fails: "the policy has no table 'invoice'; did you mean 'invoices'?\n")
  }

  func testCompletionKnowsTablesAndTheirColumns() {
    var session = receivables()
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    let completer = Completer(session: session)
    XCTAssertEqual(completer.complete(line: "sum(invoices.am", cursor: 15).words, ["amount"])
    XCTAssertEqual(completer.complete(line: "sum(invoices.days", cursor: 17).words, ["days_late"])
    XCTAssertEqual(completer.complete(line: "count(inv", cursor: 9).words, ["invoices"])
    XCTAssertEqual(completer.complete(line: "aver", cursor: 4).words, ["average"])
    XCTAssertEqual(completer.complete(line: ":records in", cursor: 11).words, ["invoices"])
  }
}
