/// Statements: `field`, `let`, rules, `verdicts`, `otherwise`, `strategy`.
extension Parser {
  /// The clause words that may follow `recommend VERDICT`.
  static let clauseWords = ["notice", "reason", "refer", "cooldown", "hold", "meet"]

  // statement = field_decl | let_decl | rule_decl | verdicts_decl | otherwise_decl | strategy_decl ;
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
    case .keyword(.then):
      throw fail("'then' without 'when'", hint: "a rule reads: when CONDITION then recommend VERDICT")
    case .keyword(.recommend):
      throw fail(
        "'recommend' outside a rule",
        hint: "write: when CONDITION then recommend VERDICT, or: otherwise recommend VERDICT")
    case .identifier(let word):
      let hint =
        Suggestion.closest(to: word, among: Keyword.allCases.filter(\.beginsStatement).map(\.rawValue))
        .map { "did you mean '\($0)'?" }
        ?? "statements begin with field, let, rule, when, verdicts, otherwise or strategy"
      throw fail("expected a statement, found '\(word)'", hint: hint)
    default:
      throw fail(
        "expected a statement, found \(current.kind.described)",
        hint: "statements begin with field, let, rule, when, verdicts, otherwise or strategy")
    }
    return Statement(kind: kind, range: SourceRange(start: start, end: previousEnd))
  }

  /// The end of the last consumed token.
  var previousEnd: Int { index > 0 ? tokens[index - 1].range.end : 0 }

  // field_decl = "field" IDENT ":" IDENT [ "in" IDENT ] ;
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
    return FieldDeclaration(name: name, type: type, unit: unit)
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
        hint: "a rule reads: when CONDITION then recommend VERDICT",
        notes: [Diagnostic.Note("the rule's 'when' is here", at: when.range)])
    }
    return RuleDeclaration(name: name, nameRange: nameRange, condition: condition, action: try parseAction())
  }

  // action = "recommend" IDENT { clause } ;
  mutating func parseAction() throws -> Action {
    _ = try expect(.recommend, "to start the action", hint: "write: then recommend fire")
    let verdict = try expectIdentifier("a verdict after 'recommend'", hint: "for example: recommend fire")
    var clauses: [Clause] = []
    while case .identifier(let word) = current.kind {
      guard Parser.clauseWords.contains(word) else {
        let hint =
          Suggestion.closest(to: word, among: Parser.clauseWords).map { "did you mean '\($0)'?" }
          ?? "the clauses are notice, reason, refer, cooldown, hold until paid and meet"
        throw fail("unknown clause '\(word)' after 'recommend \(verdict.name)'", hint: hint)
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
