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
