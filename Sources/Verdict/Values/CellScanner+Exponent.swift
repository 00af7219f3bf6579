/// A number written with an exponent, as JSON writes large and small numbers (`1e400`,
/// `-2.5E-7`), measured as it would be written out: a JSON number token is read as the plain
/// decimal it is, and one too long to be written out keeps its exponent, so that its cell is
/// refused for its size as the written-out number is, rather than as no number at all.
struct ExponentNumber {
  /// The digits the number has before the point, written out (leading zeros left out).
  var wholeDigits: Int
  /// The decimal places it has, written out, trailing zeros left out.
  var places: Int

  /// Whether the number, written out, has more digits before or after the point than a
  /// decimal keeps (``DecimalNumber/maximumDigits``).
  var isPastADecimal: Bool { wholeDigits > DecimalNumber.maximumDigits || places > DecimalNumber.maximumDigits }
}

extension CellScanner {
  /// The cell as a number with an exponent, when it is one in JSON's grammar (`-`, digits, an
  /// optional fraction, `e` or `E`, an optional sign and digits) and not zero; else `nil`.
  func exponentNumber() -> ExponentNumber? {
    var index = start
    if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
    // One pass, counting: the digits, where the point is among them, and the first and last
    // nonzero digit (a cell of a million zeros is read once, not shifted a digit at a time).
    var digits = 0
    var point: Int?
    var firstNonzero: Int?
    var lastNonzero = 0
    while index < end, CellScanner.isDigit(bytes[index]) || (point == nil && bytes[index] == UInt8(ascii: ".")) {
      if bytes[index] == UInt8(ascii: ".") {
        point = digits
      } else {
        if bytes[index] != UInt8(ascii: "0") {
          if firstNonzero == nil { firstNonzero = digits }
          lastNonzero = digits
        }
        digits += 1
      }
      index += 1
    }
    guard digits > 0, point != digits, let exponent = exponent(from: index, to: end), let firstNonzero else {
      return nil
    }
    // The digits that matter run from the first nonzero to the last; the point's place counts
    // from the first of them.
    let whole = (point ?? digits) - firstNonzero
    let significant = lastNonzero - firstNonzero + 1
    let written = whole + exponent
    return ExponentNumber(wholeDigits: max(0, written), places: max(0, significant - written))
  }

  /// The exponent written from `index` to `end`: `e` or `E`, an optional sign and at least one
  /// digit, nothing after; `nil` otherwise. An exponent past a billion is counted as a billion,
  /// as far out of range. What a JSON number and a CSV cell in exponent notation end with.
  func exponent(from index: Int, to end: Int) -> Int? {
    var index = index
    guard index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
    index += 1
    let negative = index < end && bytes[index] == UInt8(ascii: "-")
    if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
    guard index < end else { return nil }
    var exponent = 0
    while index < end, CellScanner.isDigit(bytes[index]) {
      exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
      index += 1
    }
    guard index == end else { return nil }
    return negative ? -exponent : exponent
  }
}
