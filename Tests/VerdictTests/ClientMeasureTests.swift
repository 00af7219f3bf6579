import Testing

@testable import Verdict

/// `Policy.clientMeasure(named:)`: the names `--chart` and `--histogram` take for an aggregate.
struct ClientMeasureTests {
  static let policy = """
    table invoices keyed by client
      field amount: money in EUR
      field note: text
    let late = sum(invoices.amount where note == "late paid")
    rule "late" when late > 100 EUR then recommend fire
    rule "other" when sum(invoices.amount where note == "latepaid") > 0 EUR then recommend review

    """

  /// An aggregate with `where` is named as the policy writes it, in full, spaces aside, and as
  /// explanations shorten it; the let that is it names it too.
  @Test(arguments: [
    "late", "sum(invoices.amount where note == \"late paid\")",
    "sum( invoices.amount  where note==\"late paid\" )",
  ])
  func anAggregateWithAFilterIsNamedAsWritten(name: String) throws {
    let policy = try Policy(Self.policy)
    let measure = try #require(policy.clientMeasure(named: name))
    #expect(measure.slot == policy.fields.count + 0, "\(name)")
  }

  /// Spaces inside a text constant are part of it: `"late paid"` is not `"latepaid"`.
  @Test func spacesInsideTextConstantsTell() throws {
    let policy = try Policy(Self.policy)
    let spaced = try #require(policy.clientMeasure(named: "sum(invoices.amount where note == \"late paid\")"))
    let joined = try #require(policy.clientMeasure(named: "sum(invoices.amount where note == \"latepaid\")"))
    #expect(spaced.slot != joined.slot)
    #expect(policy.clientMeasure(named: "sum(invoices.amount where note == \"late  paid\")") == nil)
  }
}
