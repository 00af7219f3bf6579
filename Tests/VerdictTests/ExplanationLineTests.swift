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

  /// `and` and `or` under a `not` (De Morgan), nested and with unknowns, agree line for line.
  func testNotsAroundAndsAndOrsAgree() throws {
    var clients: [[String: String]] = [[:]]
    for pd in ["10", "40", "70"] {
      for rev in ["3", "7"] {
        clients.append(["pd": pd, "rev": rev, "vip": "false"])
        clients.append(["pd": pd, "rev": rev, "vip": "true"])
        clients.append(["pd": pd, "rev": rev])
      }
    }
    try assertLinesAgree(
      """
      field pd: duration in days
      field rev: number
      field vip: bool
      let busy = pd > 30d or rev > 5
      rule "neither" when not (pd > 30d or rev > 5) then recommend watch
      rule "not both" when not (pd > 30d and rev > 5) then recommend talk
      rule "nested" when not (pd > 60d and not (vip or rev > 5)) and rev > 4 then recommend review
      rule "let" when not busy and not vip then recommend fire
      otherwise recommend keep
      """, clients)
    // The ranking counts a `not (… or …)`'s facts as both its tests: a rule one far test away
    // is nearer than it.
    try assertLinesAgree(
      """
      field pd: duration in days
      field rev: number
      rule "neither" when not (pd > 30d or rev > 5) then recommend watch
      rule "far" when pd > 200d then recommend review
      otherwise recommend keep
      """, clients.map { $0.filter { $0.key != "vip" } })
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

/// The pieces the line writes in its own way, against the ones ``ExplanationText`` uses.
final class ExplanationLinePieceTests: XCTestCase {
  /// ``ExplanationBuilder/double(_:)`` rounds as `Double(UInt128)` does, ties and all.
  func testDoubleOfA128BitSignificandRoundsAsTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    var samples: [UInt128] = [0, 1, UInt128(UInt64.max), UInt128(UInt64.max) + 1, .max]
    // Ties and near-ties: 54 significant bits with the last one set, and neighbours.
    for shift in 0..<75 {
      let tie = (UInt128(1) << 53 | 1) << shift
      samples += [tie, tie - 1, tie + 1]
    }
    for _ in 0..<20_000 {
      let value = UInt128.random(in: 0...UInt128.max, using: &generator)
      samples.append(value >> UInt128.random(in: 0..<128, using: &generator))
    }
    for value in samples {
      XCTAssertEqual(ExplanationBuilder.double(value), Double(value), "\(value)")
    }
  }

  /// ``LineBytes/appendDisplay(_:unit:)`` writes what ``ExplanationBuilder/display(_:unit:)`` says.
  func testValuesAreWrittenAsTheExplanationShowsThem() throws {
    let decimals = try [
      "0", "1", "-1", "0.5", "33.33333333333333333333333333", "-0.004", "0.005", "1234567.891", "100",
      "0.0001", "99999999999999999999.99",
    ].map { try XCTUnwrap(DecimalNumber($0), $0) }
    var values: [Value] = [.missing, .bool(true), .bool(false), .int(0), .int(-42), .int(.max), .int(.min)]
    values += decimals.flatMap { [Value.decimal($0), .percent($0)] }
    values += [0, 1, -1, 59, 3600, 86_400, 90_000, -86_401, 3_513_600, 31_536_000].map {
      .duration(TimeSpan(seconds: $0))
    }
    values += [0, 1, -1, 10, 100, 12_345, -5_000_000, 10_000].map {
      .money(Money(scaledAmount: $0, currency: .euro))
    }
    values += try ["2026-11-29", "0001-01-01", "2024-02-29", "0999-12-31", "1000-01-01", "1970-01-01", "9999-12-31"]
      .map { Value.date(try CalendarDate($0)) }
    values += [.text("plain"), .text("say \"hi\""), .text("tab\there"), .text("Zoë"), .list([.int(1), .text("a")])]
    values += [.text("back\\slash"), .text("line\nbreak \u{1} \u{7F}"), .text("\"")]
    for value in values {
      for unit in [nil] + TimeSpan.Unit.allCases {
        let line = LineBytes()
        line.appendDisplay(value, unit: unit)
        let shown = ExplanationBuilder.display(value, unit: unit)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), shown, "\(value) in \(unit?.rawValue ?? "no unit")")
        let escaped = LineBytes(escaping: .json)
        escaped.appendDisplay(value, unit: unit)
        XCTAssertEqual(
          String(decoding: escaped.bytes, as: UTF8.self), ExplanationLineTests.jsonEscaped(shown),
          "\(value) in \(unit?.rawValue ?? "no unit")")
      }
    }
  }
  /// Decimals and percents at the edges of ``LineBytes/appendNarrowDecimal(_:)``: significands
  /// at and past 64 bits, 6, 7, 19 and 20 places, ties and carries of the rounding, negative
  /// numbers; written as ``ExplanationBuilder/display(_:unit:)`` shows them.
  func testNarrowDecimalsAreShownAsTheExplanationShowsThem() throws {
    var texts = [
      "0", "0.000", "-1.50", "100", "2.500000", "0.123456", "0.1234565", "0.1234575", "-0.1234565", "1.0042",
      "0.0999999", "9.9999999", "-9.995000001", "0.0000001", "0.00000015", "0.00000025", "1.00000000000000000005",
      "18446744073709551615", "18446744073709551616", "1844674407370955161.5", "1.8446744073709551615",
      "0.1844674407370955161", "0.0000000000000000001", "0.00000000000000000001", "33.33333333333333333333333333",
      "-0.0000000000000000000000000001", "1234567.891", "0.000000000000000000015", "12.345678901234567890",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let shift = UInt64.random(in: 0..<64, using: &generator)
      let digits = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> shift)
      let places = Int.random(in: 0...21, using: &generator)
      let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
      let point = padded.index(padded.endIndex, offsetBy: -places)
      let text = places == 0 ? padded : String(padded[..<point]) + "." + String(padded[point...])
      texts.append(Bool.random(using: &generator) ? "-" + text : text)
    }
    var narrow = 0
    for text in texts {
      let number = try XCTUnwrap(DecimalNumber(text), text)
      if LineBytes().appendNarrowDecimal(number) { narrow += 1 }
      for value in [Value.decimal(number), .percent(number)] {
        let line = LineBytes()
        line.appendDisplay(value, unit: nil)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), ExplanationBuilder.display(value), "\(value)")
      }
    }
    XCTAssertGreaterThan(narrow, 250)
  }

  /// Decimals past 64 bits (a quotient's 28 digits) at the edges of
  /// ``LineBytes/appendWideDecimal(_:)``: rounded significands at and past 64 bits, ties and
  /// carries of the rounding, zeros after the point, up to 28 places, negative numbers, and
  /// quotients as the interpreter divides them; written as ``ExplanationBuilder/display(_:unit:)``
  /// shows them.
  func testWideDecimalsAreShownAsTheExplanationShowsThem() throws {
    var texts = [
      "33.33333333333333333333333333", "-0.0000000000000000000000000001", "0.1234565000000000000000000000",
      "0.1234565000000000000000000001", "0.1234575000000000000000000000", "-99.99500000000000000000000000",
      "99.99499999999999999999999999", "18446744073709551615.49999999", "18446744073709551615.50000000",
      "18446744073709551616.00000001", "0.0000000000000000000150000000", "0.0000000000000000000250000000",
      "1844674407370955161.500000001", "9999999999999999999999.999999", "0.0000001000000000000000000001",
      "12345678901234567890.12345678",
    ]
    var generator = SeededRandom(state: 16)
    for _ in 0..<400 {
      let count = Int.random(in: 20...28, using: &generator)
      let digits =
        String(Int.random(in: 1...9, using: &generator))
        + String((1..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      let places = Int.random(in: 7...count, using: &generator)
      let point = digits.index(digits.endIndex, offsetBy: -places)
      let text = places == count ? "0." + digits : String(digits[..<point]) + "." + String(digits[point...])
      texts.append(Bool.random(using: &generator) ? "-" + text : text)
    }
    var numbers = try texts.map { try XCTUnwrap(DecimalNumber($0), $0) }
    for _ in 0..<200 {
      let dividend = DecimalNumber(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator))
      let divisor = DecimalNumber(Int64.random(in: 1...100_000, using: &generator))
      numbers.append(try DecimalNumber.dividing(try DecimalNumber.dividing(dividend, DecimalNumber(100)), divisor))
    }
    var wide = 0
    for number in numbers {
      if LineBytes().appendWideDecimal(number) { wide += 1 }
      for value in [Value.decimal(number), .percent(number)] {
        let line = LineBytes()
        line.appendDisplay(value, unit: nil)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), ExplanationBuilder.display(value), "\(value)")
      }
    }
    XCTAssertGreaterThan(wide, 400)
  }

  /// Bytes of every length up to 40, copied in words or by `memcpy`, arrive as they were, one
  /// piece after another.
  func testCopiesOfEveryLengthKeepTheirBytes() {
    let source = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let line = LineBytes()
    var expected: [UInt8] = []
    for length in 0...40 {
      source.withUnsafeBufferPointer { line.append(UnsafeBufferPointer(rebasing: $0[0..<length])) }
      expected += source[0..<length]
      XCTAssertEqual(Array(line.bytes), expected, "\(length) bytes")
    }
  }
}
