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
    var digits: [UInt8] = []
    var point: Int?
    while index < end, CellScanner.isDigit(bytes[index]) || (point == nil && bytes[index] == UInt8(ascii: ".")) {
      if bytes[index] == UInt8(ascii: ".") { point = digits.count } else { digits.append(bytes[index]) }
      index += 1
    }
    guard !digits.isEmpty, point != digits.count, index < end,
      bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
    else { return nil }
    index += 1
    let negative = index < end && bytes[index] == UInt8(ascii: "-")
    if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
    guard index < end else { return nil }
    // An exponent past a billion is as far out of range as a billion.
    var exponent = 0
    while index < end, CellScanner.isDigit(bytes[index]) {
      exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
      index += 1
    }
    guard index == end else { return nil }
    var whole = point ?? digits.count
    while digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      whole -= 1
    }
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    guard !digits.isEmpty else { return nil }
    let written = whole + (negative ? -exponent : exponent)
    return ExponentNumber(wholeDigits: max(0, written), places: max(0, digits.count - written))
  }
}
