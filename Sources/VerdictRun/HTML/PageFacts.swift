import Verdict

/// What the evaluating threads gather for the HTML report besides the outcome: the facts that
/// decided a verdict, and the charted value.
struct PageFacts: Sendable {
  /// The charted field's slot (``ChartMeasure/slot``), if the page has a chart.
  var measureSlot: Int?

  /// The winning rule's facts, one a line, as `verdict explain` gives them (`payment_delay 42d >
  /// 30d (by 12d)`); `nil` when no rule won.
  func facts(_ explanation: Explanation) -> String? {
    guard let winner = explanation.winningRule else { return nil }
    return explanation.rules[winner].findings.map(\.text).joined(separator: "\n")
  }
}
