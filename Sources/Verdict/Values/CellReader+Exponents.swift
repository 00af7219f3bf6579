/// Cells written in exponent notation (`1e400`, `-2.5E3`) where numbers are never read with an
/// exponent: a CSV file's cells and values typed by hand.
///
/// A spreadsheet writes `1.23457E+11` for a number whose other digits it dropped, so such a cell
/// is refused as no number at all, whatever the size of its exponent, rather than read as a
/// guess. The hint says so, and gives the number written out in full when that would be read.
/// The same goes for a JSON string (`"1.0e2"`); a JSON number token may have an exponent: its
/// cells are read as ``CellFormat/readsJSONNumbers`` says.

/// A number in exponent notation as a cell writes it: a sign, the digits of the mantissa with
/// the place of its decimal mark, and the exponent.
struct ExponentNotation {
  /// Whether the cell starts with `-`.
  var negative: Bool
  /// The mantissa's digits, as ASCII.
  var digits: [UInt8]
  /// How many of ``digits`` come before the mantissa's decimal mark (all of them when it has none).
  var wholeCount: Int
  /// The exponent; one past a billion is counted as a billion, as far out of range.
  var exponent: Int

  /// Where the decimal point goes among ``digits`` once the number is written out.
  private var point: Int { wholeCount + exponent }
  /// The first and last digit that is not zero, or `nil` when the number is zero.
  private var nonzero: (first: Int, last: Int)? {
    guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }),
      let last = digits.lastIndex(where: { $0 != UInt8(ascii: "0") })
    else { return nil }
    return (first, last)
  }

  /// The digits the number has before the point, written out (leading zeros left out).
  var wholeDigits: Int { nonzero.map { max(0, point - $0.first) } ?? 0 }
  /// The decimal places it has, written out (trailing zeros left out).
  var places: Int { nonzero.map { max(0, $0.last + 1 - point) } ?? 0 }

  /// The number written out in full with the decimal mark `mark` (`1E5` is `100000`, `-2.5e-3`
  /// is `-0.0025`); `nil` when it would have more digits before or after the mark than a decimal
  /// keeps (``DecimalNumber/maximumDigits``), as no field reads it then.
  func writtenOut(mark: Character) -> String? {
    guard let (first, last) = nonzero else { return "0" }
    guard wholeDigits <= DecimalNumber.maximumDigits, places <= DecimalNumber.maximumDigits else { return nil }
    // Written from the first digit that is not zero (or the point) to the last; a place past
    // the mantissa's digits is a zero.
    func digit(_ index: Int) -> Character {
      digits.indices.contains(index) ? Character(UnicodeScalar(digits[index])) : "0"
    }
    var text = negative ? "-" : ""
    text += point > first ? String((first..<point).map(digit)) : "0"
    if last >= point { text += String(mark) + String((point...last).map(digit)) }
    return text
  }
}

extension CellScanner {
  /// The cell as a number in exponent notation: an optional sign, digits with at most one
  /// decimal mark (the column's; either when it is undecided), `e` or `E`, an optional sign and
  /// digits; for a percent, a `%` may follow. `nil` for any other cell (`1e` and `e5` are not
  /// numbers of any notation).
  func exponentNotation(percent: Bool) -> ExponentNotation? {
    var last = end
    if percent, last > start, bytes[last - 1] == UInt8(ascii: "%") {
      last -= 1
      while last > start, CellScanner.isSpace(bytes[last - 1]) { last -= 1 }
    }
    var index = start
    let negative = index < last && bytes[index] == UInt8(ascii: "-")
    if index < last, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
    var digits: [UInt8] = []
    var wholeCount: Int?
    while index < last {
      let byte = bytes[index]
      if CellScanner.isDigit(byte) {
        digits.append(byte)
      } else if wholeCount == nil, isDecimalMark(byte) {
        wholeCount = digits.count
      } else {
        break
      }
      index += 1
    }
    guard !digits.isEmpty, let exponent = exponent(from: index, to: last) else { return nil }
    return ExponentNotation(
      negative: negative, digits: digits, wholeCount: wholeCount ?? digits.count, exponent: exponent)
  }

  /// Whether `byte` is a decimal mark in this cell's column.
  private func isDecimalMark(_ byte: UInt8) -> Bool {
    switch numbers.decimalMark {
    case .point: byte == UInt8(ascii: ".")
    case .comma: byte == UInt8(ascii: ",")
    case .undecided: byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
    }
  }
}

extension CellReader {
  /// The error for `cell`, a number in exponent notation in a field of the numeric `type`, as
  /// `field` reads it: not a number (or percent, money, duration), with a hint that says why and
  /// what to write instead, true for its size.
  func exponentRefused(_ cell: CellScanner, _ notation: ExponentNotation, _ field: CellFormat) -> CellError {
    // A client given as JSON (the C interface) is read as values typed by hand are, but its
    // strings are JSON's.
    let whereRead =
      readsJSONNumbers || field.readsJSONNumbers
      ? "in JSON strings" : readsTypedValues ? "in a value typed by hand" : "in CSV cells"
    let refusal = "exponent notation is not read \(whereRead)"
    let mismatch = cell.mismatch(ExponentNotation.expected(field.type))
    guard let plain = notation.writtenOut(mark: field.numbers.decimalMark == .comma ? "," : ".") else {
      let (count, what) =
        notation.wholeDigits > DecimalNumber.maximumDigits
        ? (notation.wholeDigits, "digits before the point") : (notation.places, "decimal places")
      // An exponent past a billion is counted as a billion: the count is then at least that.
      let counted = count >= 1_000_000_000 ? "a billion or more" : SourceSizeLimit.grouped(count)
      return CellError(
        message: mismatch.message,
        hint: "\(refusal), and written out in full this number has \(counted) \(what): too many to be read exactly")
    }
    var written = plain
    let reading = written.withUTF8 { read($0, as: field) }
    switch reading {
    case .success:
      return CellError(
        message: mismatch.message, hint: "\(refusal): write the number out in full, as \(plain)",
        hintKind: "\(refusal): write the number out in full")
    case .failure(let error):
      let why = error.hint.map { "; \($0)" } ?? ""
      let refusedToo = "\(refusal), and written out in full it is refused too"
      return CellError(
        message: mismatch.message, hint: "\(refusedToo): \(error.message)\(why)",
        hintKind: "\(refusedToo): \(error.hintGroup ?? "")")
    }
  }
}

extension ExponentNotation {
  /// What a cell of a field of `type` is not, in ``CellScanner/mismatch(_:hint:)``'s words.
  fileprivate static func expected(_ type: ValueType?) -> String {
    switch type {
    case .money: "money"
    case .duration: "a duration"
    case .percent: "a percent"
    case .number, .text, .bool, .date, .list, nil: "a number"
    }
  }
}
