import Verdict

/// Totals labels that reports qualify: Salesforce's `Grand Totals (3 records)`, a
/// multi-currency export's `Total (USD)` or `Total EUR`, and QuickBooks' subtotal of a
/// customer's group, `Total for Acme`. Read as clients, each would be judged by the sums it
/// holds, and weigh on every other client's `share`, `rank` and `percentile`.
///
/// Only a plain label (``TotalsRow/labels``) qualified in one of these ways counts: a label
/// followed by a word of another kind (`Total Fitness`, `Sum Li`) is a name.
extension TotalsRow {
  /// The labels that `for` and a name may follow (`Total for Acme`, `Summe für Müller`): not `sum`
  /// (`Sum for Kids` is a name).
  private static let subtotalLabels: Set<String> = [
    "total", "totals", "subtotal", "sub-total", "sub total", "grand total", "summe", "zwischensumme",
  ]

  /// The words that count records in brackets after a label (`Grand Totals (3 records)`).
  private static let recordWords: Set<String> = [
    "record", "records", "row", "rows", "item", "items", "entry", "entries", "line", "lines", "transaction",
    "transactions", "datensatz", "datensätze", "einträge", "zeilen", "positionen", "lignes", "registros", "righe",
  ]

  /// Whether `lowered`, a trimmed cell in lower case, is a plain label followed by a currency
  /// code or a count of records in brackets, by a currency code, or by `for` and a name.
  static func isQualifiedLabel(_ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
    // Nearly every key that gets here is a name: its first word says it is none of these without
    // an allocation (`Sarah Miller` stops at `sarah`).
    guard let first = firstWord(of: lowered), labelStarts.contains(first) else { return false }
    // A no-break space (`Total EUR`, as spreadsheets put before a currency) is a space here.
    let text = Array(String(decoding: lowered, as: UTF8.self).replacingOccurrences(of: "\u{A0}", with: " ").utf8)
    if text.last == UInt8(ascii: ")"), let open = text.lastIndex(of: UInt8(ascii: "(")) {
      let inner = trimmedSpaces(text[(open + 1)..<(text.count - 1)])
      return isLabel(text[..<open]) && (isCurrencyCode(inner) || isRecordCount(inner))
    }
    for joint in [" for ", " für "] {
      if let range = text.firstRange(of: Array(joint.utf8)), range.upperBound < text.count {
        return subtotalLabels.contains(String(decoding: trimmedSpaces(text[..<range.lowerBound]), as: UTF8.self))
      }
    }
    if let space = text.lastIndex(of: UInt8(ascii: " ")) {
      return isCurrencyCode(text[(space + 1)...]) && isLabel(text[..<space])
    }
    return false
  }

  /// The first words of the labels (`grand`, `total`, `summe`), packed: a cell's first word is
  /// looked up without an allocation.
  private static let labelStarts: Set<Packed> = Set(
    labelTexts.compactMap { label in
      Array(label.utf8.prefix { $0 != UInt8(ascii: " ") }).withUnsafeBufferPointer { Packed($0) }
    })

  /// The first word of `lowered`, up to a space, a no-break space or `(`, packed; `nil` when it is
  /// longer than any label's.
  private static func firstWord(of lowered: UnsafeBufferPointer<UInt8>) -> Packed? {
    var end = 0
    while end < lowered.count, lowered[end] != UInt8(ascii: " "), lowered[end] != UInt8(ascii: "("),
      lowered[end] != 0xC2
    {
      end += 1
    }
    return Packed(UnsafeBufferPointer(rebasing: lowered[..<end]))
  }

  /// Whether `words`, spaces around them aside, are a plain label.
  private static func isLabel(_ words: ArraySlice<UInt8>) -> Bool {
    trimmedSpaces(words).withUnsafeBufferPointer(isPlainLabel)
  }

  /// Whether `word` is one of the common currency codes, in lower case (`usd`).
  private static func isCurrencyCode(_ word: ArraySlice<UInt8>) -> Bool {
    word.count == 3 && CellReader.commonCodes.contains(String(decoding: word, as: UTF8.self).uppercased())
  }

  /// Whether `words` count records: a number (its digits grouped or not) and a word for records,
  /// `3 records`, `1,204 Datensätze`.
  private static func isRecordCount(_ words: ArraySlice<UInt8>) -> Bool {
    guard let space = words.lastIndex(of: UInt8(ascii: " ")) else { return false }
    let number = words[..<space]
    let noun = String(decoding: words[(space + 1)...], as: UTF8.self)
    return number.first.map(isDigit) == true && number.allSatisfy { isDigit($0) || ",.' ".utf8.contains($0) }
      && recordWords.contains(noun)
  }

  /// Whether `byte` is an ASCII digit.
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// `bytes` without the spaces around them.
  private static func trimmedSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var trimmed = bytes
    while trimmed.first == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
    while trimmed.last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
    return trimmed
  }
}
