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
      let (left, right) = sides[index]
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
