import Verdict

/// The rows a spreadsheet's Data > Subtotals inserts (Excel, LibreOffice): below each group of
/// rows of one key, a row keyed by that key and a word, with the group's sums (`Hartmann Total`
/// in English, `Hartmann Ergebnis` in German, `Total Hartmann` in French and Spanish). Read as
/// one, it is another client (`Hartmann Total`), judged on sums that make it look like the
/// largest client, and in a record table a client whose records double the group's.
///
/// A row is one when its key is the key of the row above it with one of ``subtotalSuffixes``
/// after it or one of ``subtotalPrefixes`` before it, a space between (letter case of the word
/// and spaces around the key aside): a client named so right below the one it extends is not
/// told apart, and none is expected. Subtotals written above their groups (the dialog's other
/// choice) are not seen, the row above being another client's.
extension TotalsRow {
  /// The words after the key, lower case: what each language's Excel writes for Sum, Count,
  /// Average, Max and Min (German and Dutch as well), and LibreOffice's `Sum` and `Result`.
  static let subtotalSuffixes: [[UInt8]] = [
    "total", "count", "average", "max", "min", "sum", "result", "ergebnis", "anzahl", "mittelwert", "summe",
    "totaal", "aantal", "gemiddelde",
  ].map { Array($0.utf8) }

  /// The words before the key, lower case: French, Spanish, Italian and Portuguese Excel's.
  static let subtotalPrefixes: [[UInt8]] = [
    "total", "totale", "nombre", "moyenne", "cuenta", "promedio", "conteggio", "media", "contagem",
  ].map { Array($0.utf8) }

  /// The last letters of ``subtotalSuffixes`` (e l m n s t x) and the first of
  /// ``subtotalPrefixes`` (c m n p t), as bits from `a`: constant expressions, not worked out
  /// from the lists, which made them lazy globals whose check each row's look paid
  /// (`SubtotalRowTests` checks them against the lists).
  static let suffixEnds: UInt32 = 1 << 4 | 1 << 11 | 1 << 12 | 1 << 13 | 1 << 18 | 1 << 19 | 1 << 23
  static let prefixStarts: UInt32 = 1 << 2 | 1 << 12 | 1 << 13 | 1 << 15 | 1 << 19

  /// Whether `key` has a subtotal's form: one of the words and a space after or before
  /// something. Every row of a file with a key column asks, the fast path's too (a row that
  /// may be one goes the general path, which knows the row above), so a key is told apart by
  /// its two end bytes first: one of digits or other signs at both ends (`10452`, `C-104`'s
  /// `4`… and `C`) takes a few instructions, a name a few looks for a space before each word.
  @inline(__always)
  static func mayBeSubtotal(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = cell.count
    guard count >= 5, let edge = cell.baseAddress else { return false }
    let firstByte = edge[0]
    let lastByte = edge[count &- 1]
    let last = (lastByte | 0x20) &- UInt8(ascii: "a")
    let first = (firstByte | 0x20) &- UInt8(ascii: "a")
    // Neither end a letter: digits, signs, or spaces around the key (or a byte past ASCII, a
    // no-break space), which hide its ends and are left out by the closer look.
    guard last < 26 || first < 26 else {
      return (firstByte &- 0x21 >= 0x5F || lastByte &- 0x21 >= 0x5F) && subtotalKey(cell) != nil
    }
    let mayEnd = last < 26 && (1 << UInt32(last)) & suffixEnds != 0
    let mayStart = first < 26 && (1 << UInt32(first)) & prefixStarts != 0
    if mayEnd || mayStart, subtotalKey(cell, mayEnd: mayEnd, mayStart: mayStart) != nil { return true }
    guard firstByte &- 0x21 >= 0x5F || lastByte &- 0x21 >= 0x5F else { return false }
    return subtotalKey(cell) != nil
  }

  /// The key `key` extends when it has a subtotal's form (`Hartmann` of `Hartmann Total`),
  /// spaces around it left out; `nil` otherwise.
  static func subtotalKey(
    _ key: UnsafeBufferPointer<UInt8>, mayEnd: Bool = true, mayStart: Bool = true
  ) -> UnsafeBufferPointer<UInt8>? {
    let key = AggregateStore.trimmed(key)
    let count = key.count
    if mayEnd {
      for word in subtotalSuffixes where count > word.count + 1 && key[count - word.count - 1] == UInt8(ascii: " ") {
        if matches(word, key, at: count - word.count) {
          return AggregateStore.trimmed(UnsafeBufferPointer(rebasing: key[..<(count - word.count - 1)]))
        }
      }
    }
    if mayStart {
      for word in subtotalPrefixes where count > word.count + 1 && key[word.count] == UInt8(ascii: " ") {
        if matches(word, key, at: 0) {
          return AggregateStore.trimmed(UnsafeBufferPointer(rebasing: key[(word.count + 1)...]))
        }
      }
    }
    return nil
  }

  /// Whether the bytes of `key` from `offset` are `word` (lower case) in any letter case.
  private static func matches(_ word: [UInt8], _ key: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    for (index, letter) in word.enumerated() where key[offset + index] | 0x20 != letter { return false }
    return true
  }

  /// Why the row keyed `key` is not a client when it is the subtotal of the rows keyed
  /// `previous` above it (see the extension); `nil` otherwise.
  static func subtotalProblem(_ key: UnsafeBufferPointer<UInt8>, after previous: [UInt8]) -> String? {
    guard let extended = subtotalKey(key), !extended.isEmpty else { return nil }
    let above = previous.withUnsafeBufferPointer { AggregateStore.trimmed($0) }
    guard extended.elementsEqual(above) else { return nil }
    let quoted = Value.quote(String(decoding: AggregateStore.trimmed(key), as: UTF8.self))
    return "the row is a subtotal of the rows above it (its key is \(quoted), theirs "
      + "\(Value.quote(String(decoding: above, as: UTF8.self)))), not a client: delete the line, "
      + "or export without subtotals"
  }
}

/// The key of the last row a reading of a CSV file gave a client, for telling a subtotal row
/// below it (``TotalsRow/subtotalProblem(_:after:)``). A reference, so that the fast path of
/// plain rows (``CSVPlainRows``) sets it while the general path's closure holds it too.
final class PreviousKey {
  /// The key's bytes, as the row has them.
  private(set) var bytes: [UInt8] = []

  /// Makes `key` the previous key.
  func set(_ key: UnsafeBufferPointer<UInt8>) {
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: key)
  }
}
