import Testing

@testable import Verdict
@testable import VerdictRun

/// A column that says whether each amount is money in or out (ING's `Af Bij`, DATEV's
/// `Soll/Haben-Kennzeichen`) that no field reads, beside a money field: the amounts are taken as
/// written, a refund sent counted as a payment received, and the summary says so.
struct DebitCreditColumnTests {
  static func policy(_ text: String) -> Policy {
    try! Policy(text, name: "p.verdict")
  }

  static let amounts = policy(
    """
    field amount: money in EUR from "Bedrag"
    rule "small" when amount < 10€ then recommend review
    otherwise recommend keep
    """)

  @Test(arguments: [
    "Af Bij", "Af/Bij", "Soll/Haben-Kennzeichen", "Debit/Credit", "CR/DR", "Credit Debit Indicator",
    "Soll-Haben",
  ])
  func aSideColumnBesideTheAmountsIsFound(_ header: String) throws {
    let found = try #require(DebitCreditColumn.find(columns: ["Datum", header, "Bedrag"], policy: Self.amounts))
    #expect(found.column == 1)
    #expect(found.field == 0)
  }

  /// Not a side: shipping and handling (`S/H`), a transaction's kind, or a money column itself.
  @Test(arguments: ["S/H", "DC", "Type", "Transaction Type", "Debit", "Credit", "Mutatiesoort"])
  func otherColumnsAreNoSide(_ header: String) {
    #expect(DebitCreditColumn.find(columns: ["Datum", header, "Bedrag"], policy: Self.amounts) == nil)
  }

  /// A policy that reads the column knows of it; one without money fields has nothing to misread.
  @Test func aReadColumnOrNoMoneyFieldIsNoFinding() {
    let readsTheSide = Self.policy(
      """
      field amount: money in EUR from "Bedrag"
      field side: text from "Af Bij"
      rule "small" when side == "Bij" and amount < 10€ then recommend review
      otherwise recommend keep
      """)
    #expect(DebitCreditColumn.find(columns: ["Af Bij", "Bedrag"], policy: readsTheSide) == nil)
    let counts = Self.policy(
      """
      field visits: number
      rule "busy" when visits > 5 then recommend review
      otherwise recommend keep
      """)
    #expect(DebitCreditColumn.find(columns: ["Af Bij", "visits"], policy: counts) == nil)
  }

  @Test func theWarningNamesTheColumnTheFieldAndHowToReadIt() {
    #expect(
      DebitCreditColumn.warning(columns: ["Af Bij", "Bedrag"], policy: Self.amounts, file: "ing.csv")
        == "warning: ing.csv has a column 'Af Bij' that says whether each amount is money in or out, but no field "
        + "reads it: 'amount' takes every amount as it is written, whichever side it is on: if the amounts carry "
        + "no sign, read the column as well (field side: text from \"Af Bij\") and tell money in from money out "
        + "by it, as in sum(… where side == \"…\")")
  }

  /// Wise's statement: its amounts' currency is `Source currency`, not the fees' nor the target's,
  /// and its `Direction` says which side an amount is on.
  @Test func theCurrencyColumnThatFitsTheAmountsIsNamed() throws {
    let columns = [
      "ID", "Direction", "Source fee currency", "Source amount (after fees)", "Source currency", "Target currency",
    ]
    let policy = Self.policy(
      """
      field amount: money in EUR from "Source amount (after fees)"
      rule "small" when amount < 10€ then recommend review
      otherwise recommend keep
      """)
    #expect(try #require(CurrencyColumn.find(columns: columns, policy: policy)).column == 4)
    #expect(try #require(DebitCreditColumn.find(columns: columns, policy: policy)).column == 1)
  }

  /// A hint's declaration names a field that the policy does not have yet: declaring it as the
  /// hint says must not be an error of a name declared twice.
  @Test func theHintsNewFieldIsNoFieldOfThePolicy() throws {
    let columns = ["Amount", "Currency", "Converted Amount", "Converted Currency", "Side"]
    let policy = Self.policy(
      """
      field currency: text from "Currency"
      field side: text from "Side"
      field amount: money in currency from "Amount"
      field conv: money in USD from "Converted Amount"
      rule "small" when conv < 10 USD and currency == "usd" and side == "in" then recommend review
      otherwise recommend keep
      """)
    let found = try #require(CurrencyColumn.find(columns: columns, policy: policy))
    #expect(columns[found.column] == "Converted Currency")
    let hint = CurrencyColumn.hint(found, columns: columns, policy: policy)
    #expect(hint.contains("field converted_currency: text from \"Converted Currency\""), "\(hint)")
    #expect(hint.contains("field conv: money in converted_currency"), "\(hint)")
    let sides = ["Amount", "Af Bij"]
    let side = try #require(DebitCreditColumn.find(columns: sides, policy: policy))
    let sideHint = DebitCreditColumn.hint(side, columns: sides, policy: policy)
    #expect(sideHint.contains("field af_bij: text from \"Af Bij\""), "\(sideHint)")
  }
}
