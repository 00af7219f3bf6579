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
}
