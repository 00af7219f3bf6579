import Verdict

/// Totals labels that reports qualify: Salesforce's `Grand Totals (3 records)`, a
/// multi-currency export's `Total (USD)` or `Total EUR`, and QuickBooks' subtotal of a
/// customer's group, `Total for Acme`. Read as clients, each would be judged by the sums it
/// holds, and weigh on every other client's `share`, `rank` and `percentile`.
///
/// Only a plain label (``TotalsRow/labels``) qualified in one of these ways counts: a label
/// followed by a word of another kind (`Total Fitness`, `Sum Li`) is a name.
extension TotalsRow {
  /// Whether `lowered`, a trimmed cell in lower case, is a plain label followed by a currency
  /// code or a count of records in brackets, by a currency code, or by `for` and a name.
  static func isQualifiedLabel(_ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
    // A no-break space (`Total EUR`, as spreadsheets put before a currency) is a space here.
    var text: [UInt8] = []
    text.reserveCapacity(lowered.count)
    var index = 0
    while index < lowered.count {
      if lowered[index] == 0xC2, index + 1 < lowered.count, lowered[index + 1] == 0xA0 {
        text.append(UInt8(ascii: " "))
        index += 2
      } else {
        text.append(lowered[index])
        index += 1
      }
    }
    if text.last == UInt8(ascii: ")"), let open = text.lastIndex(of: UInt8(ascii: "(")) {
      let inner = trimmedSpaces(text[(open + 1)..<(text.count - 1)])
      return isLabel(text[..<open]) && (isCurrencyCode(inner) || isRecordCount(inner))
    }
    for joint in [" for ", " für "] {
      if let range = text.firstRange(of: Array(joint.utf8)), range.upperBound < text.count {
        return isLabel(text[..<range.lowerBound])
      }
    }
    if let space = text.lastIndex(of: UInt8(ascii: " ")) {
      return isCurrencyCode(text[(space + 1)...]) && isLabel(text[..<space])
    }
    return false
  }

  /// Whether `words`, spaces around them aside, are a plain label.
  private static func isLabel(_ words: ArraySlice<UInt8>) -> Bool {
    trimmedSpaces(words).withUnsafeBufferPointer(isPlainLabel)
  }

  /// Whether `word` is one of the common currency codes, in lower case (`usd`).
  private static func isCurrencyCode(_ word: ArraySlice<UInt8>) -> Bool {
    word.count == 3 && CellReader.commonCodes.contains(String(decoding: word, as: UTF8.self).uppercased())
  }

  /// Whether `words` count records: a number (its digits grouped or not) and one word of
  /// letters, `3 records`, `1,204 Datensätze`.
  private static func isRecordCount(_ words: ArraySlice<UInt8>) -> Bool {
    guard let space = words.lastIndex(of: UInt8(ascii: " ")) else { return false }
    let number = words[..<space]
    let noun = words[(space + 1)...]
    return number.first.map(isDigit) == true && number.allSatisfy { isDigit($0) || ",.' ".utf8.contains($0) }
      && !noun.isEmpty && noun.allSatisfy { $0 &- UInt8(ascii: "a") < 26 || $0 >= 0x80 }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  private static func trimmedSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var trimmed = bytes
    while trimmed.first == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
    while trimmed.last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
    return trimmed
  }
}
