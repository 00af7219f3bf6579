/// Record tables and the aggregates over them.
///
/// Each table is checked as a small policy of its own: its `field` and `let` statements, plus
/// one let for the value and one for the filter of every aggregate over it (named `#3v`, `#3f`,
/// which no policy can spell). So a table's lets and filters follow every rule of the language,
/// and see the table's fields, its lets and `today`, but not the client's fields.
extension Checker {
  /// What a table's checker knows of the policy around it.
  struct Surroundings {
    /// The client-level fields, lets and tables, for the hint when a table's expression uses one.
    var outerNames: [String: String] = [:]
    /// The one currency of the policy's money literals.
    var currency: Currency?
    /// What is left of the policy's "did you mean" work, which its tables share.
    var suggestions = Suggestion.Budget()
  }

  /// Registers a `table` statement, refusing a second table of the same name.
  mutating func declareTable(_ declaration: TableDeclaration, at range: SourceRange) {
    let name = declaration.name.name
    if let first = tableDeclarations[name] {
      error(
        "duplicate-table", "table '\(name)' is already declared", at: declaration.name.range,
        notes: [.init("the first declaration is here", at: first.declaration.name.range)])
      return
    }
    if declaration.key.text.allSatisfy(\.isWhitespace) {
      error(
        "empty-column", "'keyed by' names no column", at: declaration.key.range,
        hint: "name the column that holds the client: keyed by customer")
    }
    tableDeclarations[name] = (tableOrder.count, declaration)
    tableOrder.append(name)
  }

  /// A table named like a field or a let of the policy is an error: aggregates name tables.
  mutating func reportTableNameClashes() {
    for name in tableOrder {
      guard let table = tableDeclarations[name]?.declaration else { continue }
      let other: SourceRange? =
        fieldSlots[name].map { fields[$0].range } ?? letDeclarations[name]?.declaration.name.range
      if let other {
        error(
          "duplicate-name", "'\(name)' is both a table and a field or let", at: table.name.range,
          notes: [.init("the other is here", at: other)])
      }
    }
  }

  /// Checks every table with the aggregates the policy's lets, rules and clauses make over it.
  mutating func checkTables() {
    var uses: [[Expr]] = Array(repeating: [], count: tableOrder.count)
    for statement in syntax.statements {
      for expr in Checker.expressions(of: statement) {
        expr.forEachAggregate { aggregate, whole in
          if let table = tableDeclarations[aggregate.table.name] { uses[table.index].append(whole) }
        }
      }
    }
    let outer = Surroundings(outerNames: outerNames(), currency: literalCurrency, suggestions: surroundings.suggestions)
    for (index, name) in tableOrder.enumerated() {
      guard let declaration = tableDeclarations[name]?.declaration else { continue }
      checkTable(declaration, index: index, aggregates: uses[index], surroundings: outer)
      if uses[index].isEmpty {
        warning(
          .unusedTable, "table '\(name)' is declared but no aggregate reads it", at: declaration.name.range,
          hint: "a run still needs its file; aggregate it, e.g. count(\(name)), or remove it")
      }
    }
  }

