/// A checked program as the interpreter reads it: its expression table copied once into buffers
/// that live as long as the compiled policy, so evaluation indexes memory directly.
///
/// Immutable after creation, hence safe to share between threads.
final class Runtime: @unchecked Sendable {
  let nodes: UnsafeMutableBufferPointer<ExpressionTable.Node>
  let constants: UnsafeMutableBufferPointer<Value>
  /// The constants as the interpreter reads them: inline where they can be, else referring to
  /// ``constants``.
  let scalarConstants: UnsafeMutableBufferPointer<Scalar>
  let operands: UnsafeMutableBufferPointer<Int32>
  /// The root node of each let.
  let letRoots: UnsafeMutableBufferPointer<Int32>
  /// The root node of each rule's condition, and the rule's verdict.
  let rules: UnsafeMutableBufferPointer<Rule>
  /// The rules' conditions compiled flat (``ConditionStep``), for evaluations that record nothing.
  let conditionSteps: UnsafeMutableBufferPointer<ConditionStep>
  /// The texts the steps compare fields with.
  let conditionTexts: UnsafeMutableBufferPointer<String>
  /// Each rule's action, then `otherwise`'s last.
  let actions: UnsafeMutableBufferPointer<Action>
  let ranges: [SourceRange]
  let verdicts: UnsafeMutableBufferPointer<String>
  let strategy: Strategy

  struct Rule {
    var condition: Int32
    var verdict: Int
  }

  /// An action with its clause expressions as node indices (-1: no such clause).
  struct Action: Sendable {
    var verdict: Int
    var notice: Int32
    var reason: Int32
    var refer: Int32
    var cooldown: Int32
    var holdUntilPaid: Bool
    var meet: MeetingMode?
  }

  init(_ program: Program) {
    var table = ExpressionTable(
      nodeCount: program.nodeCount, aggregateBase: program.fields.count,
      historyBase: program.fields.count + program.aggregates.count)
    let letRoots = program.lets.map { table.lower($0.value) }
    let rules = program.rules.map { Rule(condition: table.lower($0.condition), verdict: $0.action.verdict) }
    func lower(_ action: CheckedAction) -> Action {
      func root(_ expr: CheckedExpr?) -> Int32 { expr.map { table.lower($0) } ?? -1 }
      return Action(
        verdict: action.verdict, notice: root(action.notice), reason: root(action.reason), refer: root(action.refer),
        cooldown: root(action.cooldown), holdUntilPaid: action.holdUntilPaid, meet: action.meet)
    }
    actions = Runtime.copy(program.rules.map { lower($0.action) } + [lower(program.otherwise)])
    nodes = Runtime.copy(table.nodes)
    constants = Runtime.copy(table.constants)
    let scalars = table.constants.enumerated().map { index, value in
      Scalar(inline: value) ?? Scalar(kind: .constant, payload: Int64(index))
    }
    scalarConstants = Runtime.copy(scalars)
    var compiler = ConditionCompiler(
      nodes: table.nodes, constants: scalars, values: table.constants, letRoots: letRoots)
    compiler.compileRules(rules.map(\.condition))
    conditionSteps = Runtime.copy(compiler.steps)
    conditionTexts = Runtime.copy(compiler.texts)
    operands = Runtime.copy(table.operands)
    self.letRoots = Runtime.copy(letRoots)
    self.rules = Runtime.copy(rules)
    ranges = table.ranges
    verdicts = Runtime.copy(program.verdicts)
    strategy = program.strategy
  }

  deinit {
    nodes.deallocate()
    constants.deinitialize()
    constants.deallocate()
    scalarConstants.deallocate()
    operands.deallocate()
    letRoots.deallocate()
    rules.deallocate()
    conditionSteps.deallocate()
    conditionTexts.deinitialize()
    conditionTexts.deallocate()
    actions.deallocate()
    verdicts.deinitialize()
    verdicts.deallocate()
  }

  private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
    _ = buffer.initialize(from: array)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
  }
}
