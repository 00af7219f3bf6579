/// What a program's rules read, directly or through lets: the fields whose cells a run
/// converts, and the aggregates it folds.
///
/// A let that no rule reaches is never evaluated in a run, so what only such a let reads is not
/// read at all (docs/run.md: "declared fields that no rule reads: their cells are not read"):
/// a bad cell in such a field, or an aggregate mixing currencies, must not make the client an
/// error row while a draft policy keeps an unused let.
struct Reach {
  /// The program's lets, by slot, whose values are followed.
  private let lets: [LetInfo]
  /// The field slots read; a population measure of a field reads it too.
  private(set) var fields = Set<Int>()
  /// The aggregates read, by index in ``Program/aggregates``.
  private(set) var aggregates = Set<Int>()
  /// The lets reached so far, each followed once.
  private var reachedLets = Set<Int>()
  /// Lets reached but not yet visited: following lets through a list rather than by recursion
  /// keeps a long chain of lets off the stack.
  private var pendingLets: [Int] = []

  init(lets: [LetInfo]) {
    self.lets = lets
  }

  /// Adds what `expr` reads, and what the lets it names read.
  mutating func visit(_ expr: CheckedExpr) {
    add(expr)
    while let slot = pendingLets.popLast() { add(lets[slot].value) }
  }

  /// Adds what a rule's or `otherwise`'s clauses read.
  mutating func visit(_ action: CheckedAction) {
    for expr in [action.notice, action.reason, action.refer, action.cooldown].compactMap({ $0 }) { visit(expr) }
  }

  /// Adds what let `slot` reads.
  mutating func visit(letSlot slot: Int) {
    visit(CheckedExpr(kind: .letValue(slot), range: lets[slot].range, id: 0))
  }

  /// Adds the fields that name the currency of the money fields read (`field gross: money in
  /// currency`): an amount is read with its row's currency.
  mutating func addCurrencies(of fields: [FieldInfo]) {
    for slot in self.fields { if let source = fields[slot].currencyField { self.fields.insert(source) } }
  }

  private mutating func add(_ expr: CheckedExpr) {
    switch expr.kind {
    case .field(let slot), .population(_, field: let slot): fields.insert(slot)
    case .aggregate(let index), .populationOfAggregate(_, aggregate: let index): aggregates.insert(index)
    case .letValue(let slot):
      if reachedLets.insert(slot).inserted { pendingLets.append(slot) }
    case .constant, .today, .history, .negate, .not, .and, .or, .compare, .arithmetic, .coalesce, .isMissing,
      .member, .contains, .call, .list:
      break
    }
    for operand in expr.operands { add(operand) }
  }
}

extension Checker {
  /// Marks the fields that no rule reads, directly or through lets, as unused; leaves out the
  /// population measures no rule reads, and each table's aggregates that no rule reads with the
  /// table's fields only they read. An expression compiled against the policy (the REPL's)
  /// reads what it names, as a rule does.
  mutating func dropWhatNoRuleReads(rules: [CheckedRule], lets: [LetInfo], otherwise: CheckedAction?) {
    var reach = Reach(lets: lets)
    for rule in rules {
      reach.visit(rule.condition)
      reach.visit(rule.action)
    }
    if let otherwise { reach.visit(otherwise) }
    for (slot, letInfo) in lets.enumerated() where letInfo.name == Policy.expressionName { reach.visit(letSlot: slot) }
    reach.addCurrencies(of: fields)
    for slot in fields.indices where !reach.fields.contains(slot) { fields[slot].isUsed = false }
    populationNeeds.removeAll { need in
      need.field < fields.count
        ? !reach.fields.contains(need.field) : !reach.aggregates.contains(need.field - fields.count)
    }
    for index in tables.indices {
      tables[index].aggregates.removeAll { !reach.aggregates.contains($0) }
      dropFieldsNoAggregateReads(of: &tables[index])
    }
    for index in aggregates.indices {
      var reach = Reach(lets: tables[aggregates[index].table].program.lets)
      for slot in [aggregates[index].value, aggregates[index].filter].compactMap({ $0 }) { reach.visit(letSlot: slot) }
      reach.addCurrencies(of: tables[aggregates[index].table].program.fields)
      aggregates[index].fieldsRead = reach.fields.sorted()
    }
  }

  /// Marks a table's fields that its remaining aggregates do not read, directly or through its lets, as unused.
  private func dropFieldsNoAggregateReads(of table: inout TableProgram) {
    // The table's own lets that no aggregate reads are not read either (`:records` lists every
    // column and let, reading each field there).
    var reach = Reach(lets: table.program.lets)
    for index in table.aggregates {
      for slot in [aggregates[index].value, aggregates[index].filter].compactMap({ $0 }) { reach.visit(letSlot: slot) }
    }
    reach.addCurrencies(of: table.program.fields)
    for slot in table.program.fields.indices where !reach.fields.contains(slot) {
      table.program.fields[slot].isUsed = false
    }
  }
}
