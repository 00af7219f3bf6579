/// An ISO 4217 currency, stored as its three-letter code packed into an integer so that money stays
/// trivially copyable.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
  /// The three letters, one a byte, the first in bits 16–23.
  let packed: UInt32

  /// The currency with letters already packed, as a ``Scalar`` keeps them.
  init(packed: UInt32) {
    self.packed = packed
  }

  /// Creates a currency from a three-letter uppercase code such as `EUR`, or `nil` for anything else.
  public init?(code: some StringProtocol) {
    let bytes = Array(code.utf8)
    guard bytes.count == 3, bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    else { return nil }
    packed = UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
  }

  /// The currency a symbol stands for: `€` EUR, `$` USD, `£` GBP.
  package init?(symbol: Character) {
    switch symbol {
    case "€": self.init(code: "EUR")
    case "$": self.init(code: "USD")
    case "£": self.init(code: "GBP")
    default: return nil
    }
  }

  /// Whether the currency has no minor unit (ISO 4217's exponent 0: the yen, the won, the dong,
  /// …): its amounts have no decimals, so the one `,` of `￥120,000` groups thousands.
  package var hasNoMinorUnit: Bool { Currency.wholeUnitCurrencies.contains(self) }

  /// The currencies of ``hasNoMinorUnit``.
  static let wholeUnitCurrencies: Set<Currency> = Set(
    ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]
      .map { Currency(code: $0)! })

  /// The euro.
  public static let euro = Currency(code: "EUR")!
  /// The US dollar.
  public static let dollar = Currency(code: "USD")!

  /// The three-letter code.
  public var code: String {
    String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
  }

  /// The code, as in `1200 EUR`.
  public var description: String { code }
}

/// An exact amount of money: a whole number of ten-thousandths of a currency unit.
///
/// Money is never binary floating point: `0.1€ + 0.2€ == 0.3€` holds. Products and quotients
/// are rounded half to even to the nearest ten-thousandth.
public struct Money: Sendable, Hashable {
  /// Ten-thousandths of a unit in one currency unit.
  package static let scale: Int64 = 10_000

  /// The amount in ten-thousandths of a unit (`12.50€` is `125_000`).
  package var scaledAmount: Int64
  /// The currency.
  public var currency: Currency

  /// Creates money from an amount in ten-thousandths of a unit.
  package init(scaledAmount: Int64, currency: Currency) {
    self.scaledAmount = scaledAmount
    self.currency = currency
  }

  /// Creates money from whole units, or `nil` on overflow.
  public init?(units: Int64, currency: Currency) {
    let (amount, overflow) = units.multipliedReportingOverflow(by: Money.scale)
    if overflow { return nil }
    self.init(scaledAmount: amount, currency: currency)
  }
}

extension Money: CustomStringConvertible {
  /// The amount with two decimals (more when needed) and the code: `1234.50 EUR`.
  public var description: String {
    "\(Money.format(scaledAmount)) \(currency.code)"
  }

  /// Formats a scaled amount with at least two decimals: `1234.5` → `1234.50`.
  static func format(_ scaled: Int64) -> String {
    let negative = scaled < 0
    let magnitude = scaled.magnitude
    let whole = magnitude / UInt64(Money.scale)
    var fraction = String(magnitude % UInt64(Money.scale))
    fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
    while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
    return (negative ? "-" : "") + "\(whole).\(fraction)"
  }
}
