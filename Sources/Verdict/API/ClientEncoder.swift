/// Building clients from your own `Encodable` types.
extension Policy {
  /// Makes a client from an `Encodable` value whose properties are the policy's fields: each
  /// property is read as ``client(_:options:)`` reads a value of a dictionary.
  ///
  /// ```swift
  /// struct Account: Encodable { var payment_delay: String; var revisions: Int; var outstanding: String? }
  /// let client = try policy.client(from: Account(payment_delay: "45d", revisions: 7, outstanding: nil))
  /// ```
  ///
  /// Strings, whole numbers, `Bool`, arrays of those and ``CalendarDate`` are taken as they are; an
  /// optional that is `nil` is missing. A `Double` or `Float` is refused, since it holds most
  /// decimal fractions only approximately: keep such values as `String` (`"12.50"`) or
  /// ``DecimalNumber``. Nested types other than arrays are refused too.
  ///
  /// - Throws: ``ClientError`` for a property the encoder cannot take, and whatever
  ///   ``client(_:options:)`` refuses.
  public func client(from value: some Encodable, options: ClientOptions = .strict) throws(ClientError) -> Client {
    let encoder = ClientEncoder()
    do {
      try value.encode(to: encoder)
    } catch let error as ClientError {
      throw error
    } catch {
      throw ClientError(.invalidValue, field: encoder.storage.currentKey ?? "", message: "\(error)")
    }
    guard encoder.storage.isFlat else {
      throw ClientError(
        .invalidValue, field: encoder.storage.currentKey ?? "",
        message: "a client is a set of named fields, each a value, not a nested object",
        hint: "give the fields of a nested type as properties of their own")
    }
    return try client(encoder.storage.values, options: options)
  }
}

/// The values an encoding produced, shared by the encoder and its containers.
final class ClientEncoding {
  var values: [String: Value] = [:]
  /// The key being encoded, for an error thrown by a nested value.
  var currentKey: String?
  /// Whether the value encoded only named fields, none of them a nested object.
  var isFlat = true
}

/// An `Encoder` that turns one flat `Encodable` value into the named values of a client.
struct ClientEncoder: Encoder {
  let storage = ClientEncoding()
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(ClientContainer<Key>(storage: storage))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    storage.isFlat = false
    return ValueCapture(key: "").unkeyedContainer()
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    storage.isFlat = false
    return ValueCapture(key: "").singleValueContainer()
  }

  /// A property's value: the library's own value types as they are, anything else through
  /// its `encode(to:)` (a whole number, text, a list).
  static func value(of value: some Encodable, key: String) throws -> Value {
    switch value {
    case let value as Value: return value
    case let date as CalendarDate: return .date(date)
    case let number as DecimalNumber: return .decimal(number)
    case let money as Money: return .money(money)
    case let span as TimeSpan: return .duration(span)
    default:
      let capture = ValueCapture(key: key)
      try value.encode(to: capture)
      return try capture.result()
    }
  }
}

/// The fields of a client, by property name.
struct ClientContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let storage: ClientEncoding
  var codingPath: [any CodingKey] { [] }

  func set(_ value: Value, _ key: Key) { storage.values[key.stringValue] = value }

  mutating func encodeNil(forKey key: Key) throws { set(.missing, key) }
  // Each kind of value is converted once, by ValueCapture, whether it is a property or a list's
  // element.
  mutating func encode(_ value: Bool, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: String, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { try encode(value, as: key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { try encode(value, as: key) }

  // `nil` optionals are missing values rather than absent keys, so that a strict client built from
  // a type with optional properties does not report them as not given.
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOptional(value, key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encode(value, as: key) }

  private func encode(_ value: some Encodable, as key: Key) throws {
    storage.currentKey = key.stringValue
    set(try ClientEncoder.value(of: value, key: key.stringValue), key)
  }

  private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
    guard let value else { return set(.missing, key) }
    try encode(value, forKey: key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    storage.currentKey = key.stringValue
    storage.isFlat = false
    return KeyedEncodingContainer(ClientContainer<NestedKey>(storage: ClientEncoding()))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    storage.isFlat = false
    return ValueCapture(key: key.stringValue).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { ClientEncoder() }
  mutating func superEncoder(forKey key: Key) -> any Encoder { ClientEncoder() }
}
