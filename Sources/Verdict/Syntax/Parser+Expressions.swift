/// Expressions, by precedence climbing over the table in ``Precedence``.
extension Parser {
  /// An expression with the height of its tree, which the parser bounds.
  typealias Parsed = (expr: Expr, height: Int)

  // expression = binary(or) ;
  mutating func parseExpression() throws -> Parsed {
    try parseBinary(.or)
  }

  // binary(p) = prefix(p) { OPERATOR(p) binary(p + 1) } | prefix(p) "is" ( "missing" | "present" ) ;
  mutating func parseBinary(_ minimum: Precedence) throws -> Parsed {
    var left = try parsePrefix(minimum)
    var lastComparison: (op: String, range: SourceRange)?
    while true {
      if minimum <= .comparison, let isToken = accept(.is) {
        left = try parseIsMissing(left, isToken: isToken, previous: &lastComparison)
        continue
      }
      if current.kind == .symbol(.assign) {
        throw fail("unexpected '='", hint: "compare with '==' ('=' only appears in let)")
      }
      guard let (op, width) = binaryOperator(), Precedence(of: op) >= minimum else { break }
      let precedence = Precedence(of: op)
      let opRange = SourceRange(start: current.range.start, end: tokens[index + width - 1].range.end)
      if precedence.isNonAssociative, let previous = lastComparison {
        error(
          "chained-comparison", "comparisons do not chain: '\(previous.op)' is followed by '\(op.rawValue)'",
          at: opRange, hint: "join two comparisons with 'and': a < b and b < c")
        throw Failure()
      }
      for _ in 0..<width { advance() }
      let right: Parsed
      if precedence.isRightAssociative {
        // `a ?? b ?? …` recurses once an operator: bound it as prefixes are bound.
        try enterNesting()
        depth += 1
        defer { depth -= 1 }
        right = try parseBinary(precedence)
      } else {
        right = try parseBinary(Precedence(rawValue: precedence.rawValue + 1)!)
      }
      left = try node(
        .binary(op, left.expr, right.expr), range: left.expr.range.union(right.expr.range), children: [left, right])
      lastComparison = precedence.isNonAssociative ? (op.rawValue, opRange) : nil
    }
    return left
  }

  /// `x is missing`, `x is present` (the `is` has been read).
  private mutating func parseIsMissing(
    _ operand: Parsed, isToken: Token, previous: inout (op: String, range: SourceRange)?
  ) throws
    -> Parsed
  {
    if let prior = previous {
      error(
        "chained-comparison", "comparisons do not chain: '\(prior.op)' is followed by 'is'", at: isToken.range,
        hint: "put the comparison in parentheses, or join with 'and'")
      throw Failure()
    }
    let negated: Bool
    if accept(word: "missing") != nil {
      negated = false
    } else if accept(word: "present") != nil {
      negated = true
    } else if current.kind == .keyword(.not), peekKind(1) == .identifier("missing") {
      throw fail("write 'is present' rather than 'is not missing'", hint: "x is present")
    } else {
      throw fail(
        "expected 'missing' or 'present' after 'is', found \(current.kind.described)",
        hint: "write: x is missing, or: x is present")
    }
    previous = ("is", isToken.range)
    return try node(
      .isMissing(operand.expr, negated: negated),
      range: operand.expr.range.union(SourceRange(start: isToken.range.start, end: previousEnd)), children: [operand])
  }

  /// The binary operator at the current token, and how many tokens it takes (`not in` takes two).
  private func binaryOperator() -> (BinaryOperator, Int)? {
    switch current.kind {
    case .keyword(.or): (.or, 1)
    case .keyword(.and): (.and, 1)
    case .keyword(.in): (.in, 1)
    case .keyword(.not) where peekKind(1) == .keyword(.in): (.notIn, 2)
    case .keyword(.contains): (.contains, 1)
    case .symbol(.equal): (.equal, 1)
    case .symbol(.notEqual): (.notEqual, 1)
    case .symbol(.less): (.less, 1)
    case .symbol(.lessEqual): (.lessEqual, 1)
    case .symbol(.greater): (.greater, 1)
    case .symbol(.greaterEqual): (.greaterEqual, 1)
    case .symbol(.coalesce): (.coalesce, 1)
    case .symbol(.plus): (.add, 1)
    case .symbol(.minus): (.subtract, 1)
    case .symbol(.star): (.multiply, 1)
    case .symbol(.slash): (.divide, 1)
    default: nil
    }
  }

