/// A problem that stops a run before any client is evaluated (exit status 2): a wrong option,
/// an unreadable data file, a header without a column the policy needs.
package struct RunFailure: Error, Sendable, CustomStringConvertible {
  /// The message, ready for standard error (may span several lines; ends without a newline).
  package var message: String

  /// Creates a failure.
  package init(_ message: String) {
    self.message = message
  }

  /// The message.
  package var description: String { message }
}
