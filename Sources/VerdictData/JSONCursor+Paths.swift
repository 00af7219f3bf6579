/// The members of a record's nested objects, read as columns named by their paths: in
/// `{"id": "C1", "billing": {"outstanding": 500}}`, the column `billing.outstanding` holds `500`
/// (and `billing` the object's text, as before).
///
/// Why: API and CRM exports nest a record's values (HubSpot's `properties.amount`, an invoice's
/// `customer.name`), and a field could read such a value only after the file was flattened with
/// another tool. The paths are columns like any other, so `from "billing.outstanding"`, the
/// header's loose matching, `--key customer.id` and every check of columns take them as they
/// are. Only objects are entered: an array is one cell, its text, as a record table reads the
/// rows an array would hold.
extension JSONCursor {
  /// Objects nested deeper than this in a record (the record itself not counted) give no paths
  /// of their members, only their text: enough for any export's columns (HubSpot's are 2 deep,
  /// JSON:API's 3), and a bound on the recursion and on the copies of each object's text, which
  /// every object around it makes again.
  static let deepestPath = 8
  /// A member whose path would be longer than this, in bytes, gives none, nor do its members:
  /// no header is that long, and each path repeats its parent's, so that a file of long keys
  /// and small members would otherwise take far more memory than its own size.
  static let longestPath = 256

  /// Parses the object at `p`, the value of `parent` in a record, into `members` as
  /// ``parseRecordObject(skippingByteOrderMark:)`` keeps them: each of its members under its
  /// path (`parent.key`), those of its objects under theirs, then `parent` itself, the object's
  /// text, in its place before them.
  mutating func parseNestedMembers(
    of parent: String, depth: Int, into members: inout [(key: String, value: JSONScalar)]
  ) throws(DataReadError) {
    let start = p
    guard depth <= Self.deepestPath else {
      _ = try parseValue(depth: depth)
      return members.append((parent, .nested(text(from: start))))
    }
    let place = members.count
    if try !openNestedObject(depth: depth) {
      var afterComma = false
      while true {
        let path = parent + "." + (try parseKey(afterComma: afterComma))
        skipWhitespace()
        guard p < bytes.count else { throw failure("unexpected end of input; expected a value", at: p) }
        if path.utf8.count > Self.longestPath {
          _ = try parseValue(depth: depth + 1)
        } else if bytes[p] == UInt8(ascii: "{") {
          try parseNestedMembers(of: path, depth: depth + 1, into: &members)
        } else {
          members.append((path, try parseMemberValue(depth: depth + 1)))
        }
        guard try nextRecordMember() else { break }
        afterComma = true
      }
    }
    members.insert((parent, .nested(text(from: start))), at: place)
  }

  /// ``parseRecordCells(skippingByteOrderMark:_:into:)`` for a table that holds paths: each
  /// member's value in the slot of its key, each object's members in the slots of their paths.
  mutating func parseRecordCellsWithPaths(
    skippingByteOrderMark: Bool, _ table: JSONKeyTable, _ cells: JSONRecordCells
  ) throws(DataReadError) {
    if try !openRecordObject(skippingByteOrderMark: skippingByteOrderMark) {
      try parseMemberCells(under: nil, depth: 0, table, cells)
    }
    try expectEnd(after: "the record object")
  }

  /// Parses the object at `p`, the value of the key whose path is `path`, into cells: the slot
  /// of each member's path gets its value, and `slot`, the object's own (if `table` holds it),
  /// the object's text; what ``parseNestedMembers(of:depth:into:)`` gives.
  private mutating func parseNestedCells(
    path: [UInt8], slot: Int?, depth: Int, _ table: JSONKeyTable, _ cells: JSONRecordCells
  ) throws(DataReadError) {
    let start = p
    if depth > Self.deepestPath {
      _ = try parseValue(depth: depth)
    } else if try !openNestedObject(depth: depth) {
      try parseMemberCells(under: path, depth: depth, table, cells)
    }
    if let slot { cells.fill(slot, with: UnsafeBufferPointer(rebasing: bytes[start..<p]), token: UInt8(ascii: "{")) }
  }

  /// Parses the members of an object whose `{` is behind `p` and which has at least one, up to
  /// and with its `}`: the record's (`path` `nil`, `depth` 0) or the value of the key whose
  /// path is `path`.
  private mutating func parseMemberCells(
    under path: [UInt8]?, depth: Int, _ table: JSONKeyTable, _ cells: JSONRecordCells
  ) throws(DataReadError) {
    while true {
      skipWhitespace()
      guard p < bytes.count && bytes[p] == UInt8(ascii: "\"") else {
        throw failure("expected a string key in object", at: p)
      }
      var memberPath = path ?? []
      if path != nil { memberPath.append(UInt8(ascii: ".")) }
      switch try parseStringBytes() {
      case .inPlace(let range): memberPath.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
      case .unescaped: memberPath.append(contentsOf: scratch)
      }
      let hasPath = path == nil || memberPath.count <= Self.longestPath
      let memberSlot = hasPath ? memberPath.withUnsafeBufferPointer { slotNoting($0, table, cells, guess: -1) } : nil
      skipWhitespace()
      guard p < bytes.count && bytes[p] == UInt8(ascii: ":") else {
        throw failure("expected ':' after object key", at: p)
      }
      p += 1
      skipWhitespace()
      guard p < bytes.count else { throw failure("unexpected end of input; expected a value", at: p) }
      let token = bytes[p]
      if !hasPath {
        _ = try parseValue(depth: depth + 1)
      } else if token == UInt8(ascii: "{") {
        try parseNestedCells(path: memberPath, slot: memberSlot, depth: depth + 1, table, cells)
      } else if token == UInt8(ascii: "[") {
        // The objects around the array count toward JSON's nesting limit, as in the members' reading.
        let start = p
        _ = try parseValue(depth: depth + 1)
        if let memberSlot {
          cells.fill(memberSlot, with: UnsafeBufferPointer(rebasing: bytes[start..<p]), token: token)
        }
      } else {
        let value = try parseCellValue(cells, notation: cells.notation(of: memberSlot))
        if let memberSlot { cells.fill(memberSlot, with: value, token: token) }
      }
      guard try nextRecordMember() else { return }
    }
  }

  /// Steps over the `{` at `p` of an object `depth` levels inside a record; returns whether a
  /// `}` ends it at once (then stepped over as well).
  private mutating func openNestedObject(depth: Int) throws(DataReadError) -> Bool {
    guard depth < JSONParser.maxDepth else {
      throw failure("arrays and objects nested deeper than \(JSONParser.maxDepth) levels", at: p)
    }
    return enterObject()
  }
}
