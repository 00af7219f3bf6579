import Foundation
import Verdict

/// Diagnostics as JSON for editors and CI: one object a diagnostic with its file, range (1-based
/// lines and columns, the end exclusive), severity, code, message, hint and notes.
struct DiagnosticJSON: Encodable {
  struct Position: Encodable {
    var line: Int
    var column: Int
  }

  struct Range: Encodable {
    var start: Position
    var end: Position
  }

  struct Note: Encodable {
    var message: String
    var range: Range?
  }

  var file: String
  var range: Range
  var severity: String
  var code: String
  var message: String
  var hint: String?
  var notes: [Note]

  init(_ diagnostic: Diagnostic, in source: SourceFile) {
    func range(_ sourceRange: SourceRange) -> Range {
      let start = source.location(of: sourceRange.start)
      let end = source.location(of: sourceRange.end)
      return Range(
        start: Position(line: start.line, column: start.column), end: Position(line: end.line, column: end.column))
    }
    file = source.name
    self.range = range(diagnostic.range)
    severity = diagnostic.severity.rawValue
    code = diagnostic.code
    message = diagnostic.message
    hint = diagnostic.hint
    notes = diagnostic.notes.map { Note(message: $0.message, range: $0.range.map(range)) }
  }

  /// A finding about a data file's line: its range is the line's first column.
  init(_ finding: DataLineFinding) {
    let start = Position(line: finding.line, column: 1)
    file = finding.file
    range = Range(start: start, end: start)
    severity = Diagnostic.Severity.warning.rawValue
    code = finding.code.rawValue
    message = finding.message
    hint = nil
    notes = []
  }

  /// The diagnostics of every file as one JSON array, keys sorted so that output is stable.
  static func render(_ diagnostics: [DiagnosticJSON]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(diagnostics) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self).escapingLineSeparators + "\n"
  }
}
