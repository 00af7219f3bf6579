/// A parsed JSON document: the full tree, with numbers kept as their exact literal text.
package enum JSONValue: Sendable, Equatable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as its literal text (e.g. `"-12.50e3"`), so no precision is lost.
  case number(String)
  /// A string, with escapes resolved.
  case string(String)
  /// An array, in file order.
  case array([JSONValue])
  /// An object's members in file order, duplicates included.
  case object([JSONMember])
}

/// One `"key": value` pair of a JSON object.
package struct JSONMember: Sendable, Equatable, Hashable {
  /// The member's key, with escapes resolved.
  package var key: String
  /// The member's value.
  package var value: JSONValue

  /// Creates a member.
  package init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}

/// A scalar cell from a JSON record: one member value of a record object.
package enum JSONScalar: Sendable, Equatable, Hashable {
  /// A string, with escapes resolved.
  case string(String)
  /// A number, as its exact literal text (e.g. `"12345.67"`).
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null
  /// An array or object, as its raw JSON text exactly as it appears in the file.
  case nested(String)
}

/// One record object from a JSON data file: its members in file order, duplicate keys merged.
package typealias JSONRecordMembers = [(key: String, value: JSONScalar)]
