/// An `example` of a policy: a client and the outcome the policy should give it, checked against
/// the policy and ready to run with ``Policy/run(_:in:)``.
///
/// ```
/// example "late and picky" { payment_delay: 45d, revisions: 7 } expect fire notice 30d
/// ```
public struct PolicyExample: Sendable {
  /// The example's name.
  public var name: String
  /// The file it is written in: the policy itself or its `_test.verdict` file.
  package var source: SourceFile
  /// The text of the policy it was checked against, whose fields and verdicts its values and
  /// expectation are numbered by: ``Policy/run(_:in:)`` refuses it for a policy of another text.
  package var policyText: [UInt8] = []
  /// Where the example is in that file.
  package var range: SourceRange
  /// The data file its file's `data` line names, as written (relative to that file), whose
  /// clients `verdict test` measures `share`, `rank` and `percentile` against; `nil` without one.
  package var data: String?
  /// The client's values by field slot, as written; computed when the example runs, since they may
  /// use `today`.
  let values: [(slot: Int, value: Expr)]
  /// The client's records, by table: each record's values by the table's field slots.
  var records: [(table: Int, records: [[(slot: Int, value: Expr)]])] = []
  /// The expected verdict, by severity.
  let verdict: Int
  /// The expected clauses, as written.
  let clauses: [Clause]

  /// The line the example starts on.
  public var line: Int { source.location(of: range.start).line }
}

/// The outcome of running one example.
public struct ExampleResult: Sendable {
  /// The example.
  public var example: PolicyExample
  /// The client the example describes, when its values could be read.
  package var client: Client?
  /// The context it was evaluated in, with the population that included it, to explain it.
  package var context: EvaluationContext?
  /// What the policy gave the client, when it could be evaluated.
  public var evaluation: Evaluation?
  /// Why the example could not run: a value that does not fit its field, or an evaluation error.
  public var failure: ExampleFailure?
  /// What differs from the expectation: the verdict (`verdict: expected fire, got talk`), or, when
  /// the verdict is right, the clauses (`notice: expected 30d, got 9w`). Empty when the example
  /// passed.
  public var mismatches: [ExampleMismatch]
  /// The expectation as written: `fire notice 30d`.
  package var expected: String

  /// Whether the policy gave what the example expects.
  public var passed: Bool { failure == nil && mismatches.isEmpty }
}

/// Why an example could not run, with the file its diagnostic points into.
public struct ExampleFailure: Sendable {
  /// What went wrong: a value that does not fit its field (in the example's file), or an
  /// evaluation error (in the policy).
  public var diagnostic: Diagnostic
  /// The file ``diagnostic`` points into.
  public var source: SourceFile
}

/// How an example's outcome differs from its expectation.
public enum ExampleMismatch: Sendable, Hashable, CustomStringConvertible {
  /// The policy gave another verdict than the expected one.
  case verdict(expected: String, got: String)
  /// A clause the expectation names is not as expected: its keyword (`notice`, `hold until
  /// paid`), the value expected as the example wrote it (`nil` for a clause without a value) and
  /// the value given (`nil` when the policy did not give the clause).
  case clause(keyword: String, expected: String?, got: String?)

  /// `verdict: expected fire, got talk`, `notice: expected 30d, got none`, `hold until paid:
  /// expected, but not given`.
  public var description: String {
    switch self {
    case .verdict(let expected, let got): "verdict: expected \(expected), got \(got)"
    case .clause(let keyword, nil, _): "\(keyword): expected, but not given"
    case .clause(let keyword, let expected?, let got): "\(keyword): expected \(expected), got \(got ?? "none")"
    }
  }
}

/// Which rules a set of examples exercised: for each rule, how many examples made it match and how
/// many made it win. A rule no example makes win is untested.
package struct ExampleCoverage: Sendable, Hashable {
  /// Per rule, in ``Policy/rules`` order: examples in which it matched.
  package var matched: [Int]
  /// Per rule: examples in which it won.
  package var won: [Int]
  /// Examples in which no rule matched and `otherwise` decided.
  package var otherwise: Int

  /// Counts the evaluations of `results` for a policy of `ruleCount` rules.
  package init(_ results: [ExampleResult], ruleCount: Int) {
    matched = Array(repeating: 0, count: ruleCount)
    won = Array(repeating: 0, count: ruleCount)
    otherwise = 0
    for evaluation in results.compactMap(\.evaluation) {
      for rule in evaluation.matchedRules where rule < ruleCount { matched[rule] += 1 }
      if let winner = evaluation.winningRule, winner < ruleCount { won[winner] += 1 } else { otherwise += 1 }
    }
  }
}
