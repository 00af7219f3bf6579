import XCTest

@testable import VerdictData

/// Values, escapes, error positions and the nesting limit of the strict JSON parser.
final class JSONParserTests: XCTestCase {
  private func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
  }

  private func error(_ text: String) -> DataReadError? {
    do {
      _ = try JSONParser.parse(Array(text.utf8))
      return nil
    } catch {
      return error
    }
  }

  func testValues() throws {
    XCTAssertEqual(
      try parse(#" {"id": 7, "rate": -12.50e+3, "ok": true, "gone": null, "tags": ["a", false]} "#),
      .object([
        JSONMember(key: "id", value: .number("7")),
        JSONMember(key: "rate", value: .number("-12.50e+3")),
        JSONMember(key: "ok", value: .bool(true)),
        JSONMember(key: "gone", value: .null),
        JSONMember(key: "tags", value: .array([.string("a"), .bool(false)])),
      ]))
    XCTAssertEqual(try parse("0"), .number("0"))
    XCTAssertEqual(
      try parse("[[], {}, [[0.5]]]"),
      .array([.array([]), .object([]), .array([.array([.number("0.5")])])]))
    XCTAssertEqual(try parse("\u{FEFF}[1]"), .array([.number("1")]))
  }

  func testDuplicateKeysAreKeptInTheTree() throws {
    XCTAssertEqual(
      try parse(#"{"a": 1, "a": 2}"#),
      .object([
        JSONMember(key: "a", value: .number("1")), JSONMember(key: "a", value: .number("2")),
      ]))
  }

  func testStringEscapes() throws {
    XCTAssertEqual(try parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
    XCTAssertEqual(try parse(#""\u00e9\u20AC\ud83d\ude00\u0000""#), .string("é€😀\u{0}"))
    XCTAssertEqual(try parse("\"Grüße 😀\""), .string("Grüße 😀"))
  }

  func testErrorsCarryLineColumnAndMessage() {
    let cases: [(String, Int, Int, String)] = [
      ("{\n  \"a\": 1,\n}", 3, 1, "expected a string key after ',' in object"),
      ("[1 2]", 1, 4, "expected ',' or ']' after array element"),
      ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after object member"),
      ("[1,]", 1, 4, "unexpected ']'; expected a value"),
      ("[01]", 1, 2, "numbers must not have leading zeros"),
      ("[NaN]", 1, 2, "invalid literal; the only words JSON allows are true, false and null"),
      ("['x']", 1, 2, "unexpected \"'\"; expected a value"),
      ("\"a\tb\"", 1, 3, "control character (byte 0x09) in string must be escaped"),
      ("[\"\\x\"]", 1, 3, "invalid escape '\\x' in string"),
      ("\n\n  \"open", 3, 3, "unterminated string"),
      ("", 1, 1, "unexpected end of input; expected a value"),
      ("{} x", 1, 4, "unexpected 'x' after the JSON value"),
      ("{\"a\" 1}", 1, 6, "expected ':' after object key"),
    ]
    for (text, line, column, message) in cases {
      let found = error(text)
      XCTAssertEqual(found?.line, line, text.debugDescription)
      XCTAssertEqual(found?.column, column, text.debugDescription)
      XCTAssertEqual(found?.message, message, text.debugDescription)
    }
    XCTAssertEqual(error("[NaN]")?.hint, "NaN and Infinity are not JSON numbers")
  }

  func testInvalidUTF8IsRejected() {
    for bytes: [UInt8] in [
      [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82],
    ] {
      XCTAssertThrowsError(try JSONParser.parse(bytes), "\(bytes)")
    }
  }

  func testNestingLimit() throws {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    XCTAssertNoThrow(try parse(deepest))
    let tooDeep =
      String(repeating: "{\"k\":", count: 512) + "[1]" + String(repeating: "}", count: 512)
    XCTAssertEqual(error(tooDeep)?.message, "arrays and objects nested deeper than 512 levels")
    XCTAssertEqual(error(tooDeep)?.column, 512 * 5 + 1)
    let huge = String(repeating: "[", count: 1_000_000)
    XCTAssertEqual(error(huge)?.column, 513)
  }
}
