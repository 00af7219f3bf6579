/// An `Encoder` that captures one value of a client's property: a whole number, text, a truth
/// value, or a list of those. Anything else (a nested object, a binary floating-point number) is
/// an error naming the property.
final class ValueCapture: Encoder {
  let key: String
  private var value: Value?
  private var list: [Value]?
  private var failure: ClientError?

  init(key: String) { self.key = key }

  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// The captured value, or the error that stopped it.
  func result() throws(ClientError) -> Value {
    if let failure { throw failure }
    if let list { return .list(list) }
    guard let value else { throw refusal("it encodes no value") }
    return value
  }

  func refusal(_ message: String, hint: String? = nil) -> ClientError {
    ClientError(.invalidValue, field: key, message: message, hint: hint)
  }

  func take(_ captured: Value) {
    if list != nil { list!.append(captured) } else { value = captured }
  }

  func fail(_ error: ClientError) {
    if failure == nil { failure = error }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    fail(refusal("a nested object is not a field value", hint: "give its fields as properties of their own"))
    return KeyedEncodingContainer(ClientContainer<Key>(storage: ClientEncoding()))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if list == nil { list = [] }
    return Slot(capture: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { Slot(capture: self) }

  /// One value, or the next element of a list.
  struct Slot: SingleValueEncodingContainer, UnkeyedEncodingContainer {
    let capture: ValueCapture
    var codingPath: [any CodingKey] { [] }
    var count: Int { capture.list?.count ?? 0 }

    mutating func encodeNil() throws { capture.take(.missing) }
    mutating func encode(_ value: Bool) throws { capture.take(.bool(value)) }
    mutating func encode(_ value: String) throws { capture.take(.text(value)) }
    mutating func encode(_ value: Int) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { capture.take(.int(value)) }
    mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { capture.take(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws {
      guard let signed = Int64(exactly: value) else {
        throw capture.refusal("\(value) is past the largest whole number")
      }
      capture.take(.int(signed))
    }
    mutating func encode(_ value: Double) throws { throw floatingPoint() }
    mutating func encode(_ value: Float) throws { throw floatingPoint() }
    mutating func encode<T: Encodable>(_ value: T) throws {
      capture.take(try ClientEncoder.value(of: value, key: capture.key))
    }

    private func floatingPoint() -> ClientError {
      capture.refusal(
        "a Double or Float holds most decimal fractions only approximately",
        hint: "keep the value as a String such as \"12.50\", or as a DecimalNumber")
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      capture.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      capture.fail(capture.refusal("a list inside a list is not a field value"))
      return self
    }

    mutating func superEncoder() -> any Encoder { capture }
  }
}
