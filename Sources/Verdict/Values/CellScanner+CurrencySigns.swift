/// Currency signs besides `€`, `$` and `£`, as exports from outside the euro and the dollar write
/// amounts: `1 234,56 zł`, `₹500`, `US$12.50`, `R$ 99,90`, `2 500 Kč`, `kr 1 200`.
///
/// A sign that stands for one currency is read as it: `zł` is the złoty. A sign that stands for
/// several (`¥` the yen and the yuan, `kr` the Swedish, Norwegian, Danish and Icelandic crowns)
/// is read as the field's currency when that is one of them (`field fee: money in SEK` reads
/// `1 200 kr`), and is refused otherwise, with a hint naming the codes: never a guess. So is `$`,
/// the sign of many dollars and pesos: in a field of one of them (`money in CAD`, as Canadian and
/// Australian tools write `$1,200.00`) it is the field's currency, elsewhere the US dollar, as it
/// always was (`US$`, `CA$`, `A$` name theirs anywhere). In a field whose rows name their
/// currency (`money in currency`), such a sign is the row's currency when it stands for it
/// (`$1,200.00` in a row of `CAD`), and refused when it does not (``RowCurrencies``).
extension CellScanner {
  /// A sign, its bytes, and the currencies it stands for (one, or several to choose from).
  struct CurrencySign {
    let bytes: [UInt8]
    let currencies: [Currency]

    init(_ sign: String, _ codes: String...) {
      bytes = Array(sign.utf8)
      currencies = codes.map { Currency(code: $0)! }
    }

    /// The sign as written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the sign is a word (`kr`, `zł`), which must stand apart from other letters.
    var isWord: Bool { CellScanner.isLetter(bytes[bytes.count - 1]) || bytes[bytes.count - 1] >= 0x80 }
  }

  /// The signs, longer before shorter so that `CA$` is not taken for `A$`.
  static let otherSigns: [CurrencySign] = [
    // Dollars that name their country, and the real.
    CurrencySign("US$", "USD"), CurrencySign("CA$", "CAD"), CurrencySign("AU$", "AUD"), CurrencySign("A$", "AUD"),
    CurrencySign("NZ$", "NZD"), CurrencySign("HK$", "HKD"), CurrencySign("S$", "SGD"), CurrencySign("MX$", "MXN"),
    CurrencySign("NT$", "TWD"), CurrencySign("R$", "BRL"), CurrencySign("C$", "CAD", "NIO"),
    // Signs written as letters, after the amount in Central and Northern Europe (the Swiss
    // franc's `Fr.` and `SFr.` before it as well).
    CurrencySign("zł", "PLN"), CurrencySign("Kč", "CZK"), CurrencySign("Ft", "HUF"), CurrencySign("лв", "BGN"),
    CurrencySign("lei", "RON", "MDL"), CurrencySign("kr.", "DKK", "ISK"),
    CurrencySign("kr", "SEK", "NOK", "DKK", "ISK"), CurrencySign("SFr.", "CHF"), CurrencySign("Fr.", "CHF"),
    // The Turkish lira's, the rupees' (India's, Pakistan's, Sri Lanka's, Nepal's), the Peruvian
    // sol's, the Colombian peso's, and the Gulf's written in Arabic letters (the dirham's, the
    // riyal's). Not the Kuwaiti dinar's `KD` nor the Egyptian pound's `E£`: a sign's first and
    // last bytes send every money cell that starts or ends with them through this list, and
    // `D` and `E` would send every `100 USD` and `EUR 100`.
    CurrencySign("TL", "TRY"), CurrencySign("Rs.", "INR", "PKR", "LKR", "NPR"),
    CurrencySign("Rs", "INR", "PKR", "LKR", "NPR"), CurrencySign("S/", "PEN"), CurrencySign("COL$", "COP"),
    CurrencySign("د.إ", "AED"), CurrencySign("ر.س", "SAR"),
    // Symbols.
    CurrencySign("¥", "JPY", "CNY"), CurrencySign("円", "JPY"),
    // Full-width signs, as Japanese, Chinese and Korean spreadsheets write them, and the
    // characters written after an amount there (`1,000元`, `10,000원`).
    CurrencySign("￥", "JPY", "CNY"), CurrencySign("￦", "KRW"), CurrencySign("元", "CNY", "TWD"),
    CurrencySign("원", "KRW"), CurrencySign("₹", "INR"), CurrencySign("₽", "RUB"),
    CurrencySign("₺", "TRY"), CurrencySign("₩", "KRW"), CurrencySign("₪", "ILS"), CurrencySign("₫", "VND"),
    CurrencySign("₱", "PHP"), CurrencySign("฿", "THB"), CurrencySign("₴", "UAH"), CurrencySign("₦", "NGN"),
  ].sorted { $0.bytes.count > $1.bytes.count }

