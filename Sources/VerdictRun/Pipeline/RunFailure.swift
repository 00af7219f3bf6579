/// A problem that stops a run before any client is evaluated (exit status 2): a wrong option,
/// an unreadable data file, a header without a column the policy needs.
///
/// It holds what went wrong, not how it is printed: each ``Problem`` is a message without the
/// program's name and an optional hint, and ``message`` renders them the one way every command
/// prints them (``Problem/render(_:hint:)``).
package struct RunFailure: Error, Sendable, CustomStringConvertible {
  /// What a failure is about.
  package enum Kind: Sendable, Hashable {
    /// The options do not fit together or the policy (a `--table` the policy lacks).
    case usage
    /// A data file cannot be opened or read, or lacks what the policy needs.
    case data
    /// The report cannot be written where it was asked to go.
    case output
    /// The run history cannot be opened, read or written.
    case history
  }

  /// One thing wrong.
  package struct Problem: Sendable, Hashable {
    /// What is wrong, without `verdict: ` (a located one begins with its file and position and
    /// may be a rendered diagnostic of several lines).
    package var message: String
    /// What to do about it, printed on a line of its own after the message.
    package var hint: String?
    /// Whether the message begins with its file (`data.csv:3: …`, a rendered diagnostic), so
    /// that it is printed as it is rather than after the program's name.
    package var isLocated: Bool

    /// A problem with its message, and a hint if there is one.
    package init(_ message: String, hint: String? = nil, isLocated: Bool = false) {
      self.message = message
      self.hint = hint
      self.isLocated = isLocated
    }

    /// The problem as printed: `verdict: MESSAGE` (or a located message as it is), then
    /// `  hint: HINT` on the next line; without a final newline.
    package var rendered: String {
      isLocated ? message + (hint.map { "\n  hint: \($0)" } ?? "") : Problem.render(message, hint: hint)
    }

    /// The one way a message for standard error is written: `verdict: MESSAGE`, then
    /// `  hint: HINT` on the next line; without a final newline.
    package static func render(_ message: String, hint: String? = nil) -> String {
      "verdict: " + message + (hint.map { "\n  hint: \($0)" } ?? "")
    }
  }

  /// What the failure is about.
  package var kind: Kind
  /// What is wrong, in the order found; never empty.
  package var problems: [Problem]
  /// The exit status a command that stops for it ends with.
  package var exitStatus: Int32 = 2

  /// A failure with one problem.
  package init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    problems = [Problem(message, hint: hint)]
  }

  /// A failure whose text begins with its file and position (`data.csv:3: …` or rendered
  /// diagnostics), printed as it is.
  package init(_ kind: Kind, located text: String) {
    self.kind = kind
    problems = [Problem(text, isLocated: true)]
  }

  /// The problems of several failures together, as one (of the first one's kind).
  init(gathering failures: [RunFailure]) {
    kind = failures.first?.kind ?? .usage
    problems = failures.flatMap(\.problems)
  }

  /// The problems, rendered for standard error one after another (may span several lines; ends
  /// without a newline).
  package var message: String { problems.map(\.rendered).joined(separator: "\n") }

  /// The rendered problems.
  package var description: String { message }

  /// This failure with `hint` on its last problem (replacing the hint it had, if any).
  package func hinting(_ hint: String) -> RunFailure {
    var failure = self
    failure.problems[failure.problems.count - 1].hint = hint
    return failure
  }
}