  // prefix(p) = "not" binary(not) | "-" prefix | call_or_primary ;
  mutating func parsePrefix(_ minimum: Precedence) throws -> Parsed {
    try enterNesting()
    depth += 1
    defer { depth -= 1 }
    if let token = accept(.not) {
      let operand = try parseBinary(.not)
      return try node(.unary(.not, operand.expr), range: token.range.union(operand.expr.range), children: [operand])
    }
    if let token = accept(.minus) {
      let operand = try parsePrefix(.prefix)
      return try node(.unary(.negate, operand.expr), range: token.range.union(operand.expr.range), children: [operand])
    }
    if current.kind == .symbol(.assign) {
      throw fail("unexpected '='", hint: "compare with '==' ('=' only appears in let)")
    }
    return try parsePrimary()
  }

  // primary = NUMBER | DURATION | PERCENT | MONEY | DATE | STRING | "true" | "false"
  //         | IDENT [ "(" [ expression { "," expression } ] ")" ]
  //         | "(" expression ")" | "[" [ expression { "," expression } ] "]" ;
  mutating func parsePrimary() throws -> Parsed {
    let token = current
    let literal: Value
    switch token.kind {
    case .number(let value): literal = value
    case .duration(let span): literal = .duration(span)
    case .percent(let fraction): literal = .percent(fraction)
    case .money(let money): literal = .money(money)
    case .date(let date): literal = .date(date)
    case .string(let text): literal = .text(text)
    case .keyword(.true): literal = .bool(true)
    case .keyword(.false): literal = .bool(false)
    case .identifier(let name):
      advance()
      if current.kind == .symbol(.leftParen) { return try parseCall(name: name, nameRange: token.range) }
      if current.kind == .symbol(.dot) {
        throw fail(
          "'.' outside an aggregate",
          hint: "a table's column is read inside an aggregate, for example: sum(\(name).amount)")
      }
      return (Expr(.name(name), range: token.range), 1)
    case .symbol(.leftParen):
      return try parseGroup()
    case .symbol(.leftBracket):
      return try parseList()
    case .keyword(let keyword):
      throw fail("expected a value, found the keyword '\(keyword.rawValue)'")
    default:
      throw fail("expected a value, found \(token.kind.described)")
    }
    advance()
    return (Expr(.literal(literal), range: token.range), 1)
  }

  /// `( expression )`.
  private mutating func parseGroup() throws -> Parsed {
    let open = current
    advance()
    let inner = try parseExpression()
    let close = try expectClosing(.rightParen, opening: open)
    return try node(.parenthesized(inner.expr), range: open.range.union(close.range), children: [inner])
  }

  /// `name( arguments )`; the name has been read.
  private mutating func parseCall(name: String, nameRange: SourceRange) throws -> Parsed {
    let open = current
    advance()
    if let function = AggregateFunction(rawValue: name), case .identifier = current.kind {
      switch peekKind(1) {
      case .symbol(.dot), .symbol(.rightParen), .identifier(Parser.whereWord):
        return try parseAggregate(function, Identifier(name: name, range: nameRange), opening: open)
      default:
        break
      }
    }
    let arguments = try parseSequence(closing: .rightParen, opening: open)
    return try node(
      .call(name: name, nameRange: nameRange, arguments: arguments.map(\.expr)),
      range: nameRange.union(tokens[index - 1].range),
      children: arguments)
  }

