/// Rule conditions, actions and their clauses.
extension Checker {
  /// A rule's condition must be a truth value.
  mutating func checkCondition(_ expr: Expr) -> CheckedExpr {
    let checked = checkExpr(expr)
    infer(checked, as: .bool)
    if let type = checked.type, type != .bool {
      error(
        "condition-type", "a rule's condition must be true or false, but this is \(type.described)", at: expr.range,
        hint: "compare it with something, for example: … > 0")
    }
    return checked
  }

  /// A verdict like `name`, or how to declare it: the statement to write when the verdicts are
  /// few, else where (a generated policy may list thousands).
  func unknownVerdictHint(_ name: String) -> String {
    if let near = Suggestion.closest(to: name, among: verdicts, within: surroundings.suggestions) {
      return "did you mean '\(near)'?"
    }
    guard verdicts.count <= Suggestion.listed else {
      return "the verdicts are \(Suggestion.listing(verdicts)); declare others in the 'verdicts' statement"
    }
    return
      "the verdicts are \(Suggestion.listing(verdicts)); declare others with: verdicts \(verdicts.joined(separator: " < "))"
  }

  mutating func checkAction(_ action: Action) -> CheckedAction {
    let verdictName = action.verdict.name
    var verdict = 0
    if let index = verdictIndexes[verdictName] {
      verdict = index
    } else {
      error(
        "unknown-verdict", "unknown verdict '\(verdictName)'", at: action.verdict.range,
        hint: showsError("unknown-verdict") ? unknownVerdictHint(verdictName) : nil)
    }
    var checked = CheckedAction(verdict: verdict, verdictRange: action.verdict.range)
    var seen: [String: SourceRange] = [:]
    for clause in action.clauses {
      if let first = seen[clause.keyword] {
        error(
          "duplicate-clause", "'\(clause.keyword)' is given twice in one action", at: clause.range,
          notes: [.init("the first is here", at: first)])
        continue
      }
      seen[clause.keyword] = clause.range
      switch clause.kind {
      case .notice(let expr): checked.notice = checkClause(expr, "notice", expecting: .duration, example: "notice 30d")
      case .cooldown(let expr):
        checked.cooldown = checkClause(expr, "cooldown", expecting: .duration, example: "cooldown 3d")
        checkCooldownSign(expr)
      case .reason(let expr):
        checked.reason = checkClause(expr, "reason", expecting: .text, example: "reason \"We are not a good fit.\"")
      case .refer(let expr):
        checked.refer = checkClause(expr, "refer", expecting: .text, example: "refer \"a full-size agency\"")
      case .holdUntilPaid: checked.holdUntilPaid = true
      case .meet(let mode): checked.meet = mode
      }
    }
    return checked
  }

  private mutating func checkClause(_ expr: Expr, _ keyword: String, expecting expected: ValueType, example: String)
    -> CheckedExpr
  {
    let checked = checkExpr(expr)
    infer(checked, as: expected)
    if let type = checked.type, type != expected {
      error(
        "clause-type", "'\(keyword)' needs \(expected.described), not \(type.described)", at: expr.range,
        hint: "for example: \(example)")
    }
    return checked
  }

  /// A `cooldown` written as a constant (`-3d`, `(2d - 5d)`) must not be negative; one computed
  /// for a client is checked when it is (an error row).
  private mutating func checkCooldownSign(_ expr: Expr) {
    guard Checker.isConstantArithmetic(expr),
      case .success(.duration(let cooldown)) = ExampleConstants(today: ExampleConstants.referenceDate).value(of: expr),
      cooldown.seconds < 0
    else { return }
    let (message, hint) = CheckedAction.negativeCooldown(cooldown)
    error("negative-cooldown", message, at: expr.range, hint: hint)
  }

  /// Whether `expr` is literals and arithmetic on them alone, the same for every client and day.
  private static func isConstantArithmetic(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .literal: true
    case .parenthesized(let inner), .unary(.negate, let inner): isConstantArithmetic(inner)
    case .binary(let op, let left, let right):
      Arithmetic(rawValue: op.rawValue) != nil && isConstantArithmetic(left) && isConstantArithmetic(right)
    case .name, .unary(.not, _), .isMissing, .call, .list, .aggregate: false
    }
  }

  /// Warns about declared fields and lets that nothing uses.
  mutating func reportUnusedFields(rulesAndLets rules: [CheckedRule], lets: [LetInfo], otherwise: CheckedAction?) {
    var usedFields = Set<Int>()
    var usedLets = Set<Int>()
    func visit(_ expr: CheckedExpr) {
      if case .field(let slot) = expr.kind { usedFields.insert(slot) }
      if case .population(_, let slot) = expr.kind { usedFields.insert(slot) }
      if case .letValue(let slot) = expr.kind { usedLets.insert(slot) }
      expr.operands.forEach(visit)
    }
    func visit(_ action: CheckedAction) {
      for expr in [action.notice, action.reason, action.refer, action.cooldown].compactMap({ $0 }) { visit(expr) }
    }
    for rule in rules {
      visit(rule.condition)
      visit(rule.action)
    }
    if let otherwise { visit(otherwise) }
    for letInfo in lets { visit(letInfo.value) }
    // In a table, the lets made for aggregates (`#0v`) are what everything else is read for.
    for (slot, letInfo) in lets.enumerated() where letInfo.name.hasPrefix("#") { usedLets.insert(slot) }
    usedLets.formUnion(letsMeasured)
    // The field that names a used amount's currency is read with it.
    for slot in usedFields { if let source = fields[slot].currencyField { usedFields.insert(source) } }
    for (slot, field) in fields.enumerated() where field.isDeclared && !usedFields.contains(slot) {
      fields[slot].isUsed = false
      warning(.unusedField, "field '\(field.name)' is declared but never used", at: field.range)
    }
    for (slot, letInfo) in lets.enumerated() where !usedLets.contains(slot) {
      warning(.unusedLet, "'\(letInfo.name)' is defined but never used", at: letInfo.range)
    }
  }
}
