/// Rewrites policies in the one canonical layout of `verdict fmt`, described in `docs/fmt.md`.
///
/// The formatter changes only white space, the spelling of texts (re-escaped canonically) and the
/// place of comments that sat inside a line it joins: the policy it writes parses to the same
/// statements, and formatting its output again changes nothing.
///
/// ```swift
/// let source = SourceFile(name: "firing.verdict", text: "when  x>3 then recommend fire")
/// let text = try PolicyFormatter.format("when  x>3 then recommend fire")  // "when x > 3 then recommend fire\n"
/// ```
public enum PolicyFormatter {
  /// The widest line, in characters, that a rule without a name may take to stay on one line.
  package static let lineWidth = 100

  /// Formats a policy. A policy with syntax errors is not formatted: the failure holds its
  /// diagnostics. Only syntax is checked, so a policy with type errors is still formatted.
  package static func format(_ source: SourceFile) -> Result<String, PolicyError> {
    let parsed = Parser.parse(source)
    guard !parsed.diagnostics.containsErrors else {
      return .failure(PolicyError(source: source, diagnostics: parsed.diagnostics))
    }
    let tokens = Lexer.tokenize(source).tokens
    var writer = LineWriter(source: source)
    let layouts = parsed.syntax.statements.map { statement in
      writer.layOut(statement)
    }
    var assembler = Assembler(source: source, tokens: tokens, statements: parsed.syntax.statements, layouts: layouts)
    return .success(assembler.assemble(parsed.syntax.comments))
  }

  /// Formats a policy's text in the canonical layout; `name` labels the diagnostics of a policy
  /// with syntax errors, which is not formatted.
  public static func format(_ text: String, name: String = "<policy>") throws(PolicyError) -> String {
    try format(SourceFile(name: name, text: text)).get()
  }

  /// Whether formatting `source` would change it; `nil` when it has syntax errors.
  package static func needsFormatting(_ source: SourceFile) -> Bool? {
    guard case .success(let text) = format(source) else { return nil }
    return Array(text.utf8) != source.bytes
  }
}

/// The kinds of statements: a change of kind between two statements puts a blank line between them.
enum StatementGroup {
  case field, `let`, rule, verdicts, otherwise, strategy, example, table, data

  init(_ kind: Statement.Kind) {
    switch kind {
    case .field: self = .field
    case .let: self = .let
    case .rule: self = .rule
    case .verdicts: self = .verdicts
    case .otherwise: self = .otherwise
    case .strategy: self = .strategy
    case .example: self = .example
    case .table: self = .table
    case .data: self = .data
    }
  }
}

/// One line of formatted code, without its comments.
struct FormattedLine {
  /// How many spaces it is indented by.
  var indent: Int
  /// The code, without the indentation.
  var text: String
  /// The indices, into the lexer's tokens, of the first and last token the line prints.
  var firstToken: Int
  var lastToken: Int
}

/// Statements laid out as lines.
extension LineWriter {
  /// Lays out one statement, consuming its tokens.
  mutating func layOut(_ statement: Statement) -> [FormattedLine] {
    write(statement)
    return takeLines()
  }

  /// Writes one statement; a table's members go on lines of their own, indented by two.
  private mutating func write(_ statement: Statement) {
    switch statement.kind {
    case .field(let field):
      put("field")
      put(field.name.name)
      put(":", spaced: false)
      put(field.type.name)
      if let unit = field.unit {
        put("in")
        put(unit.name)
      }
      if let format = field.format {
        put("format")
        put(Value.quote(format.text, showingInvisibleSpaces: false))
      }
      if let column = field.column {
        put("from")
        put(Value.quote(column.text, showingInvisibleSpaces: false))
      }
    case .let(let declaration):
      put("let")
      put(declaration.name.name)
      put("=")
      expression(declaration.value)
    case .rule(let rule):
      layOutRule(rule)
    case .verdicts(let names):
      put("verdicts")
      for (index, name) in names.enumerated() {
        if index > 0 { put("<") }
        put(name.name)
      }
    case .otherwise(let fallback):
      let start = self
      put("otherwise")
      action(fallback, clauseIndent: 2)
      if fallback.clauses.count > 1 || width > PolicyFormatter.lineWidth {
        self = start
        put("otherwise")
        action(fallback, clauseIndent: 2, breaking: true)
      }
    case .strategy(let strategy):
      put("strategy")
      // `most-severe` is three tokens written without spaces.
      put(strategy.name, tokens: strategy.name.contains("-") ? 3 : 1)
    case .example(let example):
      layOutExample(example)
    case .data(let file):
      put(TokenKind.dataWord)
      put(Value.quote(file.text, showingInvisibleSpaces: false))
    case .table(let table):
      put(TokenKind.tableWord)
      put(table.name.name)
      put("keyed")
      put("by")
      put(table.keyIsQuoted ? Value.quote(table.key.text, showingInvisibleSpaces: false) : table.key.text)
      for member in table.members {
        newLine(indent: 2)
        write(member)
      }
    }
  }

