/// Parsing one record object for `JSONRecordReader`.
extension JSONCursor {
  /// Parses input that is exactly one JSON object and returns its members as record cells.
  ///
  /// Members keep file order. When a key repeats, the last value wins and the member keeps
  /// the position of the key's first occurrence. Arrays and objects become
  /// `JSONScalar.nested` with their raw text, after being fully validated; an object's members
  /// follow it under their paths (``parseNestedMembers(of:depth:into:)``).
  ///
  /// A leading UTF-8 byte order mark is skipped when `skippingByteOrderMark` is set (a JSON Lines line,
  /// which may start a file); inside an array it is an error, as anywhere else in a document.
  mutating func parseRecordObject(skippingByteOrderMark: Bool) throws(DataReadError) -> JSONRecordMembers {
    var members: JSONRecordMembers = []
    var indexByKey: [String: Int] = [:]
    if try !openRecordObject(skippingByteOrderMark: skippingByteOrderMark) {
      var afterComma = false
      while true {
        let key = try parseKey(afterComma: afterComma)
        skipWhitespace()
        if p < bytes.count && bytes[p] == UInt8(ascii: "{") {
          var nested: [(key: String, value: JSONScalar)] = []
          try parseNestedMembers(of: key, depth: 1, into: &nested)
          for (path, cell) in nested { Self.insert(key: path, cell: cell, into: &members, indexByKey: &indexByKey) }
        } else {
          Self.insert(key: key, cell: try parseMemberValue(depth: 1), into: &members, indexByKey: &indexByKey)
        }
        guard try nextRecordMember() else { break }
        afterComma = true
      }
    }
    try expectEnd(after: "the record object")
    return members
  }

  /// Parses the value at `p` (not whitespace), `depth` arrays and objects inside the input, as a
  /// member's cell: an array or an object as its text, fully validated.
  mutating func parseMemberValue(depth: Int) throws(DataReadError) -> JSONScalar {
    let start = p
    switch try parseValue(depth: depth) {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .number(let text): return .number(text)
    case .string(let text): return .string(text)
    case .array, .object: return .nested(text(from: start))
    }
  }

  /// The input's text from `start` to `p`.
  func text(from start: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
  }

  /// Steps over the byte order mark when asked, and the record's `{`; returns whether a `}`
  /// ends the object at once (then stepped over as well).
  mutating func openRecordObject(skippingByteOrderMark: Bool) throws(DataReadError) -> Bool {
    if skippingByteOrderMark && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      p = 3
    }
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: "{") else {
      throw failure("expected '{' to start a record object, found \(describeByte(at: p))", at: p)
    }
    return enterObject()
  }

  /// Steps over the `{` at `p` and the whitespace after it; returns whether a `}` ends the object
  /// at once (then stepped over as well). The record's object and the objects inside it alike.
  @inline(__always)
  mutating func enterObject() -> Bool {
    p += 1
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: "}") else { return false }
    p += 1
    return true
  }

  /// Steps over what follows a member of the record object: `,` (another member follows, and
  /// `true` is returned) or the closing `}` (`false`).
  mutating func nextRecordMember() throws(DataReadError) -> Bool {
    skipWhitespace()
    guard p < bytes.count, bytes[p] == UInt8(ascii: ",") || bytes[p] == UInt8(ascii: "}") else {
      throw failure("expected ',' or '}' after object member", at: p)
    }
    p += 1
    return bytes[p - 1] == UInt8(ascii: ",")
  }

  /// Adds a member, replacing the value of an earlier member with the same key.
  ///
  /// Small objects are searched linearly; from 16 members on, a key index is kept.
  private static func insert(
    key: String, cell: JSONScalar, into members: inout JSONRecordMembers,
    indexByKey: inout [String: Int]
  ) {
    let indexed = 16
    if members.count < indexed {
      if let index = members.firstIndex(where: { $0.key == key }) {
        members[index].value = cell
        return
      }
    } else {
      if indexByKey.isEmpty {
        for (index, member) in members.enumerated() where indexByKey[member.key] == nil {
          indexByKey[member.key] = index
        }
      }
      if let index = indexByKey[key] {
        members[index].value = cell
        return
      }
      indexByKey[key] = members.count
    }
    members.append((key: key, value: cell))
  }
}
