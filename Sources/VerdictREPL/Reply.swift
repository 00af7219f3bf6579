import Verdict

/// What the session answers to one entry: text for standard output, text for standard error,
/// and whether the entry failed or ends the session.
package struct Reply: Sendable, Equatable {
  /// Results, each line ending with a newline.
  package var output = ""
  /// Error messages and diagnostics, each line ending with a newline.
  package var errors = ""
  /// Whether the entry failed (a script run then exits with status 1).
  package var failed = false
  /// Whether the session should end (`:quit`).
  package var quits = false

  /// An empty reply.
  package init() {}

  /// A reply that prints `text` (a newline is added when missing).
  package static func output(_ text: String) -> Reply {
    var reply = Reply()
    reply.say(text)
    return reply
  }

  /// A failed reply with the message `text` (a newline is added when missing).
  package static func error(_ text: String) -> Reply {
    var reply = Reply()
    reply.fail(text)
    return reply
  }

  /// Adds a line (or lines) of output.
  package mutating func say(_ text: String) {
    guard !text.isEmpty else { return }
    output += text.hasSuffix("\n") ? text : text + "\n"
  }

  /// Adds an error message and marks the reply failed.
  package mutating func fail(_ text: String) {
    failed = true
    guard !text.isEmpty else { return }
    errors += text.hasSuffix("\n") ? text : text + "\n"
  }

  /// Adds a warning, which does not make the reply fail.
  package mutating func warn(_ text: String) {
    guard !text.isEmpty else { return }
    errors += text.hasSuffix("\n") ? text : text + "\n"
  }
}

/// How replies are drawn: whether diagnostics are coloured.
package struct OutputStyle: Sendable {
  /// Whether to colour diagnostics with ANSI escapes.
  package var usesColor: Bool

  /// Creates a style.
  package init(usesColor: Bool = false) {
    self.usesColor = usesColor
  }

  /// The renderer for diagnostics in this style.
  var renderer: DiagnosticRenderer { DiagnosticRenderer(usesColor: usesColor) }
}
