/// The declarations a policy states before its rules use them: fields, lets and verdicts, and
/// the currency its money literals share.
extension Checker {
  /// Reads `field`, `let` and `verdicts` statements first, so that they may be used before they appear.
  mutating func collectDeclarations() {
    for statement in syntax.statements {
      switch statement.kind {
      case .field(let declaration):
        hasFieldDeclarations = true
        declareField(declaration)
      case .let(let declaration):
        let name = declaration.name.name
        if let existing = letDeclarations[name] {
          error(
            "duplicate-let", "'\(name)' is already defined", at: declaration.name.range,
            notes: [.init("the first definition is here", at: existing.declaration.name.range)])
          continue
        }
        letDeclarations[name] = (letOrder.count, declaration)
        letOrder.append(name)
        letStates.append(.unchecked)
      case .verdicts(let names):
        declareVerdicts(names, at: statement.range)
      case .table(let declaration):
        // A policy that reads tables declares what it reads: a typo is an error, not a column.
        hasFieldDeclarations = true
        declareTable(declaration, at: statement.range)
      case .rule, .otherwise, .strategy, .example, .data:
        continue
      }
    }
    resolveMoneyUnits()
    reportTableNameClashes()
    for name in letOrder {
      if let slot = fieldSlots[name], fields[slot].isDeclared, let declaration = letDeclarations[name] {
        error(
          "duplicate-name", "'\(name)' is both a field and a let", at: declaration.declaration.name.range,
          notes: [.init("the field is declared here", at: fields[slot].range)])
      }
    }
  }

  mutating func declareVerdicts(_ names: [Identifier], at range: SourceRange) {
    if let first = verdictsRange {
      error(
        "duplicate-verdicts", "a policy has at most one 'verdicts' statement", at: range,
        notes: [.init("the first is here", at: first)])
      return
    }
    verdictsRange = range
    var seen: [String: SourceRange] = [:]
    for name in names {
      if let first = seen[name.name] {
        error(
          "duplicate-verdict", "verdict '\(name.name)' is listed twice", at: name.range,
          notes: [.init("first listed here", at: first)])
      }
      seen[name.name] = name.range
    }
    verdicts = names.map(\.name)
    verdictIndexes = Checker.firstIndexes(of: verdicts)
  }

  /// Each name's first index in `names`.
  static func firstIndexes(of names: [String]) -> [String: Int] {
    // A loop, not `Dictionary(_:uniquingKeysWith:)` over pairs: instantiating the pair's tuple
    // metadata at run time made valgrind report an uninitialised read in the Swift runtime's
    // metadata code when the C library first evaluated (CProgramTests).
    var indexes: [String: Int] = [:]
    for index in names.indices where indexes[names[index]] == nil { indexes[names[index]] = index }
    return indexes
  }

  /// The currency of the policy's money literals, when they all use one.
  static func soleLiteralCurrency(in syntax: PolicySyntax) -> Currency? {
    var found: Set<Currency> = []
    func visit(_ expr: Expr) {
      switch expr.kind {
      case .literal(.money(let money)): found.insert(money.currency)
      case .literal, .name: break
      case .unary(_, let operand), .isMissing(let operand, _), .parenthesized(let operand): visit(operand)
      case .binary(_, let left, let right):
        visit(left)
        visit(right)
      case .call(_, _, let arguments), .list(let arguments): arguments.forEach(visit)
      case .aggregate(let aggregate): aggregate.filter.map(visit)
      }
    }
    for statement in syntax.statements {
      switch statement.kind {
      case .let(let declaration): visit(declaration.value)
      case .rule(let rule): visit(rule.condition)
      case .table(let table):
        for case .let(let declaration) in table.members.map(\.kind) { visit(declaration.value) }
      case .field, .verdicts, .otherwise, .strategy, .example, .data: break
      }
    }
    return found.count == 1 ? found.first : nil
  }
}
