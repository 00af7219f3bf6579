import Foundation
import Testing

@testable import Verdict

/// Currency signs besides `€`, `$` and `£` (`CellScanner+CurrencySigns.swift`), and `$` in a
/// field of another dollar. A Polish export's `1 234,56 zł`, a Canadian one's `$1,200.00` in a
/// field `money in CAD`, or a Swedish one's `1 200 kr` was refused, or read as US dollars and
/// then refused on every comparison.
struct CurrencySignTests {
  static func read(_ cell: String, in code: String?, numbers: NumberFormat = .point) -> Result<Value, CellError> {
    let field = FieldInfo(name: "fee", type: .money, currency: code.flatMap(Currency.init(code:)))
    return CellReader(numbers: numbers).read(cell, for: field)
  }

  /// `amount` (`-1234.56`) in `code`.
  static func money(_ amount: String, _ code: String) -> Result<Value, CellError> {
    let negative = amount.hasPrefix("-")
    let parts = amount.drop(while: { $0 == "-" }).split(separator: ".")
    let places = parts.count > 1 ? String(parts[1]) : ""
    let scaled = Int64(parts[0])! * Money.scale + Int64(places.padding(toLength: 4, withPad: "0", startingAt: 0))!
    return .success(.money(Money(scaledAmount: negative ? -scaled : scaled, currency: Currency(code: code)!)))
  }

  /// A sign of one currency is read as it, in any field, before or after the amount.
  @Test(arguments: [
    ("500 zł", "500", "PLN"), ("₹500", "500", "INR"), ("₹ 1,500.25", "1500.25", "INR"), ("US$12.50", "12.50", "USD"),
    ("2 500 Kč", "2500", "CZK"), ("CA$1,200", "1200", "CAD"), ("1200 CA$", "1200", "CAD"), ("A$80", "80", "AUD"),
    ("NZ$ 15", "15", "NZD"), ("S$9.90", "9.90", "SGD"), ("12 000 Ft", "12000", "HUF"), ("-₽300", "-300", "RUB"),
    ("-300 ₽", "-300", "RUB"), ("100 лв", "100", "BGN"), ("5000円", "5000", "JPY"), ("Fr. 1'234.50", "1234.50", "CHF"),
    ("SFr. 99.90", "99.90", "CHF"), ("12.50 Fr.", "12.50", "CHF"), ("10,000원", "10000", "KRW"),
    ("￦5,000", "5000", "KRW"), ("S/ 1,234.56", "1234.56", "PEN"), ("1,234.50 ر.س", "1234.50", "SAR"),
  ])
  func aSignOfOneCurrencyIsReadAsIt(_ cell: String, _ amount: String, _ code: String) {
    #expect(Self.read(cell, in: nil) == Self.money(amount, code), "\(cell)")
    #expect(Self.read(cell, in: "EUR") == Self.money(amount, code), "\(cell)")
  }

  /// With decimal commas, as Polish, Brazilian and Turkish exports write amounts.
  @Test(arguments: [
    ("1 234,56 zł", "1234.56", "PLN"), ("R$ 99,90", "99.90", "BRL"), ("₺45,50", "45.50", "TRY"),
    ("12.500,50 TL", "12500.50", "TRY"), ("TL 1.234,56", "1234.56", "TRY"),
  ])
  func aSignOfOneCurrencyWithADecimalComma(_ cell: String, _ amount: String, _ code: String) {
    #expect(Self.read(cell, in: nil, numbers: .comma) == Self.money(amount, code), "\(cell)")
  }

  /// A sign of several currencies takes the field's when it is one of them, and is refused
  /// otherwise.
  @Test(arguments: [
    ("1 200 kr", "SEK", "1200"), ("kr 1 200", "NOK", "1200"), ("kr. 1.200,00", "DKK", "1200.00"),
    ("1.200,00 kr.", "DKK", "1200.00"), ("¥1234", "JPY", "1234"), ("¥1234", "CNY", "1234"), ("C$50", "CAD", "50"),
    ("C$50", "NIO", "50"), ("250 lei", "RON", "250"), ("￥1,248", "JPY", "1248"), ("￥99", "CNY", "99"),
    ("2,500元", "CNY", "2500"), ("2,500元", "TWD", "2500"), ("Rs. 12,345.50", "INR", "12345.50"),
    ("Rs 5,500", "PKR", "5500"),
  ])
  func aSignOfSeveralTakesTheFieldsCurrency(_ cell: String, _ code: String, _ amount: String) {
    let numbers: NumberFormat = cell.contains(",00") ? .comma : .point
    #expect(Self.read(cell, in: code, numbers: numbers) == Self.money(amount, code), "\(cell)")
  }

