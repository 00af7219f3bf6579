import Verdict

/// Gathers the lines of one entry: a statement or expression continues on the next line while
/// it is unfinished (an open parenthesis, a `when` without `then`, an unterminated text).
/// A `:` command is always one line.
package struct InputBuffer: Sendable {
  /// The lines gathered so far for an unfinished entry.
  package private(set) var lines: [String] = []

  /// An empty buffer.
  package init() {}

  /// What a line did to the entry.
  package enum Status: Equatable, Sendable {
    /// The entry is complete; here it is, its lines joined by newlines.
    case complete(String)
    /// The entry goes on: read another line (with the continuation prompt).
    case needsMore
  }

  /// Whether no unfinished entry is pending.
  package var isEmpty: Bool { lines.isEmpty }

  /// The unfinished entry so far.
  package var pending: String { lines.joined(separator: "\n") }

  /// Adds a line; returns the complete entry or asks for more.
  package mutating func add(_ line: String) -> Status {
    if lines.isEmpty && (line.trimmed.hasPrefix(":") || PolicyWords.isBlank(line)) {
      return .complete(line)
    }
    lines.append(line)
    let text = pending
    if Policy.isIncomplete(text) { return .needsMore }
    lines = []
    return .complete(text)
  }

  /// Discards the unfinished entry (Ctrl-C); returns whether there was one.
  @discardableResult
  package mutating func cancel() -> Bool {
    defer { lines = [] }
    return !lines.isEmpty
  }

  /// Takes the unfinished entry at the end of input, to report it as the parse error it is.
  package mutating func finish() -> String? {
    defer { lines = [] }
    return lines.isEmpty ? nil : pending
  }
}

extension PolicyWords {
  /// Whether `text` holds nothing but white space and comments.
  static func isBlank(_ text: String) -> Bool {
    var scanner = Scanner()
    for character in text {
      switch scanner.place(of: character) {
      case .comment: continue
      case .text: return false
      case .code: if !character.isWhitespace { return false }
      }
    }
    return true
  }
}