  // aggregate = AGGREGATE_FUNCTION "(" IDENT [ "." IDENT ] [ "where" expression ] ")" ;
  /// The aggregate's function and `(` have been read; the table's name is next.
  private mutating func parseAggregate(_ kind: AggregateFunction, _ function: Identifier, opening open: Token)
    throws -> Parsed
  {
    let table = try expectIdentifier("a table's name")
    var column: Identifier?
    if accept(.dot) != nil {
      column = try expectIdentifier(
        "a field of '\(table.name)' after '.'", hint: "for example: \(function.name)(\(table.name).amount)")
    }
    var filter: Parsed?
    if accept(word: Parser.whereWord) != nil {
      filter = try parseExpression()
    }
    if current.kind == .symbol(.comma) {
      throw fail(
        "\(function.name) over a table takes one table, not a list",
        hint: "filter its records with where: \(function.name)(\(table.name) where CONDITION)")
    }
    let close = try expectClosing(.rightParen, opening: open)
    let syntax = AggregateSyntax(kind: kind, function: function, table: table, column: column, filter: filter?.expr)
    return try node(.aggregate(syntax), range: function.range.union(close.range), children: filter.map { [$0] } ?? [])
  }

  /// The contextual word before an aggregate's condition.
  static let whereWord = "where"

  /// `[ a, b ]`.
  private mutating func parseList() throws -> Parsed {
    let open = current
    advance()
    let elements = try parseSequence(closing: .rightBracket, opening: open)
    return try node(.list(elements.map(\.expr)), range: open.range.union(tokens[index - 1].range), children: elements)
  }

  /// Comma-separated expressions up to and including the closing symbol.
  private mutating func parseSequence(closing: Symbol, opening: Token) throws -> [Parsed] {
    var elements: [Parsed] = []
    if accept(closing) != nil { return elements }
    repeat {
      elements.append(try parseExpression())
    } while accept(.comma) != nil
    _ = try expectClosing(closing, opening: opening)
    return elements
  }

  /// `')' expected (to close '(' at line 3)`, in the words of the message.
  private mutating func expectClosing(_ closing: Symbol, opening: Token) throws -> Token {
    if let token = accept(closing) { return token }
    let opener = opening.kind == .symbol(.leftBracket) ? "[" : "("
    throw fail(
      "expected '\(closing.rawValue)' to close '\(opener)' at line \(line(of: opening)), found \(current.kind.described)",
      notes: [Diagnostic.Note("'\(opener)' opened here", at: opening.range)])
  }

  /// Refuses to recurse deeper than ``Parser/maximumNesting``, before the stack can overflow. Each
  /// prefix parse under way stands for a node the tree will have above the next value, so this
  /// refuses only trees that ``node(_:range:children:)`` would refuse.
  private mutating func enterNesting() throws {
    if depth >= Parser.maximumNesting {
      error(
        "nesting-too-deep", Parser.tooDeepMessage, at: current.range,
        hint: "every parenthesis, 'not', '-', call, list and operator on the way in is a level")
      throw Failure()
    }
  }

  /// Builds a node, refusing trees taller than ``Parser/maximumNesting``.
  private mutating func node(_ kind: Expr.Kind, range: SourceRange, children: [Parsed]) throws -> Parsed {
    let height = (children.map(\.height).max() ?? 0) + 1
    if height > Parser.maximumNesting {
      var hint = "every parenthesis, 'not', '-', call, list and operator on the way in is a level"
      if let symbol = Parser.chainOperator(in: kind)?.rawValue {
        hint =
          "a chain of '\(symbol)' is a level per '\(symbol)': group it in halves, "
          + "(a \(symbol) b \(symbol) …) \(symbol) (c \(symbol) d \(symbol) …)"
      }
      error(
        "nesting-too-deep", Parser.tooDeepMessage, at: SourceRange(start: range.start, end: range.start + 1),
        hint: hint)
      throw Failure()
    }
    return (Expr(kind, range: range), height)
  }

  /// The operator of a chain such as `a + b + c` found going down the left operands of `kind`
  /// (`a + b + c > 0` has one), which is what makes a flat-looking expression deep.
  private static func chainOperator(in kind: Expr.Kind) -> BinaryOperator? {
    var current = kind
    for _ in 0..<4 {
      guard case .binary(let op, let left, _) = current else { return nil }
      if case .binary(op, _, _) = left.kind { return op }
      current = left.kind
    }
    return nil
  }
}
