import Foundation
import Verdict
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

  /// Without a current client (none chosen yet, or after a name that matches none), an aggregate
  /// is missing, as it is without tables: the client built by hand has no records, not none.
  func testAggregatesAreMissingWithoutACurrentClient() {
    var session = receivables()
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    expect(&session, "sum(invoices.amount)", prints: "missing\n")
    expect(&session, "count(invoices)", prints: "missing\n")
    expect(&session, "open_balance", prints: "missing\n")
    XCTAssertTrue(session.handle(":client nobody").failed)
    expect(&session, "count(invoices)", prints: "missing\n")
    expect(&session, ":client hartmann", prints: "Hartmann Logistics\n")
    expect(&session, "count(invoices)", prints: "2\n")
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

  /// `:save` does not write over a table's file of records (it replaced the invoices with the
  /// policy's text), with or without a client file.
  func testSaveRefusesATablesFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let invoices = folder.appendingPathComponent("invoices.csv")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture("ar-export.csv")), to: invoices)
    let before = try Data(contentsOf: invoices)
    var session = receivables()
    _ = session.handle(":data invoices=\(invoices.path)")
    for clients in [false, true] {
      if clients { _ = session.handle(":data \(fixture("receivable-clients.csv"))") }
      let reply = session.handle(":save \(invoices.path)")
      XCTAssertTrue(reply.errors.hasPrefix("cannot save to '\(invoices.path)': it is the "), reply.errors)
      if clients {
        XCTAssertTrue(reply.errors.contains("the file of table invoices's records"), reply.errors)
      }
      XCTAssertEqual(try Data(contentsOf: invoices), before)
    }
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

  /// A record with a bad cell shows its good cells; the bad one, and the table's lets, are `?`.
  func testRecordsShowTheGoodCellsOfARecordWithABadOne() throws {
    let folder = try folder(files: [
      "p.verdict": "table entries keyed by client\n  field hours: number\n  field day: date\n"
        + "  let long = hours > 8\nwhen count(entries where long) > 0 then recommend fire\n",
      "entries.csv": "client,hours,day\nB,10,2026-13-01\nB,5,2026-01-02\n",
    ])
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(folder.appendingPathComponent("p.verdict").path)").failed)
    XCTAssertFalse(session.handle(":data entries=\(folder.appendingPathComponent("entries.csv").path)").failed)
    expect(&session, ":client B", prints: "B\n")
    expect(
      &session, ":records entries",
      prints: """
        line  hours  day         long
        2     10     ?           ?
        3     5      2026-01-02  false

        """)
  }

  /// A column that only an unused let's aggregate reads is not read for a run, but `:records`
  /// lists it, and the let typed as an expression is folded for it.
  func testAnAggregateNoRuleReadsIsListedAndEvaluatedOnRequest() {
    var session = makeSession()
    for entry in [
      "table invoices keyed by Customer\n  field amount: money in USD from \"Invoice Amount\"",
      "let invoiced = sum(invoices.amount)", "when count(invoices) > 5 then recommend fire",
    ] {
      XCTAssertFalse(session.handle(entry).failed, entry)
    }
    _ = session.handle(":data invoices=\(fixture("ar-export.csv"))")
    _ = session.handle(":client hartmann")
    expect(
      &session, ":records invoices",
      prints: """
        line  amount
        2     3150.00 USD
        4     2400.00 USD

        """)
    expect(&session, "invoiced", prints: "5550.00 USD\n")
  }

  /// A table file's decimal marks are decided for the policy that reads it, as `verdict run`
  /// decides them: after `:load`, a column of two readings (`1.250`) is not read with the mark of
  /// a column only the earlier policy read (`2.5` made it 1.25, `2,5` made it 1250); as `run`
  /// refuses the file, the REPL sets it aside, saying why.
  func testATablesMarksAreDecidedForTheLoadedPolicy() throws {
    let billed = """
      table entries keyed by client
        field amount: number
      let billed = sum(entries.amount)
      when billed > 1000 then recommend fire

      """
    for hours in ["2.5", "\"2,5\""] {
      let folder = try folder(files: [
        "entries.csv": "client,amount,hours\nAcme,1.250,\(hours)\nAcme,3.000,4\n",
        "hours.verdict": "table entries keyed by client\n  field hours: number\n"
          + "when sum(entries.hours) > 100 then recommend fire\n",
        "billed.verdict": billed,
      ])
      let entries = folder.appendingPathComponent("entries.csv").path
      var session = makeSession()
      for entry in [":load \(folder.appendingPathComponent("hours.verdict").path)", ":data entries=\(entries)"] {
        XCTAssertFalse(session.handle(entry).failed, entry)
      }
      let loaded = session.handle(":load \(folder.appendingPathComponent("billed.verdict").path)")
      XCTAssertFalse(loaded.failed)
      XCTAssertTrue(
        loaded.errors.hasPrefix("\(entries): column 'amount' has numbers with two readings, such as \"1.250\""),
        loaded.errors)
      XCTAssertTrue(loaded.errors.hasSuffix("\(refusal("entries", entries))\n"), loaded.errors)
      let billed = session.handle("billed")
      XCTAssertTrue(billed.failed)
      XCTAssertFalse(billed.output.contains("4.25"), hours)
    }
  }

  /// A table's file without the `keyed by` column is refused as `verdict run` refuses it: at
  /// the policy's clause (the REPL has no `--key`), with every other column it lacks.
  func testATablesFileWithoutItsColumnsIsRefusedAsRunRefusesIt() throws {
    let folder = try folder(files: [
      "p.verdict": "table invoices keyed by client\n  field amount: number\nlet billed = sum(invoices.amount)\n"
        + "when billed > 300 then recommend fire\notherwise recommend keep\n",
      "inv.csv": "Customer,Betrag\nAcme,5\n",
    ])
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(folder.appendingPathComponent("p.verdict").path)").failed)
    let file = folder.appendingPathComponent("inv.csv").path
    expect(
      &session, ":data invoices=\(file)",
      fails: """
        <session>:2:9: error: \(file) has no column 'amount'
            2 |   field amount: number
              |         ^~~~~~
              = hint: its columns are 'Customer', 'Betrag'
        <session>:1:25: error: \(file) has no column 'client' to key table 'invoices' by
            1 | table invoices keyed by client
              |                         ^~~~~~
              = hint: its columns are 'Customer', 'Betrag'
        \(refusal("invoices", file))

        """)
  }

  /// What the REPL says of a table whose file it cannot use, as `verdict run` refuses it.
  private func refusal(_ table: String, _ path: String) -> String {
    """
    verdict: table '\(table)' cannot be used, so no loaded client is evaluated
      hint: put the file or the policy right; ':data \(table)=\(path)' or ':load POLICY' reads the file again
    """
  }

  /// A table whose file is missing, cannot be opened or lacks a column the table reads: as
  /// `verdict run` refuses to run, the REPL evaluates no loaded client (an expression, `:run`,
  /// `:explain`), saying which table and why, and takes the file up once it is put right, with
  /// `:data` or `:load`. It evaluated them with the table's aggregates missing: every client kept.
  func testNoClientIsEvaluatedWithoutATablesRecords() throws {
    let folder = try folder(files: [
      "p.verdict": "table inv keyed by client\n  field amount: number\nlet billed = sum(inv.amount)\n"
        + "when billed > 10 then recommend fire\notherwise recommend keep\n",
      "clients.csv": "id\nAcme\n", "inv.csv": "client,hours\nAcme,20\n",
    ])
    let path = { (name: String) in folder.appendingPathComponent(name).path }
    var session = makeSession()
    for entry in [":load \(path("p.verdict"))", ":data \(path("clients.csv"))", ":client Acme"] {
      XCTAssertFalse(session.handle(entry).failed, entry)
    }
    for entry in ["billed", ":run", ":explain"] {
      expect(&session, entry, fails: "verdict: table 'inv' has no file (hint: give it with :data inv=FILE)\n")
    }
    let missing = path("missing.csv")
    let opened = "verdict: cannot open '\(missing)': No such file or directory\n\(refusal("inv", missing))\n"
    expect(&session, ":data inv=\(missing)", fails: opened)
    expect(&session, "billed", fails: opened)
    let lacking = session.handle(":data inv=\(path("inv.csv"))")
    XCTAssertTrue(lacking.errors.contains("error: \(path("inv.csv")) has no column 'amount'"), lacking.errors)
    XCTAssertTrue(lacking.errors.hasSuffix("\(refusal("inv", path("inv.csv")))\n"), lacking.errors)
    for entry in ["billed", ":run", ":explain"] {
      let reply = session.handle(entry)
      XCTAssertTrue(reply.failed, entry)
      XCTAssertEqual(reply.output, "", entry)
      XCTAssertEqual(reply.errors, lacking.errors, entry)
    }
    // The file put right is read again when the policy is loaded again.
    try Data("client,amount\nAcme,20\n".utf8).write(to: folder.appendingPathComponent("inv.csv"))
    let reloaded = session.handle(":load \(path("p.verdict"))")
    XCTAssertEqual(reloaded.errors, "inv: read again from \(path("inv.csv"))\n")
    expect(&session, "billed", prints: "20\n")
    XCTAssertTrue(session.handle(":run").output.contains("Acme    fire"))
  }

  /// A table's file read for one policy, then a policy keying the table by another column, or
  /// reading a column the file lacks: read again by the new key, or set aside with the error
  /// `run` gives, never read as missing values.
  func testATablesFileIsRefittedWhenThePolicyChanges() throws {
    let table = { (key: String, field: String) in
      "table inv keyed by \(key)\n  field \(field): number\nlet s = sum(inv.\(field))\n"
        + "when s > 100 then recommend fire\notherwise recommend keep\n"
    }
    let folder = try folder(files: [
      "a.verdict": table("Customer", "amount"), "b.verdict": table("client", "amount"),
      "c.verdict": table("Customer", "hours"), "inv.csv": "Customer,client,amount\nAcme,Beta,5\nAcme,Beta,7\n",
    ])
    let path = { (name: String) in folder.appendingPathComponent(name).path }
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(path("a.verdict"))").failed)
    XCTAssertFalse(session.handle(":data inv=\(path("inv.csv"))").failed)
    let rekeyed = session.handle(":load \(path("b.verdict"))")
    XCTAssertFalse(rekeyed.failed)
    XCTAssertEqual(rekeyed.errors, "inv: read again from \(path("inv.csv")), keyed by \"client\"\n")
    expect(&session, ":client Beta", prints: "Beta\n")
    expect(&session, "s", prints: "12\n")
    let lacking = session.handle(":load \(path("c.verdict"))")
    XCTAssertTrue(lacking.errors.contains("error: \(path("inv.csv")) has no column 'hours'"), lacking.errors)
    XCTAssertTrue(lacking.errors.hasSuffix("\(refusal("inv", path("inv.csv")))\n"), lacking.errors)
    expect(&session, "s", fails: lacking.errors)
  }

  func testDataRefusesATableThePolicyDoesNotHave() {
    var session = receivables()
    expect(
      &session, ":data invoice=\(fixture("ar-export.csv"))",
      fails: "the policy has no table 'invoice'; did you mean 'invoices'?\n")
  }

  /// A table's members are the indented lines below it; the draft writes each statement on a
  /// line of its own, so one that shared a line with a table must not become its member.
  func testAStatementOnTheTablesLineStaysOutsideTheTable() {
    var session = makeSession()
    let reply = session.handle("table entries keyed by client field spent: duration in hours")
    XCTAssertFalse(reply.failed, reply.errors)
    XCTAssertEqual(reply.output, "added table entries\nadded field spent\n")
    XCTAssertEqual(session.draft.text, "table entries keyed by client\nfield spent: duration in hours\n")
    XCTAssertEqual(session.draft.policy.fields.map(\.name), ["spent"])
    XCTAssertEqual(try Policy(session.draft.text).fields.map(\.name), ["spent"])
  }

  /// Each entry is a statement of its own: typed indented after a table, a field is the
  /// policy's, as in the saved text, not a member the text would not have.
  func testAnIndentedEntryAfterATableIsNotItsMember() throws {
    var session = makeSession()
    _ = session.handle("table entries keyed by client")
    expect(&session, "  field spent: duration in hours", prints: "added field spent\n")
    XCTAssertEqual(session.draft.text, "table entries keyed by client\nfield spent: duration in hours\n")
    XCTAssertEqual(session.draft.policy.tables.map { $0.fields.map(\.name) }, [[]])
    XCTAssertEqual(try Policy(session.draft.text).fields.map(\.name), ["spent"])
    // After a comment line too; a warning about the entry points into the entry as typed.
    let reply = session.handle("  # invoices\n    table other keyed by client")
    XCTAssertEqual(reply.output, "added table other\n")
    XCTAssertTrue(reply.errors.hasPrefix("<repl>:2:11: warning: table 'other' is declared"), reply.errors)
    XCTAssertEqual(
      session.draft.text,
      "table entries keyed by client\nfield spent: duration in hours\n  # invoices\ntable other keyed by client\n")
  }

  func testLoadingKeepsAFieldIndentedLessThanTheTableOutsideIt() throws {
    var session = makeSession()
    let path = fixture("table-sharing-a-line.verdict")
    expect(&session, ":load \(path)", prints: "loaded \(path): 0 rules, 2 fields\n")
    XCTAssertEqual(
      session.draft.text,
      "# A table that does not start its line, and a field indented less than it: not a member.\n"
        + "field hours: number\ntable entries keyed by client\nfield spent: duration in hours\n"
        + "let busy = count(entries) > 3 and hours > 10 and spent > 2h\n")
    XCTAssertEqual(try Policy(session.draft.text).fields.map(\.name), ["hours", "spent"])
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
