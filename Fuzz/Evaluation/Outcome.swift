@testable import Verdict

/// A policy's outcome for one client: the evaluation, or the message of the error that stopped it.
enum Outcome: Equatable, CustomStringConvertible {
  case evaluation(Evaluation)
  case error(String)

  var description: String {
    switch self {
    case .evaluation(let evaluation):
      "\(evaluation.verdict) by \(evaluation.winningRule.map(String.init) ?? "otherwise"), matched "
        + "\(Array(evaluation.matchedRules)), unknown \(Array(evaluation.unknownRules)), \(evaluation.clauses)"
    case .error(let message): "error: \(message)"
    }
  }

  /// The outcome of `evaluate`, checked against `report` (as `verdict run` evaluates), `trace`
  /// and `explain`, which must all agree with it.
  static func checked(_ policy: Policy, _ client: Client, in context: EvaluationContext = SampleClients.context)
    -> Outcome
  {
    let outcome: Outcome
    do {
      outcome = .evaluation(try policy.evaluate(client, in: context, allowingMissingPopulation: true))
    } catch {
      outcome = .error(error.message)
    }
    do {
      let report = try policy.report(client, in: context)
      guard case .evaluation(let evaluation) = outcome else {
        invariant(false, "report succeeds where evaluate gives \(outcome)")
        return outcome
      }
      let clauses = evaluation.clauses
      invariant(
        report.severity == evaluation.severity && report.winningRule == evaluation.winningRule
          && report.unknownRuleCount == evaluation.unknownRules.count && report.notice == clauses.notice
          && report.cooldown == clauses.cooldown && report.holdUntilPaid == clauses.holdUntilPaid
          && report.meet == clauses.meet && text(report.reason, policy) == clauses.reason
          && text(report.refer, policy) == clauses.refer,
        "report differs from evaluate: \(report) \(outcome)")
    } catch {
      invariant(outcome == .error(error.message), "report fails with \(error.message) where evaluate gives \(outcome)")
    }
    let traced: Outcome
    switch policy.trace(client, in: context).outcome {
    case .success(let evaluation): traced = .evaluation(evaluation)
    case .failure(let error): traced = .error(error.message)
    }
    invariant(traced == outcome, "trace gives \(traced) where evaluate gives \(outcome)")
    let explanation = policy.explain(client, in: context)
    switch outcome {
    case .evaluation(let evaluation):
      invariant(
        explanation.error == nil && explanation.verdict == evaluation.verdict
          && explanation.winningRule == evaluation.winningRule && explanation.clauses == evaluation.clauses,
        "explain gives \(explanation.verdict) by \(String(describing: explanation.winningRule)) "
          + "(\(String(describing: explanation.error))) where evaluate gives \(outcome)")
    case .error(let message):
      invariant(explanation.error?.message == message, "explain does not fail as evaluate does: \(message)")
    }
    return outcome
  }

  static func text(_ text: ReportText, _ policy: Policy) -> String? {
    switch text {
    case .none: nil
    case .constant(let index): policy.reportTexts[index]
    case .computed(let value): value
    }
  }
}

/// Clients to evaluate a policy on: every field missing, and every field with a value of its type.
enum SampleClients {
  static let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 28)!)

  static func clients(for policy: Policy) -> [Client] {
    let missing = Client(values: policy.fields.map { _ in .missing })
    let typed = Client(values: policy.fields.enumerated().map { index, field in value(for: field, index) })
    return [missing, typed]
  }

  /// A value of the field's type, varied a little with its slot.
  static func value(for field: FieldInfo, _ slot: Int) -> Value {
    let small = Int64(slot % 5)
    switch field.type {
    case .number?: return slot % 2 == 0 ? .int(7 + small) : .decimal(DecimalNumber("2.5")!)
    case .duration?: return .duration(TimeSpan(days: 40 + small)!)
    case .percent?: return .percent(DecimalNumber("0.25")!)
    case .money?: return .money(Money(scaledAmount: 1_234_500 + small, currency: field.currency ?? .euro))
    case .date?: return .date(CalendarDate(year: 2026, month: 1 + slot % 12, day: 28)!)
    case .text?: return .text(slot % 2 == 0 ? "chat" : "Not it")
    case .bool?: return .bool(slot % 2 == 0)
    case .list?: return .list([.text("chat")])
    case nil: return .int(3)
    }
  }
}
