import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// `verdict run` with record tables (`Fixtures/tables/`). In `ar.csv`, acme owes money and pays
/// late (`fire`), beta has two disputed invoices (`talk`) and gamma is fine (`keep`); acme's first
/// key is padded with spaces. `clients.csv` has acme, beta and delta (no invoices), not gamma.
struct TableRunTests {
  static let invoices = "invoices"

  static func run(
    _ policy: String = "ar.verdict", clients: [String] = [], tables: [(String, String)],
    format: ReportFormat = .csv, configure: (inout RunConfiguration) -> Void = { _ in }
  ) throws -> RunnerTests.Outcome {
    try RunnerTests.run(policy: "tables/\(policy)", data: clients.map { "tables/\($0)" }, format: format) {
      $0.tables = tables.map {
        TableFile(name: $0.0, path: RunnerTests.fixtures.appendingPathComponent("tables/\($0.1)").path)
      }
      configure(&$0)
    }
  }

  /// The report's first columns (client, verdict, rule), and its `source` column.
  static func rows(_ report: String) -> [String] {
    report.split(separator: "\n").dropFirst().map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      return (cells.prefix(3) + [cells.last ?? ""]).joined(separator: " ")
    }
  }

  @Test func aClientFileJoinsTheTablesByTrimmedKey() throws {
    let outcome = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "ar.csv")])
    #expect(outcome.status == .success)
    #expect(
      Self.rows(outcome.report) == [
        "acme fire slow payer who owes me tables/clients.csv:2", "beta talk argues tables/clients.csv:3",
        "delta keep  tables/clients.csv:4",
      ])
    #expect(
      outcome.messages.contains(
        "  warning: 1 record of 1 key matches no client in tables/clients.csv: \"gamma\" (tables/ar.csv:6)\n"))
    #expect(outcome.tally.read == 3 && outcome.tally.evaluated == 3)
  }

  /// Spaces a reader cannot see around a key (a no-break space from a spreadsheet, a zero-width
  /// space, a byte order mark) are dropped as ordinary ones are: acme's invoices were summed
  /// apart under keys that look alike. Inside a key they stay, and messages show them.
  @Test func invisibleSpacesAroundAKeyAreDropped() throws {
    let outcome = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "invisible-spaces.csv")])
    #expect(
      Self.rows(outcome.report) == [
        "acme fire slow payer who owes me tables/clients.csv:2", "beta talk argues tables/clients.csv:3",
        "delta keep  tables/clients.csv:4",
      ])
    #expect(outcome.messages.contains("\"gamma\\u{A0}x\" (tables/invisible-spaces.csv:6)"), "\(outcome.messages)")
  }

  @Test func withoutAClientFileTheClientsAreTheKeysInOrderOfFirstRecord() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "ar.csv")])
    #expect(outcome.status == .success)
    #expect(
      Self.rows(outcome.report) == [
        "acme fire slow payer who owes me tables/ar.csv:2", "beta talk argues tables/ar.csv:3",
        "gamma keep  tables/ar.csv:6",
      ])
    #expect(!outcome.messages.contains("matches no client"))
  }

  /// Records may come in any order: the aggregates, so the verdicts, are the same.
  @Test func theOrderOfRecordsDoesNotMatter() throws {
    let ordered = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "ar.csv")])
    let shuffled = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "shuffled.csv")])
    #expect(shuffled.report == ordered.report)
    let keys = try Self.run(tables: [(Self.invoices, "shuffled.csv")])
    #expect(
      Self.rows(keys.report).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
        "gamma keep", "beta talk", "acme fire",
      ])
  }

  @Test(arguments: ["ar.json", "ar.jsonl"]) func jsonTablesReadAsCSVDoes(_ file: String) throws {
    let csv = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "ar.csv")])
    let json = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, file)])
    #expect(json.status == .success)
    #expect(json.report == csv.report)
    #expect(json.messages.contains("\"gamma\" (tables/\(file):"))
  }

  /// beta has a cell that is not money and an ISO date in a `M/D/YYYY` column: beta is an error
  /// row naming the first, and the others are evaluated.
  @Test func aDamagedRecordMakesItsClientAnErrorRow() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "damaged.csv")])
    #expect(outcome.status == .rowErrors)
    let rows = outcome.report.split(separator: "\n").map(String.init)
    #expect(rows.count == 4)
    #expect(rows[1].hasPrefix("acme,fire,"))
    #expect(rows[2].hasPrefix("beta,error,"))
    // The row is beta's first record, so its error does not repeat the place `source` gives.
    #expect(
      rows[2].contains(
        ",\"amount: \"\"lots\"\" is not money (and 1 more of its records: tables/damaged.csv:5)"))
    #expect(rows[2].hasSuffix(",tables/damaged.csv:3"))
    #expect(rows[3].hasPrefix("gamma,keep,"))
    #expect(outcome.tally.errors == 1 && outcome.tally.evaluated == 2)
  }

  /// Cells that only an unused let's aggregate reads (beta's amount "lots", its ISO due date)
  /// are not read: beta is evaluated (where ar.verdict, whose rules read the amounts, makes it
  /// an error row: aDamagedRecordMakesItsClientAnErrorRow).
  @Test func anAggregateNoRuleReadsIsNotFolded() throws {
    let outcome = try Self.run("unused-aggregate.verdict", tables: [(Self.invoices, "damaged.csv")])
    #expect(outcome.status == .success)
    #expect(
      Self.rows(outcome.report).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
        "acme keep", "beta talk", "gamma keep",
      ])
  }

  /// A damaged record without a key comes before a damaged record with one: the second is still
  /// its client's error, not folded as if it were sound.
  @Test func aDamagedRecordAfterAKeylessDamagedOneStillChargesItsClient() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "keyless-damaged.csv")])
    #expect(outcome.status == .rowErrors)
    let rows = Self.rows(outcome.report)
    #expect(rows.count == 2)
    #expect(rows.first?.hasPrefix("acme ") == true && rows.first?.hasPrefix("acme error") == false)
    #expect(rows.last?.hasPrefix("gamma error") == true)
  }

  /// A ragged record's key may be another column's cell (`1,250.50` unquoted before the key
  /// charged an invoice to a client "250.50", and acme lost it without a word), and a key that
  /// is not UTF-8 was read for a client whose name had a replacement character (who then had no
  /// records), and a header repeated by files joined end to end was a client "Customer": such a
  /// record is counted for nobody, reported with why, and the run fails.
  @Test(arguments: [
    ("ragged.csv", "tables/ragged.csv:3: the row has 6 cells, the header has 5"),
    ("latin-key.csv", "tables/latin-key.csv:2: the key \"M\u{FFFD}ller\" is not valid UTF-8 text"),
    ("joined.csv", "tables/joined.csv:3: the row repeats the header, as files joined end to end leave it"),
  ])
  func aRecordThatCannotBeReadAsARowIsChargedToNoClient(file: String, reported: String) throws {
    let outcome = try Self.run(tables: [(Self.invoices, file)])
    #expect(outcome.status == .rowErrors)
    #expect(outcome.messages.contains("no client key that can be trusted"), "\(outcome.messages)")
    #expect(outcome.messages.contains(reported), "\(outcome.messages)")
    #expect(!outcome.report.contains("\u{FFFD}"))
    #expect(!outcome.report.contains("250.50"))
  }

  /// A ragged record whose key is its first cell, which no lost or extra separator moves, makes
  /// that client an error row, as a record with a bad cell does.
  @Test func aRaggedRecordKeyedByItsFirstCellChargesThatClient() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "ragged-key-first.csv")])
    #expect(outcome.status == .rowErrors)
    let rows = Self.rows(outcome.report).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
    #expect(rows == ["acme error", "beta keep"])
    #expect(!outcome.messages.contains("no client key"))
  }

  /// Without a client file acme's row is its first record (line 2) and the damaged one is line 3:
  /// standard error names the damaged record once, as it names a bad row of a client file
  /// (`FILE:LINE: message`), not the row and then the record (`…:2: …:3: …`).
  @Test func aDamagedRecordIsNamedOnceOnStandardError() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "ragged-key-first.csv")])
    #expect(
      outcome.messages.hasPrefix(
        "tables/ragged-key-first.csv:3: the row has 6 cells, the header has 5; its aggregates would leave the record out\n"
      ), "\(outcome.messages)")
    // The report's row is acme's first record, so its error says where the damaged one is.
    #expect(outcome.report.contains(",\"tables/ragged-key-first.csv:3: the row has 6 cells"))
    // With a client file the row is the client's, and the record's place follows it.
    let joined = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "ragged-key-first.csv")])
    #expect(joined.messages.hasPrefix("tables/clients.csv:2: tables/ragged-key-first.csv:3: the row has 6 cells"))
  }

  /// The verb agrees with the records: "1 record of 1 key matches", "2 records of 1 key match".
  @Test func unmatchedRecordsAreCountedInAgreement() throws {
    let outcome = try Self.run(clients: ["clients-without-beta.csv"], tables: [(Self.invoices, "ar.csv")])
    #expect(
      outcome.messages.contains(
        "  warning: 2 records of 1 key match no client in tables/clients-without-beta.csv: \"beta\" (tables/ar.csv:3)\n"
      ), "\(outcome.messages)")
  }

  @Test func recordsWithoutAKeyAreReportedAndFailTheRun() throws {
    let outcome = try Self.run(tables: [(Self.invoices, "keyless.csv")])
    #expect(outcome.status == .rowErrors)
    #expect(Self.rows(outcome.report).map { $0.prefix(9) } == ["acme fire"])
    #expect(
      outcome.messages.contains(
        "  2 records have no client key that can be trusted and were not counted for anyone: "
          + "tables/keyless.csv:3: its \"Customer\" is empty: the row names no client (a totals row? give it a key, "
          + "or leave it out), …\n"))
  }

  /// An unterminated quote hides the rest of the file: no client's figures can be trusted, so
  /// nothing is evaluated and no report is written.
  @Test func anUnreadableTableStopsTheRunAndWritesNoReport() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-tables-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let outcome = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "unterminated.csv")]) {
      $0.outputPath = output.path
    }
    #expect(outcome.status == .usage)
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(outcome.messages.contains("tables/unterminated.csv:3: column 16: unterminated quoted field"))
    #expect(
      outcome.messages.contains("no client's figures from table 'invoices' can be trusted; nothing was evaluated"))
  }

  @Test func aMissingColumnStopsTheRunWithASuggestion() throws {
    let outcome = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "misnamed.csv")])
    #expect(outcome.status == .usage)
    #expect(outcome.report.isEmpty)
    #expect(outcome.messages.contains("tables/misnamed.csv has no column 'Amount'"))
    #expect(outcome.messages.contains("did you mean the column \"Amout\"?"))
  }

  @Test func tablesAndFilesMustMatch() throws {
    let misspelt = try Self.run(clients: ["clients.csv"], tables: [("invoice", "ar.csv")])
    #expect(misspelt.status == .usage)
    #expect(
      misspelt.messages == """
        verdict: --table invoice=…: the policy has no table 'invoice' (did you mean 'invoices'?)
        verdict: table 'invoices' has no file (hint: give it with --table invoices=FILE)

        """)
    let missing = try Self.run(clients: ["clients.csv"], tables: [])
    #expect(missing.status == .usage)
    #expect(missing.messages == "verdict: table 'invoices' has no file (hint: give it with --table invoices=FILE)\n")
    let twice = try Self.run(tables: [(Self.invoices, "ar.csv"), (Self.invoices, "ar.json")])
    #expect(twice.status == .usage)
    #expect(twice.messages.contains("table 'invoices' is given 2 files; give it one"))
  }

  @Test func theReportCannotReplaceATableFile() throws {
    let table = RunnerTests.fixtures.appendingPathComponent("tables/ar.csv")
    let before = try Data(contentsOf: table)
    let outcome = try Self.run(clients: ["clients.csv"], tables: [(Self.invoices, "ar.csv")]) {
      $0.outputPath = table.path
    }
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("it is the data file 'tables/ar.csv', which the report would replace"))
    #expect(try Data(contentsOf: table) == before)
  }

  @Test func withoutAClientFileThePolicyCannotReadClientFields() throws {
    let outcome = try Self.run("client-field.verdict", tables: [(Self.invoices, "ar.csv")])
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("the policy reads the client field 'credit', which only a client file has"))
  }

  /// `share(hours)` and `share(revenue)` of sums over time entries: a takes 70 of 101 hours for
  /// 150 of 2150 EUR (fire), c brings 1100 EUR (watch), b neither (keep).
  @Test func populationMeasuresOfAggregates() throws {
    let outcome = try Self.run("revenue.verdict", tables: [("entries", "entries.csv")])
    #expect(outcome.status == .success)
    #expect(
      Self.rows(outcome.report).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
        "a fire", "b keep", "c watch",
      ])
  }
}
