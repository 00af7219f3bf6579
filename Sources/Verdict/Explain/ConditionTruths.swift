/// Whether each node of a ``LinePlan`` held for one client, and the two sides of each comparison:
/// what ranks the rules nearest to matching (``LinePlan/nearestRule(_:facts:)``), computed without
/// a trace.
///
/// A trace (``Policy/traceConditions(_:in:into:)``) records the value of every node of every
/// condition, the operands `and` and `or` skipped included, as ``Value``s. Ranking the rules needs
/// much less: the truth of each node of the plan and, for a comparison, how far its two sides are
/// apart. Here the plan's tests (comparisons, fields, other tests, lets that are not a
/// combination of tests) are evaluated one by one, and `and`, `or`, `not` and the lets defined as
/// combinations of tests are combined from them in Kleene logic, as the interpreter combines
/// them; a comparison keeps its two sides as ``Scalar``s, its distance worked out only when a
/// ranking asks for it.
///
/// An error in a test is what a trace meets only in an operand that `and` or `or` skipped (the
/// evaluation before the trace succeeded), and it leaves that operand without a value. When the
/// test is itself such an operand, skipped alone (an earlier operand of its chain decided it, and
/// the chain is nested so that no later operand is skipped with it), it is left without a value
/// here too. In every other case, and for a test whose value is neither a truth value nor
/// missing, ``fill(policy:client:in:rule:)`` gives up and the caller traces. Otherwise each node of
/// the plan has the trace's value, so the facts and their ranking are the trace's.
///
/// That also holds with no evaluation before (``decision()``, for a run that explains every
/// client): `fill` succeeds only when every test the evaluation would reach succeeded, since a
/// failed test is left without a value only as an operand the evaluation skips too, and it
/// combines the truths as the evaluation does; so the rules' truths are the evaluation's.
///
/// One belongs to one thread at a time (an ``ExplanationLineWriter``'s), so exclusivity is not
/// checked at run time.
final class ConditionTruths {
  /// The plan's nodes, by index.
  let entries: UnsafeMutableBufferPointer<Entry>
  /// The children of every node, each node's in a run (``Entry/children``).
  let children: UnsafeMutableBufferPointer<Int32>
  /// The root node of each rule's condition.
  let roots: [Int32]
  /// Each rule's condition root (as in ``roots``) and its verdict's severity, for ``decision()``.
  let rules: UnsafeMutableBufferPointer<(root: Int32, severity: Int)>
  /// Whether the policy's strategy is first-match (else the most severe verdict wins).
  let firstMatch: Bool
  /// Every node of the plan, then the nodes of each rule's condition (its lets' definitions
  /// included), each in the plan's order: `order[passes[0]]` for all, `order[passes[rule + 1]]`
  /// for rule `rule`'s.
  let order: UnsafeMutableBufferPointer<Int32>
  let passes: [Range<Int>]
  /// The nodes of each pass again, its tests first, then the rest (``fillTestsFirst(_:_:)``), each
  /// group in the plan's order: `grouped[passes[pass]]`, the tests up to `firstCombined[pass]`.
  let grouped: UnsafeMutableBufferPointer<Int32>
  let firstCombined: [Int]
  /// Whether each pass's tests can all go first: not when one is a comparison that
  /// ``test(_:_:_:)`` gives up on whatever the client (the loop in the plan's order then decides).
  let testsFirst: [Bool]
  /// Whether the line of each rule can be written from the truths (``canShow(rule:)``): its tests
  /// are comparisons, truth values of fields and lets, and `in` tests of lists of constants, whose
  /// values the line shows are all in ``sides``.
  let recordable: [Bool]
  /// The truth of each node, by its index in the plan; `nil` when not computed (an operand
  /// skipped alone whose evaluation failed, or a node of another rule than the one filled).
  let truths: UnsafeMutableBufferPointer<Truth?>
  /// The rules each combination of the tests' truths ranks nearest by their findings' count.
  let candidates: RuleCandidates
  /// Whether each rule's condition has an `or`, whose obstacles are its nearest option's, or an
  /// `and` under a `not`, whose are its nearest operand's: chosen by distance, so not remembered
  /// with the truths (``RuleCandidates/findings``).
  let choosesByDistance: [Bool]
  /// The rules a ranking chooses the nearest from (``nearestRule()``): ``closestCount`` of them,
  /// in order.
  let closest: UnsafeMutableBufferPointer<Int32>
  @exclusivity(unchecked) var closestCount = 0
  /// The total distance of each rule of ``closest`` and whether it was estimated
  /// (``nearestByEstimate(findingsAt:)``).
  let closestTotals: UnsafeMutableBufferPointer<(distance: Double, estimated: Bool)>
  /// Whether a ranking measures distances: not while it only counts findings, when an `or`'s
  /// nearest option is the first of the fewest (the count is the same).
  @exclusivity(unchecked) var measuring = true
  /// The facts a ranking found so far (``nearestRule()``): ``factCount`` nodes.
  @exclusivity(unchecked) var facts: UnsafeMutableBufferPointer<Int32>
  @exclusivity(unchecked) var factCount = 0
  /// The findings of the closest rules of a new combination of truths, before
  /// ``RuleCandidates/remember(_:findings:of:)`` keeps them (``findingsOfClosest()``): one array
  /// kept for every ranking, as a new one grew several times for about one client in twelve.
  @exclusivity(unchecked) var keptFindings: [Int32] = []
  /// The two sides of each comparison, by its index (other nodes' entries unused); read through
  /// ``sides(of:)``.
  let sides: UnsafeMutableBufferPointer<(Scalar, Scalar)>
  /// The sides of the node a line last asked about (``side(_:ofNode:)``), in ``generation``.
  @exclusivity(unchecked) var shownSides: (node: Int32, generation: UInt32, sides: (Scalar, Scalar)?) = (-1, 0, nil)
  /// The ``generation`` in which the sides of each comparison with a ``Entry/step`` were
  /// computed.
  let sideStamps: UnsafeMutableBufferPointer<UInt32>
  /// The policy the plan is of, whose interpreter computes the sides left for later.
  let policy: Policy
  /// Room for the values of the policy's lets in each evaluation of a client here (its truths,
  /// its sides), emptied before each (``emptiedLets()``).
  let lets: UnsafeMutableBufferPointer<Scalar?>
  /// The client the truths are of and the context of its evaluation, at the addresses the caller
  /// keeps them at while it fills the truths and reads them (``fill(policy:clientAt:contextAt:rule:)``,
  /// ``ExplanationLineWriter``): what ``sides(of:)`` computes on.
  @exclusivity(unchecked) var subject: (client: UnsafePointer<Client>, context: UnsafePointer<EvaluationContext>)?
  /// The constant of each comparison of a field with a constant (``Entry/slot``); other nodes'
  /// entries unused.
  let constants: UnsafeMutableBufferPointer<Scalar>
  /// The list of each `in` or `not in` test whose list is written as constants, worked out once
  /// (the interpreter builds it again at every evaluation); `nil` for other nodes.
  let lists: UnsafeMutableBufferPointer<Value?>
  /// The texts a test compares a text with, worked out once: the list of an `in` or `not in` test
  /// of constant texts, the constant of a field's `==` or `!=` with a constant text
  /// (``constantTexts(of:list:in:)``); `nil` for other nodes.
  let texts: UnsafeMutableBufferPointer<[String]?>
  /// The slot of the field an `in` or `not in` test of constants looks for, when its element is a
  /// field; -1 for other nodes.
  let elementSlots: UnsafeMutableBufferPointer<Int32>
  /// Each comparison's distance, once worked out for this client: when its stamp is ``generation``.
  let distances: UnsafeMutableBufferPointer<Double?>
  /// The ``generation`` each distance was worked out in.
  let stamps: UnsafeMutableBufferPointer<UInt32>
  /// Counts the clients filled, so that the distances of the one before need no clearing.
  @exclusivity(unchecked) private(set) var generation: UInt32 = 0
  /// The ``generation`` in which the `and`s, `or`s, `not`s and lets of each pass were worked out
  /// (``combine(rule:)``): a fill that finds its decision remembered leaves them for later.
  let passStamps: UnsafeMutableBufferPointer<UInt32>
  /// The key (``RuleCandidates/key(_:)``) of the tests' truths, when ``keyStamp`` is
  /// ``generation``: made as a fill of every rule evaluates them.
  @exclusivity(unchecked) var key: UInt64 = 0
  @exclusivity(unchecked) var keyStamp: UInt32 = 0
  /// The decision remembered for the tests' truths, when ``decidedStamp`` is ``generation``.
  @exclusivity(unchecked) var decided: (winner: Int?, unknownRuleCount: Int) = (nil, 0)
  @exclusivity(unchecked) var decidedStamp: UInt32 = 0
  /// Whether two options of an `or` had as many findings while a ranking only counted them
  /// (``measuring`` off): their distances then choose between them.
  @exclusivity(unchecked) var countTied = false
  /// Whether a line's fact search (``LinePlan/obstacles(_:_:into:)``) asked for a distance since
  /// this was last cleared: its facts then depend on the client's values, not on the truths alone.
  @exclusivity(unchecked) var factsMeasured = false

