/// Checks a parsed policy and resolves it into a ``Program``: names become slots, types and units
/// are inferred and checked, lets are ordered and their cycles reported, verdicts and clauses
/// are validated.
///
/// Undeclared fields are allowed: a field used without a `field` statement gets its type from its
/// use (`payment_delay > 30d` makes it a duration), or from the data when its use does not say.
/// Once a policy declares some fields it must declare all the names it uses, so that a typo is an
/// error rather than a new, always-missing field.
struct Checker {
  static let defaultVerdicts = ["keep", "watch", "talk", "review", "fire"]

  let syntax: PolicySyntax
  var diagnostics: [Diagnostic] = []
  /// While false (the inference pass), diagnostics are not recorded.
  var reporting = true

  var fields: [FieldInfo] = []
  var fieldSlots: [String: Int] = [:]
  /// The first use of each undeclared field.
  var implicitUses: [String: SourceRange] = [:]
  var hasFieldDeclarations = false

  var letDeclarations: [String: (index: Int, declaration: LetDeclaration)] = [:]
  var letStates: [LetState]
  var letOrder: [String] = []
  /// The lets being checked, innermost last, for cycle reports.
  var letStack: [String] = []

  var verdicts: [String] = Checker.defaultVerdicts
  /// Each verdict's index in ``verdicts`` (the first, should one be listed twice): a rule's verdict
  /// is looked up here, not searched for, as a generated policy may list thousands.
  var verdictIndexes = Checker.firstIndexes(of: Checker.defaultVerdicts)
  var verdictsRange: SourceRange?
  var nodeCount = 0
  /// The level of the expression being checked, counting through the lets being checked.
  var depth = 0
  var reportedTooDeep = false
  /// How many warnings of each code were found.
  var warningCounts: [String: Int] = [:]
  /// How many warnings of one code are reported in full.
  static let maximumWarningsOfAKind = 10
  /// How many errors of each code were found.
  var errorCounts: [String: Int] = [:]
  /// How many errors of one code are reported in full: more than a policy written by hand has
  /// (a renamed field used in a hundred rules), and a bound on what a generated one costs to
  /// report (a 10 MB line of unknown names had 1.1 million errors: 1.3 GB and 14 s).
  static let maximumErrorsOfAKind = 100
  /// Undeclared names already compared with the lets for a likely typo: each once, however
  /// often it is used (comparing at every use made checking quadratic: 33 s for 10,000 rules
  /// over 1,000 lets).
  var namesComparedWithLets: Set<String> = []
  /// The hint given for each unknown name, worked out at its first use.
  var unknownNameHints: [String: String] = [:]
  /// The lets' names, ready for "did you mean" (made at the first undeclared name; the lets are
  /// all known before any expression is checked).
  var letNames: Suggestion.Vocabulary?
  /// Every name an expression may use (lets, fields, `today`), ready for the hint of an unknown
  /// name; made at the first, and again should a field have been added since.
  var knownNames: Suggestion.Vocabulary?
  var populationNeeds: [PopulationNeed] = []
  /// The one currency the policy's money literals use, for money fields declared without one.
  var literalCurrency: Currency?
  /// Money fields and the name after their `in`, a currency's code or a text field naming each
  /// row's currency: told apart once every field is declared, as the field may come later.
  var moneyUnits: [(slot: Int, unit: Identifier)] = []

  var tableDeclarations: [String: (index: Int, declaration: TableDeclaration)] = [:]
  var tableOrder: [String] = []
  var tables: [TableProgram] = []
  var aggregates: [AggregateInfo] = []
  /// The aggregate each `.aggregate` expression became. Keyed by the whole expression, ranges
  /// included: an expression compiled against a policy has ranges in its own text, so two
  /// aggregates may start at one offset, but equal keys are the same aggregate written alike.
  var aggregateIndex: [Expr: Int] = [:]
  /// Population measures of aggregates, whose slots are known once the fields are.
  var aggregatePopulationNeeds: [(measure: PopulationMeasure, aggregate: Int)] = []
  /// Lets whose aggregate a population measure reads (`share(revenue)`): used, though the
  /// measure reads the aggregate's slot rather than the let.
  var letsMeasured: Set<Int> = []
  /// The history facts the policy reads.
  var historyFacts: [HistoryFact] = []
  /// The table this checker checks, or `nil` for a policy.
  var tableName: String?
  /// What a table's checker knows of the policy around it.
  var surroundings = Surroundings()

