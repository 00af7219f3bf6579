/// What a `not` shows of the node under it: why that node is false (``ConditionNode/falsity``)
/// and what would make it false (``ConditionNode/breakers``), on a trace, as the tree finds them.
extension LinePlan {
  /// Inverts the facts from `start` on, seen through a `not`, leaving out the unknown ones.
  func invertKnown(from start: Int, _ values: some FactValues, _ facts: inout [Fact]) {
    var kept = start
    for position in start..<facts.count where truth(facts[position].node, values) != .unknown {
      facts[kept] = Fact(node: facts[position].node, inverted: !facts[position].inverted)
      kept += 1
    }
    LinePlan.drop(facts.count - kept, from: &facts)
  }

  /// Appends to `facts` what makes a false node false (``ConditionNode/falsity``).
  func falsity(_ index: Int32, _ values: some FactValues, into facts: inout [Fact]) {
    guard truth(index, values) == .isFalse else { return }
    switch nodes[Int(index)].kind {
    case .and, .or:
      for position in childPositions(of: index) { falsity(children[position], values, into: &facts) }
    case .let:
      if let definition = definition(of: index) {
        falsity(definition, values, into: &facts)
      } else {
        facts.append(Fact(node: index, inverted: false))
      }
    case .not:
      guard let operand = firstChild(of: index) else { return }
      let start = facts.count
      support(operand, values, into: &facts)
      for position in start..<facts.count { facts[position].inverted.toggle() }
    case .comparison, .field, .test:
      facts.append(Fact(node: index, inverted: false))
    }
  }

  /// Appends to `facts` what would make a true node false (``ConditionNode/breakers``).
  func breakers(_ index: Int32, _ values: some FactValues, into facts: inout [Fact]) {
    guard truth(index, values) == .isTrue else { return }
    switch nodes[Int(index)].kind {
    case .and:
      nearest(of: index, values, into: &facts, breaking: true)
    case .or:
      for position in childPositions(of: index) { breakers(children[position], values, into: &facts) }
    case .let:
      if let definition = definition(of: index) {
        breakers(definition, values, into: &facts)
      } else {
        facts.append(Fact(node: index, inverted: false))
      }
    case .not:
      guard let operand = firstChild(of: index) else { return }
      let start = facts.count
      obstacles(operand, values, into: &facts)
      invertKnown(from: start, values, &facts)
    case .comparison, .field, .test:
      facts.append(Fact(node: index, inverted: false))
    }
  }
}
