/// Statements: `field`, `let`, rules, `verdicts`, `otherwise`, `strategy`.
extension Parser {
  /// The clause words that may follow `recommend VERDICT`.
  static let clauseWords = ["notice", "reason", "refer", "cooldown", "hold", "meet"]
  /// The words that begin a statement, for "did you mean".
  static let statementStarts =
    Keyword.allCases.filter(\.beginsStatement).map(\.rawValue) + [TokenKind.exampleWord, TokenKind.tableWord]
  /// The hint for a line that does not begin with a statement.
  static let statementWords =
    "statements begin with field, let, rule, when, verdicts, otherwise, strategy, example or table"

  // statement = field_decl | let_decl | rule_decl | verdicts_decl | otherwise_decl | strategy_decl
  //           | example_decl | table_decl | data_decl ;
  mutating func parseStatement() throws -> Statement {
    let start = current.range.start
    let kind: Statement.Kind
    switch current.kind {
    case .keyword(.field): kind = .field(try parseField())
    case .keyword(.let): kind = .let(try parseLet())
    case .keyword(.rule), .keyword(.when): kind = .rule(try parseRule())
    case .keyword(.verdicts): kind = .verdicts(try parseVerdicts())
    case .keyword(.otherwise): kind = .otherwise(try parseOtherwise())
    case .keyword(.strategy): kind = .strategy(try parseStrategy())
    case .identifier(TokenKind.tableWord) where peekKind(1).isIdentifier:
      kind = .table(try parseTable())
    case .identifier(TokenKind.dataWord) where current.kind.beginsStatement(before: peekKind(1)):
      advance()
      kind = .data(
        try expectQuoted("the data file in double quotes after 'data'", hint: "write: data \"clients.csv\""))
    case .identifier(TokenKind.exampleWord):
      // A name cannot begin a statement, so `example` here is the example statement's word even
      // without its name after it; that gets the example's own error message.
      kind = .example(try parseExample())
    case .keyword(.then):
      throw fail("'then' without 'when'", hint: "a rule reads: when CONDITION then recommend VERDICT")
    case .keyword(.recommend):
      throw fail(
        "'recommend' outside a rule",
        hint: "write: when CONDITION then recommend VERDICT, or: otherwise recommend VERDICT")
    case .identifier(let word):
      let hint =
        Suggestion.closest(to: word, among: Parser.statementStarts).map { "did you mean '\($0)'?" }
        ?? Parser.statementWords
      throw fail("expected a statement, found '\(word)'", hint: hint)
    default:
      throw fail(
        "expected a statement, found \(current.kind.described)",
        hint: Parser.statementWords)
    }
    return Statement(kind: kind, range: SourceRange(start: start, end: previousEnd))
  }

  /// The end of the last consumed token.
  var previousEnd: Int { index > 0 ? tokens[index - 1].range.end : 0 }

  // field_decl = "field" IDENT ":" type [ "in" unit ] [ "format" STRING ] [ "from" STRING ] ;
  mutating func parseField() throws -> FieldDeclaration {
    _ = try expect(.field, "")
    let name = try expectIdentifier("a field name after 'field'")
    _ = try expect(.colon, "after the field name", hint: "write: field \(name.name): number")
    let type = try expectIdentifier(
      "a type after ':'", hint: "the types are \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))")
    var unit: Identifier?
    if accept(.in) != nil {
      unit = try expectIdentifier("a unit after 'in'", hint: "for example: in days, in hours, in EUR")
    }
    // `format` and `from` are contextual: no statement begins with a name, so here they can
    // only be the clauses, and elsewhere they stay usable as names.
    var format: QuotedText?
    if accept(word: Parser.formatWord) != nil {
      format = try expectQuoted("the date format in double quotes after 'format'", hint: "write: format \"M/D/YYYY\"")
    }
    var column: QuotedText?
    if accept(word: Parser.fromWord) != nil {
      column = try expectQuoted(
        "the column's header in double quotes after 'from'", hint: "write: from \"Due Date\"")
    }
    try refuseMisplacedFieldClause(name.name)
    return FieldDeclaration(name: name, type: type, unit: unit, format: format, column: column)
  }

  /// The contextual words of a field declaration's clauses.
  static let formatWord = "format"
  static let fromWord = "from"

  /// Consumes a text in double quotes, or fails expecting `what`.
  mutating func expectQuoted(_ what: String, hint: String) throws -> QuotedText {
    guard case .string(let text) = current.kind else {
      throw fail("expected \(what), found \(current.kind.described)", hint: hint)
    }
    defer { advance() }
    return QuotedText(text: text, range: current.range)
  }

