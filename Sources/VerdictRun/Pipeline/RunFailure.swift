/// A problem that stops a run before any client is evaluated (exit status 2): a wrong option,
/// an unreadable data file, a header without a column the policy needs.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
  /// The message, ready for standard error (may span several lines; ends without a newline).
  public var message: String

  /// Creates a failure.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
