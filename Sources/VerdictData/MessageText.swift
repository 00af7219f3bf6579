/// Text from outside the program put into a message: a file's path, a client's key, a column's
/// name, an option's value.
///
/// Messages go to a terminal, whose control sequences such text may hold (a hostile CSV file's
/// key `K ESC [ 1 ; 31 m`). The CLI shows the control characters of a whole message as `\u{…}`
/// but for its own colours, so a sequence from the data that looks like one of them reached the
/// terminal raw; escaped where it is put into the message, it never looks like one.
package enum MessageText {
  /// `text` with the scalars that drive a terminal shown as `\u{…}` (uppercase hex): the C0
  /// controls (tab and line feed too, so that a name stays on its line and in its column), DEL,
  /// the C1 controls, the bidirectional formatting characters (U+200E, U+200F, U+202A–U+202E,
  /// U+2066–U+2069, U+061C) and the line and paragraph separators. The same scalars as
  /// `Value.drivesTerminal` and `Value.quote`, without quotes around the text.
  package static func escaped(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: { isEscaped($0.value) }) else { return String(text) }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isEscaped(scalar.value) {
        result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether ``escaped(_:)`` shows `value` as `\u{…}`.
  package static func isEscaped(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x200E || value == 0x200F
      || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
      || value == 0x061C
  }
}
