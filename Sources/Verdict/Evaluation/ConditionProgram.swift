/// Compiles rule conditions into ``ConditionStep``s, from a program's expression table.
struct ConditionCompiler {
  typealias Node = ExpressionTable.Node

  let nodes: [Node]
  let constants: [Scalar]
  /// The constants as values, for the texts of ``ConditionStep/Operation/compareText`` and
  /// ``ConditionStep/Operation/memberText``.
  let values: [Value]
  let letRoots: [Int32]
  private(set) var steps: [ConditionStep] = []
  /// The texts the steps compare fields with, each step's in a run of its own.
  private(set) var texts: [String] = []

  /// The two-bit stack of ``ConditionStep`` holds this many kept values; deeper operands are
  /// left to the tree walk.
  static let maximumDepth = 31
  /// Past this many steps in one rule, lets are no longer copied in (a let used twice is copied
  /// twice): the tree walk computes them.
  static let stepsPerRule = 512

  init(nodes: [Node], constants: [Scalar], values: [Value], letRoots: [Int32]) {
    self.nodes = nodes
    self.constants = constants
    self.values = values
    self.letRoots = letRoots
  }

  /// Compiles every rule's condition, in file order, into one sequence: each rule's steps end
  /// with the continuation ``ConditionStep/Continuation/end``, after which the next rule's begin.
  /// A condition that is not an operator of conditions (a field, a let, a call) is one
  /// ``ConditionStep/Operation/ruleCondition`` step.
  mutating func compileRules(_ roots: [Int32]) {
    for root in roots {
      let start = steps.count
      guard isCondition(root) else {
        steps.append(ConditionStep(operation: .ruleCondition, then: .end, node: root))
        continue
      }
      // A chain ends the condition itself, through its last step and its jumps.
      guard let exits = emit(root, depth: 0, ruleStart: start, wholeCondition: true) else { continue }
      attach(.end, to: exits)
    }
  }

  /// Whether a node's value is always a truth value or missing, or an error of its own: the
  /// operators of conditions.
  private func isCondition(_ index: Int32) -> Bool {
    switch nodes[Int(index)].opcode {
    case .and, .or, .not, .compare, .compareFieldToConstant, .isMissing, .member: true
    case .constant, .field, .letValue, .today, .negate, .coalesce, .arithmetic, .contains, .call, .population,
      .list, .constantList:
      false
    }
  }

  /// Emits the steps of node `index`; returns the steps through which they end (which a
  /// continuation can be attached to), or `nil` when other steps jump past their end.
  ///
  /// A chain that is the `wholeCondition` ends it itself, and returns `nil`.
  private mutating func emit(_ index: Int32, depth: Int, ruleStart: Int, wholeCondition: Bool = false) -> [Int]? {
    let node = nodes[Int(index)]
    switch node.opcode {
    case .and, .or:
      guard depth < ConditionCompiler.maximumDepth else { return general(index) }
      emitChain(index, node.opcode, depth: depth, ruleStart: ruleStart, wholeCondition: wholeCondition)
      return nil
    case .not:
      // `not` of anything but a condition has its own error for a value that is not a truth value.
      guard isCondition(node.a) else { return general(index) }
      _ = emit(node.a, depth: depth, ruleStart: ruleStart)
      return append(ConditionStep(operation: .not, node: index))
    case .compareFieldToConstant:
      let constant = constants[Int(nodes[Int(node.b)].a)]
      let operation: ConditionStep.Operation
      switch constant.kind {
      case .int: operation = .compareInt
      case .duration: operation = .compareDuration
      case .date: operation = .compareDate
      case .money: operation = .compareMoney
      case .constant:
        return textComparison(index) ?? comparison(index)
      case .missing, .bool, .decimal, .percent, .field, .computed:
        return comparison(index)
      }
      return append(
        ConditionStep(
          operation: operation, outcomes: ConditionStep.outcomes(of: node.comparison), comparison: node.comparison,
          slot: nodes[Int(node.a)].a, node: index, constant: constant))
    case .compare:
      return comparison(index)
    case .isMissing:
      guard nodes[Int(node.a)].opcode == .field else { return general(index) }
      return append(
        ConditionStep(
          operation: .isMissingField, outcomes: node.negated ? 1 : 0, slot: nodes[Int(node.a)].a, node: index)
      )
    case .field:
      return append(ConditionStep(operation: .truthField, slot: node.a, node: index))
    case .letValue:
      let root = letRoots[Int(node.a)]
      guard isCondition(root), steps.count - ruleStart < ConditionCompiler.stepsPerRule else { return general(index) }
      let cached = steps.count
      steps.append(ConditionStep(operation: .letCached, slot: node.a, node: index))
      _ = emit(root, depth: depth, ruleStart: ruleStart)
      steps.append(ConditionStep(operation: .letStore, slot: node.a, node: index))
      steps[cached].skip = Int32(steps.count)
      return [cached, steps.count - 1]
    case .member:
      return textMembership(index) ?? general(index)
    case .constant, .today, .negate, .coalesce, .arithmetic, .contains, .call, .population, .list, .constantList:
      return general(index)
    }
  }

