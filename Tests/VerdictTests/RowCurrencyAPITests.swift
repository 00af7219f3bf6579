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

/// Amounts written with a sign of several currencies (`$`, `kr`) in a field whose rows name their
/// currency: the row's currency when the sign stands for it, as a Canadian export writes
/// `$1,200.00` in a row of `CAD`; refused when the row names another or none the sign can take.
extension RowCurrencyAPITests {
  @Test(arguments: ["CAD", "USD", "aud", "MXN"])
  func aDollarSignTakesItsRowsDollar(_ code: String) throws {
    let client = try Self.policy.client(["gross": .text("$1,200.00"), "currency": .text(code)])
    #expect(client.value(at: 1) == .money(Money(units: 1_200, currency: Currency(code: code.uppercased())!)!))
  }

  @Test func aDollarSignInARowOfEurosIsRefused() {
    #expect {
      try Self.policy.client(["gross": .text("$12.50"), "currency": .text("EUR")])
    } throws: { error in
      "\(error)".contains("12.50 written with \"$\" in a row whose \"currency\" is EUR")
    }
  }

  @Test func aDollarSignInARowWithoutACurrencyIsTheUSDollarAsAnywhere() throws {
    let client = try Self.policy.client(["gross": .text("$5"), "currency": .missing])
    #expect(client.value(at: 1) == .money(Money(units: 5, currency: .dollar)!))
  }

  @Test func aDollarSignInARowThatNamesSomethingElseIsRefused() {
    #expect {
      try Self.policy.client(["gross": .text("$5"), "currency": .text("Euro")])
    } throws: { error in
      "\(error)".contains("5.00 written with \"$\" has no currency")
        && "\(error)".contains("\"Euro\", not a currency code")
    }
  }

  @Test func aCrownSignTakesItsRowsCrownOrIsRefused() throws {
    let policy = try Policy(
      """
      field currency: text
      field fee: money in currency
      rule "costly" when fee > 1000 SEK then recommend review
      """)
    let client = try policy.client(["fee": .text("1 200 kr"), "currency": .text("SEK")])
    #expect(client.value(at: 1) == .money(Money(units: 1_200, currency: Currency(code: "SEK")!)!))
    #expect(try policy.evaluate(client, in: EvaluationContext()).verdict == "review")
    #expect {
      try policy.client(["fee": .text("1 200 kr"), "currency": .text("")])
    } throws: { error in
      "\(error)".contains("\"kr\" stands for SEK, NOK, DKK, ISK, and its row's \"currency\" is empty")
    }
    #expect {
      try policy.client(["fee": .text("1 200 kr"), "currency": .text("EUR")])
    } throws: { error in
      "\(error)".contains("1200.00 written with \"kr\" in a row whose \"currency\" is EUR")
    }
  }

  @Test func aSignOfOneCurrencyStillNamesItsOwn() {
    #expect {
      try Self.policy.client(["gross": .text("US$12.50"), "currency": .text("CAD")])
    } throws: { error in
      "\(error)".contains("12.50 USD in a row whose \"currency\" is CAD")
    }
  }

  @Test func aYenSignTakesItsRowsYenOrYuan() throws {
    for code in ["JPY", "CNY"] {
      let client = try Self.policy.client(["gross": .text("¥5,000"), "currency": .text(code)])
      #expect(client.value(at: 1) == .money(Money(units: 5_000, currency: Currency(code: code)!)!))
    }
  }

  /// Refusals of two signs have hints of their own: a column's hints are shown once a kind.
  @Test func refusalsOfTwoSignsAreHintsOfTwoKinds() throws {
    var kinds: [String?] = []
    for (amount, code) in [("5 kr", ""), ("¥5", ""), ("$5", "EUR"), ("5 kr", "EUR")] {
      var values: [Value] = [.text(code), .missing]
      var cell = Array(amount.utf8)
      let read = cell.withUnsafeMutableBufferPointer {
        CellReader().read(UnsafeBufferPointer($0), as: CellFormat(Self.policy.fields[1]))
      }
      values[1] = try read.get()
      Self.policy.rowCurrencies.settle(&values) { _, error in kinds.append(error.hintKind) }
    }
    #expect(kinds.count == 4 && Set(kinds).count == 4)
  }
}
