/// Number, money and percent cells that miss a form the reader takes by one habit of the program that
/// wrote them: a negative amount in parentheses (`(1,234.00)`, as accounting tools write it) or
/// with the minus after it (`100-`, `1.234,56- €`, as bank statements do), or after a triangle
/// (`△1,234`, as Japanese accounting does), a minus apart from
/// the digits (`- 5.00`), a point without a digit before or after it (`.5`, `5.`), a typographic
/// apostrophe other than `’` between thousands (`1‘234.50`), a dash for no
/// cents (`12,-`, `€ 12.–`), Arabic-Indic or Persian digits (`١٢٣٤٫٥`), digits grouped in lakhs where the comma groups nothing
/// (`1,23,456.00` with `--thousands none`) or a spreadsheet's mark of
/// text (`'1234`); and percent cells with the same habits (`.5`, `(5%)`).
///
/// Such a cell stays refused, as the reader does not guess what a habit means, but its hint gives
/// the cell written the way that is read, when that one reads in the same field: the error path
/// alone pays for it. Its kind (``CellError/hintKind``) is what it says without the cell, so a
/// column of such cells gets one hint of each kind, not one for each of its first cells.
extension CellReader {
  /// The error for a trimmed `cell` of a number or money `field` that one of the habits above
  /// explains; `nil` for any other cell.
  func nearMiss(_ cell: CellScanner, _ field: CellFormat, expected: String) -> CellError? {
    // No amount is longer: a cell of megabytes is not looked at character by character.
    guard cell.end - cell.start <= 64 else { return nil }
    let text = cell.string
    for (rewritten, why, habit) in CellReader.rewrites(of: text, marks: field.numbers.decimalMark)
    where reads(rewritten, as: field) {
      return cell.mismatch(expected, hint: "\(why): \(rewritten)", kind: "\(habit): \(why)")
    }
    return nil
  }

