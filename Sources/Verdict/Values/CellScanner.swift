/// Scans one cell's bytes for the literal forms data exports use.
struct CellScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  /// How the cell's column writes numbers.
  let numbers: NumberFormat
  var start = 0
  var end: Int

  init(bytes: UnsafeBufferPointer<UInt8>, numbers: NumberFormat) {
    self.bytes = bytes
    self.numbers = numbers
    end = bytes.count
  }

  var isEmpty: Bool { start >= end }
  var string: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }

  /// The cell as text, or `nil` when its bytes are not valid UTF-8: a text value never holds a
  /// U+FFFD that was not in the file.
  var validText: String? {
    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
    // Fast path: ASCII is valid UTF-8, and `String(decoding:as:)` over a byte buffer copies it
    // without the generic validation `String(validating:as:)` goes through (which instantiated
    // type metadata on every text cell of a run: about 900 instructions a cell).
    if CellScanner.isASCII(text) { return String(decoding: text, as: UTF8.self) }
    return String(validating: text, as: UTF8.self)
  }

  /// Whether every byte is below 0x80, eight at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var highBits: UInt64 = 0
    var p = 0
    while p &+ 8 <= count {
      highBits |= UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
      p &+= 8
    }
    while p < count {
      highBits |= UInt64(base[p])
      p &+= 1
    }
    return highBits & 0x8080_8080_8080_8080 == 0
  }

  mutating func trim() {
    // Most cells start and end with something other than a space.
    if start < end, bytes[start] > UInt8(ascii: " "), bytes[end - 1] > UInt8(ascii: " ") { return }
    while start < end, CellScanner.isSpace(bytes[start]) { start += 1 }
    while end > start, CellScanner.isSpace(bytes[end - 1]) { end -= 1 }
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
  }

  /// `"fourty" is not a duration`, with `hint`; `kind` is the hint's kind when the hint quotes
  /// the cell (``CellError/hintKind``).
  func mismatch(_ expected: String, hint: String? = nil, kind: String? = nil) -> CellError {
    var error = CellError(message: "\(quoted) is not \(expected)", hint: hint)
    error.hintKind = kind
    return error
  }

  /// The cell quoted for a message, cut after 40 characters (`"1111…"`): a cell of megabytes
  /// (a column of digits run together, a whole document in one cell) was written out whole on
  /// standard error and again in the report.
  var quoted: String {
    let limit = 40
    // At most four bytes a character: the first 41 characters are in the first 164 bytes.
    let cut = min(end, start + 4 * (limit + 1))
    let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self)
    if cut == end, prefix.count <= limit { return Value.quote(prefix) }
    return Value.quote(String(prefix.prefix(limit)) + "…")
  }

  // MARK: - Forms

  /// A plain number: `45`, `-3`, `2.5`, `1,234.56` (or `1.234,56` with a decimal comma, `1'234.56`).
  func number() -> Value? {
    decimal(start, end)?.value
  }

  /// `20%`, or a bare number of percentage points.
  func percent() -> DecimalNumber? {
    percentagePoints()?.number(shiftingPointLeftBy: 2)
  }

  /// The number of percentage points in `20%`, `20 %` (a no-break space too, as in French) or `20`.
  func percentagePoints() -> ExactDecimal? {
    guard end > start, bytes[end - 1] == UInt8(ascii: "%") else { return decimal(start, end) }
    var last = end - 1
    while last > start, let width = spaceWidth(endingAt: last) { last -= width }
    return decimal(start, last)
  }

  /// `1200`, `1200.50 EUR`, `EUR 1200`, `€1200`, `-$250.00`, `1.234,56 €` (a no-break space before
  /// the symbol too), `500 zł`; bare numbers take `defaultCurrency`, and so do `$` and signs of
  /// several currencies when it is one of theirs (`CellScanner+CurrencySigns.swift`).
  func money(defaultCurrency: Currency?) -> Money? {
    // A cell that starts and ends with a digit has no symbol or currency code: a bare amount.
    if let defaultCurrency, end > start, CellScanner.isDigit(bytes[start]), CellScanner.isDigit(bytes[end - 1]) {
      guard let decimal = decimal(start, end), let scaled = decimal.scaled(by: Money.scale) else { return nil }
      return Money(scaledAmount: scaled, currency: defaultCurrency)
    }
    guard let (amount, currency) = moneyAmount(defaultCurrency: defaultCurrency),
      let scaled = amount.scaled(by: Money.scale)
    else { return nil }
    return Money(scaledAmount: scaled, currency: currency)
  }

  /// The amount and currency of a money cell, before it is scaled to ten-thousandths (which
  /// fails for more than four decimal places or an amount too large).
  func moneyAmount(defaultCurrency: Currency?) -> (amount: ExactDecimal, currency: Currency)? {
    var first = start
    var last = end
    var currency: Currency?
    // A minus before a symbol in front (`-$250.00`, `-€627,93`): how accounting tools and
    // spreadsheets write a negative amount.
    var minusFirst = false
    if last - first > 1, bytes[first] == UInt8(ascii: "-"),
      (0..<3).contains(where: { CellScanner.hasSymbol($0, in: self, at: first + 1) })
    {
      minusFirst = true
      first += 1
    }
    // Other signs (`zł`, `₹`, `US$`, `kr`): see `CellScanner+CurrencySigns.swift`.
    let minus = !minusFirst && first < last && bytes[first] == UInt8(ascii: "-") ? 1 : 0
    if let (sign, atFront) = otherSign(from: first + minus, to: last) {
      if atFront {
        minusFirst = minus == 1
        first += minus + sign.bytes.count
      } else {
        last -= sign.bytes.count
      }
      guard let named = CellScanner.currency(of: sign, in: defaultCurrency) else { return nil }
      currency = named
    } else {
      // The symbols €, $ and £ in front or behind; as before, a later symbol wins.
      var symbolInFront: Int?
      for symbol in 0..<3 {
        let (pattern, count) = CellScanner.moneySymbol(symbol)
        if hasBytes(pattern, count, at: first) {
          first += count
          symbolInFront = symbol
        } else if last - count >= first, hasBytes(pattern, count, at: last - count) {
          last -= count
          symbolInFront = nil
        } else {
          continue
        }
        currency = symbol == 1 ? CellScanner.dollarSign(in: defaultCurrency) : CellScanner.symbolCurrency(symbol)
      }
      // A symbol in front and a code behind, as invoicing and shop exports write amounts
      // (`$1,200.00 CAD`): the code, when the symbol stands for it; two currencies otherwise.
      if let symbol = symbolInFront, last - first > 3, let code = currencyCode(last - 3),
        !CellScanner.isLetter(bytes[last - 4])
      {
        let stands =
          symbol == 1 ? CellScanner.dollarSignCurrencies.contains(code) : CellScanner.symbolCurrency(symbol) == code
        guard stands else { return nil }
        currency = code
        last -= 3
      }
    }
    if currency == nil, last - first > 3, let code = currencyCode(last - 3), !CellScanner.isLetter(bytes[last - 4]) {
      currency = code
      last -= 3
    } else if currency == nil, last - first > 3, let code = currencyCode(first), !CellScanner.isLetter(bytes[first + 3])
    {
      currency = code
      first += 3
    }
    while first < last, let width = spaceWidth(at: first) { first += width }
    while last > first, let width = spaceWidth(endingAt: last) { last -= width }
    guard let currency = currency ?? defaultCurrency, var decimal = decimal(first, last) else { return nil }
    if minusFirst {
      // `-$-5` has one sign too many.
      guard !decimal.negative, bytes[first] != UInt8(ascii: "+") else { return nil }
      decimal.negative = true
    }
    return (decimal, currency)
  }

  /// Whether the symbol `moneySymbol(symbol)` is at `offset` of `scanner`'s cell.
  private static func hasSymbol(_ symbol: Int, in scanner: CellScanner, at offset: Int) -> Bool {
    let (pattern, count) = moneySymbol(symbol)
    return scanner.hasBytes(pattern, count, at: offset)
  }

  /// The bytes of the space at `offset` between an amount and its symbol or code: a space or a
  /// tab, a no-break space (U+00A0, which spreadsheets put before `€`) or a narrow one (U+202F);
  /// `nil` for none.
  private func spaceWidth(at offset: Int) -> Int? {
    if CellScanner.isSpace(bytes[offset]) { return 1 }
    if hasBytes((0xC2, 0xA0, 0), 2, at: offset) { return 2 }
    return hasBytes((0xE2, 0x80, 0xAF), 3, at: offset) ? 3 : nil
  }

  /// The bytes of such a space that ends just before `offset`; `nil` for none.
  private func spaceWidth(endingAt offset: Int) -> Int? {
    if CellScanner.isSpace(bytes[offset - 1]) { return 1 }
    if offset - 2 >= start, hasBytes((0xC2, 0xA0, 0), 2, at: offset - 2) { return 2 }
    return offset - 3 >= start && hasBytes((0xE2, 0x80, 0xAF), 3, at: offset - 3) ? 3 : nil
  }

  private static let euro = Currency(code: "EUR")!
  private static let dollar = Currency(code: "USD")!
  private static let pound = Currency(code: "GBP")!

  /// The bytes of `€`, `$` and `£` and their length.
  @inline(__always) private static func moneySymbol(_ index: Int) -> ((UInt8, UInt8, UInt8), Int) {
    switch index {
    case 0: ((0xE2, 0x82, 0xAC), 3)
    case 1: ((UInt8(ascii: "$"), 0, 0), 1)
    default: ((0xC2, 0xA3, 0), 2)
    }
  }

  /// The currency of the symbol `moneySymbol(index)`.
  private static func symbolCurrency(_ index: Int) -> Currency {
    switch index {
    case 0: euro
    case 1: dollar
    default: pound
    }
  }

  /// Whether the first `count` bytes of `pattern` are at `offset` (within the trimmed cell).
  @inline(__always) private func hasBytes(_ pattern: (UInt8, UInt8, UInt8), _ count: Int, at offset: Int) -> Bool {
    guard offset >= 0, offset + count <= end else { return false }
    if bytes[offset] != pattern.0 { return false }
    if count > 1, bytes[offset + 1] != pattern.1 { return false }
    if count > 2, bytes[offset + 2] != pattern.2 { return false }
    return true
  }

  /// The currency whose three-letter code starts at `offset`, if three uppercase letters do.
  private func currencyCode(_ offset: Int) -> Currency? {
    let a = bytes[offset]
    let b = bytes[offset + 1]
    let c = bytes[offset + 2]
    func upper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    guard upper(a), upper(b), upper(c) else { return nil }
    switch (a, b, c) {
    case (UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R")): return CellScanner.euro
    case (UInt8(ascii: "U"), UInt8(ascii: "S"), UInt8(ascii: "D")): return CellScanner.dollar
    default: return Currency(code: text(offset, offset + 3))
    }
  }

  /// The value a cell's text shows, for a field of unknown type; `nil` for text that is not valid
  /// UTF-8.
  func inferValue() -> Value? {
    if end - start == 4, hasBytes((UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u")), 3, at: start),
      bytes[start + 3] == UInt8(ascii: "e")
    {
      return .bool(true)
    }
    if end - start == 5, hasBytes((UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l")), 3, at: start),
      bytes[start + 3] == UInt8(ascii: "s"), bytes[start + 4] == UInt8(ascii: "e")
    {
      return .bool(false)
    }
    if let date = date(format: nil) { return .date(date) }
    if bytes[end - 1] == UInt8(ascii: "%"), let fraction = percent() { return .percent(fraction) }
    if let number = number() { return number }
    if CellScanner.isLetter(bytes[end - 1]), let span = duration(bareUnit: nil) { return .duration(span) }
    if let money = money(defaultCurrency: nil) { return .money(money) }
    // A number this format cannot settle is refused, not compared as text ("2.500" > "10.000").
    if isNumberOfAnotherReading { return nil }
    return validText.map { .text($0) }
  }

  /// Whether the cell is a number (or an amount) that this format leaves undecided (`1.250`),
  /// or reads only with the other decimal mark (`1.234,56` where the mark is the point).
  var isNumberOfAnotherReading: Bool {
    if hasAmbiguousNumber() { return true }
    let other: NumberFormat.DecimalMark
    switch numbers.decimalMark {
    case .point: other = .comma
    case .comma: other = .point
    case .undecided: return false
    }
    var scanner = CellScanner(bytes: bytes, numbers: NumberFormat(decimalMark: other, grouping: numbers.grouping))
    (scanner.start, scanner.end) = (start, end)
    return scanner.number() != nil || scanner.money(defaultCurrency: nil) != nil || scanner.percent() != nil
      || scanner.duration(bareUnit: nil) != nil
  }

  // MARK: - Pieces

  private func text(_ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
  }

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  /// An exact decimal between two offsets, with thousands separators allowed between digit
  /// groups as the column's ``NumberFormat`` says (see `CellScanner+Numbers.swift`).
  func decimal(_ from: Int, _ to: Int) -> ExactDecimal? {
    if to - from <= 18, let plain = plainDecimal(from, to) { return plain }
    return groupedDecimal(from, to)
  }
}
