import Verdict

/// Cutting policy text into one segment per statement, and finding what new text redefines.
extension PolicyDraft {
  /// The segments of the statements of `source` that start at or after `offset`.
  ///
  /// Each segment runs to the end of the line its statement ends on, so a comment after a
  /// statement stays with it, and comment lines before a statement go with that statement.
  /// Joining the segments with newlines gives back the text from `offset` on, except that each
  /// statement begins its line: the white space before it is dropped (a comment that a carriage
  /// return in it ended is ended by a newline instead), since a table's members are told by their
  /// indentation (an indented `field` or `let` on a later line than `table`). A statement that
  /// shared a line with a table, or that followed a table which did not start its line, would
  /// otherwise read as one of the table's members.
  static func segments(of source: SourceFile, statements: [Statement], from offset: Int) -> [Segment] {
    let bytes = source.bytes
    let newline = UInt8(ascii: "\n")
    let own = statements.filter { $0.range.start >= offset }
    var segments: [Segment] = []
    var start = offset
    for (index, statement) in own.enumerated() {
      var cut = bytes.count
      if index + 1 < own.count {
        let next = own[index + 1].range.start
        // The line's end: a line feed, or a carriage return alone (old Mac files).
        cut =
          bytes[statement.range.end..<next].indices.first { at in
            bytes[at] == newline || (bytes[at] == UInt8(ascii: "\r") && bytes[at + 1] != newline)
          } ?? statement.range.end
      }
      var indentation = statement.range.start
      while indentation > start,
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[indentation - 1])
      {
        indentation -= 1
      }
      var kept = Array(bytes[start..<indentation])
      // What comes before is comments; the last may have ended at a lone carriage return, just
      // dropped with the white space: a newline still ends it before the statement.
      if indentation > start, bytes[indentation - 1] != newline { kept.append(newline) }
      var text = String(decoding: kept + bytes[statement.range.start..<cut], as: UTF8.self)
      // By scalars: "\r\n" is one Character, which neither hasSuffix("\n") nor "\r" finds.
      while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
      segments.append(Segment(text: text, role: role(of: statement)))
      start = cut < bytes.count && (bytes[cut] == newline || bytes[cut] == UInt8(ascii: "\r")) ? cut + 1 : cut
    }
    return segments
  }

  /// What `statement` is: a definition keyed `field x`, `let x`, `verdicts`, `otherwise` or
  /// `strategy`, a rule, or an example.
  static func role(of statement: Statement) -> Role {
    switch statement.kind {
    case .field(let field): .definition("field \(field.name.name)")
    case .let(let binding): .definition("let \(binding.name.name)")
    case .verdicts: .definition("verdicts")
    case .otherwise: .definition("otherwise")
    case .strategy: .definition("strategy")
    case .rule: .rule
    case .example(let example): .example(example.name)
    case .table(let table): .definition("table \(table.name.name)")
    case .data: .definition("data")
    }
  }

  /// The keys of the statements in `text`, found by its words alone (so it works when `text`
  /// does not compile by itself): `field`, `let`, `verdicts`, `otherwise` and `strategy` are
  /// reserved words, so outside texts and comments they always begin a statement.
  static func definedKeys(in text: String) -> Set<String> {
    let words = PolicyWords.words(of: text)
    var keys = Set<String>()
    for (index, word) in words.enumerated() {
      switch word {
      case "field", "let":
        if index + 1 < words.count { keys.insert("\(word) \(words[index + 1])") }
      case "verdicts", "otherwise", "strategy":
        keys.insert(word)
      case "table":
        // `table` is contextual: a table statement when `keyed` follows its name.
        if index + 2 < words.count, words[index + 2] == "keyed" { keys.insert("table \(words[index + 1])") }
      default:
        break
      }
    }
    return keys
  }
}

/// The words of policy text, skipping texts in quotes and `#` comments.
package enum PolicyWords {
  /// Whether `character` ends a comment, as the lexer ends one: a line feed or a carriage
  /// return, not the other characters Unicode calls line breaks (`# a`, U+2028, `let m = 1` is
  /// one comment to the lexer, and was a comment and a statement to the REPL's input).
  static func endsComment(_ character: Character) -> Bool {
    character == "\n" || character == "\r" || character == "\r\n"
  }

  /// Where each character of policy text stands, read in order: in code, in a text in quotes
  /// (its quotes and escapes included), or in a `#` comment (the line end after it is code). The
  /// one reading of quotes and comments the REPL's word scans share.
  struct Scanner {
    enum Place { case code, text, comment }
    private var inText = false
    private var inComment = false
    private var escaped = false

    /// Whether the characters read so far end inside a text or a comment.
    var isInsideTextOrComment: Bool { inText || inComment }

    /// Where `character`, the next one, stands.
    mutating func place(of character: Character) -> Place {
      if inComment {
        guard PolicyWords.endsComment(character) else { return .comment }
        inComment = false
        return .code
      }
      if inText {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inText = false
        }
        return .text
      }
      if character == "\"" {
        inText = true
        return .text
      }
      if character == "#" {
        inComment = true
        return .comment
      }
      return .code
    }
  }

  /// The identifiers and keywords of `text`, in order.
  static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var scanner = Scanner()
    for character in text {
      if scanner.place(of: character) == .code, character.isLetter || character.isNumber || character == "_" {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// `text` on one line: its lines trimmed and joined by spaces, its `#` comments left out,
  /// which would otherwise run on over the lines after them (a recalled entry, `:rules`).
  package static func onOneLine(_ text: String) -> String {
    var scanner = Scanner()
    let kept = String(text.filter { scanner.place(of: $0) != .comment })
    return kept.split(whereSeparator: \.isNewline).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Whether `text` ends inside a text literal or a comment (for completion: nothing to offer).
  static func endsInsideTextOrComment(_ text: String) -> Bool {
    var scanner = Scanner()
    for character in text { _ = scanner.place(of: character) }
    return scanner.isInsideTextOrComment
  }
}