  /// A rule: on one line when it has no name, at most one clause and fits; otherwise `rule "name"`,
  /// `when …` and `then recommend …` on lines of their own, and each clause of several on its own.
  private mutating func layOutRule(_ rule: RuleDeclaration) {
    if rule.name == nil, rule.action.clauses.count <= 1 {
      let start = self
      put("when")
      expression(rule.condition)
      put("then")
      action(rule.action, clauseIndent: 4)
      if width <= PolicyFormatter.lineWidth { return }
      self = start
    }
    if let name = rule.name {
      put("rule")
      put(Value.quote(name, showingInvisibleSpaces: false))
      newLine(indent: 2)
    }
    put("when")
    expression(rule.condition)
    newLine(indent: 2)
    put("then")
    action(rule.action, clauseIndent: 4, breaking: rule.action.clauses.count > 1)
  }

  /// An example: on one line when it fits; otherwise each value on a line of its own, ending in a
  /// comma, and `} expect …` after them, its clauses on lines of their own when there are several,
  /// as a rule's are.
  private mutating func layOutExample(_ example: ExampleDeclaration) {
    let start = self
    exampleValues(example, breaking: false)
    action(example.expectation, clauseIndent: 2, keyword: "expect")
    if width <= PolicyFormatter.lineWidth { return }
    self = start
    exampleValues(example, breaking: true)
    action(example.expectation, clauseIndent: 2, breaking: example.expectation.clauses.count > 1, keyword: "expect")
  }

  /// `example "NAME" { FIELD: VALUE, … }`; the source's trailing comma is dropped on one line and
  /// written on every line when breaking.
  private mutating func exampleValues(_ example: ExampleDeclaration, breaking: Bool) {
    put("example")
    put(Value.quote(example.name, showingInvisibleSpaces: false))
    put("{")
    for (index, entry) in example.values.enumerated() {
      if breaking { newLine(indent: 2) }
      put(entry.field.name)
      put(":", spaced: false)
      if let records = entry.records {
        let start = self
        exampleRecords(records, trailingComma: entry.recordsHaveTrailingComma, breaking: false)
        if breaking, width > PolicyFormatter.lineWidth {
          self = start
          exampleRecords(records, trailingComma: entry.recordsHaveTrailingComma, breaking: true)
        }
      } else {
        expression(entry.value)
      }
      let isLast = index == example.values.count - 1
      if breaking {
        put(",", tokens: isLast && !example.hasTrailingComma ? 0 : 1, spaced: false)
      } else if !isLast {
        put(",", spaced: false)
      } else if example.hasTrailingComma {
        put("", spaced: false)
      }
    }
    if breaking { newLine(indent: 0) }
    put("}", spaced: !example.values.isEmpty && !breaking)
  }

  /// `[{ due: 2026-10-01, amount: 800 USD }, { … }]` on one line, or when `breaking` each
  /// record on a line of its own, ending in a comma; trailing commas inside a record go.
  private mutating func exampleRecords(_ records: [ExampleRecord], trailingComma: Bool, breaking: Bool) {
    put("[")
    for (index, record) in records.enumerated() {
      let isLast = index == records.count - 1
      if breaking { newLine(indent: 4) }
      put("{", spaced: index > 0 && !breaking)
      for (position, entry) in record.values.enumerated() {
        if position > 0 { put(",", spaced: false) }
        put(entry.field.name)
        put(":", spaced: false)
        expression(entry.value)
      }
      if record.hasTrailingComma { put("", spaced: false) }
      put("}", spaced: !record.values.isEmpty)
      if breaking {
        put(",", tokens: isLast && !trailingComma ? 0 : 1, spaced: false)
      } else if !isLast {
        put(",", spaced: false)
      } else if trailingComma {
        put("", spaced: false)
      }
    }
    if breaking { newLine(indent: 2) }
    put("]", spaced: false)
  }

  /// `recommend VERDICT CLAUSE…` (or `expect VERDICT CLAUSE…`), the clauses on lines of their own
  /// when `breaking`.
  private mutating func action(
    _ action: Action, clauseIndent: Int, breaking: Bool = false, keyword: String = "recommend"
  ) {
    put(keyword)
    put(action.verdict.name)
    for clause in action.clauses {
      if breaking { newLine(indent: clauseIndent) }
      switch clause.kind {
      case .notice(let value): clauseWithValue("notice", value)
      case .reason(let value): clauseWithValue("reason", value)
      case .refer(let value): clauseWithValue("refer", value)
      case .cooldown(let value): clauseWithValue("cooldown", value)
      case .holdUntilPaid: put("hold until paid", tokens: 3)
      case .meet(let mode): put("meet \(mode.rawValue)", tokens: 3)
      }
    }
  }

  private mutating func clauseWithValue(_ word: String, _ value: Expr) {
    put(word)
    expression(value)
  }
}
