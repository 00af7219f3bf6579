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
///
/// A slot holds a value of this client only when its stamp is the current generation: clearing
/// starts a new generation instead of visiting the slots. Used by one thread at a time, so
/// exclusivity is not checked at run time.
final class TraceValues {
  @exclusivity(unchecked) private var slots: UnsafeMutableBufferPointer<Value>
  @exclusivity(unchecked) private var stamps: UnsafeMutableBufferPointer<UInt32>
  @exclusivity(unchecked) private var generation: UInt32 = 1

  /// Room for `count` nodes, none of them computed yet.
  init(count: Int) {
    slots = .allocate(capacity: max(1, count))
    slots.initialize(repeating: .missing)
    stamps = .allocate(capacity: slots.count)
    stamps.initialize(repeating: 0)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
    stamps.deallocate()
  }

  /// The value of node `id`, or `nil` when it was not computed. Inlined: a line reads a few of
  /// them, and a call with the optional value it returns cost more than the read.
  @inline(__always)
  subscript(id: Int32) -> Value? {
    let slot = Int(id)
    guard slot < stamps.count, stamps[slot] == generation else { return nil }
    return slots[slot]
  }

  /// Whether node `id` was computed, and whether it is true, false or unknown.
  @inline(__always)
  func truth(_ id: Int32) -> Truth {
    let slot = Int(id)
    guard slot < stamps.count, stamps[slot] == generation else { return .notComputed }
    switch slots[slot] {
    case .bool(true): return .isTrue
    case .bool(false): return .isFalse
    case .missing: return .unknown
    case .int, .decimal, .duration, .percent, .money, .date, .text, .list: return .other
    }
  }

  /// What ``truth(_:)`` tells of a node.
  enum Truth {
    case notComputed, isTrue, isFalse, unknown, other
  }

  /// Records the value of node `id`; taken, not copied, from a caller done with it.
  @inline(__always)
  func record(_ value: consuming Value, at id: Int32) {
    let slot = Int(id)
    if slot >= slots.count { grow(to: slot + 1) }
    slots[slot] = value
    stamps[slot] = generation
  }

  /// Forgets every value, keeping the room for the next client's. The values stay in their slots
  /// until overwritten: at most one a node.
  func clear() {
    generation &+= 1
    if generation == 0 {
      stamps.update(repeating: 0)
      generation = 1
    }
  }

  /// Room for `count` nodes, the values recorded so far kept.
  private func grow(to count: Int) {
    let larger = UnsafeMutableBufferPointer<Value>.allocate(capacity: count)
    _ = larger.moveInitialize(fromContentsOf: slots)
    larger[slots.count...].initialize(repeating: .missing)
    let stamped = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: count)
    _ = stamped.initialize(fromContentsOf: stamps)
    stamped[stamps.count...].initialize(repeating: 0)
    slots.deallocate()
    stamps.deallocate()
    slots = larger
    stamps = stamped
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

extension Policy {
  /// Evaluates the condition of rule `index` alone on one client (with the lets it uses),
  /// recording every value into `values`; `false` when an error stopped it.
  func traceCondition<Record: ClientRecord>(
    ofRule index: Int, _ client: Record, in context: EvaluationContext, into values: TraceValues
  ) -> Bool {
    var recorder = TraceRecorder(values: values)
    let root = runtime.rules[index].condition
    do throws(EvaluationError) {
      try withInterpreter(client, context, &recorder) { (interpreter) throws(Interrupt) in
        _ = try interpreter.evaluate(root)
      }
      return true
    } catch {
      return false
    }
  }

  /// Evaluates every rule's condition on one client, without choosing a winner or computing
  /// clauses, recording every value into `values`; `false` when an error stopped it.
  func traceConditions<Record: ClientRecord>(
    _ client: Record, in context: EvaluationContext, into values: TraceValues
  ) -> Bool {
    var recorder = TraceRecorder(values: values)
    let rules = runtime.rules
    do throws(EvaluationError) {
      try withInterpreter(client, context, &recorder) { (interpreter) throws(Interrupt) in
        for index in 0..<rules.count { _ = try interpreter.evaluate(rules[index].condition) }
      }
      return true
    } catch {
      return false
    }
  }
}
