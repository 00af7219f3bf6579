import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// How the HTML report learns the data's notation of money and dates from sampled cells, and
/// writes amounts and days in it.
struct DataNotationTests {
  static let amount = Money(scaledAmount: 12_345_600, currency: .euro)  // 1234.56 EUR
  static let day = CalendarDate(year: 2026, month: 12, day: 31)!

  @Test(arguments: [
    // cells, decimal mark, how 1234.56 EUR is written
    (["0,00", "1.234,56 €", "0", "450,50"], NumberFormat.DecimalMark.comma, "1.234,56\u{A0}€"),
    (["$1,234.56", "$12.00"], .point, "1,234.56 EUR"),
    (["3'150.50 EUR", "1.125"], .point, "1'234.56\u{A0}EUR"),
    (["1 234,56 €", "12,50 €"], .comma, "1\u{A0}234,56\u{A0}€"),
    (["€12.50", "€1,200.00", "4.00"], .point, "€1,234.56"),
    (["1234.56", "99.00"], .point, "1234.56 EUR"),
    (["EUR 20,00", "€ 3,00", "EUR 1,00"], .comma, "EUR\u{A0}1234,56"),
  ])
  func moneyIsWrittenAsTheCellsWriteIt(_ cells: [String], _ mark: NumberFormat.DecimalMark, _ written: String) throws {
    let notation = try #require(MoneyNotation.decide(cells, mark: mark))
    #expect(notation.text(of: Self.amount) == written)
  }

  @Test func aSignForAnotherCurrencyGivesWayToTheCode() throws {
    let notation = try #require(MoneyNotation.decide(["$1,234.56"], mark: .point))
    #expect(notation.text(of: Money(scaledAmount: 10_000, currency: .dollar)) == "$1.00")
    #expect(notation.text(of: Self.amount) == "1,234.56 EUR")
    #expect(notation.text(of: Money(scaledAmount: -12_345_600, currency: .dollar)) == "-$1,234.56")
    #expect(notation.text(of: Money(scaledAmount: 12_345, currency: .dollar)) == "$1.2345")
  }

  @Test func cellsWithoutDigitsDecideNothing() {
    #expect(MoneyNotation.decide(["", "n/a", "€"], mark: .comma) == nil)
    #expect(DataNotation.plain.text(of: Self.amount) == "1234.56 EUR")
    #expect(DataNotation.plain.text(of: Self.day) == "2026-12-31")
  }

  @Test(arguments: [
    ("DD.MM.YYYY", "31.12.2026", "05.01.2027"), ("D/M/YYYY", "31/12/2026", "5/1/2027"),
    ("M/D/YYYY", "12/31/2026", "1/5/2027"), ("MM-DD-YYYY", "12-31-2026", "01-05-2027"),
    // Two-digit years get four digits; a date without separators is written as ISO.
    ("DD.MM.YY", "31.12.2026", "05.01.2027"), ("YYYYMMDD", "2026-12-31", "2027-01-05"),
    ("YYYY-MM-DD", "2026-12-31", "2027-01-05"),
    // A month's name in English, whichever language the data wrote it in.
    ("D-MMM-YY", "31-Dec-2026", "5-Jan-2027"), ("DD MMMM YYYY", "31 Dec 2026", "05 Jan 2027"),
  ])
  func datesAreWrittenInTheDataFormat(_ pattern: String, _ last: String, _ early: String) throws {
    let format = try #require(DateFormat(pattern: pattern))
    let notation = DataNotation(dateFormat: format)
    #expect(notation.text(of: Self.day) == last)
    #expect(notation.text(of: CalendarDate(year: 2027, month: 1, day: 5)!) == early)
  }

  @Test func numbersTakeTheDecimalMarkAndTheFirstFileDecides() {
    let german = DataNotation(
      money: MoneyNotation(decimalMark: ",", groupSeparator: ".", sign: nil), dateFormat: nil)
    #expect(german.text(of: .decimal(DecimalNumber("12.5")!)) == "12,5")
    #expect(german.text(of: .int(1234)) == "1234")
    let iso = DataNotation(money: nil, dateFormat: DateFormat(pattern: "YYYY-MM-DD"))
    let first = DataNotation.first(of: [.plain, iso, german])
    #expect(first.money == german.money && first.dateFormat == iso.dateFormat)
  }

  @Test func aGermanExportGetsItsNotationOnThePage() throws {
    let outcome = try RunnerTests.run(policy: "simple.verdict", data: ["german.csv"], format: .html) {
      $0.chartField = "outstanding"
    }
    let page = outcome.report
    #expect(page.contains("<h1>Verdicts of 29.11.2026</h1>"))
    #expect(page.contains("(open: outstanding 1.234,56\u{A0}€)"))
    #expect(page.contains("<td class=\"num\"><bdi>450,50\u{A0}€</bdi></td>"))
    #expect(!page.contains("open: outstanding 1234.56 EUR"))
    // The same data as CSV keeps the language's notation.
    let csv = try RunnerTests.run(policy: "simple.verdict", data: ["german.csv"], format: .csv)
    #expect(!csv.report.contains("€"))
  }

  /// A table's file decides the notation as a client file does, after the client files: here
  /// the client file shows no money and no dates, the bookings show `1.234,56` and `28.11.2026`.
  @Test(arguments: [[], ["clients.csv"]]) func aGermanTableGetsItsNotationOnThePage(clients: [String]) throws {
    let outcome = try TableRunTests.run(
      "bookings.verdict", clients: clients, tables: [("bookings", "german-bookings.csv")], format: .html)
    #expect(outcome.status == .success, "\(outcome.messages)")
    let page = outcome.report
    #expect(page.contains("<h1>Verdicts of 29.11.2026</h1>"))
    #expect(page.contains("<td class=\"num\"><bdi>1.234,56 EUR</bdi></td>"))
    #expect(!page.contains("1234.56 EUR"))
  }
}
