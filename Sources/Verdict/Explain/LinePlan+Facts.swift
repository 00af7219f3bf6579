/// What the facts behind a rule's outcome are found from: whether each node of the plan held,
/// and how far each comparison was from holding. A client's whole trace (``TraceValues``) tells
/// both; so does ``ConditionTruths``, which computes no more than that.
protocol FactValues {
  /// Whether node `index` of the plan, whose expression is node `id` of the program, was computed,
  /// and whether it is true, false or unknown.
  func truth(ofNode index: Int32, id: Int32) -> TraceValues.Truth
  /// The distance (``ExplanationBuilder/distance(_:_:)``) between the operands of comparison
  /// `index` of the plan, whose operands are nodes `left` and `right` of the program; `nil` when
  /// either was not computed or they have none.
  func distance(ofNode index: Int32, left: Int32, right: Int32) -> Double?
}

extension TraceValues: FactValues {
  func truth(ofNode index: Int32, id: Int32) -> Truth { truth(id) }

  func distance(ofNode index: Int32, left: Int32, right: Int32) -> Double? {
    guard let a = self[left], let b = self[right] else { return nil }
    return ExplanationBuilder.distance(a, b)
  }
}

/// The facts behind a rule's outcome, found on the plan beside a client's trace: the same as
/// ``ConditionNode/support`` and ``ConditionNode/obstacles``, without building the nodes.
extension LinePlan {
  /// A test as a fact behind a rule's outcome, as ``ConditionFact``: a node of the plan.
  struct Fact {
    var node: Int32
    var inverted: Bool
  }

  /// Where the children of `node` are in ``children``: for a let, its definition once computed.
  /// Positions rather than a slice, which retained and released the array at every node.
  @inline(__always)
  func childPositions(of node: Int32) -> Range<Int> {
    let node = nodes[Int(node)]
    return Int(node.first)..<Int(node.first + node.count)
  }

  /// The first child of `node`, if it has any.
  @inline(__always)
  func firstChild(of node: Int32) -> Int32? {
    let positions = childPositions(of: node)
    return positions.isEmpty ? nil : children[positions.lowerBound]
  }

  /// Whether node `index` was computed, and whether it is true, false or unknown.
  @inline(__always)
  func truth(_ index: Int32, _ values: some FactValues) -> TraceValues.Truth {
    values.truth(ofNode: index, id: nodes[Int(index)].id)
  }

  /// Appends to `facts` what makes a true node true (``ConditionNode/support``).
  func support(_ index: Int32, _ values: some FactValues, into facts: inout [Fact]) {
    let node = nodes[Int(index)]
    guard truth(index, values) == .isTrue else { return }
    switch node.kind {
    case .and:
      for position in childPositions(of: index) { support(children[position], values, into: &facts) }
    case .or:
      if let held = childPositions(of: index).first(where: { truth(children[$0], values) == .isTrue }) {
        support(children[held], values, into: &facts)
      }
    case .let:
      if let definition = definition(of: index) {
        support(definition, values, into: &facts)
      } else {
        facts.append(Fact(node: index, inverted: false))
      }
    case .not:
      guard let operand = firstChild(of: index) else { return }
      // What keeps the operand false, not unknown, seen through the `not`.
      let start = facts.count
      falsity(operand, values, into: &facts)
      invertKnown(from: start, values, &facts)
    case .comparison, .field, .test:
      facts.append(Fact(node: index, inverted: false))
    }
  }

  /// Appends to `facts` what stops a false or unknown node from being true
  /// (``ConditionNode/obstacles``).
  func obstacles(_ index: Int32, _ values: some FactValues, into facts: inout [Fact]) {
    let node = nodes[Int(index)]
    switch truth(index, values) {
    case .unknown:
      unknowns(index, values, into: &facts)
      return
    case .isFalse: break
    case .isTrue, .notComputed, .other: return
    }
    switch node.kind {
    case .and:
      for position in childPositions(of: index) { obstacles(children[position], values, into: &facts) }
    case .or:
      nearest(of: index, values, into: &facts, breaking: false)
    case .let:
      if let definition = definition(of: index) {
        obstacles(definition, values, into: &facts)
      } else {
        facts.append(Fact(node: index, inverted: false))
      }
    case .not:
      guard let operand = firstChild(of: index) else { return }
      let start = facts.count
      breakers(operand, values, into: &facts)
      for position in start..<facts.count { facts[position].inverted.toggle() }
    case .comparison, .field, .test:
      facts.append(Fact(node: index, inverted: false))
    }
  }

