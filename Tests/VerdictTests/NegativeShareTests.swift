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

  @Test func valuesOfZeroOrMoreShareAsBefore() throws {
    let verdicts = try Self.evaluations(["0", "50", "40"]).map { try $0.get().verdict }
    #expect(verdicts == ["keep", "review", "review"])
  }
}
