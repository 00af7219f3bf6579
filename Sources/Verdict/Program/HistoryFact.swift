/// A fact about a client's earlier runs that a policy reads (`previous_verdict`,
/// `times_flagged(30d)`), filled in from the run history (`verdict run --history`). Each is a
/// slot of the client record after the fields and the aggregates; without a history it is
/// missing.
package struct HistoryFact: Sendable, Hashable {
  /// What the fact is.
  package enum Kind: Sendable, Hashable {
    /// `previous_verdict`: the verdict of the latest earlier run, as text.
    case previousVerdict
    /// `flagged_since`: the first run day of the unbroken stretch of verdicts more severe than
    /// the `otherwise` verdict that reaches the latest earlier run, as a date.
    case flaggedSince
    /// `days_flagged`: from `flagged_since` to today, as a duration.
    case daysFlagged
    /// `times_flagged(30d)` or `times_flagged(30d, "review")`: on how many run days within the
    /// window before today the client had a verdict at least `atLeast` (a severity), or more
    /// severe than the `otherwise` verdict when `nil`.
    case timesFlagged(within: TimeSpan, atLeast: Int?)
  }

  /// What the fact is.
  package var kind: Kind

  /// The function that counts flagged run days.
  static let timesFlagged = "times_flagged"

  /// The fact's type.
  var type: ValueType {
    switch kind {
    case .previousVerdict: .text
    case .flaggedSince: .date
    case .daysFlagged: .duration
    case .timesFlagged: .number
    }
  }
}

extension Policy {
  /// The history facts the policy reads; fact `i` is the client record's slot
  /// `fields.count + aggregateCount + i`.
  package var historyFacts: [HistoryFact] { program.historyFacts }

  /// The severity of the `otherwise` verdict: more severe verdicts are "flagged".
  package var otherwiseSeverity: Int { program.otherwise.verdict }

  /// The client record's slot of history fact `index`.
  package func historySlot(_ index: Int) -> Int { program.fields.count + program.aggregates.count + index }
}
