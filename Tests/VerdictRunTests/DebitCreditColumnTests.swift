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
}
