@testable import Verdict

/// Every way of evaluating a policy must give a spec case the same outcome as the trace the suite
/// renders: `evaluate` (the embedder's path), the population call `evaluate(_:in:)` over the
/// case's clients, `report` (the batch runner's path behind `verdict run`) and `explain`
/// (`verdict explain`, the REPL, the HTML report). So the conformance suite covers each of them,
/// not only the one it prints.
enum PathAgreement {
  /// What differs from `expected`, the trace's outcome, or `nil` when every path agrees.
  static func check(
    _ policy: Policy, _ client: Client, _ context: EvaluationContext,
    against expected: Result<Evaluation, EvaluationError>, clients: [Client]
  ) -> String? {
    let evaluated = Result { () throws(EvaluationError) in try policy.evaluate(client, in: context) }
    if evaluated != expected { return "evaluate gave \(describe(evaluated))" }
    if !clients.isEmpty {
      let together = policy.evaluate(clients, in: context)[0]
      if together != expected { return "evaluate(clients) gave \(describe(together))" }
    }
    let reported = Result { () throws(EvaluationError) in try policy.report(client, in: context) }
    if let problem = compare(reported, expected, policy) { return "report \(problem)" }
    let explanation = policy.explain(client, in: context)
    switch expected {
    case .success(let evaluation):
      if explanation.error != nil || explanation.verdict != evaluation.verdict
        || explanation.winningRule != evaluation.winningRule || explanation.clauses != evaluation.clauses
      {
        return "explain gave \(explanation.verdict) by \(String(describing: explanation.winningRule))"
      }
    case .failure(let error):
      if explanation.error != error {
        return "explain gave no error, or another: \(String(describing: explanation.error))"
      }
    }
    return nil
  }

  private static func compare(
    _ reported: Result<ReportOutcome, EvaluationError>, _ expected: Result<Evaluation, EvaluationError>,
    _ policy: Policy
  ) -> String? {
    switch (reported, expected) {
    case (.failure(let got), .failure(let wanted)): return got == wanted ? nil : "failed with \(got.message)"
    case (.success, .failure(let wanted)): return "succeeded where evaluate failed with \(wanted.message)"
    case (.failure(let got), .success): return "failed with \(got.message)"
    case (.success(let got), .success(let wanted)):
      let texts = policy.reportTexts
      func text(_ clause: ReportText) -> String? {
        switch clause {
        case .none: nil
        case .constant(let index): texts[index]
        case .computed(let text): text
        }
      }
      let same =
        got.severity == wanted.severity && got.winningRule == wanted.winningRule
        && got.notice == wanted.clauses.notice && got.cooldown == wanted.clauses.cooldown
        && got.holdUntilPaid == wanted.clauses.holdUntilPaid && got.meet == wanted.clauses.meet
        && text(got.reason) == wanted.clauses.reason && text(got.refer) == wanted.clauses.refer
        && got.unknownRuleCount == wanted.unknownRules.count
      return same ? nil : "gave verdict \(policy.verdicts[got.severity]) by \(String(describing: got.winningRule))"
    }
  }

  private static func describe(_ result: Result<Evaluation, EvaluationError>) -> String {
    switch result {
    case .success(let evaluation): evaluation.description
    case .failure(let error): "error: \(error.message)"
    }
  }
}