  /// After a field declaration comes the next statement: a clause there is out of order or
  /// repeated, and a name is a misspelt clause (a statement never begins with a name).
  private mutating func refuseMisplacedFieldClause(_ field: String) throws {
    let order = "a field reads: field NAME: TYPE in UNIT format \"…\" from \"…\", each clause optional, in this order"
    switch current.kind {
    case .keyword(.in):
      throw fail("'in' out of place in the declaration of '\(field)'", hint: order)
    case .identifier(let word):
      // `example` begins the next statement, or is that statement's error.
      guard word != TokenKind.exampleWord, word != TokenKind.tableWord, word != TokenKind.dataWord else { return }
      if word == Parser.formatWord || word == Parser.fromWord {
        throw fail("'\(word)' out of place in the declaration of '\(field)'", hint: order)
      }
      let hint =
        Suggestion.closest(to: word, among: [Parser.formatWord, Parser.fromWord]).map { "did you mean '\($0)'?" }
        ?? order
      throw fail("unexpected '\(word)' after the declaration of '\(field)'", hint: hint)
    default:
      return
    }
  }

  // let_decl = "let" IDENT "=" expression ;
  mutating func parseLet() throws -> LetDeclaration {
    _ = try expect(.let, "")
    let name = try expectIdentifier("a name after 'let'")
    _ = try expect(.assign, "after the name", hint: "write: let \(name.name) = EXPRESSION")
    return LetDeclaration(name: name, value: try parseExpression().expr)
  }

  // rule_decl = [ "rule" STRING ] "when" expression "then" action ;
  mutating func parseRule() throws -> RuleDeclaration {
    var name: String?
    var nameRange: SourceRange?
    if accept(.rule) != nil {
      guard case .string(let text) = current.kind else {
        throw fail("expected the rule's name in double quotes after 'rule'", hint: "write: rule \"slow payer\" when …")
      }
      name = text
      nameRange = current.range
      advance()
    }
    let when = try expect(.when, name == nil ? "" : "after the rule's name")
    let condition = try parseExpression().expr
    guard accept(.then) != nil else {
      throw fail(
        "expected 'then' after the condition, found \(current.kind.described)",
        hint: unitWordHint() ?? thousandsHint() ?? "a rule reads: when CONDITION then recommend VERDICT",
        notes: [Diagnostic.Note("the rule's 'when' is here", at: when.range)])
    }
    return RuleDeclaration(name: name, nameRange: nameRange, condition: condition, action: try parseAction())
  }

  // action = "recommend" IDENT { clause } ;
  mutating func parseAction() throws -> Action {
    _ = try expect(.recommend, "to start the action", hint: "write: then recommend fire")
    return try parseVerdictAndClauses(after: "recommend")
  }

  /// When the current token is a unit written as a word after a number (`30 days`, as data
  /// cells may write it), the hint that a duration's unit is written on the number (`30d`).
  func unitWordHint() -> String? {
    guard index > 0, case .identifier(let word) = current.kind, case .number(let number) = tokens[index - 1].kind,
      let unit = TimeSpan.Unit(word: word)
    else { return nil }
    return "a duration is written with its unit on the number: \(number)\(unit.rawValue)"
  }

  /// When the current token is a comma between two numbers (`12,500`, as data cells may write
  /// it), the hint that a policy writes no thousands separator.
  func thousandsHint() -> String? {
    guard index > 0, current.kind == .symbol(.comma), case .number(let whole) = tokens[index - 1].kind,
      case .number(let rest) = peekKind(1)
    else { return nil }
    return Lexer.thousandsSeparatorHint("\(whole)", "\(rest)")
  }

  /// The verdict and clauses of an action, or of an example's expectation.
  mutating func parseVerdictAndClauses(after keyword: String) throws -> Action {
    let verdict = try expectIdentifier("a verdict after '\(keyword)'", hint: "for example: \(keyword) fire")
    var clauses: [Clause] = []
    // `example "…"` after an action begins the next statement; it is not a clause.
    while case .identifier(let word) = current.kind, !current.kind.beginsStatement(before: peekKind(1)) {
      guard Parser.clauseWords.contains(word) else {
        let hint =
          unitWordHint() ?? Suggestion.closest(to: word, among: Parser.clauseWords).map { "did you mean '\($0)'?" }
          ?? "the clauses are notice, reason, refer, cooldown, hold until paid and meet"
        throw fail("unknown clause '\(word)' after '\(keyword) \(verdict.name)'", hint: hint)
      }
      clauses.append(try parseClause())
    }
    return Action(verdict: verdict, clauses: clauses)
  }

