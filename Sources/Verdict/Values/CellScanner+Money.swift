/// Money cells: an amount with its currency's symbol, sign or code before or after it, or a bare
/// amount in the field's currency (`CellScanner+CurrencySigns.swift` for signs other than `€`,
/// `$` and `£`).
extension CellScanner {
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
    let minusInFront = minusWidth(at: first, before: last)
    if minusInFront > 0, last - first > minusInFront,
      (0..<3).contains(where: { CellScanner.hasSymbol($0, in: self, at: first + minusInFront) })
    {
      minusFirst = true
      first += minusInFront
    }
    // Other signs (`zł`, `₹`, `US$`, `kr`): see `CellScanner+CurrencySigns.swift`.
    let minus = minusFirst ? 0 : minusWidth(at: first, before: last)
    if let (sign, atFront) = otherSign(from: first + minus, to: last) {
      if atFront {
        minusFirst = minus > 0
        first += minus + sign.bytes.count
      } else {
        last -= sign.bytes.count
      }
      if atFront, let code = codeBehind(first, last) {
        // `C$1,200.00 CAD`, `kr 1 200 SEK`, `US$12 USD`: the code says which of the sign's
        // currencies it is; one the sign does not stand for is a second currency.
        guard sign.currencies.contains(code) else { return nil }
        currency = code
        last -= 3
      } else {
        guard let named = CellScanner.currency(of: sign, in: defaultCurrency) else { return nil }
        currency = named
      }
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
      if let symbol = symbolInFront, let code = codeBehind(first, last) {
        guard CellScanner.symbol(symbol, standsFor: code) else { return nil }
        currency = code
        last -= 3
      }
    }
    if currency == nil, let code = codeBehind(first, last) {
      currency = code
      last -= 3
    } else if currency == nil, last - first > 3, let code = currencyCode(first), !CellScanner.isLetter(bytes[first + 3])
    {
      currency = code
      first += 3
      // `AUD $1,234.56`: a symbol after the code, when it stands for it.
      first = symbolEnd(standingFor: code, from: first, to: last) ?? first
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

  /// The currency whose code ends the amount `first..<last`, apart from the letters before it
  /// (`1200 CAD`, not `1200CAD` of a word); `nil` for none.
  private func codeBehind(_ first: Int, _ last: Int) -> Currency? {
    guard last - first > 3, !CellScanner.isLetter(bytes[last - 4]) else { return nil }
    return currencyCode(last - 3)
  }

  /// Whether `moneySymbol(symbol)` stands for `code`: `$` for the dollars and pesos written with
  /// it, `€` for the euro, `£` for the pound.
  private static func symbol(_ symbol: Int, standsFor code: Currency) -> Bool {
    symbol == 1 ? CellScanner.dollarSignCurrencies.contains(code) : CellScanner.symbolCurrency(symbol) == code
  }

  /// Where a symbol or sign that stands for `code` ends, when one starts at `first` after spaces
  /// (`AUD $1,234.56`, `CAD C$12`); `nil` for none.
  private func symbolEnd(standingFor code: Currency, from first: Int, to last: Int) -> Int? {
    var index = first
    while index < last, let width = spaceWidth(at: index) { index += width }
    if let (sign, atFront) = otherSign(from: index, to: last), atFront {
      return sign.currencies.contains(code) ? index + sign.bytes.count : nil
    }
    for symbol in 0..<3 where CellScanner.hasSymbol(symbol, in: self, at: index) {
      return CellScanner.symbol(symbol, standsFor: code) ? index + CellScanner.moneySymbol(symbol).1 : nil
    }
    return nil
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
  func spaceWidth(endingAt offset: Int) -> Int? {
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
}
