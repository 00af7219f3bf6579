/// Why a client gets its verdict: every rule with the values of its condition, which rules
/// matched, which one won and why, and the clauses applied.
///
/// ```swift
/// let explanation = policy.explain(client, in: context)
/// print(ExplanationText.render(explanation, name: "Acme"))
/// ```
///
/// `verdict explain`, the REPL's `:explain` and the runner's `--explain` column all render one.
public struct Explanation: Sendable, Hashable {
  /// The verdict, such as `fire`; `error` when the evaluation failed.
  public var verdict: String
  /// The winning rule's index in ``Policy/rules``, or `nil` when `otherwise` decided.
  public var winningRule: Int?
  /// How the winner was chosen.
  public var decision: Decision
  /// The clauses of the winning action.
  public var clauses: Clauses
  /// Every rule in file order.
  public var rules: [RuleExplanation]
  /// Why the evaluation stopped, when it failed.
  public var error: EvaluationError?
}

/// How the winning rule was chosen among the matching ones.
public enum Decision: Sendable, Hashable {
  /// No rule matched, so `otherwise` gave the verdict.
  case otherwise
  /// Exactly one rule matched.
  case onlyMatch
  /// `strategy most-severe`: the winner's verdict is more severe than every other match's.
  case mostSevere(matches: Int)
  /// `strategy most-severe`: several matches share the most severe verdict; the earliest wins.
  case earliestOfMostSevere(matches: Int)
  /// `strategy first-match`: the first matching rule in file order wins.
  case firstMatch(matches: Int)
  /// The evaluation failed before a verdict was reached.
  case failed
}

/// One rule of an explanation.
public struct RuleExplanation: Sendable, Hashable {
  /// The rule's index in ``Policy/rules``.
  public var index: Int
  /// The rule's name, if it has one.
  public var name: String?
  /// The verdict it recommends.
  public var verdict: String
  /// The line the rule starts on.
  public var line: Int
  /// What the rule did for this client.
  public var outcome: RuleOutcome
  /// The condition, as a tree with the value of every node that was computed.
  package var condition: ConditionNode
  /// The few facts that decided the outcome: the comparisons that held for a match, the nearest
  /// miss for a rule that did not match, the missing values for one that could not be evaluated.
  public var findings: [Finding]
}

/// What a rule did for one client.
public enum RuleOutcome: String, Sendable, Hashable {
  /// It matched and gave the verdict.
  case won
  /// It matched, but another matching rule won.
  case outranked
  /// It matched, but the evaluation failed before a winner was chosen.
  case matched
  /// Evaluating its condition failed (an overflow, a division by zero); its finding is the error.
  case failed
  /// Its condition was false.
  case notMatched = "not-matched"
  /// Its condition was unknown because of missing data, so it did not match.
  case unknown
  /// The evaluation failed before or while evaluating it.
  case notEvaluated = "not-evaluated"
}

/// A fact behind a rule's outcome, such as `payment_delay 42d > 30d (by 12d)` or
/// `revisions 5, needs > 5`.
public struct Finding: Sendable, Hashable {
  /// The fact, ready to print.
  public var text: String
  /// Where in the policy the expression it is about is.
  package var range: SourceRange
}