  /// Appends the facts of the operand of `index` nearest to being overcome: of an `or`'s
  /// obstacles the option nearest to holding, or (`breaking`) of an `and`'s breakers the operand
  /// nearest to failing; the node itself when no operand has any.
  func nearest(of index: Int32, _ values: some FactValues, into facts: inout [Fact], breaking: Bool) {
    // The option nearest to holding, kept at `base`; the first of equals. The fewest facts
    // win whatever their distances, so distances are measured only between options with as
    // many (a line's facts that no distance chose are remembered, ``RememberedFacts``).
    let base = facts.count
    var best: (count: Int, distance: Double?)?
    for position in childPositions(of: index) {
      let start = facts.count
      if breaking {
        breakers(children[position], values, into: &facts)
      } else {
        obstacles(children[position], values, into: &facts)
      }
      let count = facts.count - start
      guard count > 0 else { continue }
      var distance: Double?
      if let known = best {
        guard count <= known.count else {
          LinePlan.drop(count, from: &facts)
          continue
        }
        if count == known.count {
          let knownDistance = known.distance ?? totalDistance(of: facts, in: base..<base + count, values)
          let measured = totalDistance(of: facts, in: start..<facts.count, values)
          guard measured < knownDistance else {
            best = (count, knownDistance)
            LinePlan.drop(count, from: &facts)
            continue
          }
          distance = measured
        }
      }
      if start != base {
        for offset in 0..<count { facts[base + offset] = facts[start + offset] }
        LinePlan.drop(facts.count - base - count, from: &facts)
      }
      best = (count, distance)
    }
    if best == nil { facts.append(Fact(node: index, inverted: false)) }
  }

  /// Appends the unknown tests under an unknown node (``ConditionNode/unknowns``).
  private func unknowns(_ index: Int32, _ values: some FactValues, into facts: inout [Fact]) {
    guard truth(index, values) == .unknown else { return }
    switch nodes[Int(index)].kind {
    case .and, .or, .not, .let:
      let start = facts.count
      for position in childPositions(of: index) { unknowns(children[position], values, into: &facts) }
      if facts.count == start { facts.append(Fact(node: index, inverted: false)) }
    case .comparison, .field, .test:
      facts.append(Fact(node: index, inverted: false))
    }
  }

  /// A let's definition when it is a combination of tests worth looking into (as
  /// ``ConditionNode``'s). Asked only of a let that was computed, whose node has its definition.
  func definition(of index: Int32) -> Int32? {
    guard nodes[Int(index)].kind == .let, let child = firstChild(of: index) else { return nil }
    switch nodes[Int(child)].kind {
    case .and, .or, .not, .comparison, .let: return child
    case .field, .test: return nil
    }
  }

  /// Whether facts counted and measured as `a` are nearer to being overcome than `b`
  /// (``ConditionNode/nearer(_:than:)``).
  static func nearer(_ a: (count: Int, distance: Double), than b: (count: Int, distance: Double)) -> Bool {
    if a.count != b.count { return a.count < b.count }
    return a.distance < b.distance
  }

  /// The facts' distances added up in order; a fact without one counts as 1
  /// (``ConditionNode/totalDistance(_:)``).
  func totalDistance(_ facts: ArraySlice<Fact>, _ values: some FactValues) -> Double {
    facts.reduce(0) { $0 + min(distance(of: $1.node, values) ?? 1, 1) }
  }

  /// ``totalDistance(_:_:)`` of `facts` at `positions`, walked by position: a slice of them
  /// retained and released the array at every `or` of a line's rule.
  func totalDistance(of facts: [Fact], in positions: Range<Int>, _ values: some FactValues) -> Double {
    var total: Double = 0
    for position in positions { total += min(distance(of: facts[position].node, values) ?? 1, 1) }
    return total
  }

  /// Drops the last `count` facts one by one: `removeLast(_:)` goes through the general
  /// `replaceSubrange`, which costs more than the few facts a line drops.
  @inline(__always)
  static func drop(_ count: Int, from facts: inout [Fact]) {
    for _ in 0..<count { facts.removeLast() }
  }

  /// A comparison's distance (``ConditionNode/distance``), for its operands' values.
  func distance(of index: Int32, _ values: some FactValues) -> Double? {
    guard case .comparison(_, let left, let right, _, _) = nodes[Int(index)].detail else { return nil }
    return values.distance(ofNode: index, left: operands[Int(left)].id, right: operands[Int(right)].id)
  }
}

/// The rule nearest to matching, for a line without a winner.
extension LinePlan {
  /// The rule nearest to matching, as ``ExplanationText/line(_:)`` ranks them: one that was
  /// decided before one that was unknown, then the fewest and smallest obstacles (the first of
  /// equals); `nil` when no rule has findings. `facts` is room to work in, left with no meaning.
  func nearestRule(_ values: some FactValues, facts: inout [Fact]) -> Int? {
    var best: (rule: Int, unknown: Bool, count: Int, distance: Double)?
    for rule in roots.indices {
      let root = roots[rule]
      let truth = truth(root, values)
      facts.removeAll(keepingCapacity: true)
      switch truth {
      case .notComputed: continue
      case .isTrue:
        // A rule with findings (what it rests on), ranked by its obstacles: none.
        support(root, values, into: &facts)
        guard !facts.isEmpty else { continue }
        facts.removeAll(keepingCapacity: true)
      case .isFalse, .unknown, .other:
        obstacles(root, values, into: &facts)
        guard !facts.isEmpty else { continue }
      }
      let unknown = truth == .unknown
      // Only a rule that can come first needs its distance: not one of a later class (unknown
      // after decided), nor one with more obstacles.
      if let known = best, unknown != known.unknown ? unknown : facts.count > known.count { continue }
      let candidate = (rule, unknown, facts.count, totalDistance(facts[...], values))
      if let known = best {
        let nearer =
          candidate.1 != known.unknown
          ? known.unknown : LinePlan.nearer((candidate.2, candidate.3), than: (known.count, known.distance))
        guard nearer else { continue }
      }
      best = candidate
    }
    return best?.rule
  }
}
