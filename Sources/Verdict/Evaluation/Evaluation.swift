/// The outcome of evaluating a policy on one client: the winning verdict with its clauses, and
/// every rule that matched or could not be evaluated.
public struct Evaluation: Sendable, Hashable {
  /// The verdict, such as `fire`.
  public var verdict: String
  /// The verdict's place in the severity order, 0 for the least severe.
  public var severity: Int
  /// The index of the winning rule in ``Policy/rules``, or `nil` when no rule matched and
  /// `otherwise` decided.
  public var winningRule: Int?
  /// The clauses of the winning action.
  public var clauses: Clauses
  /// Every rule whose condition was true.
  public var matchedRules: RuleSet
  /// Every rule whose condition was unknown because of missing data.
  public var unknownRules: RuleSet
}

/// The clauses of an action, evaluated for one client.
public struct Clauses: Sendable, Hashable {
  /// `notice`: how much notice to give.
  public var notice: TimeSpan?
  /// `reason`: the one reason to give.
  public var reason: String?
  /// `refer`: the alternative to offer.
  public var refer: String?
  /// `cooldown`: how long to sleep on it before acting.
  public var cooldown: TimeSpan?
  /// `hold until paid`: announce nothing while the client owes money.
  public var holdUntilPaid = false
  /// `meet …`: how to tell the client.
  public var meet: MeetingMode?

  /// No clauses.
  package init() {}
}

/// Why evaluating a policy on a client failed: an arithmetic overflow, a division by zero, a value
/// of the wrong type in undeclared data. It points into the policy's source.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public var message: String
  /// How to avoid it, when there is something to say.
  public var hint: String?
  /// The expression that failed.
  public var range: SourceRange

  /// Creates an evaluation error.
  package init(message: String, hint: String? = nil, range: SourceRange) {
    self.message = message
    self.hint = hint
    self.range = range
  }

  /// The error as a diagnostic, to render against the policy's source.
  package var diagnostic: Diagnostic {
    .error("evaluation-error", message, at: range, hint: hint)
  }

  /// The message.
  public var description: String { message }
}
