/// A rule's line written from the truths: its facts, and the values it shows read from
/// ``sides`` where they are, without a trace.
extension ConditionTruths {
  /// Whether the line of rule `rule` can be written from the truths: the facts read as
  /// ``FactValues``, the values of a comparison's sides and of an `in` test's element read with
  /// ``side(_:ofNode:)``, each what a trace of the rule's condition
  /// (``Policy/traceCondition(ofRule:_:in:into:)``) would record. `false` when it cannot, the
  /// caller then tracing: when the rule has other tests (whose operands are not kept here), when a
  /// node is unknown (the line then names the missing values, which the whole trace tells), or
  /// when a side is text or a list the evaluation computed (gone with it).
  ///
  /// The truths must be the client's (``subject``), filled for this rule at least.
  func canShow(rule: Int) -> Bool {
    guard recordable[rule] else { return false }
    combine(rule: rule)
    for position in passes[rule + 1] {
      let index = Int(order[position])
      let entry = entries[index]
      switch truths[index] {
      case .false?, .true?: break
      case nil: continue
      case .missing?: return false
      }
      // A field compared with a constant always has its sides: the field's value, the constant.
      guard entry.left >= 0, entry.slot < 0 else { continue }
      guard let (left, right) = sides(of: index), left.kind != .computed else { return false }
      guard entry.right >= 0 else { continue }
      guard right.kind != .computed else { return false }
    }
    return true
  }

  /// The scalar standing for expression `id` where plan node `index` keeps it: a side of a
  /// comparison, or the element of an `in` test; `nil` when the node was not computed (a trace
  /// has no operands for it) or `id` is neither. The truths must be the client's and
  /// ``canShow(rule:)`` true for a rule of the node.
  ///
  /// A fact shows one side or both and works its margin out from both, so the sides of the last
  /// node asked about are kept for the client (``shownSides``): a field's side is otherwise read
  /// from the client again at every asking.
  @inline(__always)
  func side(_ id: Int32, ofNode index: Int32) -> Scalar? {
    let entry = entries[Int(index)]
    guard truths[Int(index)] != nil, id == entry.left || id == entry.right else { return nil }
    if shownSides.node != index || shownSides.generation != generation {
      shownSides = (index, generation, sides(of: Int(index)))
    }
    guard let (left, right) = shownSides.sides else { return nil }
    return id == entry.left ? left : right
  }

  /// The value a scalar of ``side(_:ofNode:)`` stands for, as ``Interpreter/value(of:)`` finds
  /// it; `nil` for text or a list the evaluation computed, which ``canShow(rule:)`` rules out.
  static func value(of scalar: Scalar, client: Client, runtime: Runtime) -> Value? {
    if let value = scalar.inlineValue { return value }
    switch scalar.kind {
    case .field: return client.value(at: Int(scalar.payload))
    case .constant: return runtime.constants[Int(scalar.payload)]
    case .missing, .bool, .int, .decimal, .duration, .percent, .money, .date, .computed: return nil
    }
  }
}

/// The truths as the facts of a line read them (``LinePlan/support(_:_:into:)``,
/// ``LinePlan/obstacles(_:_:into:)``): the same answers as a trace of the same condition,
/// without looking each node up in it.
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
    // Facts that a distance chose are the client's own, not the truths' (``RememberedFacts``).
    factsMeasured = true
    // A comparison without a truth has no sides, as a trace has no operands for it.
    return truths[Int(index)] == nil ? nil : distance(ofComparison: index)
  }
}
