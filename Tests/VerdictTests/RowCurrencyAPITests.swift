import Testing

@testable import Verdict

/// Money fields whose rows name their currency (`field gross: money in currency`), through the
/// library's `Policy.client`: the same reading as a data file's rows, for values given as text,
/// numbers and typed money.
struct RowCurrencyAPITests {
  static let policy = try! Policy(
    """
    field currency: text
    field gross: money in currency
    rule "small in dollars" when gross < $100 then recommend review
    otherwise recommend keep
    """)

  @Test func aBareAmountGivenAsTextTakesTheCurrencyOfItsRow() throws {
    let client = try Self.policy.client(["gross": .text("99.50"), "currency": .text("usd")])
    #expect(client.value(at: 1) == .money(Money(scaledAmount: 995_000, currency: .dollar)))
    #expect(try Self.policy.evaluate(client, in: EvaluationContext()).verdict == "review")
  }

  @Test func aNumberGivenForTheAmountTakesTheCurrencyOfItsRow() throws {
    let client = try Self.policy.client(["gross": .int(250), "currency": .text("EUR")])
    #expect(client.value(at: 1) == .money(Money(units: 250, currency: .euro)!))
  }

  @Test func typedMoneyInAnotherCurrencyThanItsRowIsRefused() {
    let given: [String: Value] = [
      "gross": .money(Money(units: 12, currency: .euro)!), "currency": .text("USD"),
    ]
    #expect {
      try Self.policy.client(given)
    } throws: { error in
      "\(error)".contains("12.00 EUR in a row whose \"currency\" is USD")
    }
  }

  @Test func aBareAmountWithoutItsRowsCurrencyIsRefused() {
    #expect {
      try Self.policy.client(["gross": .text("12"), "currency": .missing])
    } throws: { error in
      "\(error)".contains("12.00 has no currency: its row's \"currency\" is empty")
    }
  }

  @Test func aCurrencyFieldMustBeText() {
    #expect {
      try Policy("field currency: number\nfield gross: money in currency\nwhen gross > 1€ then recommend review")
    } throws: { error in
      "\(error)".contains("the currency of 'gross' is read from 'currency', a number field")
    }
  }

  @Test func aFieldNamedLikeACodeIsTheRowsCurrencyWhenDeclared() throws {
    let policy = try Policy(
      """
      field CCY: text
      field gross: money in CCY
      when gross < $100 then recommend review
      """)
    let client = try policy.client(["gross": .text("10"), "CCY": .text("USD")])
    #expect(try policy.evaluate(client, in: EvaluationContext()).verdict == "review")
  }
}

extension RowCurrencyAPITests {
  @Test func aLongCurrencyCellIsQuotedInPart() {
    let long = String(repeating: "x", count: 100_000)
    #expect {
      try Self.policy.client(["gross": .text("12"), "currency": .text(long)])
    } throws: { error in
      "\(error)".contains("is \"\(String(repeating: "x", count: 40))…\", not a currency code") && "\(error)".count < 400
    }
  }
}