  /// An `and` or `or` and the operands of the same operator it directly holds, as one chain;
  /// when it is the `wholeCondition`, its last step and its jumps end the condition.
  private mutating func emitChain(
    _ index: Int32, _ opcode: ExpressionTable.Opcode, depth: Int, ruleStart: Int, wholeCondition: Bool
  ) {
    let operands = chain(index, opcode)
    let isAnd = opcode == .and
    var jumps: [Int] = []
    for (position, operand) in operands.enumerated() {
      let exits = emit(operand, depth: depth + 1, ruleStart: ruleStart)
      let then: ConditionStep.Continuation
      if position == operands.count - 1 {
        then = isAnd ? (wholeCondition ? .andLastEnd : .andLast) : (wholeCondition ? .orLastEnd : .orLast)
      } else {
        then = position == 0 ? (isAnd ? .andFirst : .orFirst) : (isAnd ? .andNext : .orNext)
      }
      jumps += attach(then, to: exits)
    }
    // Past a whole condition's end are the next rule's steps: `~end` says to end the condition first.
    let end = wholeCondition ? ~Int32(steps.count) : Int32(steps.count)
    for jump in jumps where steps[jump].then.jumps { steps[jump].target = end }
  }

  /// Attaches a continuation to the steps an operand ends through, or to a step of its own when
  /// they cannot take it; returns the steps that carry it.
  @discardableResult
  private mutating func attach(_ then: ConditionStep.Continuation, to exits: [Int]?) -> [Int] {
    if let exits, exits.allSatisfy({ steps[$0].then == .next }) {
      for exit in exits { steps[exit].then = then }
      return exits
    }
    steps.append(ConditionStep(operation: .pass, then: then))
    return [steps.count - 1]
  }

  /// The operands of a chain of one operator, left to right: `a and (b and c)` and
  /// `(a and b) and c` both give `a`, `b`, `c`, which Kleene logic evaluates alike, in the same
  /// order and stopping at the same operand.
  private func chain(_ index: Int32, _ opcode: ExpressionTable.Opcode) -> [Int32] {
    let node = nodes[Int(index)]
    guard node.opcode == opcode else { return [index] }
    return chain(node.a, opcode) + chain(node.b, opcode)
  }

  /// A comparison: a ``fieldArithmeticStep(_:)`` when it has that shape,
  /// ``ConditionStep/Operation/compareComputed`` when both operands have the shape it computes,
  /// else ``ConditionStep/Operation/compareOperands``.
  private mutating func comparison(_ index: Int32) -> [Int] {
    if let step = fieldArithmeticStep(index) { return append(step) }
    let node = nodes[Int(index)]
    let computed = isComputed(node.a) && isComputed(node.b)
    return append(
      ConditionStep(operation: computed ? .compareComputed : .compareOperands, comparison: node.comparison, node: index)
    )
  }

  /// Arithmetic on two ``isSimple(_:)`` operands, or a simple operand.
  private func isComputed(_ index: Int32) -> Bool {
    let node = nodes[Int(index)]
    return node.opcode == .arithmetic ? isSimple(node.a) && isSimple(node.b) : isSimple(index)
  }

  /// `a ?? b` of two leaves, or a leaf.
  private func isSimple(_ index: Int32) -> Bool {
    let node = nodes[Int(index)]
    return node.opcode == .coalesce ? isLeaf(node.a) && isLeaf(node.b) : isLeaf(index)
  }

  /// A field or a constant.
  private func isLeaf(_ index: Int32) -> Bool {
    let opcode = nodes[Int(index)].opcode
    return opcode == .field || opcode == .constant
  }

  /// `field == "text"` or `field != "text"` as a ``ConditionStep/Operation/compareText`` step;
  /// `nil` for other comparisons with a constant that is not a number.
  private mutating func textComparison(_ index: Int32) -> [Int]? {
    let node = nodes[Int(index)]
    guard node.comparison == .equal || node.comparison == .notEqual,
      case .text(let text) = values[Int(nodes[Int(node.b)].a)]
    else { return nil }
    texts.append(text)
    return append(
      ConditionStep(
        operation: .compareText, outcomes: ConditionStep.outcomes(of: node.comparison), comparison: node.comparison,
        slot: nodes[Int(node.a)].a, node: index, skip: Int32(texts.count - 1)))
  }

  /// `field in [...]` or `field not in [...]` of a list of texts as a
  /// ``ConditionStep/Operation/memberText`` step; `nil` for other memberships.
  private mutating func textMembership(_ index: Int32) -> [Int]? {
    let node = nodes[Int(index)]
    let list = nodes[Int(node.b)]
    guard nodes[Int(node.a)].opcode == .field, list.opcode == .constant || list.opcode == .constantList,
      case .list(let items) = values[Int(list.a)]
    else { return nil }
    var listed: [String] = []
    for item in items {
      guard case .text(let text) = item else { return nil }
      listed.append(text)
    }
    let start = texts.count
    texts += listed
    return append(
      ConditionStep(
        operation: .memberText, outcomes: node.negated ? 1 : 0, slot: nodes[Int(node.a)].a, node: index,
        skip: Int32(start), second: Int32(listed.count)))
  }

  private mutating func append(_ step: ConditionStep) -> [Int] {
    steps.append(step)
    return [steps.count - 1]
  }

  private mutating func general(_ index: Int32) -> [Int] {
    append(ConditionStep(operation: .general, node: index))
  }
}
