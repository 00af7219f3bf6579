/// A rule's trace read from the truths, for the line's facts.
extension ConditionTruths {
  /// Whether the line of rule `rule` can read the values a trace of its condition
  /// (``Policy/traceCondition(ofRule:_:in:into:)``) records from the truths
  /// (``shownValue(of:)``): the value of each node of the plan, each comparison's sides, each
  /// `in` test's element. `false` when it cannot, the caller then tracing: when the rule has other
  /// tests (whose operands are not kept here), when a node is unknown (the line then names the
  /// missing values, which the whole trace tells), or when a side is text or a list the evaluation
  /// computed (gone with it).
  ///
  /// Nothing is recorded: the line reads the few values it shows where they are, where writing
  /// every node's value and sides into a trace first cost about 850 instructions a line.
  ///
  /// The truths must be the client's (``subject``), filled for this rule at least.
  func showable(rule: Int) -> Bool {
    guard recordable[rule] else { return false }
    combine(rule: rule)
    shownPass &+= 1
    if shownPass == 0 {
      shownStamps.update(repeating: 0)
      shownPass = 1
    }
    for position in passes[rule + 1] {
      let index = Int(order[position])
      shownStamps[index] = shownPass
      let entry = entries[index]
      switch truths[index] {
      case .false?, .true?: break
      case nil: continue
      case .missing?: return false
      }
      // A field compared with a constant has sides that are never computed values.
      guard entry.left >= 0, entry.slot < 0 else { continue }
      guard let (left, right) = sides(of: index), left.kind != .computed else { return false }
      guard entry.right < 0 || right.kind != .computed else { return false }
    }
    shownRule = rule
    return true
  }

  /// The value that a trace of rule ``shownRule``'s condition records at expression `id`, after
  /// ``showable(rule:)``: a node's truth, or a side of its comparison or the element of its `in`
  /// test. `nil` when the trace has none. A trace records each node of the condition in the
  /// plan's order, its truth then its sides, so the last of those at `id` is the one it keeps.
  func shownValue(of id: Int32) -> Value? {
    guard Int(id) < shownSlots.count, case let slot = shownSlots[Int(id)], slot != -1 else { return nil }
    guard slot >= 0 else { return scannedValue(of: id) }
    let index = Int(slot >> 2)
    guard shownStamps[index] == shownPass, let truth = truths[index] else { return nil }
    guard slot & 3 != 0 else { return .bool(truth == .true) }
    guard let (left, right) = sides(of: index) else { return nil }
    return value(of: slot & 3 == 2 ? right : left)
  }

  /// ``shownValue(of:)`` found by going through the rule's nodes, last first.
  private func scannedValue(of id: Int32) -> Value? {
    let pass = passes[shownRule + 1]
    var position = pass.upperBound
    while position > pass.lowerBound {
      position -= 1
      let index = Int(order[position])
      let entry = entries[index]
      guard let truth = truths[index] else { continue }
      if entry.left >= 0, entry.left == id || entry.right == id {
        guard let (left, right) = sides(of: index) else { return nil }
        return value(of: entry.right == id ? right : left)
      }
      if entry.id == id { return .bool(truth == .true) }
    }
    return nil
  }

  /// Where a trace of a rule's condition keeps each of the `count` expressions' values, by
  /// expression: the plan node whose truth it is (its index times 4), whose left side (plus 1) or
  /// whose right side or `in` test's element (plus 2); -1 for others; -2 for an expression of two
  /// nodes (a let and its definition), whose value a trace keeps from the last of them in the
  /// rule's order, found by going through the rule's nodes.
  static func shownSlots(of entries: [Entry], count: Int) -> UnsafeMutableBufferPointer<Int32> {
    let slots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, count))
    slots.initialize(repeating: -1)
    for (index, entry) in entries.enumerated() {
      var claims = [(entry.id, Int32(index) << 2)]
      if entry.left >= 0 { claims += [(entry.left, Int32(index) << 2 | 1), (entry.right, Int32(index) << 2 | 2)] }
      for (id, slot) in claims where id >= 0 && Int(id) < slots.count {
        slots[Int(id)] = slots[Int(id)] == -1 || slots[Int(id)] == slot ? slot : -2
      }
    }
    return slots
  }

  /// The value a scalar stands for, as ``Interpreter/value(of:)`` finds it; `nil` for text or a
  /// list the evaluation computed.
  private func value(of scalar: Scalar) -> Value? {
    if let value = scalar.inlineValue { return value }
    switch scalar.kind {
    case .field: return subject?.client.pointee.value(at: Int(scalar.payload))
    case .constant: return policy.runtime.constants[Int(scalar.payload)]
    case .missing, .bool, .int, .decimal, .duration, .percent, .money, .date, .computed: return nil
    }
  }
}

/// The truths as the facts of a line read them (``LinePlan/support(_:_:into:)``,
/// ``LinePlan/obstacles(_:_:into:)``), in place of the trace that
/// ``shownValue(of:)`` reads from the same truths and sides: the same answers,
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