  enum LetState {
    case unchecked
    case checking
    case checked(CheckedExpr)
    case failed
  }

  init(_ syntax: PolicySyntax) {
    self.syntax = syntax
    letStates = []
  }

  /// Checks a policy, or with `table` the statements of a record table and the lets of the
  /// aggregates over it; the program is `nil` when there were errors.
  static func check(_ syntax: PolicySyntax, table: String? = nil, surroundings: Surroundings = Surroundings())
    -> (program: Program?, diagnostics: [Diagnostic])
  {
    var checker = Checker(syntax)
    (checker.tableName, checker.surroundings) = (table, surroundings)
    // Pass 1 infers the types of undeclared fields from every use; pass 2 checks with them.
    checker.reporting = false
    _ = checker.checkPolicy()
    let inferred = checker.fields.filter { !$0.isDeclared }
    var final = Checker(syntax)
    (final.tableName, final.surroundings) = (table, surroundings)
    final.seedImplicitFields(inferred)
    let program = final.checkPolicy()
    // A table's program is kept despite errors, so that the aggregates over it are still
    // checked; the policy around it has the errors, so it is not run.
    let sound = table != nil || !final.diagnostics.containsErrors
    return (sound ? program : nil, final.diagnostics)
  }

  mutating func seedImplicitFields(_ inferred: [FieldInfo]) {
    for field in inferred {
      fieldSlots[field.name] = fields.count
      fields.append(field)
    }
  }

  mutating func checkPolicy() -> Program {
    literalCurrency = Checker.soleLiteralCurrency(in: syntax) ?? surroundings.currency
    collectDeclarations()
    checkTables()
    for (index, name) in letOrder.enumerated() where letStates[index].isUnchecked {
      _ = checkLet(named: name, usedAt: nil)
    }
    var rules: [CheckedRule] = []
    var otherwise: CheckedAction?
    var strategy = Strategy.mostSevere
    var strategyRange: SourceRange?
    var ruleNames: [String: SourceRange] = [:]
    for statement in syntax.statements {
      switch statement.kind {
      case .field, .let, .verdicts, .table:
        continue
      case .example, .data:
        // Examples (and their data) do not change the program; `checkExamples` checks them.
        continue
      case .rule(let rule):
        if let name = rule.name, let range = rule.nameRange {
          if let first = ruleNames[name] {
            error(
              "duplicate-rule", "there is already a rule named \"\(name)\"", at: range,
              notes: [.init("the first is here", at: first)])
          }
          ruleNames[name] = range
        }
        let condition = checkCondition(rule.condition)
        rules.append(
          CheckedRule(name: rule.name, range: statement.range, condition: condition, action: checkAction(rule.action)))
      case .otherwise(let action):
        if otherwise != nil {
          error("duplicate-otherwise", "a policy has at most one 'otherwise'", at: statement.range)
        }
        otherwise = checkAction(action)
      case .strategy(let name):
        if let first = strategyRange {
          error(
            "duplicate-strategy", "a policy has at most one 'strategy'", at: statement.range,
            notes: [.init("the first is here", at: first)])
        }
        strategyRange = statement.range
        if let chosen = Strategy(rawValue: name.name) {
          strategy = chosen
        } else {
          error(
            "unknown-strategy", "unknown strategy '\(name.name)'", at: name.range,
            hint: "the strategies are most-severe and first-match")
        }
      }
    }
    // Let slots are positions in `letOrder`; a let that failed to check keeps its slot (the program
    // is discarded anyway, since its error was reported).
    let lets = letOrder.enumerated().map { index, name -> LetInfo in
      let range = letDeclarations[name]?.declaration.name.range ?? .at(0)
      guard case .checked(let expr) = letStates[index] else {
        return LetInfo(name: name, range: range, value: CheckedExpr(kind: .constant(.missing), range: range, id: 0))
      }
      return LetInfo(name: name, range: range, value: expr)
    }
    // Unused names are worth a warning only once the policy is otherwise sound.
    if !diagnostics.containsErrors {
      reportUnusedFields(rulesAndLets: rules, lets: lets, otherwise: otherwise)
      if tableName == nil { reportRuleWarnings(rules, otherwise: otherwise, strategy: strategy) }
    }
    for need in aggregatePopulationNeeds {
      let need = PopulationNeed(measure: need.measure, field: fields.count + need.aggregate)
      if !populationNeeds.contains(need) { populationNeeds.append(need) }
    }
    if !diagnostics.containsErrors, tableName == nil {
      dropWhatNoRuleReads(rules: rules, lets: lets, otherwise: otherwise)
    }
    var program = Program(
      fields: fields, lets: lets, rules: rules, verdicts: verdicts,
      otherwise: otherwise ?? CheckedAction(verdict: 0, verdictRange: .at(0)), strategy: strategy,
      nodeCount: nodeCount, populationNeeds: populationNeeds)
    (program.tables, program.aggregates, program.historyFacts) = (tables, aggregates, historyFacts)
    return program
  }

