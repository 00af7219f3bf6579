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
          guard try nextRecordMember() else { break }
          afterComma = true
          continue
        }
        let valueStart = p
        let cell: JSONScalar
        switch try parseValue(depth: 1) {
        case .null: cell = .null
        case .bool(let flag): cell = .bool(flag)
        case .number(let text): cell = .number(text)
        case .string(let text): cell = .string(text)
        case .array, .object:
          cell = .nested(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<p]), as: UTF8.self))
        }
        Self.insert(key: key, cell: cell, into: &members, indexByKey: &indexByKey)
        guard try nextRecordMember() else { break }
        afterComma = true
      }
    }
    try expectEnd(after: "the record object")
    return members
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