  private mutating func checkTable(
    _ declaration: TableDeclaration, index: Int, aggregates: [Expr], surroundings: Surroundings
  ) {
    var statements = declaration.members
    var pending: [(expr: Expr, syntax: AggregateSyntax, value: String?, filter: String?)] = []
    // Looked up by hash, not compared with each: a policy of 10,000 aggregates took 15 s.
    var seen: Set<Expr> = []
    for expr in aggregates {
      // The same aggregate written alike at the same place (a policy and an expression
      // compiled against it) is one aggregate.
      guard case .aggregate(var syntax) = expr.kind, seen.insert(expr).inserted else { continue }
      let number = self.aggregates.count + pending.count
      // `any(t where c)` and `all(t where c)` ask about the condition itself.
      var valueExpr = syntax.column.map { Expr(.name($0.name), range: $0.range) }
      if valueExpr == nil, syntax.kind == .any || syntax.kind == .all {
        valueExpr = syntax.filter
        syntax.filter = nil
      }
      let value = valueExpr.map { _ in "#\(number)v" }
      let filter = syntax.filter.map { _ in "#\(number)f" }
      for (name, body) in [(value, valueExpr), (filter, syntax.filter)] {
        guard let name, let body else { continue }
        let declaration = LetDeclaration(name: Identifier(name: name, range: body.range), value: body)
        statements.append(Statement(kind: .let(declaration), range: body.range))
      }
      pending.append((expr, syntax, value, filter))
    }
    let checked = Checker.check(
      PolicySyntax(statements: statements, comments: []), table: declaration.name.name, surroundings: surroundings)
    if reporting {
      for diagnostic in checked.diagnostics { record(diagnostic) }
    }
    let program = checked.program
    var slotOfLet: [String: Int] = [:]
    for (slot, binding) in (program?.lets ?? []).enumerated() where slotOfLet[binding.name] == nil {
      slotOfLet[binding.name] = slot
    }
    func letSlot(_ name: String?) -> Int? { name.flatMap { slotOfLet[$0] } }
    var members: [Int] = []
    for use in pending {
      // As written: `any(t where c)` is checked as `any` of `c`, but explained as written.
      guard case .aggregate(let written) = use.expr.kind else { continue }
      let valueSlot = letSlot(use.value)
      var info = AggregateInfo(
        function: use.syntax.kind, table: index, value: valueSlot, filter: letSlot(use.filter),
        type: nil, range: use.expr.range, text: Checker.text(of: written))
      if let program {
        let value = valueSlot.map { program.lets[$0].value }
        let filter = letSlot(use.filter).map { program.lets[$0].value }
        (info.type, info.currency) = aggregateType(use.syntax, value: value, filter: filter)
      }
      aggregateIndex[use.expr] = self.aggregates.count
      members.append(self.aggregates.count)
      self.aggregates.append(info)
    }
    let empty = Program(
      fields: [], lets: [], rules: [], verdicts: verdicts, otherwise: CheckedAction(verdict: 0, verdictRange: .at(0)),
      strategy: .mostSevere, nodeCount: 0, populationNeeds: [])
    tables.append(
      TableProgram(
        name: declaration.name.name, keyColumn: declaration.key.text, range: declaration.name.range,
        keyRange: declaration.key.range,
        program: program ?? empty, aggregates: members))
  }

  /// The type of an aggregate's result, checking the column it reads and its filter.
  private mutating func aggregateType(_ syntax: AggregateSyntax, value: CheckedExpr?, filter: CheckedExpr?)
    -> (ValueType?, Currency?)
  {
    let function = syntax.kind
    if let filter, let type = filter.type, type != .bool {
      error(
        "condition-type", "the condition after 'where' must be true or false, but this is \(type.described)",
        at: filter.range, hint: "compare it with something, for example: where amount > 0")
    }
    if value == nil, function != .count {
      error(
        "aggregate-column", "\(function.rawValue) needs a column of '\(syntax.table.name)'",
        at: syntax.function.range.union(syntax.table.range), hint: function.signature)
      return (nil, nil)
    }
    guard let value else { return (.number, nil) }
    if syntax.column == nil, function == .any || function == .all, let type = value.type, type != .bool {
      error(
        "condition-type", "the condition after 'where' must be true or false, but this is \(type.described)",
        at: value.range, hint: "compare it with something, for example: where amount > 0")
      return (nil, nil)
    }
    if let allowed = function.columnTypes, let type = value.type, !allowed.contains(type) {
      let what = syntax.column.map { "'\(syntax.table.name).\($0.name)' is" } ?? "the condition is"
      error(
        "argument-type", "\(function.rawValue) cannot take \(type.described): \(what) \(type.described)",
        at: value.range, hint: function.signature)
      return (nil, nil)
    }
    switch function {
    case .count: return (.number, nil)
    case .any, .all: return (.bool, nil)
    case .sum, .average, .min, .max, .latest, .earliest: return (value.type, value.currency)
    }
  }