  @Test(arguments: [
    ("1 200 kr", "EUR"), ("1 200 kr", nil), ("¥1234", "USD"), ("¥1234", nil), ("C$50", "USD"), ("￥1234", "USD"),
    ("500元", nil),
  ])
  func aSignOfSeveralIsRefusedInAnotherField(_ cell: String, _ code: String?) throws {
    guard case .failure(let error) = Self.read(cell, in: code) else {
      Issue.record("\(cell) was read")
      return
    }
    let hint = try #require(error.hint)
    #expect(hint.contains("stands for more than one currency"), "\(hint)")
    #expect(hint.contains("declare the field's currency"), "\(hint)")
  }

  /// `$` is the field's currency when that is a dollar (or a peso written with `$`), and the US
  /// dollar elsewhere, as before.
  @Test func theDollarSignTakesTheFieldsDollar() {
    #expect(Self.read("$1,200.00", in: "CAD") == Self.money("1200.00", "CAD"))
    #expect(Self.read("-$250.00", in: "AUD") == Self.money("-250.00", "AUD"))
    #expect(Self.read("1200 $", in: "MXN") == Self.money("1200", "MXN"))
    #expect(Self.read("$1,200.00", in: "USD") == Self.money("1200.00", "USD"))
    #expect(Self.read("$1,200.00", in: "EUR") == Self.money("1200.00", "USD"))
    #expect(Self.read("$1,200.00", in: nil) == Self.money("1200.00", "USD"))
    // A sign that names its dollar is read as that one whatever the field.
    #expect(Self.read("US$1,200.00", in: "CAD") == Self.money("1200.00", "USD"))
  }

  /// A symbol in front and a code behind (`$1,200.00 CAD`, as FreshBooks and Shopify write
  /// amounts) is the code, in any field, when the symbol stands for it; else the cell names two
  /// currencies and is refused.
  @Test func aSymbolAndACodeAreTheCode() {
    #expect(Self.read("$1,200.00 CAD", in: "USD") == Self.money("1200.00", "CAD"))
    #expect(Self.read("$1,200.00 USD", in: "CAD") == Self.money("1200.00", "USD"))
    #expect(Self.read("-$5.00 AUD", in: nil) == Self.money("-5.00", "AUD"))
    #expect(Self.read("€12 EUR", in: nil) == Self.money("12", "EUR"))
    #expect(Self.read("£5 GBP", in: "USD") == Self.money("5", "GBP"))
    // Signs of several currencies, or of one, with the code that says which.
    #expect(Self.read("C$1,200.00 CAD", in: "EUR") == Self.money("1200.00", "CAD"))
    #expect(Self.read("kr 1 200 SEK", in: nil) == Self.money("1200", "SEK"))
    #expect(Self.read("US$12 USD", in: "CAD") == Self.money("12", "USD"))
    #expect(Self.read("Fr. 1200 CHF", in: nil) == Self.money("1200", "CHF"))
    // A code in front and the symbol after it.
    #expect(Self.read("AUD $1,234.56", in: nil) == Self.money("1234.56", "AUD"))
    #expect(Self.read("CAD C$12", in: nil) == Self.money("12", "CAD"))
    for cell in ["$12 EUR", "€12 USD", "£5 EUR", "$12 ABC", "C$12 USD", "kr 5 EUR", "CAD €5", "AUD £5"] {
      #expect(Self.read(cell, in: "USD").isFailure, "\(cell)")
    }
  }

  /// A sign that is a word stands apart from other letters: `12 krone` and `Ftx 12` are no
  /// amounts in crowns or forints.
  @Test(arguments: ["12 krone", "12 Ftx", "Ftx 12", "12 akr", "12 zło"])
  func aWordSignStandsApart(_ cell: String) {
    #expect(Self.read(cell, in: "SEK").isFailure, "\(cell)")
  }

  /// Where the column's decimal mark is not known (standard input, a cell past the rows a run
  /// samples), an amount of a currency without decimals groups thousands with the one mark it
  /// shows; an amount of a currency with cents still has two readings.
  @Test func anAmountWithoutDecimalsHasOneReadingWhereTheMarkIsNotKnown() {
    #expect(Self.read("￥120,000", in: "JPY", numbers: .undecided) == Self.money("120000", "JPY"))
    #expect(Self.read("120.000", in: "KRW", numbers: .undecided) == Self.money("120000", "KRW"))
    #expect(Self.read("52,800円", in: "JPY", numbers: .undecided) == Self.money("52800", "JPY"))
    guard case .failure(let error) = Self.read("120,000", in: "EUR", numbers: .undecided) else {
      Issue.record("\"120,000\" in EUR was read")
      return
    }
    #expect(error.message.contains("has two readings"), "\(error.message)")
  }
}
