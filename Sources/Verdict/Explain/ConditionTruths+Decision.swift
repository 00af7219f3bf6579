/// The rules decided on the truths: what the rule loop (``Interpreter/decide(into:)``) decides,
/// for a client whose every test the truths hold already.
extension ConditionTruths {
  /// The winning rule (`nil`: none matched) by the policy's strategy, and how many rules were
  /// unknown, from the truths of the rules' conditions as ``fill(policy:client:in:rule:)`` left
  /// them for every rule; `nil` when a condition has no truth.
  ///
  /// A filled plan holds the truth the evaluation gives each condition (see the type's
  /// description), and the rule loop evaluates every rule, so this is its decision.
  ///
  /// A decision remembered for the tests' truths (``RuleCandidates/decision(of:)``) is that
  /// decision: the truths of the conditions are a function of the tests' alone.
  func decision() -> (winner: Int?, unknownRuleCount: Int)? {
    if decidedStamp == generation { return decided }
    combine()
    guard let decided = decisionOfRoots() else { return nil }
    if keyStamp == generation {
      candidates.remember(winner: decided.winner, unknownRuleCount: decided.unknownRuleCount, of: key)
    }
    return decided
  }

  /// ``decision()`` from the truths of the rules' conditions.
  private func decisionOfRoots() -> (winner: Int?, unknownRuleCount: Int)? {
    var winner: Int?
    var winnerSeverity = -1
    var unknown = 0
    for rule in 0..<roots.count {
      let (root, severity) = rules[rule]
      switch truths[Int(root)] {
      case .true?:
        // most-severe: ties go to the rule that comes first; first-match: the first one wins.
        if firstMatch ? winner == nil : severity > winnerSeverity {
          winner = rule
          winnerSeverity = severity
        }
      case .missing?: unknown += 1
      case .false?: continue
      case nil: return nil
      }
    }
    return (winner, unknown)
  }
}