  /// Whether `text` reads as a value (not missing) in `field`.
  func reads(_ text: String, as field: CellFormat) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var cell = CellScanner(bytes: bytes, numbers: field.numbers)
      cell.trim()
      return !cell.isEmpty && value(of: cell, as: field) != nil
    }
  }

  /// The ways `text`, in a column whose decimal mark is `marks`, may have been meant, each with
  /// what its hint says before it and the habit it undoes (for the hint's kind).
  private static func rewrites(
    of text: String, marks: NumberFormat.DecimalMark
  ) -> [(rewritten: String, why: String, habit: String)] {
    let negative = "if it is negative, write it with the minus before the amount"
    var rewrites: [(rewritten: String, why: String, habit: String)] = []
    // Whole amounts with a dash for no cents, as German and Swiss prices write them: `12,-`,
    // `€ 12.–`, `12,-- €`. Before the minus after an amount, which `12,-` also looks like.
    for dash in [",--", ".--", ",-", ".-", ",–", ".–"] {
      guard let range = text.firstRange(of: dash),
        text[..<range.lowerBound].last?.isASCIIDigit == true,
        !text[range.upperBound...].contains(where: { $0.isASCIIDigit || $0 == "-" || $0 == "–" })
      else { continue }
      rewrites.append(
        (
          collapsed(text[..<range.lowerBound] + text[range.upperBound...]),
          "write a whole amount without the dash for no cents", "dash for no cents"
        ))
      break
    }
    let minuses = text.filter { $0 == "-" }.count
    if minuses == 0, let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
      text.filter({ $0 == "(" || $0 == ")" }).count == 2
    {
      var inner = text
      inner.remove(at: close)
      inner.remove(at: open)
      rewrites.append(("-" + collapsed(inner), negative, "parentheses"))
    }
    // Japanese accounting's sign of a negative (`△1,234`, `▲1,234`), and the full-width minus.
    if minuses == 0, let sign = text.firstIndex(where: { "△▲－".contains($0) }),
      text.filter({ "△▲－".contains($0) }).count == 1
    {
      var rest = text
      rest.remove(at: sign)
      let why = text[sign] == "－" ? "write the minus as an ASCII hyphen-minus" : negative
      rewrites.append(("-" + collapsed(rest), why, text[sign] == "－" ? "full-width minus" : "triangle"))
    }
    if minuses == 1, let minus = text.firstIndex(of: "-") {
      let before = text[..<minus]
      let after = text[text.index(after: minus)...]
      if before.contains(where: \.isASCIIDigit), !after.contains(where: \.isASCIIDigit) {
        // A minus after the amount: `100-`, `1.234,56- €`, `1.234,56 €-`.
        rewrites.append(("-" + collapsed(before + after), negative, "minus after"))
      } else if before.allSatisfy(\.isWhitespace), after.first?.isWhitespace == true {
        rewrites.append(("-" + collapsed(String(after)), "write the minus next to the amount", "minus apart"))
      }
    }
    // Arabic-Indic and Persian digits (`١٬٢٣٤٫٥٠`, `۱۲۳۴`), with Arabic's decimal and thousands marks.
    let eastern: (Unicode.Scalar) -> Bool = {
      (0x0660...0x0669).contains($0.value) || (0x06F0...0x06F9).contains($0.value)
    }
    if text.unicodeScalars.contains(where: eastern) {
      let western = String(
        String.UnicodeScalarView(
          text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            case 0x066B: "."
            case 0x066C: ","
            default: scalar
            }
          }))
      rewrites.append((western, "write the digits as 0 to 9", "Arabic digits"))
    }
    if text.contains(where: { "’‘`´".contains($0) }) {
      let ascii = String(text.map { "’‘`´".contains($0) ? "'" : $0 })
      rewrites.append((ascii, "group thousands with a plain apostrophe (') or a space", "typographic apostrophe"))
    }
    // `'1234`: a spreadsheet's mark that a cell is text (to keep leading zeros), exported with it.
    if text.count > 1, text.first == "'", !text.dropFirst().contains("'") {
      rewrites.append(
        (
          String(text.dropFirst()), "a leading ' marks a spreadsheet cell as text: export the value without it",
          "text mark"
        ))
    }
    if marks != .comma, let ungrouped = withoutLakhGrouping(text) {
      rewrites.append((ungrouped, "group digits in threes, or not at all", "lakh grouping"))
    }
    if let point = bareMark(text, marks: marks) {
      rewrites.append((point, "write a digit on each side of the decimal mark", "bare mark"))
    }
    return rewrites
  }

  /// `text` with a zero before a decimal mark (of `marks`) that has no digit before it (`.5`,
  /// `-,5`), or without a mark that has none after it (`5.`, `5.%`); `nil` when it has neither.
  private static func bareMark(_ text: String, marks: NumberFormat.DecimalMark) -> String? {
    let characters = Array(text)
    let isMark: (Character) -> Bool =
      switch marks {
      case .point: { $0 == "." }
      case .comma: { $0 == "," }
      case .undecided: { $0 == "." || $0 == "," }
      }
    for (index, character) in characters.enumerated() where isMark(character) {
      let digitBefore = index > 0 && characters[index - 1].isASCIIDigit
      let digitAfter = index + 1 < characters.count && characters[index + 1].isASCIIDigit
      if !digitBefore, digitAfter {
        return String(characters[..<index]) + "0" + String(characters[index...])
      }
      if digitBefore, !characters[(index + 1)...].contains(where: \.isASCIIDigit) {
        return String(characters[..<index]) + String(characters[(index + 1)...])
      }
    }
    return nil
  }

  /// `text` without the commas of its digits when they are grouped as Indian exports group lakhs
  /// and crores (`1,23,456.00`: three digits last, two before them, one or two first); `nil`
  /// for any other text.
  private static func withoutLakhGrouping(_ text: String) -> String? {
    guard let first = text.firstIndex(where: \.isASCIIDigit) else { return nil }
    let digits = text[first...].prefix { $0.isASCIIDigit || $0 == "," }
    let groups = digits.split(separator: ",", omittingEmptySubsequences: false).map(\.count)
    guard groups.count >= 3, groups.last == 3, (1...2).contains(groups[0]),
      groups.dropFirst().dropLast().allSatisfy({ $0 == 2 })
    else { return nil }
    return String(text[..<first]) + digits.filter { $0 != "," } + text[digits.endIndex...]
  }

  /// `text` trimmed, with the spaces that a removed character left doubled made one.
  static func collapsed<Text: StringProtocol>(_ text: Text) -> String {
    text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}

extension Character {
  /// Whether the character is one of `0` to `9`.
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