  /// A new ``generation``, for the next client's fill: the distances and sides of the one before
  /// are then out of date without clearing them (but when the count wraps).
  func startClient() {
    generation &+= 1
    if generation == 0 {
      stamps.update(repeating: 0)
      sideStamps.update(repeating: 0)
      passStamps.update(repeating: 0)
      keyStamp = 0
      decidedStamp = 0
      shownSides = (-1, 0, nil)
      generation = 1
    }
  }

  /// For the nodes of `plan`, a plan of `policy`'s.
  init(plan: LinePlan, policy: Policy) {
    var entries = plan.nodes.map {
      Entry(kind: $0.kind, id: $0.id, first: $0.first, count: $0.count)
    }
    for (index, node) in plan.nodes.enumerated() where node.kind == .and || node.kind == .or {
      let operands = plan.children[Int(node.first)..<Int(node.first + node.count)]
      let alone = ConditionTruths.skippedAlone(plan.exprs[index], and: node.kind == .and)
      for (position, operand) in operands.enumerated() {
        entries[Int(operand)].chain = Int32(index)
        entries[Int(operand)].skippedAlone = alone.count == operands.count && alone[position]
      }
    }
    let count = max(1, entries.count)
    roots = plan.roots
    rules = .allocate(capacity: max(1, plan.roots.count))
    for (rule, root) in plan.roots.enumerated() {
      (rules.baseAddress! + rule).initialize(to: (root, policy.runtime.rules[rule].verdict))
    }
    firstMatch = policy.runtime.strategy == .firstMatch
    self.policy = policy
    lets = .allocate(capacity: policy.program.lets.count)
    lets.initialize(repeating: nil)
    var order = (0..<Int32(entries.count)).map { $0 }
    var passes = [0..<order.count]
    var recordable: [Bool] = []
    for root in plan.roots {
      var nodes = Set<Int32>()
      var pending = [root]
      while let node = pending.popLast() {
        guard nodes.insert(node).inserted else { continue }
        let entry = entries[Int(node)]
        pending += plan.children[entry.children]
      }
      passes.append(order.count..<order.count + nodes.count)
      order += nodes.sorted()
      recordable.append(
        nodes.allSatisfy { node in
          switch plan.nodes[Int(node)].kind {
          case .and, .or, .not, .let, .field: true
          case .comparison:
            [.compare, .compareFieldToConstant].contains(policy.runtime.nodes[Int(plan.nodes[Int(node)].id)].opcode)
          case .test: ConditionTruths.constantList(of: plan.nodes[Int(node)].id, in: policy.runtime) != nil
          }
        })
    }
    self.order = .allocate(capacity: max(1, order.count))
    _ = self.order.initialize(from: order)
    self.passes = passes
    passStamps = .allocate(capacity: passes.count)
    passStamps.initialize(repeating: 0)
    let groups = ConditionTruths.grouped(order, passes: passes, plan: plan, runtime: policy.runtime)
    grouped = .allocate(capacity: max(1, groups.nodes.count))
    _ = grouped.initialize(from: groups.nodes)
    firstCombined = groups.firstCombined
    candidates = RuleCandidates(
      tests: Array(groups.nodes[passes[0].lowerBound..<groups.firstCombined[0]]), rules: roots.count)
    closest = .allocate(capacity: max(1, roots.count))
    closest.initialize(repeating: 0)
    closestTotals = .allocate(capacity: max(1, roots.count))
    closestTotals.initialize(repeating: (0, false))
    choosesByDistance = passes.dropFirst().map { pass in
      let kinds = Set(order[pass].map { plan.nodes[Int($0)].kind })
      return kinds.contains(.or) || (kinds.contains(.not) && kinds.contains(.and))
    }
    testsFirst = groups.testsFirst
    self.recordable = recordable
    facts = .allocate(capacity: count)
    facts.initialize(repeating: 0)
    self.entries = .allocate(capacity: count)
    _ = self.entries.initialize(from: entries)
    children = .allocate(capacity: max(1, plan.children.count))
    _ = children.initialize(from: plan.children)
    truths = .allocate(capacity: count)
    truths.initialize(repeating: nil)
    sides = .allocate(capacity: count)
    sides.initialize(repeating: (.missing, .missing))
    sideStamps = .allocate(capacity: count)
    sideStamps.initialize(repeating: 0)
    constants = .allocate(capacity: count)
    constants.initialize(repeating: .missing)
    distances = .allocate(capacity: count)
    distances.initialize(repeating: nil)
    stamps = .allocate(capacity: count)
    stamps.initialize(repeating: 0)
    lists = .allocate(capacity: count)
    lists.initialize(repeating: nil)
    texts = .allocate(capacity: count)
    texts.initialize(repeating: nil)
    elementSlots = .allocate(capacity: count)
    elementSlots.initialize(repeating: -1)
    for (index, node) in plan.nodes.enumerated() {
      switch node.kind {
      case .test:
        lists[index] = ConditionTruths.constantList(of: node.id, in: policy.runtime)
        self.entries[index].hasList = lists[index] != nil
        self.entries[index].left = policy.runtime.nodes[Int(node.id)].a
        texts[index] = ConditionTruths.constantTexts(of: node.id, list: lists[index], in: policy.runtime)
        if lists[index] != nil, case let element = policy.runtime.nodes[Int(self.entries[index].left)],
          element.opcode == .field
        {
          elementSlots[index] = element.a
        }
      case .comparison:
        texts[index] = ConditionTruths.constantTexts(of: node.id, list: nil, in: policy.runtime)
        let expression = policy.runtime.nodes[Int(node.id)]
        self.entries[index].outcomes = ConditionStep.outcomes(of: expression.comparison)
        self.entries[index].left = expression.a
        self.entries[index].right = expression.b
        if expression.opcode == .compareFieldToConstant {
          let nodes = policy.runtime.nodes
          self.entries[index].slot = nodes[Int(expression.a)].a
          constants[index] = policy.runtime.scalarConstants[Int(nodes[Int(expression.b)].a)]
        }
        let steps = policy.runtime.conditionSteps
        if expression.opcode == .compare,
          let step = steps.firstIndex(where: {
            $0.node == node.id && ($0.operation == .compareQuotient || $0.operation == .compareProduct)
          })
        {
          self.entries[index].step = Int32(step)
        }
      case .and, .or, .not, .let, .field: break
      }
    }
  }

  deinit {
    rules.deallocate()
    entries.deallocate()
    children.deallocate()
    truths.deallocate()
    sides.deallocate()
    sideStamps.deallocate()
    passStamps.deallocate()
    closest.deallocate()
    closestTotals.deallocate()
    constants.deallocate()
    distances.deallocate()
    stamps.deallocate()
    facts.deallocate()
    lets.deallocate()
    order.deallocate()
    grouped.deallocate()
    lists.deinitialize()
    lists.deallocate()
    texts.deinitialize()
    texts.deallocate()
    elementSlots.deallocate()
  }
}
