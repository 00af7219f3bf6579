import Testing

@testable import Verdict

/// `share` of a field some client has below zero (a net refund, credit notes) is refused for
/// every client, as values in two currencies are: A at -100 of a total of -10 had a share of
/// 1000% and fired, B, the best payer, -500%. `rank` and `percentile` still measure it, and a
/// population of values of 0 or more shares as before.
struct NegativeShareTests {
  static let policy = try! Policy(
    """
    field net: money in EUR
    rule "big" when share(net) > 30% then recommend review
    rule "top" when rank(net) == 1 then recommend watch
    otherwise recommend keep
    """)

  static func evaluations(_ nets: [String]) throws -> [Result<Evaluation, EvaluationError>] {
    let clients = try nets.map { try policy.client(["net": Value.text($0)], options: .absentIsMissing) }
    return policy.evaluate(clients, in: EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!))
  }

  @Test func aValueBelowZeroMakesEveryShareAnError() throws {
    for result in try Self.evaluations(["-100", "50", "40"]) {
      guard case .failure(let error) = result else {
        Issue.record("a share was measured: \(result)")
        continue
      }
      #expect(error.message.hasPrefix("a client's value is below zero (a net refund?)"))
    }
  }

  /// A what-if (`explain --set`, the REPL's `:set`) that corrects the one negative value measures
  /// again; one that makes a value negative is refused.
  @Test func aWhatIfCountsTheValuesBelowZero() throws {
    let client = { (net: String) in try Self.policy.client(["net": Value.text(net)], options: .absentIsMissing) }
    var builder = PopulationBuilder(for: Self.policy)
    let refunder = try client("-100")
    for existing in [refunder, try client("50"), try client("40")] { builder.add(existing) }
    let population = builder.build()
    let fixed = population.replacing(refunder, with: try client("10"))
    #expect(throws: Never.self) { try fixed.measure(.share, field: 0, value: .decimal(DecimalNumber(10))) }
    #expect(throws: ValueFailure.self) {
      try population.measure(.share, field: 0, value: .decimal(DecimalNumber(50)))
    }
    var positive = PopulationBuilder(for: Self.policy)
    for net in ["10", "50"] { positive.add(try client(net)) }
    #expect(throws: ValueFailure.self) {
      try positive.build().including(try client("-5")).measure(.share, field: 0, value: .decimal(DecimalNumber(10)))
    }
  }

  @Test func valuesOfZeroOrMoreShareAsBefore() throws {
    let verdicts = try Self.evaluations(["0", "50", "40"]).map { try $0.get().verdict }
    #expect(verdicts == ["keep", "review", "review"])
  }
}
