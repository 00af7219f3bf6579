import Verdict

/// The labelled totals row accounting and bank exports end with (`Total,"$2,684.56",`,
/// `Summe;1.234,56`, `Grand Total`): no client's row. Read as one, it would be a client named
/// "Total", judged (its sums make it look like the largest client), and kept in the history.
///
/// A row is a totals row when its key cell, or when that is blank (or the row is ragged, so
/// its key cannot be trusted) its first cell, is one of ``labels``: spaces around it, a
/// colon after it and letter case aside. Any row, not only the last: subtotals stand between
/// a file's groups, and exports joined end to end have their totals in the middle.
///
/// The list holds words no client is keyed by: `sum` but not `som` or `suma`, which are names.
enum TotalsRow {
  /// The labels, lower case: English, German, French, Spanish and Dutch.
  static let labels: Set<[UInt8]> = Set(
    [
      "total", "totals", "grand total", "subtotal", "sub-total", "sub total", "sum",
      "summe", "gesamt", "gesamtsumme", "endsumme", "zwischensumme", "insgesamt",
      "total général", "totaux", "sous-total", "somme", "montant total",
      "total general", "suma total",
      "totaal", "eindtotaal", "subtotaal",
    ].map { Array($0.utf8) })

  /// The letters a label starts with, as bits from `a`: `e g i m s t z`.
  private static let firstLetters: UInt32 = {
    var bits: UInt32 = 0
    for letter in "egimstz".utf8 { bits |= 1 << UInt32(letter - UInt8(ascii: "a")) }
    return bits
  }()

  /// Whether a cell of `count` bytes starting with `first` may be a label: a length comparison
  /// and one look at a letter for nearly every key, so that every row can afford it before
  /// ``isLabel(_:)`` looks closer.
  @inline(__always)
  static func mayBeLabel(first: UInt8, count: Int) -> Bool {
    // Spaces around the label, or a colon after it, make it longer than the longest label.
    guard count >= 3, count <= 24 else { return false }
    let letter = UInt32(truncatingIfNeeded: (first | 0x20) &- UInt8(ascii: "a"))
    return letter < 26 && firstLetters & (1 << letter) != 0 || first == UInt8(ascii: " ") || first == 0x09
  }

  /// Whether `cell` is a totals label (see the type).
  static func isLabel(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = cell.first, mayBeLabel(first: first, count: cell.count) else { return false }
    var label = Array(AggregateStore.trimmed(cell))
    if label.last == UInt8(ascii: ":") {
      label.removeLast()
      while label.last == UInt8(ascii: " ") { label.removeLast() }
    }
    guard label.count >= 3, label.count <= 15 else { return false }
    var index = 0
    while index < label.count {
      if label[index] >= UInt8(ascii: "A"), label[index] <= UInt8(ascii: "Z") {
        label[index] |= 0x20
      } else if label[index] == 0xC3, index + 1 < label.count, label[index + 1] >= 0x80, label[index + 1] <= 0x9E,
        label[index + 1] != 0x97
      {
        // Latin-1 capitals (`É` in `TOTAL GÉNÉRAL`) are their small letters 0x20 up; 0x97 is `×`.
        label[index + 1] |= 0x20
        index += 1
      }
      index += 1
    }
    return labels.contains(label)
  }

  /// Why a row whose `cell` is a totals label is not a client: the row's key, when `inKey`, or
  /// its first cell (its key blank, or not to be trusted in a ragged row).
  static func problem(label cell: UnsafeBufferPointer<UInt8>, inKey: Bool) -> String {
    let label = Value.quote(String(decoding: AggregateStore.trimmed(cell), as: UTF8.self))
    return "the row is the export's totals row (its \(inKey ? "key" : "first cell") is \(label)), not a client: "
      + "delete the line, or export without totals"
  }
}