  /// The names a table's expressions cannot see, with what they are, for hints.
  private func outerNames() -> [String: String] {
    var names: [String: String] = [:]
    for field in fields { names[field.name] = "a field of the client" }
    for name in letOrder { names[name] = "a let of the client" }
    for name in tableOrder { names[name] = "a table" }
    return names
  }

  /// Checks the `.aggregate` node `expr`: one over a declared table, or `count(x)`, `min(x)` and
  /// `max(x)` of a name that is no table, which are the builtins.
  mutating func checkAggregate(_ syntax: AggregateSyntax, _ expr: Expr) -> (CheckedExpr.Kind, ValueType?, Currency?) {
    if let index = aggregateIndex[expr] {
      return (.aggregate(index), aggregates[index].type, aggregates[index].currency)
    }
    let name = syntax.table.name
    if tableDeclarations[name] != nil {
      // Its table failed to check; that was reported.
      return (.constant(.missing), nil, nil)
    }
    if let table = tableName, surroundings.outerNames[name] == "a table" {
      error(
        "nested-aggregate", "an aggregate cannot be used inside table '\(table)'", at: expr.range,
        hint: "aggregate in the policy's lets and rules: let x = \(syntax.function.name)(\(name)…)")
      return (.constant(.missing), nil, nil)
    }
    if syntax.column == nil, syntax.filter == nil, Builtin(rawValue: syntax.function.name) != nil {
      let argument = Expr(.name(name), range: syntax.table.range)
      return checkCall(syntax.function.name, nameRange: syntax.function.range, arguments: [argument], range: expr.range)
    }
    let suggested =
      showsError("unknown-table")
      ? Suggestion.closest(to: name, among: tableOrder, within: surroundings.suggestions) : nil
    let hint =
      suggested.map { "did you mean '\($0)'?" }
      ?? "declare it: table \(name) keyed by CLIENT_COLUMN, with its fields indented below"
    error("unknown-table", "unknown table '\(name)'", at: syntax.table.range, hint: hint)
    return (.constant(.missing), nil, nil)
  }

  /// `sum(invoices.amount where paid is missing)`, spaced as the formatter spaces it.
  static func text(of syntax: AggregateSyntax) -> String {
    var text = "\(syntax.function.name)(\(syntax.table.name)"
    if let column = syntax.column { text += ".\(column.name)" }
    if syntax.filter != nil { text += " where …" }
    return text + ")"
  }

  /// The expressions a statement holds at the client's level.
  static func expressions(of statement: Statement) -> [Expr] {
    func clauses(_ action: Action) -> [Expr] {
      action.clauses.compactMap { clause in
        switch clause.kind {
        case .notice(let expr), .reason(let expr), .refer(let expr), .cooldown(let expr): expr
        case .holdUntilPaid, .meet: nil
        }
      }
    }
    switch statement.kind {
    case .let(let declaration): return [declaration.value]
    case .rule(let rule): return [rule.condition] + clauses(rule.action)
    case .otherwise(let action): return clauses(action)
    case .field, .verdicts, .strategy, .example, .table, .data: return []
    }
  }
}

extension Expr {
  /// Calls `body` with every aggregate in the expression (not those inside an aggregate's
  /// filter, which a table cannot hold) and the whole aggregate expression.
  func forEachAggregate(_ body: (AggregateSyntax, Expr) -> Void) {
    switch kind {
    case .aggregate(let aggregate): body(aggregate, self)
    case .literal, .name: break
    case .unary(_, let operand), .isMissing(let operand, _), .parenthesized(let operand):
      operand.forEachAggregate(body)
    case .binary(_, let left, let right):
      left.forEachAggregate(body)
      right.forEachAggregate(body)
    case .call(_, _, let arguments), .list(let arguments):
      for argument in arguments { argument.forEachAggregate(body) }
    }
  }
}