  /// The currencies whose own sign is `$`: a field in one of them reads `$1,200.00` in it.
  static let dollarSignCurrencies: Set<Currency> = Set(
    ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP"].map { Currency(code: $0)! })

  /// The currency `$` stands for in a field whose bare amounts are in `fieldCurrency`; in a field
  /// whose rows name their currency, the placeholder that the row settles (``Currency/ofRow(sign:)``).
  static func dollarSign(in fieldCurrency: Currency?) -> Currency {
    if fieldCurrency == .ofRow { return .ofRow(sign: 0) }
    guard let fieldCurrency, dollarSignCurrencies.contains(fieldCurrency) else { return .dollar }
    return fieldCurrency
  }

  /// What each placeholder ``Currency/ofRow(sign:)`` stands for, by its number: the sign as
  /// written, the currencies it may be (the commonest first), and the one it is in a row whose
  /// currency cell is empty (`$`: the US dollar, as anywhere else; a sign such as `kr` stays
  /// undecided). `$` is number 0, the sign at `otherSigns[n]` number `n + 1`. Made once: a
  /// row's amount is settled by it on every row of an export that writes `$` in each.
  static let rowSigns: [(text: String, currencies: [Currency], unnamed: Currency?)] =
    [("$", [.dollar] + dollarSignCurrencies.subtracting([.dollar]).sorted { $0.code < $1.code }, .dollar)]
    + otherSigns.map { ($0.text, $0.currencies, nil) }

  /// Whether a byte starts (at `[0]`) or ends (at `[1]`) any of ``otherSigns``: most money cells
  /// (`1.234,56 €`, `$12`) are looked at no further than their first and last byte.
  private static let edgeBytes: [[Bool]] = {
    var edges = [[Bool]](repeating: [Bool](repeating: false, count: 256), count: 2)
    for sign in otherSigns {
      edges[0][Int(sign.bytes[0])] = true
      edges[1][Int(sign.bytes[sign.bytes.count - 1])] = true
    }
    return edges
  }()

  /// The sign of ``otherSigns`` at the front of `bytes[first..<last]` or at its back, and which;
  /// `nil` when there is none.
  func otherSign(from first: Int, to last: Int) -> (sign: CurrencySign, atFront: Bool)? {
    guard last - first > 1 else { return nil }
    let front = CellScanner.edgeBytes[0][Int(bytes[first])]
    let back = CellScanner.edgeBytes[1][Int(bytes[last - 1])]
    guard front || back else { return nil }
    for sign in CellScanner.otherSigns {
      let count = sign.bytes.count
      guard last - first > count else { continue }
      if front, has(sign.bytes, at: first), !sign.isWord || !CellScanner.isLetter(bytes[first + count]) {
        return (sign, true)
      }
      if back, has(sign.bytes, at: last - count), !CellScanner.isLetter(bytes[last - count - 1]) {
        return (sign, false)
      }
    }
    return nil
  }

  /// The currency `sign` stands for in a field whose bare amounts are in `fieldCurrency`: its one
  /// currency, or the field's when it is among its several; `nil` when it stays undecided.
  static func currency(of sign: CurrencySign, in fieldCurrency: Currency?) -> Currency? {
    if sign.currencies.count == 1 { return sign.currencies[0] }
    // In a field whose rows name their currency, the row decides (``RowCurrencies``).
    if fieldCurrency == .ofRow, let number = otherSigns.firstIndex(where: { $0.bytes == sign.bytes }) {
      return .ofRow(sign: number + 1)
    }
    guard let fieldCurrency, sign.currencies.contains(fieldCurrency) else { return nil }
    return fieldCurrency
  }

  /// Whether the cell holds `pattern` at `offset`.
  func has(_ pattern: [UInt8], at offset: Int) -> Bool {
    guard offset >= start, offset + pattern.count <= end else { return false }
    for (index, byte) in pattern.enumerated() where bytes[offset + index] != byte { return false }
    return true
  }
}

extension Currency {
  /// The currency `sign` stands for when it is one of the signs of one currency that cells are
  /// read with (`zł`, `Fr.`, `₹`: ``CellScanner/otherSigns``); `nil` for any other text, and for
  /// a sign of several (`kr`, `¥`).
  package init?(sign: Substring) {
    guard let found = CellScanner.otherSigns.first(where: { $0.text == sign }), found.currencies.count == 1
    else { return nil }
    self = found.currencies[0]
  }
}
