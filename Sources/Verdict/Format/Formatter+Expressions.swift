/// Builds formatted lines piece by piece, counting the source tokens each piece stands for so
/// that comments can be put back next to the code they were written beside.
///
/// The formatter prints the policy's tokens in their source order, so the n-th token printed is
/// the lexer's n-th token.
struct LineWriter {
  let source: SourceFile
  private var lines: [FormattedLine] = []
  private var text = ""
  private var indent = 0
  private var firstToken: Int?
  private var lastToken = 0
  /// The index of the next source token to print.
  private(set) var nextToken = 0

  init(source: SourceFile) {
    self.source = source
  }

  /// The width of the line being written, indentation included.
  var width: Int { indent + text.count }

  /// Appends a piece standing for `tokens` source tokens, after a space unless `spaced` is false
  /// or the line is empty.
  mutating func put(_ piece: String, tokens: Int = 1, spaced: Bool = true) {
    if spaced, !text.isEmpty { text += " " }
    text += piece
    if firstToken == nil { firstToken = nextToken }
    lastToken = nextToken + tokens - 1
    nextToken += tokens
  }

  /// Ends the line being written and starts one indented by `indent` spaces.
  mutating func newLine(indent: Int) {
    flush()
    self.indent = indent
  }

  /// The lines written since the last call, ending the current one.
  mutating func takeLines() -> [FormattedLine] {
    flush()
    defer { lines = [] }
    indent = 0
    return lines
  }

  private mutating func flush() {
    guard let first = firstToken else { return }
    lines.append(FormattedLine(indent: indent, text: text, firstToken: first, lastToken: lastToken))
    text = ""
    firstToken = nil
  }

  // MARK: - Expressions

  /// Writes an expression with single spaces around operators and the author's parentheses.
  mutating func expression(_ expr: Expr, spaced: Bool = true) {
    switch expr.kind {
    case .literal(let value):
      put(literalText(value, range: expr.range), spaced: spaced)
    case .name(let name):
      put(name, spaced: spaced)
    case .unary(.not, let operand):
      put("not", spaced: spaced)
      expression(operand)
    case .unary(.negate, let operand):
      put("-", spaced: spaced)
      // `- -x` rather than `--x`.
      if case .unary(.negate, _) = operand.kind {
        expression(operand)
      } else {
        expression(operand, spaced: false)
      }
    case .binary(let op, let left, let right):
      expression(left, spaced: spaced)
      put(op.rawValue, tokens: op == .notIn ? 2 : 1)
      expression(right)
    case .isMissing(let operand, let negated):
      expression(operand, spaced: spaced)
      put("is")
      put(negated ? "present" : "missing")
    case .call(let name, _, let arguments):
      put(name, spaced: spaced)
      put("(", spaced: false)
      sequence(arguments)
      put(")", spaced: false)
    case .list(let elements):
      put("[", spaced: spaced)
      sequence(elements)
      put("]", spaced: false)
    case .parenthesized(let inner):
      put("(", spaced: spaced)
      expression(inner, spaced: false)
      put(")", spaced: false)
    case .aggregate(let aggregate):
      put(aggregate.function.name, spaced: spaced)
      put("(", spaced: false)
      put(aggregate.table.name, spaced: false)
      if let column = aggregate.column {
        put(".", spaced: false)
        put(column.name, spaced: false)
      }
      if let filter = aggregate.filter {
        put(Parser.whereWord)
        expression(filter)
      }
      put(")", spaced: false)
    }
  }

  /// `a, b, c`, the first glued to the bracket before it.
  private mutating func sequence(_ elements: [Expr]) {
    for (index, element) in elements.enumerated() {
      if index > 0 { put(",", spaced: false) }
      expression(element, spaced: index > 0)
    }
  }

  /// A literal as the author wrote it (`1_000`, `€500`, `1200 EUR`), texts re-escaped canonically.
  private func literalText(_ value: Value, range: SourceRange) -> String {
    switch value {
    case .text(let text): return Value.quote(text, showingInvisibleSpaces: false)
    case .bool(let truth): return truth ? "true" : "false"
    default:
      let start = min(max(range.start, 0), source.bytes.count)
      let end = min(max(range.end, start), source.bytes.count)
      let text = String(decoding: source.bytes[start..<end], as: UTF8.self)
      // `1200   EUR` is the only literal with spaces inside: one is enough.
      return text.split(separator: " ").joined(separator: " ")
    }
  }
}
