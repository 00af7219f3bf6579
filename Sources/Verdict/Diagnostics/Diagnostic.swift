/// A problem found in a policy or while evaluating it: an error, a warning or a note.
///
/// Every phase reports problems as values of this type, and one ``DiagnosticRenderer`` shows them
/// the same way everywhere: in `verdict check`, in the batch runner and in the REPL.
public struct Diagnostic: Sendable, Hashable, Error {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable {
    /// The policy cannot run.
    case error
    /// The policy runs, but probably not as its author meant.
    case warning
    /// Extra context attached to another diagnostic.
    case note
  }

  /// A secondary message pointing at another place, such as where a name was first declared.
  package struct Note: Sendable, Hashable {
    /// What the note says.
    package var message: String
    /// Where it points, if anywhere.
    package var range: SourceRange?

    /// Creates a note.
    package init(_ message: String, at range: SourceRange? = nil) {
      self.message = message
      self.range = range
    }
  }

  /// Whether this is an error or a warning.
  public var severity: Severity
  /// A stable, kebab-case identifier such as `unknown-field`, for tools and documentation.
  public var code: String
  /// What is wrong, in one sentence without a trailing period.
  public var message: String
  /// The source text the problem is about.
  public var range: SourceRange
  /// How to fix it, when there is something useful to say.
  public var hint: String?
  /// Further places that explain the problem.
  package var notes: [Note]
  /// Whether a rendering shows the source line it points into: not for a source that is no text
  /// (``NonTextSource``), whose line would be bytes shown as `?`.
  package var quotesSource = true

  /// Creates a diagnostic.
  package init(
    _ severity: Severity, code: String, _ message: String, at range: SourceRange,
    hint: String? = nil, notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = Diagnostic.shortened(message)
    self.range = range
    self.hint = hint.map(Diagnostic.shortened)
    self.notes = notes
  }

  /// Messages quote names from the source: a hostile 10 MB name is cut so that no report repeats it.
  static func shortened(_ text: String) -> String {
    let limit = 300
    guard text.utf8.count > limit else { return text }
    return String(text.prefix(limit)) + "…"
  }

  /// An error diagnostic.
  package static func error(
    _ code: String, _ message: String, at range: SourceRange, hint: String? = nil, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, code: code, message, at: range, hint: hint, notes: notes)
  }

  /// A warning diagnostic.
  package static func warning(
    _ code: String, _ message: String, at range: SourceRange, hint: String? = nil, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, code: code, message, at: range, hint: hint, notes: notes)
  }
}

extension Diagnostic {
  /// The one that stands for the rest of its code once enough of them are shown: at this one's
  /// place, `more 'unknown-name' errors like the ones above are left out` (`kind` is `errors`).
  func leftOut(as kind: String) -> Diagnostic {
    var more = self
    (more.message, more.hint, more.notes) = ("more '\(code)' \(kind) like the ones above are left out", nil, [])
    return more
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  package var containsErrors: Bool { contains { $0.severity == .error } }
}
