import Testing

@testable import Verdict
@testable import VerdictRun

struct ColumnBindingTests {
  let policy = try! Policy(
    """
    field payment_delay: duration in days
    field revenue: money in EUR
    when payment_delay > 30d and revenue < 100€ then recommend fire
    """, name: "p.verdict")

  func binder(key: String? = nil) -> ColumnBinder {
    ColumnBinder(policy: policy, keyColumn: key, renderer: DiagnosticRenderer())
  }

  @Test func bindsColumnsInAnyOrder() throws {
    let binding = try binder().bind(["revenue", "name", "payment_delay", "id"], source: "c.csv", numbers: .point)
    #expect(binding.columnOfSlot == [2, 0])
    #expect(binding.keyName == "id")
  }

  @Test func nameIsTheKeyWithoutId() throws {
    #expect(
      try binder().bind(["Name", "revenue", "payment_delay"], source: "c.csv", numbers: .point).keyName == "Name")
    #expect(try binder().bind(["revenue", "payment_delay"], source: "c.csv", numbers: .point).keyColumn == nil)
  }

  /// A freelancer's own sheet names its clients in a column `Client`; an accounting tool's
  /// customer list in `Customer`, `Customer ID` or `Customer Name`. `id` and `name` come first.
  @Test func clientOrCustomerIsTheKeyWithoutIdOrName() throws {
    let key = { (columns: [String]) in
      try self.binder().bind(columns + ["revenue", "payment_delay"], source: "c.csv", numbers: .point).keyName
    }
    #expect(try key(["Client"]) == "Client")
    #expect(try key(["Customer"]) == "Customer")
    #expect(try key(["Customer Name"]) == "Customer Name")
    #expect(try key(["Client", "Name"]) == "Name")
    #expect(try key(["Customer", "id"]) == "id")
    #expect(try key(["Client ID", "Client"]) == "Client ID")
    #expect(try key(["Client_No"]) == nil)
  }

  @Test func missingColumnSuggestsTheClosest() {
    #expect(throws: RunFailure.self) {
      try binder().bind(["id", "payment_dealy", "revenue"], source: "c.csv", numbers: .point)
    }
    do {
      _ = try binder().bind(["id", "payment_dealy", "revenue"], source: "c.csv", numbers: .point)
    } catch {
      #expect(error.message.contains("p.verdict:1:7: error: c.csv has no column 'payment_delay'"))
      #expect(error.message.contains("did you mean 'payment_dealy'?"))
    }
  }

  @Test func duplicateColumnIsAmbiguous() {
    do {
      _ = try binder().bind(["revenue", "payment_delay", "revenue"], source: "c.csv", numbers: .point)
      Issue.record("bound a duplicate column")
    } catch {
      #expect(error.message.contains("appears more than once in the header (columns 1, 3)"))
    }
  }

  @Test func aNameRepeatedThousandsOfTimesIsNamedAtTwelveColumns() {
    do {
      _ = try binder().bind(["id"] + Array(repeating: "revenue", count: 5000), source: "c.csv", numbers: .point)
      Issue.record("bound a duplicate column")
    } catch {
      let places = (2...13).map(String.init).joined(separator: ", ")
      #expect(error.message.contains("appears more than once in the header (columns \(places) and 4988 more)"))
    }
  }

  @Test func requestedKeyMustExist() {
    do {
      _ = try binder(key: "client").bind(["clients", "revenue", "payment_delay"], source: "c.csv", numbers: .point)
      Issue.record("bound a missing key")
    } catch {
      #expect(error.message.contains("has no column 'client' for --key (did you mean 'clients'?)"))
    }
  }

  @Test func semicolonHeaderHintsAtTheDialect() {
    #expect(ColumnBinder.hint(for: "x", among: ["id;revenue;payment_delay"]).contains("--delimiter ';'"))
  }

  /// Headers match without regard to case and spaces; the key too.
  @Test func headersMatchLooselyAfterExactly() throws {
    let binding = try binder(key: "CLIENT ID").bind(
      [" Revenue", "Payment_Delay", "client id"], source: "c.csv", numbers: .point)
    #expect(binding.columnOfSlot == [1, 0])
    #expect(binding.keyColumn == 2)
    let exact = try binder().bind(["Revenue", "revenue", "payment_delay"], source: "c.csv", numbers: .point)
    #expect(exact.columnOfSlot == [2, 1])
  }

  /// Folding reads ASCII names byte by byte; it must fold them as the Unicode rule does, and
  /// leave names with other characters to that rule (`É` lowercases, a no-break space is white).
  @Test func foldingASCIIAgreesWithTheUnicodeRule() {
    let names = [
      " Payment\tDelay\r\n", "CLIENT ID", "a\u{0B}b\u{0C}c", "Zz@[`{", "Revenue (EUR)", "", "  ",
    ]
    for name in names {
      #expect(
        HeaderIndex.folded(name) == String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
    #expect(HeaderIndex.folded("ÉTAT Client") == "étatclient")
    #expect(HeaderIndex.folded("Payment\u{00A0}Delay") == "paymentdelay")
  }

  @Test func twoLooseMatchesAreAnError() {
    #expect {
      try binder().bind(["Revenue", "REVENUE", "payment_delay"], source: "c.csv", numbers: .point)
    } throws: { error in
      (error as? RunFailure)?.message.contains("the columns 'Revenue', 'REVENUE' (1, 2) all match 'revenue'") == true
    }
  }

  /// A header that is no name is suggested as a declaration the user can paste.
  @Test func missingColumnHintGivesTheFromClause() {
    #expect {
      try binder().bind(["Payment Delay (days)", "Revenue (EUR)"], source: "c.csv", numbers: .point)
    } throws: { error in
      let message = (error as? RunFailure)?.message ?? ""
      return message.contains(
        #"read it with: field payment_delay: duration in days from "Payment Delay (days)""#)
        && message.contains(#"read it with: field revenue: money in EUR from "Revenue (EUR)""#)
    }
  }

  /// A declared field that nothing reads needs no column.
  @Test func unusedFieldNeedsNoColumn() throws {
    let policy = try Policy("field used: number\nfield unused: number\nwhen used > 1 then recommend fire")
    let binder = ColumnBinder(policy: policy, keyColumn: nil, renderer: DiagnosticRenderer())
    let binding = try binder.bind(["used"], source: "c.csv", numbers: .point)
    #expect(binding.columnOfSlot == [0, -1])
  }

  /// A file without a header row (Wells Fargo's statements): its first record taken for the
  /// header names no column the policy reads, and the hint says what the line looks like.
  @Test func aFirstLineThatLooksLikeARecordIsSaidToBe() {
    #expect(ColumnBinder.looksLikeRecord(["01/16/2024", "-45.00", "*", "", "ACME CORP"]))
    #expect(ColumnBinder.looksLikeRecord(["C1", "45", "1200.50", "2026-03-31"]))
    // ABN AMRO's statements: dates as YYYYMMDD, amounts with a decimal comma.
    #expect(ColumnBinder.looksLikeRecord(["123456789", "EUR", "20240105", "1000,00", "2250,00", "Acme B.V."]))
    #expect(
      ColumnBinder.hint(for: "amount", among: ["01/16/2024", "-45.00", "*", "", "ACME CORP"]).contains(
        "looks like a record, not a header: the file seems to have no header row"))
  }

  /// Headers of numbers alone (a pivot table's years) or of names are headers.
  @Test func aHeaderOfYearsOrNamesIsAHeader() {
    #expect(!ColumnBinder.looksLikeRecord(["Client", "2022", "2023", "2024"]))
    #expect(!ColumnBinder.looksLikeRecord(["id", "payment_delay", "outstanding"]))
    #expect(!ColumnBinder.looksLikeRecord(["Amount (EUR)", "Date"]))
    // One kind repeated: a pivot of month ends, an aging report's buckets, rates, decimals.
    #expect(!ColumnBinder.looksLikeRecord(["Customer", "2024-01-31", "2024-02-29", "2024-03-31"]))
    #expect(!ColumnBinder.looksLikeRecord(["Customer", "30d", "60d", "90d", "120d"]))
    #expect(!ColumnBinder.looksLikeRecord(["Customer", "10%", "20%"]))
    #expect(!ColumnBinder.looksLikeRecord(["id", "1.5", "2.5"]))
    #expect(!ColumnBinder.looksLikeRecord(["Customer", "20240131", "20240229", "20240331"]))
    #expect(!ColumnBinder.looksLikeRecord(["Customer", "1,5", "2,5"]))
    #expect(ColumnBinder.hint(for: "x", among: ["Client", "2022"]).hasPrefix("its columns are"))
  }
}
