/// How ``Policy/client(_:options:)`` treats the values it is given.
///
/// The default, ``strict``, turns the mistakes an embedder can make into errors at the point where
/// they are made: a key the policy does not read (`"revision"` for `revisions`) and a field the
/// policy reads but that was not given at all. A value that does not fit its field is always an
/// error. Give a field as ``Value/missing`` (or `nil` in a `Codable` type) to say that it is unknown
/// on purpose: rules that need it are then undecided, as with an empty cell in a data file.
public struct ClientOptions: Sendable, Hashable {
  /// Whether a key that names no field of the policy is an error (with a did-you-mean), rather than
  /// ignored.
  public var rejectsUnknownKeys: Bool
  /// Whether every field the policy reads must be given, rather than missing when absent.
  public var requiresEveryField: Bool

  /// Options with each check chosen.
  public init(rejectsUnknownKeys: Bool, requiresEveryField: Bool) {
    self.rejectsUnknownKeys = rejectsUnknownKeys
    self.requiresEveryField = requiresEveryField
  }

  /// Unknown keys and absent fields are errors.
  public static let strict = ClientOptions(rejectsUnknownKeys: true, requiresEveryField: true)

  /// Unknown keys are errors; an absent field is missing. What a data file's reader does with a
  /// row: an empty cell is missing, a column the policy does not know is not.
  public static let absentIsMissing = ClientOptions(rejectsUnknownKeys: true, requiresEveryField: false)

  /// Unknown keys are ignored and absent fields are missing.
  public static let lenient = ClientOptions(rejectsUnknownKeys: false, requiresEveryField: false)
}

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
