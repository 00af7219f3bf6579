import Verdict

/// What the evaluating threads gather for the HTML report besides the outcome: the charted
/// value and the histograms' value (and, in ``Batch/actionClients``, the values of the clients who need action).
struct PageFacts: Sendable {
  /// The charted field's slot (``ChartMeasure/slot``), if the page has a chart.
  var measureSlot: Int?
  /// The histograms' field's slot (``RunOptions/histogram``), if the page has histograms.
  var histogramSlot: Int?
}
