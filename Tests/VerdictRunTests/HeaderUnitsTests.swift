import Testing

@testable import Verdict
@testable import VerdictRun

/// ``HeaderUnits``: a header that names another currency or duration unit than its field reads
/// bare numbers in, and only headers that say so clearly.
struct HeaderUnitsTests {
  @Test(arguments: [
    ("Amount (USD)", ["USD"]), ("Betrag EUR", ["EUR"]), ("Total €", ["EUR"]), ("Amount ($)", ["USD"]),
    ("Net £", ["GBP"]), ("VAT Amount", []), ("Amount", []), ("Gross usd", []), ("NET TAX", []),
    ("gross_usd", ["USD"]), ("fee-eur", ["EUR"]), ("try_amount", []), ("total", []), ("Kwota (zł)", ["PLN"]),
    ("Betrag (Fr.)", ["CHF"]), ("Betrag SFr.", []), ("Betrag (SFr.)", ["CHF"]), ("Belopp (kr)", []), ("Částka Kč", []),
    ("Rent per Sq Ft", []), ("Částka (Kč)", ["CZK"]),
    ("Fr", []), ("Zł Amount", []), ("valor (R$)", ["BRL"]), ("Amount (US$)", ["USD"]), ("Tutar (TL)", ["TRY"]),
    ("Amount (AED)", ["AED"]), ("Amount US$", ["USD"]), ("Valor R$", ["BRL"]), ("Amount C$", []),
  ])
  func currenciesAreNamedBySignsAndCommonCodesInCapitals(header: String, codes: [String]) {
    #expect(HeaderUnits.currencies(in: header).map(\.code) == codes)
  }

  @Test(arguments: [
    ("Hours", [TimeSpan.Unit.hour]), ("Time (min)", [.minute]), ("Spent [h]", [.hour]), ("Dauer (Std.)", [.hour]),
    ("Minutes Billed", [.minute]), ("Stunden", [.hour]), ("Days Late", [.day]), ("Min Rate", []), ("Day", []),
    ("Hourly Rate", []), ("Client's Visits", []), ("Duration", []), ("Time (s)", [.second]),
  ])
  func durationUnitsAreWrittenOutOrInBrackets(header: String, units: [TimeSpan.Unit]) {
    #expect(HeaderUnits.durationUnits(in: header) == units)
  }

  @Test(arguments: [
    ("Umsatz (TEUR)", "thousands"), ("Revenue (k€)", "thousands"), ("Revenue in thousands", "thousands"),
    ("Sales ('000)", "thousands"), ("Budget [k]", "thousands"), ("Umsatz Mio", "millions"), ("Revenue", nil),
    ("Kosten", nil), ("Width (mm)", nil), ("Amount (USD)", nil), ("KEUR", "thousands"),
    ("amount_cents", "cents"), ("Price in pence", "cents"), ("percent", nil), ("Umsatz T€", "thousands"),
    ("Umsatz in Tausend €", "thousands"), ("Montant en milliers d'euros", "thousands"),
    ("Importo (migliaia di euro)", "thousands"), ("Przychód (tys. zł)", "thousands"),
    ("Umsatz in Millionen", "millions"),
    ("Miles", nil), ("Km €", nil),
  ])
  func scalesAreNamedByWordsOrSignsInBrackets(header: String, scale: String?) {
    #expect(HeaderUnits.scale(in: header) == scale)
  }

  @Test func aMoneyOrNumberColumnInThousandsIsAFinding() throws {
    let policy = try Policy(
      """
      field revenue: money in EUR from "Umsatz (TEUR)"
      field visits: number from "Visits (k)"
      field hours: number from "Hours"
      when revenue > 1€ and visits > 1 and hours > 1 then recommend review
      """)
    let findings = HeaderUnits.findings(columns: ["Umsatz (TEUR)", "Visits (k)", "Hours"], policy: policy)
    #expect(findings.map(\.column) == ["Umsatz (TEUR)", "Visits (k)"])
    #expect(findings.allSatisfy { $0.isScale && $0.named == "thousands" })
    #expect(
      HeaderUnits.sentence(findings[0], policy: policy)
        == "the column 'Umsatz (TEUR)' counts in thousands, but 'revenue' reads each number as it is written")
  }

  @Test func aFieldReadingItsHeadersUnitIsNotAFinding() throws {
    let policy = try Policy(
      """
      field amount: money in USD from "Amount (USD)"
      field spent: duration in minutes from "Time (min)"
      field late: duration in days from "Hours"
      when amount > $1 and spent > 1h and late > 1d then recommend review
      """)
    let findings = HeaderUnits.findings(columns: ["Amount (USD)", "Time (min)", "Hours"], policy: policy)
    #expect(findings.map(\.column) == ["Hours"])
    #expect(findings.map(\.named) == ["hours"])
    #expect(findings.map(\.read) == ["days"])
  }

  /// An unused field is left alone; one in its rows' currencies is not, when its header names a
  /// currency (below).
  @Test func unusedFieldsAreLeftAlone() throws {
    let policy = try Policy(
      """
      field currency: text
      field gross: money in currency from "Gross (USD)"
      field fee: money in EUR from "Fee (USD)"
      when gross > 1€ then recommend review
      """)
    let findings = HeaderUnits.findings(columns: ["currency", "Gross (USD)", "Fee (USD)"], policy: policy)
    #expect(findings.map(\.column) == ["Gross (USD)"])
    #expect(findings.map(\.readsRowCurrency) == [true])
  }

  /// A field in its rows' currencies reading a column whose header names one currency (Gumroad's
  /// `Sale Price ($)`, in dollars whatever its row's `Currency`): each amount would be read in
  /// its row's currency.
  @Test func aHeaderNamingOneCurrencyBesideRowCurrenciesIsFound() throws {
    let policy = try Policy(
      """
      field currency: text from "Currency"
      field price: money in currency from "PRICE_COLUMN"
      rule "low" when price > 100€ then recommend review
      otherwise recommend keep
      """.replacingOccurrences(of: "PRICE_COLUMN", with: "Sale Price ($)"), name: "p.verdict")
    let findings = HeaderUnits.findings(columns: ["Sale Price ($)", "Currency"], policy: policy)
    let finding = try #require(findings.first)
    #expect(finding.readsRowCurrency && finding.named == "$")
    #expect(HeaderUnits.hint(finding, policy: policy).contains("money in USD (or the dollar it is)"))
    let euros = try Policy(
      """
      field currency: text from "Currency"
      field price: money in currency from "Betrag (EUR)"
      rule "low" when price > 100€ then recommend review
      otherwise recommend keep
      """, name: "p.verdict")
    let named = try #require(HeaderUnits.findings(columns: ["Betrag (EUR)", "Currency"], policy: euros).first)
    #expect(named.named == "EUR")
    #expect(HeaderUnits.sentence(named, policy: euros).contains("reads each of its bare amounts in its row's currency"))
    #expect(HeaderUnits.findings(columns: ["Amount", "Currency"], policy: euros).isEmpty)
  }
}
