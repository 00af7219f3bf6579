import XCTest

@testable import Verdict

/// The hint under "cannot compare a number with a duration" (and money, percent) is true for
/// what is written: a bare number gets the unit it lacks (in the other side's currency), a
/// number field is told to be compared with a number or declared with the unit. The hint said
/// "write 5d" of `revisions >= 7d`, and "1000€ or 1000 EUR" against an amount in USD.
final class MixedTypeHintTests: XCTestCase {
  func hints(_ text: String, line: UInt = #line) -> [String?] {
    let parsed = Parser.parse(SourceFile(name: "t", text: text))
    XCTAssertEqual(parsed.diagnostics.map(\.message), [], "syntax of \(text)", line: line)
    return Checker.check(parsed.syntax).diagnostics.map(\.hint)
  }

  let fields = """
    field delay: duration in days
    field revisions: number
    field revenue: money in USD
    field share: percent

    """

  func testHintsSayWhatIsWrongWithTheOperandsWritten() {
    let rows: [(String, String?, UInt)] = [
      ("when delay > 30 then recommend fire", "a bare number is not a duration: write 30d (days), 30h or 30w", #line),
      (
        "when revisions >= 7d then recommend fire",
        "'revisions' is a number: compare it with a number, or declare it a duration (field revisions: duration in days)",
        #line
      ),
      (
        "when delay > revisions * 2 then recommend fire",
        "a number is not a duration: multiply it by one (x * 1d), or compare it with a number", #line
      ),
      ("when revenue > 1000 then recommend fire", "write the amount with its currency: 1000 USD", #line),
      ("when 2.5 < revenue then recommend fire", "write the amount with its currency: 2.5 USD", #line),
      (
        "when revisions > 100 USD then recommend fire",
        "'revisions' is a number: declare it money (field revisions: money in USD)", #line
      ),
      ("when share > 0.2 then recommend fire", "write the number as a percent: 20% for 0.2", #line),
      (
        "when revisions > 20% then recommend fire",
        "'revisions' is a number: compare it with a number, or declare it a percent", #line
      ),
    ]
    for (rule, hint, line) in rows {
      XCTAssertEqual(hints(fields + rule), [hint], rule, line: line)
    }
  }
}

/// Numbers written in a policy as data cells write them: `30 days` and `1,000` get hints that
/// say how a policy writes them (they said "a rule reads: when CONDITION then …", "unknown
/// clause 'days'" and "write 0 without the leading zero").
final class DataWritingHintTests: XCTestCase {
  func hints(_ text: String) -> [String?] {
    Parser.parse(SourceFile(name: "t", text: text)).diagnostics.map(\.hint)
  }

  func testAUnitWrittenAsAWordGetsItsShortForm() {
    XCTAssertEqual(
      hints("when delay > 30 days then recommend fire").first,
      "a duration is written with its unit on the number: 30d")
    XCTAssertEqual(
      hints("when x then recommend fire notice 2 Weeks").first, "a duration is written with its unit on the number: 2w")
    XCTAssertEqual(
      hints("when x then recommend fire cooldown 3 dayz").first,
      "the clauses are notice, reason, refer, cooldown, hold until paid and meet")
  }

  func testAThousandsSeparatorIsSaidToBeLeftOut() {
    XCTAssertEqual(
      hints("when revenue > 12,500 then recommend fire").first,
      "a policy writes numbers without a thousands separator: 12500 or 12_500")
    XCTAssertEqual(hints("when revenue > 007 then recommend fire").first, "write 7 without the leading zero")
  }
}
