/// A JSON number with an exponent, written as the plain decimal it is, for cells.
///
/// JSON writers use exponents for large and small numbers (JavaScript writes `1e+21`, Python
/// `1.5e-07`), and a JSON number means exactly what its digits say, so `1.5e-07` is the cell
/// `0.00000015`. Cells are read as a CSV cell is, and a CSV cell with an exponent is refused on
/// purpose: a spreadsheet shows `1.23457E+11` for a number whose other digits it dropped. So
/// only a JSON number token, never a string, is rewritten here.
package enum JSONNumberText {
  /// The most digits a plain form has before or after its point: past it the number is far
  /// outside what cells hold (28 digits and 28 decimal places), and it is left as written for
  /// the cell reader to refuse.
  static let longestPlainForm = 64

  /// `number`, a valid JSON number, without its exponent (`1e2` is `100`, `-2.50E-1` is
  /// `-0.250`: the digits written are kept); `nil` when it has no exponent, or when the plain
  /// form would be longer than ``longestPlainForm``.
  package static func plain(_ number: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard let marker = number.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
      return nil
    }
    let mantissa = number[..<marker]
    let negative = mantissa.first == UInt8(ascii: "-")
    let unsigned = negative ? mantissa.dropFirst() : mantissa[...]
    let whole = unsigned.prefix { $0 != UInt8(ascii: ".") }
    let digits = Array(whole) + unsigned.dropFirst(whole.count + 1)
    // Zero is zero whatever its exponent (0e99999999999).
    if digits.allSatisfy({ $0 == UInt8(ascii: "0") }) { return Array((negative ? "-0" : "0").utf8) }
    guard let exponent = exponent(number[number.index(after: marker)...]) else { return nil }
    // Where the decimal point goes among the digits.
    let point = whole.count + exponent
    guard point <= longestPlainForm, digits.count - point <= longestPlainForm else { return nil }
    var wholePart: ArraySlice<UInt8>
    var fraction: [UInt8]
    if point <= 0 {
      wholePart = [UInt8(ascii: "0")]
      fraction = Array(repeating: UInt8(ascii: "0"), count: -point) + digits
    } else if point >= digits.count {
      wholePart = (digits + Array(repeating: UInt8(ascii: "0"), count: point - digits.count))[...]
      fraction = []
    } else {
      wholePart = digits[..<point]
      fraction = Array(digits[point...])
    }
    while wholePart.count > 1, wholePart.first == UInt8(ascii: "0") { wholePart = wholePart.dropFirst() }
    var plain = negative ? [UInt8(ascii: "-")] : []
    plain += wholePart
    if !fraction.isEmpty { plain += [UInt8(ascii: ".")] + fraction }
    return plain
  }

  /// ``plain(_:)`` of a number's text, as a `String`; the text itself when it has no exponent.
  package static func plain(_ number: String) -> String {
    var number = number
    return number.withUTF8 { plain($0) }.map { String(decoding: $0, as: UTF8.self) } ?? number
  }

  /// The exponent's value (after `e`: an optional sign, then digits); `nil` past nine digits.
  private static func exponent(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    let negative = text.first == UInt8(ascii: "-")
    let digits = text.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }.drop { $0 == UInt8(ascii: "0") }
    guard digits.count <= 9 else { return nil }
    let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    return negative ? -value : value
  }
}

/// How a JSON number token is written as a cell, for a reader whose decimal mark is fixed or
/// left to each cell.
///
/// A JSON number always has a decimal point and never a thousands separator, but its cell is read
/// with the file's number format, which also reads the file's strings (`"1.250,00"`) as cells
/// are read. So the token is written in that format's terms, and means what JSON says it means
/// whatever `--decimal` says: `1.250` was read as 1250 with `--decimal ,`.
package enum JSONNumberNotation: Sendable, Hashable {
  /// As JSON writes it (`1.250`), for a reader whose decimal mark is the point.
  case point
  /// With a decimal comma (`1,250`), for a reader whose decimal mark is the comma.
  case comma
  /// With a fourth decimal where it has exactly three (`1.2500`), for a reader that takes each
  /// cell's mark from the cell: `1.250` has two readings there, `1.2500` one.
  case unambiguous
}

extension JSONNumberText {
  /// `number`, a valid JSON number, as a cell in `notation`: without its exponent
  /// (``plain(_:)``), its point written as `notation` needs; `nil` when it is a cell as written.
  package static func cell(_ number: UnsafeBufferPointer<UInt8>, notation: JSONNumberNotation) -> [UInt8]? {
    // Every number token of a JSON file comes here: most need no rewriting, and make no array.
    let plain = number.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ? self.plain(number) : nil
    guard notation != .point else { return plain }
    let point = plain.map { $0.firstIndex(of: UInt8(ascii: ".")) } ?? number.firstIndex(of: UInt8(ascii: "."))
    guard let point else { return plain }
    let length = plain?.count ?? number.count
    if notation == .unambiguous, length - point - 1 != 3 { return plain }
    var text = plain ?? Array(number)
    switch notation {
    case .point: break
    case .comma: text[point] = UInt8(ascii: ",")
    case .unambiguous: text.append(UInt8(ascii: "0"))
    }
    return text
  }

  /// ``cell(_:notation:)`` of a number's text, as a `String`; the text itself when it is a cell
  /// as written.
  package static func cell(_ number: String, notation: JSONNumberNotation) -> String {
    var number = number
    return number.withUTF8 { cell($0, notation: notation) }.map { String(decoding: $0, as: UTF8.self) } ?? number
  }
}
