extension String {
  /// This JSON text with U+2028 and U+2029 written `\u2028` and `\u2029`, as the reports write
  /// them: JSON allows them raw inside strings (and only there, so the replacement is safe), but
  /// JavaScript and Python's `splitlines` break a line at them. Foundation's encoder, which
  /// `explain` and `check` use, leaves them raw.
  var escapingLineSeparators: String {
    guard unicodeScalars.contains(where: { $0.value == 0x2028 || $0.value == 0x2029 }) else { return self }
    return replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
  }
}
