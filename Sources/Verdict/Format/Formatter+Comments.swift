/// Puts the formatted statements together with the comments and the blank lines between them.
///
/// - A comment alone on its line goes on its own line before the line holding the token that
///   followed it, indented like that line; comments after the last statement end the file.
/// - A comment after code stays at the end of the line holding the token before it, when that
///   token ends the line. When the line goes on (the formatter joined lines), it goes on its own
///   line before it instead.
/// - Blank lines: one between statements of different kinds and around statements of several lines;
///   elsewhere one where the author left at least one between statements or comments.
/// - The comments at the ends of consecutive lines line up, two spaces after the longest code.
struct Assembler {
  let source: SourceFile
  let tokens: [Token]
  let statements: [Statement]
  let layouts: [[FormattedLine]]

  /// A line of output: code, or an own-line comment, and maybe a trailing comment.
  private struct OutputLine {
    var code: String
    var trailing: String?
  }

  /// The comments to write before each line (`[statement][line]`), and at each line's end.
  private var leading: [[[Comment]]]
  private var trailing: [[Comment?]]
  /// Comments after the last token.
  private var closing: [Comment] = []
  private var output: [OutputLine] = []

  init(source: SourceFile, tokens: [Token], statements: [Statement], layouts: [[FormattedLine]]) {
    self.source = source
    self.tokens = tokens
    self.statements = statements
    self.layouts = layouts
    leading = layouts.map { $0.map { _ in [] } }
    trailing = layouts.map { $0.map { _ in nil } }
  }

  /// The whole formatted text, ending in one newline (empty for a policy with nothing in it).
  mutating func assemble(_ comments: [Comment]) -> String {
    attach(comments)
    var lastEnd = 0
    for (index, statement) in statements.enumerated() {
      writeStatement(index, statement, lastEnd: &lastEnd)
    }
    for (index, comment) in closing.enumerated() {
      let after = index == 0 ? lastEnd : closing[index - 1].range.end
      if index > 0 || !output.isEmpty { separate(blank: hasBlankLine(from: after, to: comment.range.start)) }
      output.append(OutputLine(code: Assembler.text(of: comment)))
    }
    return render()
  }

  // MARK: - Attaching comments to lines

  private mutating func attach(_ comments: [Comment]) {
    // Which formatted line printed each token.
    var owner = [(statement: Int, line: Int)?](repeating: nil, count: tokens.count)
    for (statement, lines) in layouts.enumerated() {
      for (index, line) in lines.enumerated() {
        for token in line.firstToken...line.lastToken where token < owner.count {
          owner[token] = (statement, index)
        }
      }
    }
    var next = 0
    for comment in comments {
      while next < tokens.count - 1, tokens[next].range.end <= comment.range.start { next += 1 }
      let previous = next - 1
      let ownLine = previous < 0 || hasLineBreak(from: tokens[previous].range.end, to: comment.range.start)
      if !ownLine, let (statement, line) = owner[previous] {
        if layouts[statement][line].lastToken == previous, trailing[statement][line] == nil {
          trailing[statement][line] = comment
        } else {
          leading[statement][line].append(comment)
        }
      } else if let (statement, line) = owner[next] {
        leading[statement][line].append(comment)
      } else {
        closing.append(comment)
      }
    }
  }

  // MARK: - Writing

  private mutating func writeStatement(_ index: Int, _ statement: Statement, lastEnd: inout Int) {
    let lines = layouts[index]
    let start = statement.range.start
    let comments = leading[index].first ?? []
    // The comments before the statement in the source, then those moved out of its first line.
    let before = comments.filter { $0.range.start < start }
    let moved = comments.filter { $0.range.start >= start }
    if index > 0 || !output.isEmpty {
      var blank = hasBlankLine(from: lastEnd, to: before.first?.range.start ?? start)
      if index > 0 {
        let previous = statements[index - 1]
        blank =
          blank || StatementGroup(previous.kind) != StatementGroup(statement.kind) || layouts[index - 1].count > 1
          || lines.count > 1
      }
      separate(blank: blank)
    }
    for (position, comment) in before.enumerated() {
      if position > 0 { separate(blank: hasBlankLine(from: before[position - 1].range.end, to: comment.range.start)) }
      output.append(OutputLine(code: Assembler.text(of: comment)))
    }
    if let last = before.last, moved.isEmpty {
      separate(blank: hasBlankLine(from: last.range.end, to: start))
    }
    lastEnd = statement.range.end
    for (position, line) in lines.enumerated() {
      let indentation = String(repeating: " ", count: line.indent)
      for comment in position == 0 ? moved : leading[index][position] {
        output.append(OutputLine(code: indentation + Assembler.text(of: comment)))
        lastEnd = max(lastEnd, comment.range.end)
      }
      let comment = trailing[index][position]
      output.append(OutputLine(code: indentation + line.text, trailing: comment.map(Assembler.text(of:))))
      if let comment { lastEnd = max(lastEnd, comment.range.end) }
    }
  }

  /// Adds a blank line if `blank` and the output does not already end in one.
  private mutating func separate(blank: Bool) {
    guard blank, let last = output.last, !(last.code.isEmpty && last.trailing == nil) else { return }
    output.append(OutputLine(code: ""))
  }

  /// The lines joined, trailing comments aligned in runs of consecutive lines.
  private func render() -> String {
    var result = ""
    var index = 0
    while index < output.count {
      var end = index
      while end < output.count, output[end].trailing != nil { end += 1 }
      if end == index {
        result += output[index].code + "\n"
        index += 1
        continue
      }
      let column = output[index..<end].map(\.code.count).max() ?? 0
      for line in output[index..<end] {
        let padding = String(repeating: " ", count: column - line.code.count + 2)
        result += line.code + padding + (line.trailing ?? "") + "\n"
      }
      index = end
    }
    return result
  }

  // MARK: - Source text

  /// `#` and the comment's text, without white space at its end.
  static func text(of comment: Comment) -> String {
    var text = Substring(comment.text)
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return "#" + text
  }

  /// Whether the source has a line break between two offsets.
  private func hasLineBreak(from start: Int, to end: Int) -> Bool {
    lineBreaks(from: start, to: end) > 0
  }

  /// Whether the source has an empty line between two offsets.
  private func hasBlankLine(from start: Int, to end: Int) -> Bool {
    lineBreaks(from: start, to: end) > 1
  }

  private func lineBreaks(from start: Int, to end: Int) -> Int {
    let lower = min(max(start, 0), source.bytes.count)
    let upper = min(max(end, lower), source.bytes.count)
    var count = 0
    var offset = lower
    while offset < upper {
      let byte = source.bytes[offset]
      // A `\r\n` pair is one line break.
      if byte == UInt8(ascii: "\n")
        || (byte == UInt8(ascii: "\r") && source.bytes[safe: offset + 1] != UInt8(ascii: "\n"))
      {
        count += 1
      }
      offset += 1
    }
    return count
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
