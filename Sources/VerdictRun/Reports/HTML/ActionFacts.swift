import Verdict

/// The facts behind the verdicts of the clients the HTML report shows as cards, explained once
/// the run is over: explaining is a second, traced evaluation, too slow for every client of a
/// large run, and the page shows at most ``ReportPage/maxListed`` cards.
///
/// The writer hands over the values of every client who needs action, in order; those that
/// cannot be among the cards (the cards go most severe first, then in the order of the data)
/// are dropped at once, so at most that many clients a verdict are kept.
final class ActionFacts {
  private let policy: Policy
  private let context: EvaluationContext
  private let maxCards: Int
  /// Clients who need action seen so far, by severity.
  private var seen: [Int]
  /// Each client who needs action, in order (its values and what went into its aggregates);
  /// `nil` for one that is no card.
  private var kept: [Client?] = []
  private var openAmounts: OpenAmount

  init(
    policy: Policy, context: EvaluationContext, maxCards: Int = ReportPage.maxListed, notation: DataNotation = .plain
  ) {
    self.policy = policy
    self.context = context
    self.maxCards = maxCards
    seen = Array(repeating: 0, count: policy.verdicts.count)
    openAmounts = OpenAmount(policy: policy, notation: notation)
  }

  /// Takes a batch's clients who need action (``Batch/actionClients``).
  func add(_ clients: [(severity: Int, client: Client)]) {
    for (severity, values) in clients {
      // The cards before this client's include at least those seen with its verdict or a more severe one.
      let ahead = seen[severity...].reduce(0, +)
      kept.append(ahead < maxCards ? values : nil)
      seen[severity] += 1
    }
  }

  /// What a card says about why: the winning rule's facts, and the open amount it rests on.
  struct CardFacts {
    /// The facts as `verdict explain` gives them: `payment_delay 42d > 30d (by 12d)`.
    var findings: [String] = []
    /// The money the condition found owed (``OpenAmount``), such as `outstanding 3150.00 EUR`.
    var openAmount: String?
  }

  /// The winning rule's facts for the `ordinal`-th client who needs action (counted from 0 in
  /// the order of the report); none when that client was dropped or no rule won.
  func facts(_ ordinal: Int) -> CardFacts {
    guard ordinal < kept.count, let client = kept[ordinal] else { return CardFacts() }
    let explanation = policy.explain(client, in: context)
    guard let winner = explanation.winningRule else { return CardFacts() }
    let rule = explanation.rules[winner]
    return CardFacts(
      findings: rule.findings.map(\.text),
      openAmount: openAmounts.find(in: rule.condition, client: client, context: context))
  }
}
