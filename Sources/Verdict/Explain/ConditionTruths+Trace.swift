/// A rule's trace made from the truths, for the line's facts.
extension ConditionTruths {
  /// Records into `values` what a trace of rule `rule`'s condition
  /// (``Policy/traceCondition(ofRule:_:in:into:)``) records of the values the line shows: the
  /// value of each node of the plan, each comparison's sides, each `in` test's element. `false`
  /// when it cannot, the caller then tracing: when the rule has other tests (whose operands are
  /// not kept here), when a node is unknown (the line then names the missing values, which the
  /// whole trace tells), or when a side is text or a list the evaluation computed (gone with it).
  ///
  /// The truths must be `client`'s, filled for this rule at least.
  func record(rule: Int, into values: TraceValues, client: Client, runtime: Runtime) -> Bool {
    guard recordable[rule] else { return false }
    combine(rule: rule)
    for position in passes[rule + 1] {
      let index = Int(order[position])
      let entry = entries[index]
      switch truths[index] {
      case .false?: values.record(.bool(false), at: entry.id)
      case .true?: values.record(.bool(true), at: entry.id)
      case nil: continue
      case .missing?: return false
      }
      guard entry.left >= 0 else { continue }
      guard let (left, right) = sides(of: index) else { return false }
      guard let value = ConditionTruths.value(of: left, client: client, runtime: runtime) else { return false }
      values.record(value, at: entry.left)
      guard entry.right >= 0 else { continue }
      guard let value = ConditionTruths.value(of: right, client: client, runtime: runtime) else { return false }
      values.record(value, at: entry.right)
    }
    return true
  }

  /// The value a scalar stands for, as ``Interpreter/value(of:)`` finds it; `nil` for text or a
  /// list the evaluation computed.
  private static func value(of scalar: Scalar, client: Client, runtime: Runtime) -> Value? {
    if let value = scalar.inlineValue { return value }
    switch scalar.kind {
    case .field: return client.value(at: Int(scalar.payload))
    case .constant: return runtime.constants[Int(scalar.payload)]
    case .missing, .bool, .int, .decimal, .duration, .percent, .money, .date, .computed: return nil
    }
  }
}

/// The truths as the facts of a line read them (``LinePlan/support(_:_:into:)``,
/// ``LinePlan/obstacles(_:_:into:)``), in place of the trace that
/// ``record(rule:into:client:runtime:)`` makes of the same truths and sides: the same answers,
/// without looking each node up in the trace.
extension ConditionTruths: FactValues {
  func truth(ofNode index: Int32, id: Int32) -> TraceValues.Truth {
    switch truths[Int(index)] {
    case .true?: .isTrue
    case .false?: .isFalse
    case .missing?: .unknown
    case nil: .notComputed
    }
  }

  func distance(ofNode index: Int32, left: Int32, right: Int32) -> Double? {
    // A comparison without a truth has no sides, as a trace has no operands for it.
    truths[Int(index)] == nil ? nil : distance(ofComparison: index)
  }
}
