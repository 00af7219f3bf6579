import Testing
import VerdictData

@testable import Verdict

/// ``MessageText`` escapes the scalars that `Value.quote` escapes as `\u{…}` (it has no access to
/// the language's list): both must keep to the same set.
struct MessageTextTests {
  @Test func escapesWhatQuotedTextEscapes() {
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let quoted = Value.drivesTerminal(value) || value == 0x2028 || value == 0x2029
      #expect(MessageText.isEscaped(value) == quoted, "U+\(String(value, radix: 16))")
      if quoted {
        #expect(MessageText.escaped("a\(scalar)b") == "a\\u{\(String(value, radix: 16, uppercase: true))}b")
      }
    }
    #expect(MessageText.escaped("K\u{1B}[1;31m\tx") == #"K\u{1B}[1;31m\u{9}x"#)
    #expect(MessageText.escaped("plain € café") == "plain € café")
  }
}
