import Verdict

/// The keys of the record tables that differ from another only in case, quotes around them or
/// the spaces inside: `Acme`, `ACME`, `"Acme"` and `Acme  GmbH` beside `Acme GmbH`, as exports
/// typed by hand write one client. Keys are compared exactly (a client file's `ab12` and `AB12`
/// may be two clients), so each is a client of its own whose records are summed apart: every
/// total is too small, and nothing said so. The summary names them. So are customer numbers that
/// a spreadsheet rewrote (`00123` saved as `123`, a JSON export's `101.0` for `101`).
struct LookalikeKeys {
  /// Each set of keys that fold to the same text, as key numbers in the order they first
  /// appear; the sets in the order of their first keys.
  private(set) var groups: [[Int32]] = []
  /// The set each key of ``groups`` is in.
  private var groupOf: [Int32: Int] = [:]

  /// Finds the lookalikes among `keys`.
  init(_ keys: ClientKeys) {
    var folded: [UInt8] = []
    // Each key as the high half of its folded text's hash and its number, sorted: keys that fold
    // alike are then side by side, each set in key order. 8 bytes a key for the length of the
    // search, rather than a second index of every key's text; plain integers sort in about half
    // the instructions of pairs (20,000 keys: 5.3 million, not 9.7). Two texts whose hashes share
    // a half are told apart by ``addGroups(_:keys:)``.
    var entries: [UInt64] = []
    entries.reserveCapacity(keys.count)
    for number in keys.indices {
      keys.withBytes(of: number) { LookalikeKeys.fold($0, into: &folded) }
      let hash = folded.withUnsafeBufferPointer { ClientKeys.hash($0) }
      entries.append(hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(number)))
    }
    entries.sort()
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count, entries[end] >> 32 == entries[start] >> 32 { end += 1 }
      if end - start > 1 {
        addGroups(entries[start..<end].map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }, keys: keys)
      }
      start = end
    }
    groups.sort { $0[0] < $1[0] }
    for (index, group) in groups.enumerated() {
      for number in group { groupOf[number] = index }
    }
  }

  /// Adds the sets among `numbers`, whose folded keys have one hash: those that fold to the same
  /// text (two that do not, by a collision of hashes, are no lookalikes).
  private mutating func addGroups(_ numbers: [Int32], keys: ClientKeys) {
    var byText: [[UInt8]: [Int32]] = [:]
    var order: [[UInt8]] = []
    var folded: [UInt8] = []
    for number in numbers {
      keys.withBytes(of: Int(number)) { LookalikeKeys.fold($0, into: &folded) }
      if byText[folded] == nil { order.append(folded) }
      byText[folded, default: []].append(number)
    }
    for text in order where byText[text]!.count > 1 { groups.append(byText[text]!) }
  }

  /// The other keys that look like key `number`, in the order they first appear.
  func lookalikes(of number: Int32) -> [Int32] {
    guard let group = groupOf[number] else { return [] }
    return groups[group].filter { $0 != number }
  }

  /// Writes `key` as lookalikes share it into `folded`: lower case, without the quotes around it
  /// (`"`, `'`, `“ ”`, `‘ ’`) or the spaces inside them, with every run of spaces and tabs inside
  /// it one space (a no-break or other Unicode space counting as one, an invisible character as
  /// none: ``plainSpaces(_:)``); a number without zeros in front or a `.0` behind
  /// (``dropNumberPadding(_:)``).
  static func fold(_ key: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8]) {
    folded.removeAll(keepingCapacity: true)
    folded.append(contentsOf: key)
    // Nearly every key is ASCII or Latin-1 (`Café Müller`) with nothing to tidy (the spaces around
    // it are gone already): lowered in place, and looked at once for a quote, a tab or two spaces
    // in a row; other letters take `String.lowercased()`, ten times the work.
    var needsTidying = false
    let lowered = folded.withUnsafeMutableBufferPointer { bytes in
      guard CaseFolding.lowerLatin1(bytes) else { return false }
      var previous: UInt8 = 0
      for byte in bytes {
        // A no-break space's second byte (its first, 0xC2, is a Latin-1 lead).
        if byte == 0x22 || byte == 0x27 || byte == 0x09 || (byte == 0x20 && previous == 0x20)
          || (byte == 0xA0 && previous == 0xC2)
        {
          needsTidying = true
          break
        }
        previous = byte
      }
      return true
    }
    if !lowered {
      folded.removeAll(keepingCapacity: true)
      folded.append(contentsOf: String(decoding: key, as: UTF8.self).lowercased().utf8)
      needsTidying = true
    }
    if needsTidying { tidy(&folded) }
    dropNumberPadding(&folded)
  }

  /// Makes a key of digits the number spreadsheets and JSON rewrite it as: without the zeros in
  /// front that a spreadsheet drops from a customer number (`00123` is `123`), and without a
  /// point and zeros behind, as a JSON export may write a number key (`101.0` is `101`).
  static func dropNumberPadding(_ folded: inout [UInt8]) {
    var end = folded.count
    if let point = folded.firstIndex(of: UInt8(ascii: ".")), point > 0,
      folded[(point + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") })
    {
      end = point
    }
    guard end > 0, folded[..<end].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return }
    var start = 0
    while start < end - 1, folded[start] == UInt8(ascii: "0") { start += 1 }
    if start > 0 || end < folded.count { folded = Array(folded[start..<end]) }
  }

  /// Drops the quotes and spaces around the lowered key in `folded`, and makes each run of spaces
  /// and tabs inside it one space.
  private static func tidy(_ folded: inout [UInt8]) {
    plainSpaces(&folded)
    var start = 0
    var end = folded.count
    while start < end {
      if folded[start] == 0x20 || folded[start] == 0x09 || folded[start] == 0x22 || folded[start] == 0x27 {
        start += 1
      } else if end - start >= 3, isCurlyQuote(folded[start], folded[start + 1], folded[start + 2]) {
        start += 3
      } else {
        break
      }
    }
    while end > start {
      let last = folded[end - 1]
      if last == 0x20 || last == 0x09 || last == 0x22 || last == 0x27 {
        end -= 1
      } else if end - start >= 3, isCurlyQuote(folded[end - 3], folded[end - 2], last) {
        end -= 3
      } else {
        break
      }
    }
    var written = 0
    var index = start
    while index < end {
      let byte = folded[index] == 0x09 ? 0x20 : folded[index]
      index += 1
      if byte == 0x20, written > 0, folded[written - 1] == 0x20 { continue }
      folded[written] = byte
      written += 1
    }
    folded.removeSubrange(written...)
  }

  /// Makes each no-break or other Unicode space in `folded` that a key's ends are trimmed of
  /// (``AggregateStore/invisibleSpaceLength(_:at:)``: U+00A0, U+2000 to U+200A, U+202F, U+205F,
  /// U+3000) a plain space, and drops the invisible characters among them and the joiners (U+200B
  /// to U+200D, U+2060, U+FEFF, the direction marks U+200E, U+200F, U+202A to U+202E, U+2066 to
  /// U+2069 and U+061C), as a web page or a spreadsheet pasted into a key writes them:
  /// `Acme GmbH` with a no-break space is the client `Acme GmbH`'s lookalike.
  static func plainSpaces(_ folded: inout [UInt8]) {
    var plain: [UInt8] = []
    plain.reserveCapacity(folded.count)
    folded.withUnsafeBufferPointer { bytes in
      var index = 0
      while index < bytes.count {
        guard bytes[index] >= 0xC2,
          let length = AggregateStore.invisibleSpaceLength(bytes, at: index) ?? joinerLength(bytes, at: index)
        else {
          plain.append(bytes[index])
          index += 1
          continue
        }
        if !isZeroWidth(bytes, at: index) { plain.append(0x20) }
        index += length
      }
    }
    folded = plain
  }

  /// 3 for a zero-width non-joiner or joiner (U+200C, U+200D) at `index`, else `nil`.
  private static func joinerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    bytes.count - index >= 3 && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
      && (bytes[index + 2] == 0x8C || bytes[index + 2] == 0x8D) ? 3 : nil
  }

  /// Whether the invisible space, joiner or direction mark at `index` has no width: U+200B to
  /// U+200F, U+202A to U+202E, U+2060, U+2066 to U+2069, U+061C, U+FEFF (the others are spaces).
  private static func isZeroWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    if Value.directionMarkLength(bytes, at: index, end: bytes.endIndex) != nil { return true }
    guard bytes.count - index >= 3 else { return false }
    let (first, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
    return first == 0xEF
      || first == 0xE2 && (second == 0x80 && third >= 0x8B && third <= 0x8D || second == 0x81 && third == 0xA0)
  }

  /// Whether three UTF-8 bytes are a curly quote: `‘`, `’`, `“` or `”` (U+2018, U+2019, U+201C, U+201D).
  private static func isCurlyQuote(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    first == 0xE2 && second == 0x80 && (third == 0x98 || third == 0x99 || third == 0x9C || third == 0x9D)
  }

  /// The summary's line about the lookalikes when the clients are the tables' keys (no client
  /// file), ending with a newline; empty when there are none. `places(number)` is where the
  /// key's first record is.
  func text(keys: ClientKeys, places: (Int32) -> String) -> String {
    sentence(keys: keys, places: places).map { "  warning: \($0)\n" } ?? ""
  }

  /// What ``text(keys:places:)`` says, without its indent and newline: `nil` when there are no
  /// lookalikes. `explain` and the REPL say the same.
  func sentence(keys: ClientKeys, places: (Int32) -> String) -> String? {
    guard !groups.isEmpty else { return nil }
    let count = groups.reduce(0) { $0 + $1.count }
    let shown = groups.prefix(LookalikeKeys.shownGroups).map { group -> String in
      group.map { number -> String in "\(Value.quote(keys[Int(number)])) (\(places(number)))" }
        .joined(separator: ", ")
    }
    let more = groups.count > LookalikeKeys.shownGroups ? "; …" : ""
    return "\(count) keys differ from another only in case, quotes, spaces or zeros in front, and each is "
      + "a client of its own, its records summed apart: \(shown.joined(separator: "; "))\(more) "
      + "(if they are one client, write its key one way in every file)"
  }

  /// How many sets of lookalikes the summary names.
  static let shownGroups = 3
}