  // clause = "notice" expression | "reason" expression | "refer" expression | "cooldown" expression
  //        | "hold" "until" "paid" | "meet" ( "in" "person" | "by" "phone" | "by" "video" ) ;
  mutating func parseClause() throws -> Clause {
    let start = current.range.start
    let word = current.kind
    advance()
    let kind: Clause.Kind
    switch word {
    case .identifier("notice"): kind = .notice(try parseExpression().expr)
    case .identifier("reason"): kind = .reason(try parseExpression().expr)
    case .identifier("refer"): kind = .refer(try parseExpression().expr)
    case .identifier("cooldown"): kind = .cooldown(try parseExpression().expr)
    case .identifier("hold"):
      guard accept(word: "until") != nil, accept(word: "paid") != nil else {
        throw fail("expected 'until paid' after 'hold'", hint: "write: hold until paid")
      }
      kind = .holdUntilPaid
    default:
      if accept(.in) != nil, accept(word: "person") != nil {
        kind = .meet(.inPerson)
      } else if accept(word: "by") != nil,
        let mode = accept(word: "phone").map({ _ in MeetingMode.byPhone })
          ?? accept(word: "video").map({ _ in .byVideo })
      {
        kind = .meet(mode)
      } else {
        throw fail("expected 'in person', 'by phone' or 'by video' after 'meet'")
      }
    }
    return Clause(kind: kind, range: SourceRange(start: start, end: previousEnd))
  }

  // example_decl = "example" STRING "{" [ example_value { "," example_value } [ "," ] ] "}"
  //                "expect" IDENT { clause } ;
  // example_value = IDENT ":" expression ;
  mutating func parseExample() throws -> ExampleDeclaration {
    advance()  // the word `example`, which parseStatement has seen
    guard case .string(let name) = current.kind else {
      throw fail(
        "expected the example's name in double quotes after 'example'",
        hint: "write: example \"late and picky\" { payment_delay: 45d } expect fire")
    }
    let nameRange = current.range
    advance()
    let open = try expect(.leftBrace, "after the example's name", hint: "the client's values go in { field: value, … }")
    var values: [ExampleValue] = []
    var hasTrailingComma = false
    while current.kind != .symbol(.rightBrace), current.kind != .endOfFile {
      let field = try expectIdentifier(
        "a field name in the example", hint: "write: { payment_delay: 45d, revisions: 7 }")
      _ = try expect(.colon, "after '\(field.name)'", hint: "write: \(field.name): VALUE")
      if current.kind == .symbol(.leftBracket), peekKind(1) == .symbol(.leftBrace) {
        values.append(try parseExampleRecords(of: field))
      } else {
        values.append(ExampleValue(field: field, value: try parseExpression().expr))
      }
      hasTrailingComma = accept(.comma) != nil
      guard hasTrailingComma else { break }
    }
    guard accept(.rightBrace) != nil else {
      throw fail(
        "'}' expected (to close '{' at line \(source.location(of: open.range.start).line)), found \(current.kind.described)",
        hint: "separate the values with commas: { payment_delay: 45d, revisions: 7 }")
    }
    guard accept(word: "expect") != nil else {
      throw fail(
        "expected 'expect' after the example's values, found \(current.kind.described)",
        hint: "write: … } expect fire notice 30d")
    }
    return ExampleDeclaration(
      name: name, nameRange: nameRange, values: values, expectation: try parseVerdictAndClauses(after: "expect"),
      hasTrailingComma: hasTrailingComma)
  }

  // verdicts_decl = "verdicts" IDENT { "<" IDENT } ;
  mutating func parseVerdicts() throws -> [Identifier] {
    _ = try expect(.verdicts, "")
    var names = [try expectIdentifier("a verdict name after 'verdicts'")]
    while accept(.less) != nil {
      names.append(try expectIdentifier("a verdict name after '<'"))
    }
    return names
  }

  // otherwise_decl = "otherwise" action ;
  mutating func parseOtherwise() throws -> Action {
    _ = try expect(.otherwise, "")
    return try parseAction()
  }

  // strategy_decl = "strategy" ( "most-severe" | "first-match" ) ;
  mutating func parseStrategy() throws -> Identifier {
    let keyword = try expect(.strategy, "")
    let hint = "write: strategy most-severe, or: strategy first-match"
    let first = try expectIdentifier("a strategy after 'strategy'", hint: hint)
    // The strategy names are hyphenated: three tokens with nothing between them. A lone word is
    // left to the checker, which reports an unknown strategy at the word.
    guard current.kind == .symbol(.minus), current.range.start == first.range.end else { return first }
    guard let dash = accept(.minus), case .identifier(let second) = current.kind, current.range.start == dash.range.end
    else {
      throw fail(
        "expected 'most-severe' or 'first-match' after 'strategy'", hint: hint,
        notes: [Diagnostic.Note("'strategy' is here", at: keyword.range)])
    }
    advance()
    return Identifier(name: "\(first.name)-\(second)", range: first.range.union(tokens[index - 1].range))
  }
}
