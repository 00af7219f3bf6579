/// Parsing one record object straight into cells, for ``JSONRecordText/cells(_:into:)``.
extension JSONCursor {
  /// Parses input that is exactly one JSON object, putting the value of each key `table` holds
  /// into its slot of `cells` (the last value, when a key repeats) and checking the rest as
  /// ``parseRecordObject(skippingByteOrderMark:)`` does. `cells` must have been reset for a
  /// record of this size, so that its arena holds every unescaped string without moving.
  mutating func parseRecordCells(
    skippingByteOrderMark: Bool, _ table: JSONKeyTable, into cells: JSONRecordCells
  ) throws(DataReadError) {
    if try openRecordObject(skippingByteOrderMark: skippingByteOrderMark) {
      return try expectEnd(after: "the record object")
    }
    var position = 0
    while true {
      let slot = try parseCellKey(afterComma: position > 0, table, cells, position: position)
      skipWhitespace()
      guard p < bytes.count else { throw failure("unexpected end of input; expected a value", at: p) }
      let token = bytes[p]
      let value = try parseCellValue(cells, notation: cells.notation(of: slot))
      if let slot { cells.fill(slot, with: value, token: token) }
      position += 1
      guard try nextRecordMember() else { break }
    }
    try expectEnd(after: "the record object")
  }

  /// Parses `"key":` and returns the key's slot in `table`, or `nil` for a key it does not hold.
  private mutating func parseCellKey(
    afterComma: Bool, _ table: JSONKeyTable, _ cells: JSONRecordCells, position: Int
  ) throws(DataReadError) -> Int? {
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: "\"") else {
      throw failure("expected a string key in object", at: p)
    }
    let guess = position < cells.guesses.count ? cells.guesses[position] : -1
    let slot: Int? =
      switch try parseStringBytes() {
      case .inPlace(let range): slotNoting(UnsafeBufferPointer(rebasing: bytes[range]), table, cells, guess: guess)
      case .unescaped: scratch.withUnsafeBufferPointer { slotNoting($0, table, cells, guess: guess) }
      }
    if position < cells.guesses.count {
      cells.guesses[position] = slot ?? -1
    } else if position < 4096 {
      cells.guesses.append(slot ?? -1)
    }
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: ":") else {
      throw failure("expected ':' after object key", at: p)
    }
    p += 1
    return slot
  }

  /// The slot of `key` in `table`; a key no slot holds that spells one's key another way is
  /// noted in `cells`.
  @inline(__always)
  func slotNoting(
    _ key: UnsafeBufferPointer<UInt8>, _ table: JSONKeyTable, _ cells: JSONRecordCells, guess: Int
  )
    -> Int?
  {
    if let slot = table.slot(of: key, guess: guess) { return slot }
    if let other = table.slotSpelledOtherwise(key) { cells.noteOtherSpelling(key, of: other) }
    return nil
  }

  /// Parses the value at `p` (not whitespace) and returns its cell bytes, a number written in
  /// `notation`.
  mutating func parseCellValue(_ cells: JSONRecordCells, notation: JSONNumberNotation) throws(DataReadError)
    -> UnsafeBufferPointer<UInt8>
  {
    switch bytes[p] {
    case UInt8(ascii: "\""):
      switch try parseStringBytes() {
      case .inPlace(let range): return UnsafeBufferPointer(rebasing: bytes[range])
      case .unescaped: return scratch.withUnsafeBufferPointer { cells.keep($0) }
      }
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let number = UnsafeBufferPointer(rebasing: bytes[try parseNumberBytes()])
      guard let cell = JSONNumberText.cell(number, notation: notation) else { return number }
      return cell.withUnsafeBufferPointer { cells.keep($0) }
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      let start = p
      _ = try parseValue(depth: 1)
      return UnsafeBufferPointer(rebasing: bytes[start..<p])
    default:
      switch try parseLiteral() {
      case .bool(true): return JSONCursor.literal("true")
      case .bool(false): return JSONCursor.literal("false")
      case .null, .number, .string, .array, .object: return UnsafeBufferPointer(start: nil, count: 0)
      }
    }
  }

  /// The bytes of a literal, which live as long as the program.
  private static func literal(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
  }
}
