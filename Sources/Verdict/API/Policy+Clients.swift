/// Building clients for a policy from named values.
extension Policy {
  /// Makes a client from values by field name, converting each to its field's type (a whole
  /// number for a duration field declared `in days` becomes days; text is read as a data cell).
  /// Names the policy does not use are ignored; fields not given are missing.
  public func client(_ values: [String: Value], reader: CellReader = CellReader()) throws(ClientError) -> Client {
    var slots = [Value](repeating: .missing, count: fields.count)
    for (slot, field) in fields.enumerated() {
      guard let value = values[field.name] else { continue }
      switch reader.convert(value, for: field) {
      case .success(let converted): slots[slot] = converted
      case .failure(let error): throw ClientError(field: field.name, error: error)
      }
    }
    return Client(values: slots)
  }
}

/// A client value that does not fit its field.
public struct ClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The field's name.
  public var field: String
  /// What is wrong with the value.
  public var error: CellError

  /// `payment_delay: "fourty" is not a duration`.
  public var description: String { "\(field): \(error.message)" }
}
