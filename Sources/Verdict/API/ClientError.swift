/// A client that could not be built: a key the policy does not read, a field not given, or a value
/// that does not fit its field.
public struct ClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// A key names no field of the policy (``ClientOptions/rejectsUnknownKeys``).
    case unknownKey
    /// A field the policy reads was not given (``ClientOptions/requiresEveryField``).
    case absentField
    /// A value does not fit its field's type, such as `"fourty"` for a duration.
    case invalidValue
    /// A table of records the policy does not declare, or a record its table cannot fold.
    case invalidRecords
  }

  /// What went wrong.
  public var kind: Kind
  /// The key or field the error is about, as given: `revisions`, or `invoices.amount` for a field
  /// of a record.
  public var field: String
  /// What is wrong, such as `"fourty" is not a duration`.
  public var message: String
  /// How to fix it, such as `did you mean 'revisions'?`.
  public var hint: String?

  package init(_ kind: Kind, field: String, message: String, hint: String? = nil) {
    self.kind = kind
    self.field = field
    self.message = message
    self.hint = hint
  }

  package init(field: String, error: CellError) {
    self.init(.invalidValue, field: field, message: error.message, hint: error.hint)
  }

  /// The same error about a field of a record of `table`.
  func inTable(_ table: String) -> ClientError {
    var error = self
    error.field = "\(table).\(field)"
    return error
  }

  /// `payment_delay: "fourty" is not a duration`.
  public var description: String { "\(field): \(message)" }
}
