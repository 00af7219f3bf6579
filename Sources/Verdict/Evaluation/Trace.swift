/// An evaluation with the value of every expression node it computed, for `explain`.
package struct Trace: Sendable {
  /// The evaluation, or the error that stopped it.
  package var outcome: Result<Evaluation, EvaluationError>
  /// Values by node id. The operands `and` and `or` did not need are computed too, for the
  /// explanation; a node is absent when an error stopped it, or when nothing reached it (the
  /// right side of a `??` whose left side was present).
  var values: TraceValues
}

/// The values a trace recorded, by node id: one slot a node of the program, so that recording a
/// value is a store rather than a hash table insertion.
struct TraceValues: Sendable {
  private var slots: [Value?]

  /// Room for `count` nodes, none of them computed yet.
  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  /// The value of node `id`, or `nil` when it was not computed.
  subscript(id: Int32) -> Value? {
    get { Int(id) < slots.count ? slots[Int(id)] : nil }
    set {
      if Int(id) >= slots.count { slots.append(contentsOf: repeatElement(nil, count: Int(id) + 1 - slots.count)) }
      slots[Int(id)] = newValue
    }
  }
}

/// Records every node's value.
struct TraceRecorder: EvaluationObserver {
  static var recordsValues: Bool { true }
  var values: TraceValues

  init(nodeCount: Int) {
    values = TraceValues(count: nodeCount)
  }

  mutating func observe(_ node: Int32, _ value: Value) {
    values[node] = value
  }
}
