/// Where a record came from, for error messages.
///
/// The reader does not repeat the file name in every record: the caller knows which
/// `ByteSource` it opened (see `ByteSource.name`) and prefixes it when reporting.
package struct RecordPosition: Sendable, Equatable, Hashable {
  /// The 1-based physical line of the record's first byte.
  ///
  /// Physical lines are counted by line breaks in the file (LF, CRLF or a lone CR), so a
  /// record that follows a quoted field spanning two lines reports the line it really starts on.
  package var line: Int

  /// Creates a position on the given 1-based line.
  package init(line: Int) {
    self.line = line
  }
}

/// A problem found while reading a data file: malformed CSV or JSON, or an I/O failure.
///
/// `line` and `column` are 1-based; the column counts bytes from the start of the line.
/// `column` is 0 when only the line is known; both are 0 when the problem has no position in
/// the file (for example, the file cannot be opened).
package struct DataReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The 1-based line where the problem was found, or 0 when it has no position.
  package var line: Int
  /// The 1-based byte column within `line`, or 0 when it has no position.
  package var column: Int
  /// What went wrong, in one sentence without a trailing period.
  package var message: String
  /// An optional suggestion for fixing the input.
  package var hint: String?

  /// Creates an error at the given position.
  package init(line: Int, column: Int, message: String, hint: String? = nil) {
    self.line = line
    self.column = column
    self.message = message
    self.hint = hint
  }

  /// The error as one line, e.g. `line 3, column 7: unterminated quoted field (hint: ...)`.
  package var description: String {
    var text = message
    if line > 0 {
      text = column > 0 ? "line \(line), column \(column): \(message)" : "line \(line): \(message)"
    }
    if let hint {
      text += " (hint: \(hint))"
    }
    return text
  }
}

extension DataReadError {
  /// An error without a position in the file, such as an I/O failure.
  static func io(_ message: String) -> DataReadError {
    DataReadError(line: 0, column: 0, message: message)
  }
}
