/// An evaluation with the value of every expression node it computed, for `explain`.
package struct Trace {
  /// The evaluation, or the error that stopped it.
  package var outcome: Result<Evaluation, EvaluationError>
  /// Values by node id. The operands `and` and `or` did not need are computed too, for the
  /// explanation; a node is absent when an error stopped it, or when nothing reached it (the
  /// right side of a `??` whose left side was present).
  var values: TraceValues
}

/// The values a trace recorded, by node id: one slot a node of the program, so that recording a
/// value is a store rather than a hash table insertion. A reference, so that the interpreter's
/// copy of its recorder writes to the same slots, and so that one can be cleared and reused for
/// the next client.
final class TraceValues {
  private var slots: [Value?]
  /// The slots that hold a value, for ``clear()``.
  private var filled: [Int32] = []

  /// Room for `count` nodes, none of them computed yet.
  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  /// The value of node `id`, or `nil` when it was not computed.
  subscript(id: Int32) -> Value? {
    Int(id) < slots.count ? slots[Int(id)] : nil
  }

  /// Records the value of node `id`.
  func record(_ value: Value, at id: Int32) {
    let slot = Int(id)
    if slot >= slots.count { slots.append(contentsOf: repeatElement(nil, count: slot + 1 - slots.count)) }
    if slots[slot] == nil { filled.append(id) }
    slots[slot] = value
  }

  /// Forgets every value, keeping the room for the next client's.
  func clear() {
    for id in filled { slots[Int(id)] = nil }
    filled.removeAll(keepingCapacity: true)
  }
}

/// Records every node's value.
struct TraceRecorder: EvaluationObserver {
  static var recordsValues: Bool { true }
  let values: TraceValues

  mutating func observe(_ node: Int32, _ value: Value) {
    values.record(value, at: node)
  }
}
