/// Expressions evaluated in the context of a policy, as the REPL does with a bare expression:
/// they may use the policy's fields and lets.
extension Policy {
  /// The name the expression is bound to inside the extended program; it cannot be written in a
  /// policy, so it never clashes with the author's names.
  static let expressionName = "%expression"

  /// Compiles `text`, an expression, against this policy's fields and lets. Errors point into
  /// `text`, under the name `name`.
  package func compileExpression(_ text: String, name: String = "<expression>") throws(PolicyError)
    -> CompiledExpression
  {
    let source = SourceFile(name: name, text: text)
    let parsed = Parser.parseExpression(source)
    guard let expr = parsed.expr else { throw PolicyError(source: source, diagnostics: parsed.diagnostics) }
    let binding = Statement(
      kind: .let(LetDeclaration(name: Identifier(name: Policy.expressionName, range: expr.range), value: expr)),
      range: expr.range)
    let extended = PolicySyntax(statements: syntax.statements + [binding], comments: syntax.comments)
    let checked = Checker.check(extended)
    // The policy itself compiled cleanly, so every error is the expression's.
    let errors = checked.diagnostics.filter { $0.severity == .error }
    guard let program = checked.program, errors.isEmpty,
      let slot = program.lets.firstIndex(where: { $0.name == Policy.expressionName })
    else { throw PolicyError(source: source, diagnostics: errors) }
    let policy = Policy(source: self.source, syntax: extended, program: program, warnings: warnings)
    return CompiledExpression(policy: policy, slot: slot, type: program.lets[slot].value.type, source: source)
  }

  /// Whether `text` stops in the middle of a statement or an expression (an open parenthesis, a
  /// `when` without `then`, an unterminated text), so that an interactive reader should ask for
  /// another line rather than report an error.
  package static func isIncomplete(_ text: String) -> Bool {
    let source = SourceFile(name: "<input>", text: text)
    let asPolicy = Parser.parse(source)
    if asPolicy.isIncomplete { return true }
    if !asPolicy.diagnostics.containsErrors { return false }
    return Parser.parseExpression(source).isIncomplete
  }

  /// Whether `text`, a complete entry, has a syntax error: read as statements when it begins
  /// with a statement keyword (``startsWithStatement(_:)``), else as one expression.
  package static func hasSyntaxError(_ text: String) -> Bool {
    let source = SourceFile(name: "<input>", text: text)
    if startsWithStatement(text) { return Parser.parse(source).diagnostics.containsErrors }
    return Parser.parseExpression(source).diagnostics.containsErrors
  }

  /// Whether `text` begins with a clause of a rule or of `otherwise` (`notice 30d`, `reason
  /// "…"`, `hold until paid`, `meet by phone`): a clause word, then no operator (`notice > 3`
  /// reads a field named `notice`).
  package static func startsWithClause(_ text: String) -> Bool {
    var lexer = Lexer(SourceFile(name: "<input>", text: text))
    guard case .identifier(let word) = lexer.next().kind, Parser.clauseWords.contains(word) else { return false }
    switch lexer.next().kind {
    case .identifier(let next): return word == "hold" ? next == "until" : word == "meet" ? next == "by" : true
    case .number, .duration, .string, .money, .percent, .date, .symbol(.leftParen):
      return word != "hold" && word != "meet"
    case .keyword, .symbol, .invalid, .endOfFile: return false
    }
  }

  /// Whether `text` begins with a statement keyword (`field`, `let`, `rule`, `when`, `verdicts`,
  /// `otherwise`, `strategy`, or `example` before the example's name) rather than being a bare
  /// expression.
  package static func startsWithStatement(_ text: String) -> Bool {
    var lexer = Lexer(SourceFile(name: "<input>", text: text))
    let first = lexer.next().kind
    return first.beginsStatement(before: lexer.next().kind)
  }
}

/// An expression compiled against a policy, ready to evaluate on that policy's clients.
package struct CompiledExpression: Sendable {
  /// The policy extended with the expression; its ``Policy/fields`` may include fields that only
  /// the expression uses. Build clients for the expression with this policy.
  package let policy: Policy
  let slot: Int
  /// The expression's static type, where the checker knows it.
  package let type: ValueType?
  /// The expression's text, for rendering evaluation errors.
  package let source: SourceFile

  /// Evaluates the expression for one client.
  package func evaluate(_ client: Client, in context: EvaluationContext) throws(EvaluationError) -> Value {
    try policy.evaluateLet(slot, client, context)
  }
}

extension Policy {
  /// Evaluates one `let` of the program for a client.
  func evaluateLet(_ slot: Int, _ client: Client, _ context: EvaluationContext) throws(EvaluationError) -> Value {
    var observer = NoObserver()
    return try withInterpreter(client, context, &observer) { (interpreter) throws(Interrupt) in
      interpreter.value(of: try interpreter.evaluate(runtime.letRoots[slot]))
    }
  }

}
