/// An evaluation with the value of every expression node it computed, for `explain`.
public struct Trace: Sendable {
  /// The evaluation, or the error that stopped it.
  public var outcome: Result<Evaluation, EvaluationError>
  /// Values by node id; a node that was not computed (short-circuited) is absent.
  var values: [Int32: Value]
}

/// Records every node's value.
struct TraceRecorder: EvaluationObserver {
  static var recordsValues: Bool { true }
  var values: [Int32: Value] = [:]

  mutating func observe(_ node: Int32, _ value: Value) {
    values[node] = value
  }
}
