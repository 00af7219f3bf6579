/// A recursive-descent parser for policies: one method a grammar production, each with its
/// production from `grammar/verdict.ebnf` in the comment above it.
///
/// It reports every syntax error it can find in one run: after an error it skips to the next
/// keyword that begins a statement (or `example` before text) and goes on.
struct Parser {
  /// How many levels an expression's tree may have, counting every operator, call, parenthesis
  /// and value on its deepest path, and through the lets it uses (the checker counts those), so
  /// that hostile input cannot overflow the stack of the parser, checker or evaluator. A chain
  /// `a + b + c …` is a level per operator. The one limit, the same for every form.
  static let maximumNesting = 128
  /// What every refusal of a too deep expression says.
  static let tooDeepMessage = "expression is nested too deeply (more than \(maximumNesting) levels)"
  /// After this many errors the parser stops reporting.
  static let maximumErrors = 50

  let source: SourceFile
  let tokens: [Token]
  var index = 0
  /// How many prefix parses are under way: the recursion depth the nesting limit bounds.
  var depth = 0
  var diagnostics: [Diagnostic]
  /// Whether some error was found at the very end of the input (the REPL then asks for more).
  var failedAtEnd = false

  /// Thrown to abandon a statement after its error has been recorded.
  struct Failure: Error {}

  init(_ source: SourceFile) {
    self.source = source
    let lexed = Lexer.tokenize(source)
    tokens = lexed.tokens
    diagnostics = lexed.diagnostics
    comments = lexed.comments
  }

  var comments: [Comment]

  /// The result of parsing: the syntax tree, and every lexical and syntax diagnostic.
  struct Result {
    var syntax: PolicySyntax
    var diagnostics: [Diagnostic]
    /// Whether the input ended in the middle of a statement, an open parenthesis or a text.
    var isIncomplete: Bool
  }

  /// Parses a whole policy; one over ``SourceSizeLimit``, or one that is no UTF-8 text
  /// (``NonTextSource``), is refused unread.
  static func parse(_ source: SourceFile) -> Result {
    if let refusal = SourceSizeLimit.diagnostic(for: source) ?? NonTextSource.diagnostic(for: source) {
      return Result(syntax: PolicySyntax(statements: [], comments: []), diagnostics: [refusal], isIncomplete: false)
    }
    var parser = Parser(source)
    let statements = parser.parsePolicy()
    let incomplete = parser.failedAtEnd || parser.diagnostics.contains { $0.code == "unterminated-string" }
    return Result(
      syntax: PolicySyntax(statements: statements, comments: parser.comments),
      diagnostics: Array(parser.diagnostics.prefix(maximumErrors)), isIncomplete: incomplete)
  }

  /// Parses one expression that must make up the whole input (the REPL's bare expressions).
  static func parseExpression(_ source: SourceFile) -> (expr: Expr?, diagnostics: [Diagnostic], isIncomplete: Bool) {
    if let refusal = SourceSizeLimit.diagnostic(for: source) ?? NonTextSource.diagnostic(for: source) {
      return (nil, [refusal], false)
    }
    var parser = Parser(source)
    var expr: Expr?
    do {
      let parsed = try parser.parseExpression()
      if case .endOfFile = parser.current.kind {
        expr = parsed.expr
      } else if parser.current.kind != .invalid {
        // An invalid token has its own diagnostic (`1.5 % 2` said "unexpected character '%'" and
        // then "expected end of expression, found an invalid token").
        parser.error(
          "unexpected-token", "expected end of expression, found \(parser.current.kind.described)",
          at: parser.current.range)
      }
    } catch {}
    let incomplete = parser.failedAtEnd || parser.diagnostics.contains { $0.code == "unterminated-string" }
    return (parser.diagnostics.containsErrors ? nil : expr, parser.diagnostics, incomplete)
  }

  // MARK: - Policy

  // policy = { statement } ;
  mutating func parsePolicy() -> [Statement] {
    var statements: [Statement] = []
    while current.kind != .endOfFile, diagnostics.count < Parser.maximumErrors {
      do {
        statements.append(try parseStatement())
      } catch {
        synchronize()
      }
    }
    return statements
  }

  /// Skips to the next token that begins a statement: a statement keyword, or `example "…"`.
  mutating func synchronize() {
    advance()
    while current.kind != .endOfFile, !current.kind.beginsStatement(before: peekKind(1)) {
      advance()
    }
  }

  // MARK: - Tokens

  var current: Token { tokens[index] }

  func peekKind(_ ahead: Int) -> TokenKind {
    tokens[min(index + ahead, tokens.count - 1)].kind
  }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  /// Consumes the current token if it is `keyword`.
  mutating func accept(_ keyword: Keyword) -> Token? {
    guard current.kind == .keyword(keyword) else { return nil }
    defer { advance() }
    return current
  }

  /// Consumes the current token if it is `symbol`.
  mutating func accept(_ symbol: Symbol) -> Token? {
    guard current.kind == .symbol(symbol) else { return nil }
    defer { advance() }
    return current
  }

  /// Consumes the current token if it is the contextual word `word` (an identifier).
  mutating func accept(word: String) -> Token? {
    guard current.kind == .identifier(word) else { return nil }
    defer { advance() }
    return current
  }

  mutating func expect(_ keyword: Keyword, _ context: String, hint: String? = nil) throws -> Token {
    if let token = accept(keyword) { return token }
    throw fail("expected '\(keyword.rawValue)' \(context), found \(current.kind.described)", hint: hint)
  }

  mutating func expect(_ symbol: Symbol, _ context: String, hint: String? = nil) throws -> Token {
    if let token = accept(symbol) { return token }
    throw fail("expected '\(symbol.rawValue)' \(context), found \(current.kind.described)", hint: hint)
  }

  mutating func expectIdentifier(_ what: String, hint: String? = nil) throws -> Identifier {
    switch current.kind {
    case .identifier(let name):
      defer { advance() }
      return Identifier(name: name, range: current.range)
    case .keyword(let keyword):
      throw fail(
        "expected \(what), found the keyword '\(keyword.rawValue)'",
        hint: hint ?? "'\(keyword.rawValue)' is reserved; choose another name")
    default:
      throw fail("expected \(what), found \(current.kind.described)", hint: hint)
    }
  }

  // MARK: - Errors

  /// Records an error at the current token and returns the failure to throw.
  mutating func fail(_ message: String, hint: String? = nil, notes: [Diagnostic.Note] = []) -> Failure {
    if current.kind == .endOfFile { failedAtEnd = true }
    // An invalid token has its own diagnostic already; a second one about it would be noise.
    if current.kind != .invalid {
      let code = current.kind == .endOfFile ? "unexpected-end" : "unexpected-token"
      error(code, message, at: current.range, hint: hint, notes: notes)
    }
    return Failure()
  }

  mutating func error(
    _ code: String, _ message: String, at range: SourceRange, hint: String? = nil, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(.error(code, message, at: range, hint: hint, notes: notes))
  }

  func line(of token: Token) -> Int { source.location(of: token.range.start).line }
}
