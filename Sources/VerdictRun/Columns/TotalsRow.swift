import Verdict

/// The labelled totals row accounting and bank exports end with (`Total,"$2,684.56",`,
/// `Summe;1.234,56`, `Grand Total`): no client's row. Read as one, it would be a client named
/// "Total", judged (its sums make it look like the largest client), and kept in the history.
///
/// A row is a totals row when its key cell, or when that is blank (or the row is ragged, so
/// its key cannot be trusted) its first cell, is one of ``labels``, or one qualified as reports
/// write it (`Grand Totals (3 records)`, `Total (USD)`, `Total EUR`, `Total for Acme`:
/// ``isQualifiedLabel(_:)``): spaces around it, a colon after it and letter case aside. Any
/// row, not only the last: subtotals stand between a file's groups, and exports joined end to
/// end have their totals in the middle.
///
/// The list holds words no client is keyed by: `sum` but not `som` or `suma`, which are names.
enum TotalsRow {
  /// The labels, lower case: English, German, French, Spanish, Italian, Dutch and the Nordic
  /// languages, none longer than 16 bytes. Not Polish `razem` nor Swedish `summa`, which are
  /// names as well (a party, a health system).
  static let labelTexts: [String] = [
    "total", "totals", "grand total", "grand totals", "subtotal", "sub-total", "sub total", "sum",
    "report total", "net total", "overall total",
    "summe", "summen", "gesamt", "gesamtsumme", "summe gesamt", "gesamtbetrag", "endsumme",
    "zwischensumme", "insgesamt", "summe soll", "summe haben",
    "total général", "totaux", "sous-total", "somme", "montant total", "total ttc", "total ht",
    "total general", "suma total", "importe total",
    "totale", "totale generale", "subtotale",
    "totaal", "eindtotaal", "subtotaal",
    "totalt", "i alt", "yhteensä",
    // What spreadsheets' pivot tables and subtotals write (Excel in German, LibreOffice).
    "gesamtergebnis", "total result", "résultat total", "gross total", "total amount",
    // Spanish, Portuguese, Turkish.
    "totales", "subtotales", "total a pagar", "total geral", "totais", "toplam", "genel toplam",
  ]

  /// The labels in scripts other than the Latin and the East Asian ones, in small letters:
  /// Russian (as 1C and Russian banks write it), Greek, Arabic, Hebrew (`סה"כ` with a quote or a
  /// gershayim).
  static let otherScriptLabels: Set<String> = [
    "итого", "всего", "итого:", "σύνολο", "γενικό σύνολο", "المجموع", "الإجمالي", "الاجمالي", "المجموع الكلي",
    "סה\"כ", "סה״כ", "סך הכל", "סך הכול",
  ]

  /// The first two bytes of ``otherScriptLabels`` in small and in capital letters: a name in
  /// these scripts is told apart by them, without an allocation.
  static let otherScriptStarts: Set<UInt16> = Set(
    otherScriptLabels.flatMap { [$0, $0.uppercased()] }.map { label in
      let bytes = Array(label.utf8)
      return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    })

  /// The labels in Japanese, Chinese and Korean, as their exports write them (`合計`, `总计`,
  /// `합계`), compared as ``isEastAsianLabel(_:)`` says.
  static let eastAsianLabelTexts: [String] = [
    "合計", "総計", "小計", "総合計", "合計金額", "合计", "总计", "小计", "總計", "总合计", "總合計", "合計額", "합계",
    "총계", "소계", "총합계",
  ]

  /// ``eastAsianLabelTexts`` as a set.
  static let eastAsianLabels = Set(eastAsianLabelTexts)

  /// ``labelTexts`` packed, for a look-up without an allocation.
  static let labels: Set<Packed> = Set(labelTexts.map { Array($0.utf8).withUnsafeBufferPointer { Packed($0)! } })

  /// The most bytes a qualified label may have, spaces and a colon included: a customer's name
  /// after `Total for`, or a count of records in brackets.
  static let longestCell = 80

  /// Up to 16 bytes in two words, for a look-up without an allocation: names keep many keys
  /// (`Smith`, `Tim Berg`) on ``isLabel(_:)``'s path, which every row of such a file then pays.
  struct Packed: Hashable {
    var words: (UInt64, UInt64) = (0, 0)
    var count: Int

    /// `bytes` packed; `nil` when longer than 16.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard bytes.count <= 16 else { return nil }
      count = bytes.count
      for (index, byte) in bytes.enumerated() {
        if index < 8 {
          words.0 |= UInt64(byte) << UInt64(8 * index)
        } else {
          words.1 |= UInt64(byte) << UInt64(8 * (index - 8))
        }
      }
    }

