/// History facts: `previous_verdict`, `flagged_since`, `days_flagged` and `times_flagged(…)`,
/// which read the run history (`verdict run --history`) and are missing without one.
extension Checker {
  /// The history fact `name` names, or `nil` when it names none.
  mutating func resolveHistoryFact(_ name: String, at range: SourceRange) -> (CheckedExpr.Kind, ValueType?, Currency?)?
  {
    let kind: HistoryFact.Kind
    switch name {
    case "previous_verdict": kind = .previousVerdict
    case "flagged_since": kind = .flaggedSince
    case "days_flagged": kind = .daysFlagged
    default: return nil
    }
    return historyFact(kind, at: range)
  }

  /// `times_flagged(30d)`, `times_flagged(1y, "review")`: a constant window, and optionally the
  /// least severe verdict that counts (by default, any verdict more severe than `otherwise`'s).
  mutating func checkTimesFlagged(_ arguments: [Expr], range: SourceRange) -> (CheckedExpr.Kind, ValueType?, Currency?)
  {
    let usage = "times_flagged(30d), or times_flagged(30d, \"review\") to count only review and worse"
    guard (1...2).contains(arguments.count) else {
      error("arity", "times_flagged takes 1 or 2 arguments, not \(arguments.count)", at: range, hint: usage)
      return (.constant(.missing), nil, nil)
    }
    guard case .literal(.duration(let window)) = Checker.unwrapped(arguments[0]).kind else {
      error(
        "argument-type", "times_flagged needs a window written as a duration, such as 30d", at: arguments[0].range,
        hint: usage)
      return (.constant(.missing), nil, nil)
    }
    guard window.seconds > 0 else {
      // `0d` is a duration written as such; what is wrong is its length.
      error(
        "argument-type", "the window of times_flagged must be longer than 0d, not \(window)",
        at: arguments[0].range, hint: usage)
      return (.constant(.missing), nil, nil)
    }
    var atLeast: Int?
    if arguments.count == 2 {
      guard case .literal(.text(let verdict)) = Checker.unwrapped(arguments[1]).kind else {
        error(
          "argument-type", "times_flagged's second argument is a verdict's name in double quotes",
          at: arguments[1].range, hint: usage)
        return (.constant(.missing), nil, nil)
      }
      guard let severity = verdictIndexes[verdict] else {
        let near =
          showsError("unknown-verdict")
          ? Suggestion.closest(to: verdict, among: verdicts, within: surroundings.suggestions) : nil
        let hint = near.map { "did you mean \"\($0)\"?" } ?? "the verdicts are \(Suggestion.listing(verdicts))"
        error("unknown-verdict", "unknown verdict \"\(verdict)\"", at: arguments[1].range, hint: hint)
        return (.constant(.missing), nil, nil)
      }
      atLeast = severity
    }
    return historyFact(.timesFlagged(within: window, atLeast: atLeast), at: range)
  }

  /// The fact's slot among the policy's history facts, added if new; refused inside a table,
  /// whose records have no history.
  private mutating func historyFact(_ kind: HistoryFact.Kind, at range: SourceRange) -> (
    CheckedExpr.Kind, ValueType?, Currency?
  ) {
    let fact = HistoryFact(kind: kind)
    if let table = tableName {
      error(
        "history-in-table", "the run history is about clients, so table '\(table)' cannot read it", at: range,
        hint: "use it in the policy's lets and rules")
      return (.constant(.missing), nil, nil)
    }
    if let index = historyFacts.firstIndex(of: fact) { return (.history(index), fact.type, nil) }
    historyFacts.append(fact)
    return (.history(historyFacts.count - 1), fact.type, nil)
  }

  /// The expression inside any parentheses.
  static func unwrapped(_ expr: Expr) -> Expr {
    if case .parenthesized(let inner) = expr.kind { return unwrapped(inner) }
    return expr
  }
}
