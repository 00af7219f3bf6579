import Testing

@testable import Verdict
@testable import VerdictRun

/// The JSON report escapes its strings in two places: ``ByteBuffer`` for keys and text cells, and
/// ``LineBytes`` for the explanation, written escaped already (``JSONStringEscape``). Both must
/// write the same bytes for the same valid UTF-8.
struct JSONEscapingTests {
  /// The report's escaping of `text` and the explanation line's.
  func escapedBothWays(_ text: String) -> (report: String, line: String) {
    var text = text
    let buffer = ByteBuffer()
    let line = LineBytes(escaping: .json)
    text.withUTF8 {
      buffer.appendJSONEscaped($0)
      line.appendEscaped($0)
    }
    return (
      String(decoding: buffer.bytes, as: UTF8.self),
      String(decoding: line.bytes, as: UTF8.self)
    )
  }

  @Test func everyASCIICharacterIsEscapedAlikeAloneAndAmongOthers() {
    for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
      for text in ["\(scalar)", "plain \(scalar) text", "\(scalar)\(scalar)12345678\(scalar)"] {
        let (report, line) = escapedBothWays(text)
        #expect(report == line, "\(scalar.value)")
      }
    }
  }

  @Test func seededTextsAreEscapedAlike() {
    let pieces = ["plain text ", "\"", "\\", "\n", "\r", "\t", "\u{7F}", "\u{1}", "é", "€", "🙂", "abcdefgh", " "]
    var state: UInt64 = 11
    for _ in 0..<3_000 {
      var text = ""
      state = state &* 6364136223846793005 &+ 1442695040888963407
      for _ in 0..<Int(state >> 60) {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        text += pieces[Int(state >> 33) % pieces.count]
      }
      let (report, line) = escapedBothWays(text)
      #expect(report == line, "\(text.debugDescription)")
    }
  }
}

/// The report's strings escape the line and paragraph separators, wherever they fall among the
/// bytes read eight at a time, and leave the characters that share their first bytes alone.
struct JSONLineSeparatorTests {
  @Test func separatorsAreEscapedAtEveryPlace() {
    for padding in 0..<10 {
      let prefix = String(repeating: "a", count: padding)
      var text = prefix + "\u{2028}x\u{2029}€\u{2027}\u{202A}"
      let buffer = ByteBuffer()
      text.withUTF8 { buffer.appendJSONEscaped($0) }
      #expect(String(decoding: buffer.bytes, as: UTF8.self) == prefix + #"\u2028x\u2029€"# + "\u{2027}\u{202A}")
    }
  }
}