    static func == (lhs: Packed, rhs: Packed) -> Bool {
      lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(words.0)
      hasher.combine(words.1)
    }
  }

  /// The letters the labels start with, as bits from `a`.
  private static let firstLetters: UInt32 = labelTexts.reduce(0) { bits, label in
    bits | 1 << UInt32(label.utf8.first! - UInt8(ascii: "a"))
  }

  /// Whether a cell of `count` bytes starting with `first` may be a label: a length comparison
  /// and one look at a letter for nearly every key, so that every row can afford it before
  /// ``isLabel(_:)`` looks closer.
  @inline(__always)
  static func mayBeLabel(first: UInt8, count: Int) -> Bool {
    guard count >= 3, count <= longestCell else { return false }
    let letter = UInt32(truncatingIfNeeded: (first | 0x20) &- UInt8(ascii: "a"))
    // A space, a tab or a byte past ASCII (a no-break or zero-width space) before the label.
    return letter < 26 && firstLetters & (1 << letter) != 0 || first == UInt8(ascii: " ") || first == 0x09
      || first >= 0x80
  }

  /// Whether `cell` is a totals label (see the type).
  static func isLabel(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = cell.first, mayBeLabel(first: first, count: cell.count) else { return false }
    var label = AggregateStore.trimmed(cell)
    if label.last == UInt8(ascii: ":") {
      label = UnsafeBufferPointer(rebasing: label.dropLast())
      while label.last == UInt8(ascii: " ") { label = UnsafeBufferPointer(rebasing: label.dropLast()) }
    }
    guard label.count >= 3 else { return false }
    if label[label.startIndex] >= 0xE3 { return isEastAsianLabel(label) }
    // Greek, Cyrillic, Hebrew and Arabic letters start with these bytes in UTF-8.
    if (0xCE...0xDB).contains(label[label.startIndex]) {
      let start = UInt16(label[label.startIndex]) << 8 | UInt16(label[label.startIndex + 1])
      guard label.count <= 48, otherScriptStarts.contains(start) else { return false }
      var text = String(decoding: label, as: UTF8.self).lowercased()
      if text.hasSuffix(":") { text.removeLast() }
      return otherScriptLabels.contains(text.trimmingCharacters(in: .whitespaces))
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: label.count) { buffer in
      let lowered = UnsafeMutableBufferPointer(rebasing: buffer[..<label.count])
      _ = lowered.initialize(fromContentsOf: label)
      // A label is ASCII and Latin-1 alone (`TOTAL GÉNÉRAL`): other text is no label.
      guard CaseFolding.lowerLatin1(lowered) else { return false }
      return isPlainLabel(UnsafeBufferPointer(lowered)) || isQualifiedLabel(UnsafeBufferPointer(lowered))
    }
  }

  /// Whether `label`, a trimmed cell starting with a byte of a character from U+3000 up, is one
  /// of ``eastAsianLabelTexts``: spaces inside it (`合　計`, `합 계`), `【】` around it, a colon
  /// after it and a qualifier in brackets after that (`合計（JPY）`, `小計（税抜）`, `合計 (3件)`)
  /// left out; so is a full-width colon at its end, as ``isLabel(_:)`` leaves out `:` (`【合計】：`,
  /// `合計（JPY）：`, `【小計】（税込）` were clients).
  static func isEastAsianLabel(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every label has `計`, `计` or `계`, which names seldom have: a name is told apart by bytes.
    guard label.count <= 64, containsTotalSign(label) else { return false }
    var text = String(decoding: label, as: UTF8.self).filter { $0 != " " && $0 != "\u{3000}" }
    if text.hasSuffix("：") { text.removeLast() }
    if text.hasPrefix("【"), let close = text.firstIndex(of: "】") {
      text = String(text[text.index(after: text.startIndex)..<close] + text[text.index(after: close)...])
    }
    if let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }), text.last == "）" || text.last == ")" {
      text = String(text[..<open])
    }
    if text.hasSuffix("：") || text.hasSuffix(":") { text.removeLast() }
    return eastAsianLabels.contains(text)
  }

  /// Whether `bytes` hold `計`, `计` or `계` in UTF-8.
  private static func containsTotalSign(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 3 else { return false }
    for index in 0..<(bytes.count - 2) where bytes[index] == 0xE8 || bytes[index] == 0xEA {
      let sign = (bytes[index], bytes[index + 1], bytes[index + 2])
      if sign == (0xE8, 0xA8, 0x88) || sign == (0xE8, 0xAE, 0xA1) || sign == (0xEA, 0xB3, 0x84) { return true }
    }
    return false
  }

  /// Whether `lowered`, in lower case, is one of ``labels``.
  static func isPlainLabel(_ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let packed = Packed(lowered) else { return false }
    return labels.contains(packed)
  }

  /// Why a row whose `cell` is a totals label is not a client: the row's key, when `inKey`, or
  /// its first cell (its key blank, or not to be trusted in a ragged row).
  static func problem(label cell: UnsafeBufferPointer<UInt8>, inKey: Bool) -> String {
    let label = Value.quote(String(decoding: AggregateStore.trimmed(cell), as: UTF8.self))
    return "the row is the export's totals row (its \(inKey ? "key" : "first cell") is \(label)), not a client: "
      + "delete the line, or export without totals"
  }
}
