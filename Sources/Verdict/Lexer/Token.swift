/// One token of a policy, with the source range it was read from.
struct Token: Sendable, Equatable {
  var kind: TokenKind
  var range: SourceRange
}

/// What a token is. Literals carry their already-parsed value.
enum TokenKind: Sendable, Equatable {
  case identifier(String)
  case keyword(Keyword)
  case number(Value)
  case duration(TimeSpan)
  case percent(DecimalNumber)
  case money(Money)
  case date(CalendarDate)
  case string(String)
  case symbol(Symbol)
  /// A token the lexer could not read; it has already reported a diagnostic.
  case invalid
  case endOfFile

  /// How the token is named in "expected …" messages.
  var described: String {
    switch self {
    case .identifier(let name): "'\(name)'"
    case .keyword(let keyword): "'\(keyword.rawValue)'"
    case .number: "a number"
    case .duration: "a duration"
    case .percent: "a percent"
    case .money: "money"
    case .date: "a date"
    case .string: "text"
    case .symbol(let symbol): "'\(symbol.rawValue)'"
    case .invalid: "an invalid token"
    case .endOfFile: "end of input"
    }
  }

  /// Whether a statement begins with this token when `next` follows it: a statement keyword, or
  /// the contextual word `example` before the example's name (`example "late" { … }`), so that a
  /// field may still be called `example` (likewise `table` before a name, `data` before a file).
  func beginsStatement(before next: TokenKind) -> Bool {
    switch self {
    case .keyword(let keyword): keyword.beginsStatement
    case .identifier(TokenKind.exampleWord):
      if case .string = next { true } else { false }
    case .identifier(TokenKind.tableWord):
      if case .identifier = next { true } else { false }
    case .identifier(TokenKind.dataWord):
      if case .string = next { true } else { false }
    case .identifier, .number, .duration, .percent, .money, .date, .string, .symbol, .invalid, .endOfFile: false
    }
  }

  /// Whether this is a name.
  var isIdentifier: Bool {
    if case .identifier = self { return true }
    return false
  }

  /// The contextual word that begins an `example` statement.
  static let exampleWord = "example"
  /// The contextual word that begins a `table` statement (before the table's name), so that a
  /// field may still be called `table`.
  static let tableWord = "table"
  /// The contextual word that begins a `data` statement (before the file's name in double
  /// quotes), so that a field may still be called `data`.
  static let dataWord = "data"
}

/// Reserved words. Clause words (`notice`, `reason`, `refer`, `hold`, `cooldown`, `meet`), the
/// words after `is`, `example` (a statement only when text follows it) and `expect` are
/// contextual: they stay usable as field names.
enum Keyword: String, Sendable, CaseIterable {
  case field, `let`, rule, when, then, recommend, verdicts, otherwise, strategy
  case and, or, not, `in`, `is`, contains, `true`, `false`

  /// Keywords that begin a statement; the parser resynchronises on them after an error. So does
  /// the contextual word `example` followed by text (see ``TokenKind/beginsStatement(before:)``).
  var beginsStatement: Bool {
    switch self {
    case .field, .let, .rule, .when, .verdicts, .otherwise, .strategy: true
    case .then, .recommend, .and, .or, .not, .in, .is, .contains, .true, .false: false
    }
  }
}

/// Punctuation and operators.
enum Symbol: String, Sendable, CaseIterable {
  case leftParen = "("
  case rightParen = ")"
  case leftBracket = "["
  case rightBracket = "]"
  case comma = ","
  case colon = ":"
  case assign = "="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case equal = "=="
  case notEqual = "!="
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case coalesce = "??"
  case leftBrace = "{"
  case rightBrace = "}"
  /// `invoices.amount`: a column of a record table, inside an aggregate.
  case dot = "."
}

/// A `#` comment, kept with its position so that a formatter can put it back.
package struct Comment: Sendable, Hashable {
  /// The comment's range, from `#` to the end of the line.
  package var range: SourceRange
  /// The text after `#`, without the line terminator.
  package var text: String
}
