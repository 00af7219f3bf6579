/// A grammar written in ISO 14977 EBNF, as `grammar/verdict.ebnf` is, read into terms that the
/// grammar tests generate sentences from and recognise examples with.
///
/// The subset read: rules `name = definitions ;`, alternatives `|`, concatenation `,`, optional
/// `[ … ]`, repetition `{ … }`, grouping `( … )`, terminals in `"…"` or `'…'`, special sequences
/// `? … ?` (a character class described in words; the tests give each one its meaning) and
/// comments `(* … *)`, which may nest. Exceptions (`-`) and counted repetitions (`3 * x`) are not
/// used by the grammar and are refused.
struct EBNFGrammar {
  /// One right-hand side, or a part of one.
  indirect enum Term: Equatable {
    case terminal(String)
    case rule(String)
    case special(String)
    case sequence([Term])
    case choice([Term])
    case optional(Term)
    case repetition(Term)
  }

  /// A mistake in the grammar's text, with its line and column.
  struct SyntaxError: Error, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String
    var description: String { "grammar/verdict.ebnf:\(line):\(column): \(message)" }
  }

  /// The rules by name.
  private(set) var rules: [String: Term] = [:]
  /// The rules' names in the order they are written.
  private(set) var names: [String] = []

  /// Reads `text`, throwing at the first mistake; a rule defined twice is one.
  init(parsing text: String) throws {
    var reader = Reader(characters: Array(text))
    while try reader.skipSpaceAndComments(), !reader.atEnd {
      let (line, column) = reader.position
      let name = try reader.name()
      try reader.expect("=")
      let term = try reader.definitions()
      try reader.expect(";")
      guard rules[name] == nil else {
        throw SyntaxError(line: line, column: column, message: "'\(name)' is defined twice")
      }
      rules[name] = term
      names.append(name)
    }
  }

  /// The names a term refers to.
  static func references(in term: Term) -> [String] {
    switch term {
    case .terminal, .special: []
    case .rule(let name): [name]
    case .sequence(let terms), .choice(let terms): terms.flatMap(references)
    case .optional(let term), .repetition(let term): references(in: term)
    }
  }

  /// The rules reachable from `start`, itself included.
  func reachable(from start: String) -> Set<String> {
    var seen: Set<String> = [start]
    var queue = [start]
    while let name = queue.popLast() {
      for next in rules[name].map(Self.references) ?? [] where seen.insert(next).inserted { queue.append(next) }
    }
    return seen
  }

  /// Reads the grammar's characters.
  private struct Reader {
    var characters: [Character]
    var index = 0

    var atEnd: Bool { index >= characters.count }

    /// The line and column of the next character.
    var position: (Int, Int) {
      let before = characters[..<min(index, characters.count)]
      let line = before.filter { $0 == "\n" }.count + 1
      let column = index - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
      return (line, column)
    }

    func error(_ message: String) -> SyntaxError {
      let (line, column) = position
      return SyntaxError(line: line, column: column, message: message)
    }

    /// Skips white space and comments; returns `true` so that it can stand in a condition.
    mutating func skipSpaceAndComments() throws -> Bool {
      while !atEnd {
        if characters[index].isWhitespace {
          index += 1
        } else if characters[index] == "(", index + 1 < characters.count, characters[index + 1] == "*" {
          let start = error("this comment is never closed")
          var depth = 0
          repeat {
            guard index + 1 < characters.count else { throw start }
            if characters[index] == "(", characters[index + 1] == "*" {
              depth += 1
              index += 2
            } else if characters[index] == "*", characters[index + 1] == ")" {
              depth -= 1
              index += 2
            } else {
              index += 1
            }
          } while depth > 0
        } else {
          break
        }
      }
      return true
    }

    mutating func expect(_ symbol: Character) throws {
      _ = try skipSpaceAndComments()
      guard !atEnd, characters[index] == symbol else { throw error("expected '\(symbol)'") }
      index += 1
    }

    /// A rule's name: letters, digits and underscores.
    mutating func name() throws -> String {
      _ = try skipSpaceAndComments()
      let start = index
      while !atEnd, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
      guard index > start else { throw error("expected a rule's name") }
      return String(characters[start..<index])
    }

    /// `single { "|" single }`.
    mutating func definitions() throws -> Term {
      var alternatives = [try single()]
      while try skipSpaceAndComments(), !atEnd, characters[index] == "|" {
        index += 1
        alternatives.append(try single())
      }
      return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    /// `primary { "," primary }`.
    mutating func single() throws -> Term {
      var parts = [try primary()]
      while try skipSpaceAndComments(), !atEnd, characters[index] == "," {
        index += 1
        parts.append(try primary())
      }
      return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    mutating func primary() throws -> Term {
      _ = try skipSpaceAndComments()
      guard !atEnd else { throw error("expected a term") }
      let character = characters[index]
      switch character {
      case "\"", "'", "?":
        index += 1
        let start = index
        while !atEnd, characters[index] != character { index += 1 }
        guard !atEnd else { throw error("this \(character == "?" ? "special sequence" : "terminal") is never closed") }
        let text = String(characters[start..<index])
        index += 1
        if character == "?" { return .special(text.trimmingSpaces) }
        guard !text.isEmpty else { throw error("an empty terminal") }
        return .terminal(text)
      case "[", "{", "(":
        index += 1
        let inner = try definitions()
        let close: Character = character == "[" ? "]" : character == "{" ? "}" : ")"
        try expect(close)
        return character == "[" ? .optional(inner) : character == "{" ? .repetition(inner) : inner
      case let letter where letter.isLetter || letter == "_":
        return .rule(try name())
      default:
        throw error("unexpected '\(character)' (exceptions and counted repetitions are not read)")
      }
    }
  }
}

extension String {
  /// The text without spaces at either end.
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
