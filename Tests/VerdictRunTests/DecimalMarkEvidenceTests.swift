import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// Which cells decide a column's decimal mark: only cells that read, with the mark they show,
/// as a value of the field, in columns the policy reads as numbers. `run`, `check --data`,
/// `explain` and the REPL decide alike.
struct DecimalMarkEvidenceTests {
  static let exports = RunnerTests.fixtures.appendingPathComponent("exports")

  static func policy(_ source: String) throws -> Policy { try Policy(source) }

  /// `n/a 0.5` and `1.234.56` are refused on their own rows; they must not make `2.500` two and a
  /// half for every other row.
  @Test func aRefusedCellDecidesNothing() throws {
    let outcome = try RunnerTests.run(policy: "exports/betrag.verdict", data: ["exports/refused-mark.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.report.isEmpty)
    #expect(outcome.messages.contains("column 'betrag' has numbers with two readings"), "\(outcome.messages)")
  }

  /// A totals row without a key is an error row read by no one: its `3.750,00` does not make the
  /// column's `1.250` twelve hundred and fifty in `run`, while the other commands leave it out.
  @Test func aRowWithABlankKeyDecidesNothing() throws {
    let outcome = try RunnerTests.run(policy: "exports/betrag.verdict", data: ["exports/totals-mark.csv"]) {
      _ in
    }
    #expect(outcome.status == .usage, "\(outcome.report)")
    #expect(outcome.messages.contains("has numbers with two readings"), "\(outcome.messages)")
  }

  /// A column the policy does not read (a fee no rule uses, a memo's `Version 2.1`) does not
  /// settle the mark of one it reads: the run refuses the file, and so do the tools that look at
  /// it first, rather than read `1.250` as 1250 where the run stops.
  @Test func onlyTheColumnsThePolicyReadsSettleAMark() throws {
    let path = Self.exports.appendingPathComponent("unread-fee.csv").path
    let policy = try Policy(
      source: SourceFile(
        name: "betrag.verdict",
        bytes: Array(try Data(contentsOf: Self.exports.appendingPathComponent("betrag.verdict")))))
    let outcome = try RunnerTests.run(policy: "exports/betrag.verdict", data: ["exports/unread-fee.csv"])
    #expect(outcome.status == .usage)
    let table = try ClientTable.read(path)
    #expect(throws: RunFailure.self) { try table.check(against: policy, renderer: DiagnosticRenderer()) }
    let betrag = try #require(table.column(named: "betrag"))
    #expect(table.deciding(for: policy).numberProblem(betrag) != nil)
    let survey = try DataFileSurvey.read(path, policy: policy, examples: 3)
    #expect(survey.layout.numberProblem(betrag) != nil)
    #expect(!survey.layout.layoutSummary(for: policy).contains("decimal mark: betrag"))

    // A policy that reads the fee too: its decimal commas settle the file, for all alike.
    let both = try Policy(
      "field gebuehr: money in EUR\nfield betrag: money in EUR\n"
        + "when betrag > 1000 EUR and gebuehr > 1 EUR then recommend review\n")
    try table.check(against: both, renderer: DiagnosticRenderer())
    #expect(table.deciding(for: both).numbers[betrag].decimalMark == .comma)
    #expect(
      try DataFileSurvey.read(path, policy: both, examples: 3).layout.layoutSummary(for: both)
        .contains("betrag ',' (as in the other columns)"))
    let (record, problem, _) = table.deciding(for: both).record(table.rows[0], for: both)
    #expect(problem == nil)
    #expect(record.values[1] == .money(Money(scaledAmount: 12_500_000, currency: Currency(code: "EUR")!)))
  }

  /// A currency without decimals (the yen, the won) groups thousands with the one mark of
  /// `￥120,000` or `120.000`; a currency with cents does not know which it is.
  @Test func aCurrencyWithoutDecimalsSettlesAThousandsGroup() throws {
    let policy = try Self.policy(
      """
      field owed: money in JPY
      field due: money in EUR
      rule "r" when owed > 1000 JPY and due > 1€ then recommend review
      otherwise recommend keep
      """)
    func tally(_ cell: String, _ field: FieldInfo) -> DecimalMarkTally {
      var tally = DecimalMarkTally()
      Array(cell.utf8).withUnsafeBufferPointer {
        tally.add($0, line: 2, as: CellFormat(field, numbers: .undecided))
      }
      return tally
    }
    let yen = policy.fields[0]
    #expect(tally("￥120,000", yen).ownMark == .point)
    #expect(tally("120.000", yen).ownMark == .comma)
    #expect(tally("120,000", policy.fields[1]).ambiguous == 1)
    #expect(tally("120,000", policy.fields[1]).ownMark == nil)
  }
}
