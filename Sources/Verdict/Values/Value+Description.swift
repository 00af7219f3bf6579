extension Value: CustomStringConvertible {
  /// The value as a literal of the language: `45`, `2.5`, `30d`, `20%`, `1234.50 EUR`, `2026-11-28`,
  /// `"text"`, `true`, `[1, 2]`; `missing` for a missing value.
  public var description: String {
    switch self {
    case .text(let text): Value.quote(text)
    case .missing: "missing"
    default: plainText
    }
  }

  /// The value as a report cell: like ``description`` but text is not quoted and missing is empty.
  package var plainText: String {
    switch self {
    case .missing: ""
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .decimal(let number): number.description
    case .duration(let span): span.description
    case .percent(let fraction): DecimalNumber.text(fraction, shiftingPointRightBy: 2) + "%"
    case .money(let money): money.description
    case .date(let date): date.description
    case .text(let text): text
    case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// The length of the invisible direction mark at `index` of UTF-8 `bytes` (before `end`), if one
  /// is there: the left-to-right and right-to-left marks (U+200E, U+200F) and embeddings and
  /// isolates (U+202A–U+202E, U+2066–U+2069) that Arabic and Hebrew spreadsheets put around numbers
  /// and keys, and the Arabic letter mark (U+061C). Cells, keys and key lookalikes leave them out
  /// alike; ``drivesTerminal(_:)`` has them as scalars.
  package static func directionMarkLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
    guard index + 1 < end else { return nil }
    if bytes[index] == 0xD8, bytes[index + 1] == 0x9C { return 2 }
    guard bytes[index] == 0xE2, index + 2 < end else { return nil }
    switch (bytes[index + 1], bytes[index + 2]) {
    case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xAA...0xAE), (0x81, 0xA6...0xA9): return 3
    default: return nil
    }
  }

  /// Whether the scalar `value` drives a terminal rather than being drawn: a C0 or C1 control
  /// character, DEL, or a bidirectional formatting character (U+200E, U+200F, U+202A–U+202E,
  /// U+2066–U+2069, the Arabic letter mark U+061C, which reorder what follows on the screen: a
  /// client named with U+202E reads backwards). Quoted text and the CLI's messages show such
  /// scalars as `\u{…}`.
  package static func drivesTerminal(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x200E || value == 0x200F
      || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x061C
  }

  /// Whether `value` is a space a reader cannot see, or cannot tell from an ordinary one: a
  /// no-break space (U+00A0), the spaces U+2000–U+200A, a zero-width space (U+200B), a narrow
  /// no-break space (U+202F), U+205F, a word joiner (U+2060), an ideographic space (U+3000), a
  /// byte order mark (U+FEFF). Quoted, a cell `"12,50 "` with a no-break space looked valid in
  /// the message that refused it.
  package static func isInvisibleSpace(_ value: UInt32) -> Bool {
    value == 0xA0 || (0x2000...0x200B).contains(value) || value == 0x202F || value == 0x205F || value == 0x2060
      || value == 0x3000 || value == 0xFEFF
  }

  /// Text in double quotes, as a policy writes it: `"` and `\` escaped, line breaks and tabs as
  /// `\n` and `\t`, the other scalars that drive a terminal (``drivesTerminal(_:)``), line
  /// separators and invisible spaces (``isInvisibleSpace(_:)``) as `\u{…}`, everything else as
  /// itself. A data cell's text is shown this way in
  /// messages, so a cell cannot move the cursor, clear a terminal or change its title (an escape
  /// sequence in a hostile CSV file).
  ///
  /// `verdict fmt` writes the policy's own texts with `showingInvisibleSpaces` false: a reason
  /// written with a narrow no-break space before `!`, as French does, keeps it as written.
  package static func quote(_ text: String, showingInvisibleSpaces: Bool = true) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        let value = scalar.value
        if Value.drivesTerminal(value) || value == 0x2028 || value == 0x2029
          || (showingInvisibleSpaces && Value.isInvisibleSpace(value))
        {
          result += "\\u{\(String(value, radix: 16, uppercase: true))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
