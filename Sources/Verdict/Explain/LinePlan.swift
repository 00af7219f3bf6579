/// The rules' conditions laid out for the one-line explanation, once per policy: the trees of
/// ``ConditionNode``s that ``ExplanationBuilder/node(_:)`` builds, without the client's values,
/// and the policy's texts the line quotes, as bytes. ``ExplanationLineWriter`` reads it beside a
/// client's trace to find the facts and write them.
struct LinePlan {
  /// One node of a condition: what ``ConditionNode`` is, less what depends on the client.
  struct Node {
    var kind: ConditionNode.Kind
    /// The expression's node id, where the trace keeps its value.
    var id: Int32
    /// Where the node's children start in ``LinePlan/children``, and how many there are. A let
    /// has its definition as its one child when the definition is a truth value.
    var first: Int32 = 0
    var count: Int32 = 0
    /// The node's text, in ``LinePlan/texts``.
    var text: Range<Int>
    var detail: Detail
  }

  /// How a node's detail (``ConditionNode/detail``) is written.
  enum Detail {
    /// The node's text: `and`, `or`, `not`, a field.
    case text
    /// `left op right`; `flipped` when the subject is the right side (a constant on the left).
    case comparison(Comparison, left: Int32, right: Int32, flipped: Bool, unit: TimeSpan.Unit?)
    /// A let: its text when not computed, else the let as an operand.
    case letValue(Int32)
    /// The node as an operand.
    case operand(Int32)
    case isMissing(Int32, negated: Bool)
    case member(Int32, Int32, negated: Bool)
    case contains(Int32, Int32)
  }

  /// An operand as ``ExplanationBuilder/operand(_:)`` writes it.
  struct Operand {
    /// Its node id.
    var id: Int32
    /// Its text as written, in ``LinePlan/texts``.
    var written: Range<Int>
    var style: Style
    /// The unit a duration is shown in.
    var unit: TimeSpan.Unit?
  }

  /// The shapes of operands.
  enum Style {
    /// A literal, as written.
    case constant
    /// `payment_delay 42d`: a field, a history fact, a let, `today`.
    case named
    /// `(incidents ?? 0) (5)`.
    case parenthesized
    /// An aggregate (or a let defined as one), with what went into it when known: named when it
    /// is a let, else parenthesized.
    case aggregate(Int, named: Bool)
  }

  private(set) var nodes: [Node] = []
  /// The checked expression of each node, for what few lines need more (missing values).
  private(set) var exprs: [CheckedExpr] = []
  /// Children by node, as ``Node/first`` and ``Node/count`` say.
  private(set) var children: [Int32] = []
  private(set) var operands: [Operand] = []
  /// The policy's texts, one after another.
  private(set) var texts: [UInt8] = []
  /// The root node of each rule's condition.
  private(set) var roots: [Int32] = []
  /// `rule 3 "slow payer"` by rule, in ``texts``.
  private(set) var titles: [Range<Int>] = []
  /// The node of each let's definition, made on first use.
  private var letNodes: [Int32?]
  /// The texts already in ``texts``, by source range.
  private var placed: [SourceRange: Range<Int>] = [:]

  init(policy: Policy) {
    let program = policy.program
    letNodes = Array(repeating: nil, count: program.lets.count)
    let builder = ExplanationBuilder(
      policy: policy, values: TraceValues(count: 0), fields: [], wording: ExplanationWording(policy: policy))
    for (index, rule) in program.rules.enumerated() {
      titles.append(place(Array(RuleSummary.title(index: index, name: rule.name).utf8)))
      roots.append(add(rule.condition, builder))
    }
  }

  /// Adds the node for `expr` and those below it; returns its index.
  private mutating func add(_ expr: CheckedExpr, _ builder: ExplanationBuilder) -> Int32 {
    var node = Node(kind: .test, id: Int32(expr.id), text: text(expr.range, builder), detail: .text)
    var below: [Int32] = []
    switch expr.kind {
    case .and:
      node.kind = .and
      below = builder.chain(expr).map { add($0, builder) }
    case .or:
      node.kind = .or
      below = builder.chain(expr).map { add($0, builder) }
    case .not(let operand):
      node.kind = .not
      below = [add(operand, builder)]
    case .compare(let comparison, let left, let right):
      node.kind = .comparison
      let flipped = builder.isConstant(left) && !builder.isConstant(right)
      let unit = builder.durationUnit(of: left) ?? builder.durationUnit(of: right)
      node.detail = .comparison(
        comparison, left: operand(left, builder), right: operand(right, builder), flipped: flipped, unit: unit)
    case .letValue(let slot):
      node.kind = .let
      node.detail = .letValue(operand(expr, builder))
      let definition = builder.program.lets[slot].value
      if definition.type == .bool {
        if letNodes[slot] == nil { letNodes[slot] = add(definition, builder) }
        below = [letNodes[slot]!]
      }
    case .field, .aggregate, .history:
      node.kind = .field
    case .constant, .today, .negate, .arithmetic, .coalesce, .call, .population, .populationOfAggregate, .list:
      node.detail = .operand(operand(expr, builder))
    case .isMissing(let subject, let negated):
      node.detail = .isMissing(operand(subject, builder), negated: negated)
    case .member(let element, let list, let negated):
      node.detail = .member(operand(element, builder), operand(list, builder), negated: negated)
    case .contains(let container, let element):
      node.detail = .contains(operand(container, builder), operand(element, builder))
    }
    node.first = Int32(children.count)
    node.count = Int32(below.count)
    children += below
    nodes.append(node)
    exprs.append(expr)
    return Int32(nodes.count - 1)
  }

  /// Adds `expr` as an operand; returns its index in ``operands``.
  private mutating func operand(_ expr: CheckedExpr, _ builder: ExplanationBuilder) -> Int32 {
    let style: Style
    if builder.isConstant(expr) {
      style = .constant
    } else if let aggregate = builder.aggregate(behind: expr) {
      // A field or history fact is never an aggregate; a let or the aggregate itself is.
      if case .letValue = expr.kind {
        style = .aggregate(aggregate, named: true)
      } else {
        style = .aggregate(aggregate, named: false)
      }
    } else {
      switch expr.kind {
      case .field, .history, .letValue, .today: style = .named
      case .constant, .negate, .not, .and, .or, .compare, .arithmetic, .coalesce, .isMissing, .member, .contains,
        .call, .population, .populationOfAggregate, .list, .aggregate:
        style = .parenthesized
      }
    }
    operands.append(
      Operand(
        id: Int32(expr.id), written: text(expr.range, builder), style: style, unit: builder.durationUnit(of: expr)))
    return Int32(operands.count - 1)
  }

  /// The policy's text in `range` on one line, placed in ``texts`` once.
  private mutating func text(_ range: SourceRange, _ builder: ExplanationBuilder) -> Range<Int> {
    if let known = placed[range] { return known }
    let made = place(Array(builder.text(range).utf8))
    placed[range] = made
    return made
  }

  private mutating func place(_ bytes: [UInt8]) -> Range<Int> {
    texts += bytes
    return (texts.count - bytes.count)..<texts.count
  }
}
