/// An evaluation with the value of every expression node it computed, for `explain`.
package struct Trace: Sendable {
  /// The evaluation, or the error that stopped it.
  package var outcome: Result<Evaluation, EvaluationError>
  /// Values by node id. The operands `and` and `or` did not need are computed too, for the
  /// explanation; a node is absent when an error stopped it, or when nothing reached it (the
  /// right side of a `??` whose left side was present).
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