  // MARK: - Diagnostics

  /// Records an error; after ``maximumErrorsOfAKind`` of one code the rest are only counted.
  mutating func error(
    _ code: String, _ message: String, at range: SourceRange, hint: String? = nil, notes: [Diagnostic.Note] = []
  ) {
    guard reporting else { return }
    record(.error(code, message, at: range, hint: hint, notes: notes))
  }

  /// Records a warning; after ``maximumWarningsOfAKind`` of one code the rest are only counted,
  /// so that a policy repeating one mistake thousands of times gets a readable report.
  mutating func warning(
    _ warning: WarningCode, _ message: String, at range: SourceRange, hint: String? = nil,
    notes: [Diagnostic.Note] = []
  ) {
    guard reporting else { return }
    record(.warning(warning.rawValue, message, at: range, hint: hint, notes: notes))
  }

  /// Records a diagnostic of this check, or of a check of one of its tables, counted with the
  /// others of its code: past ``maximumErrorsOfAKind`` errors or ``maximumWarningsOfAKind``
  /// warnings of one code, one more says the rest are left out, and they are only counted.
  mutating func record(_ diagnostic: Diagnostic) {
    let code = diagnostic.code
    let count: Int
    let limit: Int
    let kind: String
    switch diagnostic.severity {
    case .error:
      count = errorCounts[code, default: 0] + 1
      (errorCounts[code], limit, kind) = (count, Checker.maximumErrorsOfAKind, "errors")
    case .warning:
      count = warningCounts[code, default: 0] + 1
      (warningCounts[code], limit, kind) = (count, Checker.maximumWarningsOfAKind, "warnings")
    case .note:
      diagnostics.append(diagnostic)
      return
    }
    if count <= limit {
      diagnostics.append(diagnostic)
    } else if count == limit + 1 {
      diagnostics.append(diagnostic.leftOut(as: kind))
    }
  }

  /// Whether an error of `code` found now is shown: only then is its hint worth working out
  /// (a "did you mean" searches every name).
  func showsError(_ code: String) -> Bool {
    reporting && errorCounts[code, default: 0] < Checker.maximumErrorsOfAKind
  }
}

extension Checker.LetState {
  var isUnchecked: Bool {
    if case .unchecked = self { return true }
    return false
  }
}
