/// The order ``ConditionTruths/fill(policy:client:in:rule:)`` evaluates a pass in: every test
/// first, then their combinations.
extension ConditionTruths {
  /// The nodes of each pass, its tests (and lets that are not combinations of tests, which the
  /// interpreter works out) first, then the rest, each group in the plan's order; where each
  /// pass's combinations start; and whether its tests can go first (``testsFirst``).
  static func grouped(
    _ order: [Int32], passes: [Range<Int>], plan: LinePlan, runtime: Runtime
  ) -> (nodes: [Int32], firstCombined: [Int], testsFirst: [Bool]) {
    func evaluated(_ node: Int32) -> Bool {
      switch plan.nodes[Int(node)].kind {
      case .comparison, .field, .test: true
      case .let: plan.nodes[Int(node)].count == 0
      case .and, .or, .not: false
      }
    }
    // A comparison ``test(_:_:_:)`` gives up on for every client: the loop in the plan's order
    // decides what to do, so the tests need not be evaluated twice.
    func givesUp(_ node: Int32) -> Bool {
      guard plan.nodes[Int(node)].kind == .comparison else { return false }
      switch runtime.nodes[Int(plan.nodes[Int(node)].id)].opcode {
      case .compare, .compareFieldToConstant: return false
      case .constant, .field, .letValue, .today, .negate, .not, .and, .or, .coalesce, .arithmetic, .isMissing,
        .member, .contains, .call, .population, .list, .constantList:
        return true
      }
    }
    var nodes: [Int32] = []
    var firstCombined: [Int] = []
    var testsFirst: [Bool] = []
    for pass in passes {
      nodes += order[pass].filter(evaluated)
      firstCombined.append(nodes.count)
      nodes += order[pass].filter { !evaluated($0) }
      testsFirst.append(!order[pass].contains(where: givesUp))
    }
    return (nodes, firstCombined, testsFirst)
  }

  /// The truth of an `and`, `or` or `not`, or of a let defined as a condition (its definition's),
  /// from its children's; only for those.
  @inline(__always)
  func combination(_ entry: Entry) -> Truth? {
    switch entry.kind {
    case .and: combined(entry, start: .true) { min($0, $1) }
    case .or: combined(entry, start: .false) { max($0, $1) }
    case .not: truths[Int(children[Int(entry.first)])]?.negated
    case .let, .comparison, .field, .test: truths[Int(children[Int(entry.first)])]
    }
  }

  /// `and` or `or` of a node's computed children.
  @inline(__always)
  func combined(_ entry: Entry, start: Truth, _ combine: (Truth, Truth) -> Truth) -> Truth {
    var truth = start
    for position in Int(entry.first)..<Int(entry.first + entry.count) {
      if let child = truths[Int(children[position])] { truth = combine(truth, child) }
    }
    return truth
  }
}
