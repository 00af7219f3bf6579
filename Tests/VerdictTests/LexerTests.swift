import XCTest

@testable import Verdict

final class LexerTests: XCTestCase {
  /// One row of a token table: the input, and each token's kind with the exact text it covers.
  struct Row {
    var input: String
    var tokens: [(TokenKind, String)]
    var line: UInt

    init(_ input: String, _ tokens: [(TokenKind, String)], line: UInt = #line) {
      self.input = input
      self.tokens = tokens
      self.line = line
    }
  }

  static func euros(_ scaled: Int64) -> TokenKind { .money(Money(scaledAmount: scaled, currency: .euro)) }
  static func dollars(_ scaled: Int64) -> TokenKind { .money(Money(scaledAmount: scaled, currency: .dollar)) }
  static func seconds(_ seconds: Int64) -> TokenKind { .duration(TimeSpan(seconds: seconds)) }
  static func word(_ name: String) -> TokenKind { .identifier(name) }
  static func int(_ value: Int64) -> TokenKind { .number(.int(value)) }

  /// Lexes each row and checks the kinds, the text under each range, that only white space and
  /// comments lie between tokens (which pins every range), and that there are no diagnostics.
  func check(_ rows: [Row]) {
    for row in rows {
      let source = SourceFile(name: "t", text: row.input)
      let lexed = Lexer.tokenize(source)
      XCTAssertEqual(lexed.diagnostics.map(\.message), [], "\(row.input)", line: row.line)
      XCTAssertEqual(lexed.tokens.last?.kind, .endOfFile, line: row.line)
      XCTAssertEqual(lexed.tokens.last?.range, .at(source.bytes.count), "end of file at the end", line: row.line)
      let tokens = lexed.tokens.dropLast()
      XCTAssertEqual(tokens.map(\.kind), row.tokens.map(\.0), "\(row.input)", line: row.line)
      XCTAssertEqual(
        tokens.map { String(decoding: source.bytes[$0.range.start..<$0.range.end], as: UTF8.self) },
        row.tokens.map(\.1),
        "\(row.input)", line: row.line)
      var previousEnd = 0
      for token in tokens {
        let gap = String(decoding: source.bytes[previousEnd..<token.range.start], as: UTF8.self)
        let withoutComments = gap.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }.joined()
        XCTAssertTrue(
          withoutComments.allSatisfy(\.isWhitespace), "gap \(gap.debugDescription) in \(row.input)", line: row.line)
        previousEnd = token.range.end
      }
    }
  }

  /// A name may hold combining marks after its first letter: `umsatz_märz` saved with `a` and
  /// U+0308 is one name, equal to the precomposed one, not an error at the diaeresis.
  func testNamesWithCombiningMarks() {
    let decomposed = "umsatz_ma\u{0308}rz"
    check([
      Row("\(decomposed) > 5", [(Self.word(decomposed), decomposed), (.symbol(.greater), ">"), (Self.int(5), "5")])
    ])
    XCTAssertEqual(Self.word(decomposed), Self.word("umsatz_märz"))
    let mark = Lexer.tokenize(SourceFile(name: "t", text: "\u{0308}a")).diagnostics.map(\.message)
    XCTAssertEqual(mark.count, 1, "a mark does not start a name")
  }

  func testNumbers() {
    check([
      Row("5", [(Self.int(5), "5")]),
      Row("0", [(Self.int(0), "0")]),
      Row("1_000", [(Self.int(1000), "1_000")]),
      Row("1_000_000 2", [(Self.int(1_000_000), "1_000_000"), (Self.int(2), "2")]),
      Row("2.5", [(.number(.decimal(DecimalNumber("2.5")!)), "2.5")]),
      Row("0.25", [(.number(.decimal(DecimalNumber("0.25")!)), "0.25")]),
      Row("9223372036854775807", [(Self.int(.max), "9223372036854775807")]),
      Row("-3", [(.symbol(.minus), "-"), (Self.int(3), "3")]),
      Row("3 d", [(Self.int(3), "3"), (Self.word("d"), "d")]),
    ])
  }

  func testDurations() {
    check([
      Row("90min", [(Self.seconds(5400), "90min")]),
      Row("12h", [(Self.seconds(12 * 3600), "12h")]),
      Row("30d", [(Self.seconds(30 * 86_400), "30d")]),
      Row("2w", [(Self.seconds(14 * 86_400), "2w")]),
      Row("6mo", [(Self.seconds(180 * 86_400), "6mo")]),
      Row("1y", [(Self.seconds(365 * 86_400), "1y")]),
      Row("1.5h", [(Self.seconds(5400), "1.5h")]),
      Row("1_000d", [(Self.seconds(1000 * 86_400), "1_000d")]),
      Row("0.5min", [(Self.seconds(30), "0.5min")]),
      // Found by fuzzing: 19 decimals or more overflowed 10^decimals and trapped.
      Row("0.0000000000000000000d", [(Self.seconds(0), "0.0000000000000000000d")]),
      Row("30d+2h", [(Self.seconds(30 * 86_400), "30d"), (.symbol(.plus), "+"), (Self.seconds(7200), "2h")]),
    ])
  }

  func testPercentsAndDates() {
    check([
      Row("20%", [(.percent(DecimalNumber("0.2")!), "20%")]),
      Row("12.5%", [(.percent(DecimalNumber("0.125")!), "12.5%")]),
      Row("100%", [(.percent(DecimalNumber("1")!), "100%")]),
      Row("2026-11-28", [(.date(CalendarDate(year: 2026, month: 11, day: 28)!), "2026-11-28")]),
      Row("2024-02-29", [(.date(CalendarDate(year: 2024, month: 2, day: 29)!), "2024-02-29")]),
      Row(
        "2026-01-31 - 30d",
        [
          (.date(CalendarDate(year: 2026, month: 1, day: 31)!), "2026-01-31"), (.symbol(.minus), "-"),
          (Self.seconds(30 * 86_400), "30d"),
        ]),
    ])
  }

  func testMoney() {
    check([
      Row("500€", [(Self.euros(5_000_000), "500€")]),
      Row("€500", [(Self.euros(5_000_000), "€500")]),
      Row("$1200", [(Self.dollars(12_000_000), "$1200")]),
      Row("1200 EUR", [(Self.euros(12_000_000), "1200 EUR")]),
      Row("1200   USD", [(Self.dollars(12_000_000), "1200   USD")]),
      Row("12.50€", [(Self.euros(125_000), "12.50€")]),
      Row("0.1234€", [(Self.euros(1234), "0.1234€")]),
      Row("£5", [(.money(Money(scaledAmount: 50_000, currency: Currency(code: "GBP")!)), "£5")]),
      Row("1_000$", [(Self.dollars(10_000_000), "1_000$")]),
      Row("1200EUR", [(Self.euros(12_000_000), "1200EUR")]),
      // Only three capitals standing alone are a currency code.
      Row("12 EURO", [(Self.int(12), "12"), (Self.word("EURO"), "EURO")]),
      Row("12 eur", [(Self.int(12), "12"), (Self.word("eur"), "eur")]),
    ])
  }

  func testStrings() {
    check([
      Row(#""plain""#, [(.string("plain"), #""plain""#)]),
      Row(#""""#, [(.string(""), #""""#)]),
      Row(#""a\"b\\c""#, [(.string(#"a"b\c"#), #""a\"b\\c""#)]),
      Row(#""line\nnext\ttab""#, [(.string("line\nnext\ttab"), #""line\nnext\ttab""#)]),
      Row(#""\u{1F600}\u{e9}""#, [(.string("😀é"), #""\u{1F600}\u{e9}""#)]),
      Row("\"two\nlines\"", [(.string("two\nlines"), "\"two\nlines\"")]),
      // A file saved with CRLF or CR line ends says the same text: a line feed, no `\r`.
      Row("\"two\r\nlines\"", [(.string("two\nlines"), "\"two\r\nlines\"")]),
      Row("\"two\rlines\r\"", [(.string("two\nlines\n"), "\"two\rlines\r\"")]),
      Row(##""# not a comment""##, [(.string("# not a comment"), ##""# not a comment""##)]),
    ])
  }

  func testWordsAndSymbols() {
    check([
      Row(
        "when then recommend",
        [(.keyword(.when), "when"), (.keyword(.then), "then"), (.keyword(.recommend), "recommend")]),
      // Clause words and the words after `is` are contextual: plain identifiers.
      Row(
        "notice reason refer hold until paid missing present",
        [
          (Self.word("notice"), "notice"), (Self.word("reason"), "reason"), (Self.word("refer"), "refer"),
          (Self.word("hold"), "hold"), (Self.word("until"), "until"), (Self.word("paid"), "paid"),
          (Self.word("missing"), "missing"), (Self.word("present"), "present"),
        ]),
      Row(
        "When whenever _x x_1",
        [
          (Self.word("When"), "When"), (Self.word("whenever"), "whenever"), (Self.word("_x"), "_x"),
          (Self.word("x_1"), "x_1"),
        ]),
      Row("délai 日数 Ωmega", [(Self.word("délai"), "délai"), (Self.word("日数"), "日数"), (Self.word("Ωmega"), "Ωmega")]),
      Row(
        "not in is contains true false",
        [
          (.keyword(.not), "not"), (.keyword(.in), "in"), (.keyword(.is), "is"), (.keyword(.contains), "contains"),
          (.keyword(.true), "true"), (.keyword(.false), "false"),
        ]),
      Row(
        "<= < >= > == != ?? = :",
        [
          (.symbol(.lessEqual), "<="), (.symbol(.less), "<"), (.symbol(.greaterEqual), ">="), (.symbol(.greater), ">"),
          (.symbol(.equal), "=="), (.symbol(.notEqual), "!="), (.symbol(.coalesce), "??"), (.symbol(.assign), "="),
          (.symbol(.colon), ":"),
        ]),
      Row(
        "f(a,[b])",
        [
          (Self.word("f"), "f"), (.symbol(.leftParen), "("), (Self.word("a"), "a"), (.symbol(.comma), ","),
          (.symbol(.leftBracket), "["), (Self.word("b"), "b"), (.symbol(.rightBracket), "]"),
          (.symbol(.rightParen), ")"),
        ]),
      Row("most-severe", [(Self.word("most"), "most"), (.symbol(.minus), "-"), (Self.word("severe"), "severe")]),
    ])
  }

  func testCommentsAreKeptWithPositions() {
    let source = SourceFile(name: "t", text: "# head\nfield x: number  # bare é\r\n#\nlet y = 1 # end")
    let lexed = Lexer.tokenize(source)
    XCTAssertEqual(lexed.diagnostics, [])
    XCTAssertEqual(lexed.comments.map(\.text), [" head", " bare é", "", " end"])
    XCTAssertEqual(
      lexed.comments.map { source.location(of: $0.range.start) },
      [
        SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 18), SourceLocation(line: 3, column: 1),
        SourceLocation(line: 4, column: 11),
      ])
    // A comment ends before the line terminator, `\r` included.
    XCTAssertEqual(lexed.comments.dropFirst().first?.range.end, source.bytes.firstIndex(of: UInt8(ascii: "\r")))
    XCTAssertEqual(lexed.tokens.map(\.kind).filter { $0 == .keyword(.let) || $0 == .keyword(.field) }.count, 2)
  }

  /// A number with an exponent is refused with a hint about exponents, not about units (it said
  /// "durations end in min, h, d…; put a space between a number and a name").
  func testAnExponentIsTold() {
    let exponent = "numbers are written without an exponent: 1e5 is 100000 (or 100_000)"
    for text in ["1e5", "2.5E3", "1e-5", "1e+5", "1e400d"] {
      let lexed = Lexer.tokenize(SourceFile(name: "t", text: "x > \(text)"))
      XCTAssertEqual(lexed.diagnostics.first?.hint, exponent, text)
    }
    for text in ["1ex", "1e", "30x"] {
      let lexed = Lexer.tokenize(SourceFile(name: "t", text: "x > \(text) "))
      XCTAssertEqual(lexed.diagnostics.first?.hint?.hasPrefix("durations end in"), true, text)
    }
  }

  func testByteOrderMarkIsSkipped() {
    let source = SourceFile(name: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("let".utf8))
    let lexed = Lexer.tokenize(source)
    XCTAssertEqual(lexed.tokens.map(\.kind), [.keyword(.let), .endOfFile])
    XCTAssertEqual(lexed.tokens[0].range, SourceRange(start: 3, end: 6))
  }

  // MARK: - Errors

  /// Each row: marked input, then the expected diagnostics (code, message part, marker).
  func testLexicalErrors() {
    let rows: [(String, [ExpectedDiagnostic], UInt)] = [
      ("x > 1️⃣01", [.init("leading-zero", "a number cannot start with 0")], #line),
      ("x > 1️⃣007d", [.init("leading-zero", "a number cannot start with 0")], #line),
      ("1️⃣1_000_ + 2", [.init("malformed-number", "a number cannot end with '_'")], #line),
      ("x > 1️⃣30x", [.init("unknown-unit", "unknown unit 'x' after a number")], #line),
      ("é > 1️⃣5days", [.init("unknown-unit", "unknown unit 'days' after a number")], #line),
      ("1️⃣1.00001min", [.init("malformed-duration", "duration is not a whole number of seconds")], #line),
      ("1️⃣99999999999999999y", [.init("number-too-large", "duration is too long")], #line),
      ("1️⃣10000000000000000000000000000", [.init("number-too-large", "number is too large")], #line),
      ("1️⃣1.0000000000000000000000000001", [.init("too-many-digits", "more than 28 significant digits")], #line),
      ("1️⃣0.00000000000000000000000000001", [.init("too-many-digits", "more than 28 decimal places")], #line),
      ("1️⃣0.000000000000000000000000001%", [.init("too-many-digits", "more than 28 decimal places")], #line),
      ("x > 1️⃣1" + String(repeating: "0", count: 400) + ".5", [.init("number-too-large", "number is too large")], #line),
      ("x > 1️⃣1" + String(repeating: "0", count: 400) + "%", [.init("number-too-large", "number is too large")], #line),
      ("a + 1️⃣1.23456€", [.init("malformed-money", "money has more than 4 decimal places")], #line),
      ("1️⃣99999999999999999€", [.init("malformed-money", "amount of money is too large")], #line),
      (
        "x == 1️⃣€ + 2️⃣$",
        [
          .init("malformed-money", "expected an amount after the currency symbol"),
          .init("malformed-money", "expected an amount", at: 2),
        ], #line
      ),
      ("d < 1️⃣2026-02-30", [.init("invalid-date", "there is no date 2026-02-30")], #line),
      ("\"ok\"\n  1️⃣2026-13-01", [.init("invalid-date", "there is no date 2026-13-01")], #line),
      ("reason \"bad 1️⃣\\q escape\"", [.init("invalid-escape", "unknown escape '\\q' in text")], #line),
      ("\"1️⃣\\u{110000}\"", [.init("invalid-escape", "invalid unicode escape")], #line),
      (
        "\"é 1️⃣\\u{}\" 2️⃣\\n",
        [
          .init("invalid-escape", "invalid unicode escape"),
          .init("unexpected-character", "unexpected character '\\'", at: 2),
        ], #line
      ),
      (
        "let x = 1\nreason 1️⃣\"never closed", [.init("unterminated-string", "unterminated text: missing closing '\"'")],
        #line
      ),
      ("a 1️⃣! b", [.init("unexpected-character", "unexpected character '!'")], #line),
      (
        "a 1️⃣&2️⃣& b 3️⃣| c",
        [
          .init("unexpected-character", "unexpected character '&'"),
          .init("unexpected-character", "unexpected character '&'", at: 2),
          .init("unexpected-character", "unexpected character '|'", at: 3),
        ], #line
      ),
      ("1️⃣1__000", [.init("malformed-number", "a number cannot end with '_'")], #line),
      (
        "reason 1️⃣'single2️⃣'",
        [
          .init("unexpected-character", "unexpected character \"'\""),
          .init("unexpected-character", "unexpected character \"'\"", at: 2),
        ], #line
      ),
      (
        "日数 1️⃣@ x2️⃣²",
        [.init("unexpected-character", "unexpected character '@'"), .init("unexpected-character", "'²'", at: 2)], #line
      ),
      ("x\n\t1️⃣\u{7}", [.init("unexpected-character", "unexpected character U+7")], #line),
      ("x 1️⃣; 2", [.init("unexpected-character", "unexpected character ';'")], #line),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      let lexed = Lexer.tokenize(marked.source)
      assertDiagnostics(lexed.diagnostics, expected, in: marked, line: line)
      XCTAssertEqual(lexed.tokens.last?.kind, .endOfFile, line: line)
    }
  }

  func testInvalidUTF8() {
    let bytes = Array("x > ".utf8) + [0xFF] + Array(" é ".utf8) + [0xC3] + Array(" \"".utf8) + [0xFE] + Array("\"".utf8)
    let source = SourceFile(name: "t", bytes: bytes)
    let lexed = Lexer.tokenize(source)
    XCTAssertEqual(lexed.diagnostics.map(\.code), ["invalid-utf8", "invalid-utf8", "invalid-utf8"])
    XCTAssertEqual(
      lexed.diagnostics.map(\.message),
      ["invalid UTF-8 byte 0xFF", "invalid UTF-8 byte 0xC3", "text is not valid UTF-8"])
    // Each invalid byte counts as one column.
    XCTAssertEqual(lexed.diagnostics.map { source.location(of: $0.range.start).column }, [5, 9, 11])
    XCTAssertEqual(lexed.tokens.last?.kind, .endOfFile)
  }
}
