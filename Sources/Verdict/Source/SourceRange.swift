/// A half-open range of UTF-8 byte offsets into a policy's source text.
public struct SourceRange: Sendable, Hashable {
  /// The offset of the first byte.
  public var start: Int
  /// The offset one past the last byte.
  public var end: Int

  /// Creates a range from `start` up to, not including, `end`.
  package init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty range at `offset`, for diagnostics that point between characters.
  package static func at(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }

  /// The smallest range that covers both `self` and `other`.
  package func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}

/// A human position in a source text: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in characters from the start of the line: Unicode scalars, and each
  /// invalid UTF-8 sequence as one (as decoding shows it, one U+FFFD).
  public var column: Int

  /// Creates a location.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}
