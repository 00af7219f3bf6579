import XCTest

@testable import Verdict

/// ``ExplanationLineWriter``, the `--explain` column: the same line as ``ExplanationText/line(_:)``
/// of the whole explanation, with one writer kept across clients.
final class ExplanationLineTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)

  /// Explains every client both ways with one wording, in order, and compares the lines; and the
  /// line a JSON report takes, escaped as it is written, with the whole line escaped afterwards.
  func assertLinesAgree(
    _ policyText: String, _ clients: [[String: String]], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    let jsonWriter = ExplanationLineWriter(policy: policy, escaping: .json)
    let truthsWriter = ExplanationLineWriter(policy: policy)
    for values in clients {
      let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
      let explanation = policy.explain(client, in: context)
      let whole = ExplanationText.line(explanation)
      XCTAssertEqual(
        writer.line(of: client, winner: explanation.winningRule, in: context), whole, "\(values)", file: file,
        line: line)
      XCTAssertEqual(
        jsonWriter.line(of: client, winner: explanation.winningRule, in: context), Self.jsonEscaped(whole),
        "\(values)", file: file, line: line)
      // As `verdict run --explain` writes it: decided on the truths the line's ranking reads.
      var filled = false
      guard let outcome = try? truthsWriter.report(client, in: context, truthsFilled: &filled) else {
        XCTAssertNotNil(
          explanation.error, "\(values): the report failed, the explanation did not", file: file, line: line)
        continue
      }
      XCTAssertEqual(outcome.winningRule, explanation.winningRule, "\(values)", file: file, line: line)
      let fromTruths = truthsWriter.withLine(
        of: client, winner: outcome.winningRule, in: context, truthsFilled: filled
      ) { String(decoding: $0, as: UTF8.self) }
      XCTAssertEqual(fromTruths, whole, "\(values), from the truths", file: file, line: line)
    }
  }

  /// The inside of a JSON string, as RFC 8259 allows it and the reports write it: `"`, `\\`,
  /// the control characters and DEL escaped, `\n`, `\r` and `\t` by their short forms.
  static func jsonEscaped(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        escaped += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Names, constants and cells with everything a JSON string escapes, and text that needs none
  /// beside it, in the rule titles, the written conditions, the values and the missing names.
  func testLinesEscapedForJSONAgreeWithTheLineEscapedAfterwards() throws {
    try assertLinesAgree(
      """
      field tier: text
      field note: text
      field amount: number
      rule "say \\"hi\\" \\\\ back" when tier == "a\\"b" and amount > 10 then recommend fire
      rule "tabbed\\tname\\n" when tier in ["x\\\\y", "Zoë 🙂", "new\\nline"] then recommend review
      rule "plain" when note == "ok" or amount < 0 then recommend watch
      otherwise recommend keep
      """,
      [
        ["tier": "a\"b", "amount": "11", "note": "ok"],
        ["tier": "x\\y", "amount": "5"],
        ["tier": "control \u{1}\u{7F}\u{1F} bytes", "amount": "5", "note": "tab\tand \"quote\""],
        ["tier": "escape \u{1B}[2J, C1 \u{85}\u{9B}, separator \u{2028}, £ and €", "amount": "5"],
        ["tier": "new\nline"],
        ["tier": "Zoë 🙂", "note": "a long note that runs past eight bytes \" with a quote in the middle"],
        ["amount": "20"],
        [:],
      ])
  }

  /// Fractions are rounded alike on both paths (``ExplanationRounding``): short ones as they
  /// are, long ones to 2 places or 2 digits past the zeros after the point.
  func testRoundedFractionsAgree() throws {
    try assertLinesAgree(
      """
      field n: number
      field d: duration in days
      field p: percent
      let third = n / 3
      rule "small" when n > 0.001 and n < 1 then recommend watch
      rule "ratio" when third > 20 then recommend fire
      rule "days" when d > 1d then recommend review
      rule "share" when p > 10% then recommend talk
      otherwise recommend keep
      """,
      [
        ["n": "0.0015"], ["n": "100"], ["n": "0.000001", "d": "86401s"], ["d": "1.5"], ["d": "-86401s"],
        ["p": "11.131725%"], ["p": "10.00000000000000000000000001%"], ["n": "1.001", "p": "33.333333333%"],
      ])
  }

  /// Text is shown as a policy writes it: nothing in it can drive a terminal.
  func testTextIsQuotedAsAPolicyWritesIt() {
    XCTAssertEqual(
      Value.quote("a\"b\\\n\t\r\u{1B}[2J\u{85}\u{2028}é €"), #""a\"b\\\n\t\u{D}\u{1B}[2J\u{85}\u{2028}é €""#)
    // Bidirectional formatting characters would turn what follows around on the screen.
    XCTAssertEqual(Value.quote("ab\u{202E}dc\u{2066}\u{200F}"), #""ab\u{202E}dc\u{2066}\u{200F}""#)
  }

  /// A field against a constant of another kind (a whole number against a decimal or a percent,
  /// days against weeks, money against a number) is not compared on the payloads alone.
  func testFieldsAgainstConstantsOfOtherKindsAgree() throws {
    try assertLinesAgree(
      """
      field n: number
      field d: duration in days
      field share: percent
      field paid: money in EUR
      rule "half" when n != 7 and n < 2.5 and d > 1w then recommend watch
      rule "rate" when share > 40% and n > 0.5 then recommend review
      rule "rest" when n >= 3 and d <= 2w and share < 50% then recommend talk
      rule "paid" when paid > 100€ and n == 3 then recommend fire
      otherwise recommend keep
      """,
      [
        ["n": "3", "d": "8d", "share": "45%", "paid": "50€"],
        ["n": "2", "d": "6d", "share": "30%"],
        ["n": "7", "d": "15d", "share": "0.4", "paid": "120€"],
        ["n": "3", "d": "14d", "share": "10%", "paid": "100.01€"],
        ["n": "1.5", "d": "1w"],
      ])
  }

  func testWinnersNearestMissesAndUnknownsAgreeClientAfterClient() throws {
    try assertLinesAgree(
      """
      field payment_delay: duration in days
      field revisions: number
      field disrespectful: bool
      field project_end: date
      let slow = payment_delay > 30d
      rule "rude" when disrespectful then recommend fire
      rule "slow payer" when slow and revisions > 5 then recommend fire
      rule "revisions" when not slow and (revisions > 8 or revisions < 0) then recommend talk
      rule "deadline" when days_until(project_end) < 14d then recommend watch
      otherwise recommend keep
      """,
      [
        ["payment_delay": "45d", "revisions": "7", "disrespectful": "false", "project_end": "2026-12-01"],
        ["payment_delay": "10d", "revisions": "9"],
        ["payment_delay": "31d", "revisions": "5", "disrespectful": "false", "project_end": "2027-06-01"],
        ["disrespectful": "true"],
        [:],
        ["payment_delay": "45d", "revisions": "2", "disrespectful": "false", "project_end": "2026-12-01"],
        ["payment_delay": "2d", "revisions": "1", "disrespectful": "false", "project_end": "2027-01-01"],
      ])
  }

  func testFirstMatchAndErrorsAgree() throws {
    try assertLinesAgree(
      """
      strategy first-match
      field x: number
      field tier: text
      rule "guarded" when x > 0 and 10 / x > 1 then recommend review
      rule "zero" when 10 / x > 1 then recommend fire
      rule "gold" when tier in ["gold", "platinum"] then recommend watch
      otherwise recommend keep
      """,
      [["x": "2", "tier": "gold"], ["x": "0", "tier": "silver"], ["x": "20", "tier": "gold"], ["tier": "lead"]])
  }
}
