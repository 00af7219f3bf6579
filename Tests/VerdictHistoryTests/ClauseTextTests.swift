import Foundation
import Testing

@testable import VerdictHistory

/// Clauses read back exactly as they were stored, through the plain reader or the full decoder.
@Suite struct ClauseTextTests {
  @Test func storedClausesReadBackEqual() throws {
    let samples: [[String: String]] = [
      ["cooldown": "3d"],
      ["hold": "until paid", "meet": "by phone", "notice": "30d", "reason": "I don't think we fit."],
      ["reason": "Café — naïve 😀", "refer": "a/b"],
      ["reason": "a \"quoted\" word", "refer": "back\\slash"],
      ["reason": "two\nlines\tand a tab"],
    ]
    for clauses in samples {
      let text = try #require(ClauseText.encode(clauses))
      #expect(ClauseText.decode(text) == clauses, "\(text)")
    }
    #expect(ClauseText.decode(nil) == [:])
  }

  @Test func thePlainWriterWritesWhatTheEncoderWritesOrLeavesTheClausesToIt() throws {
    let plain: [[String: String]] = [
      ["cooldown": "3d"],
      ["hold": "until paid", "meet": "by phone", "notice": "30d", "reason": "I don't think we fit.", "refer": "a/b"],
      ["refer": "x", "reason": "y", "notice": "14w"],
    ]
    for clauses in plain {
      let text = try #require(ClauseText.plainText(clauses))
      #expect(text == (try StoredJSON.text(clauses)))
      #expect(ClauseText.encode(clauses) == text)
    }
    // Escapes, text beyond ASCII and names that sort otherwise in other orders go to the encoder.
    let escaped: [[String: String]] = [
      ["reason": "a \"quoted\" word"], ["refer": "back\\slash"], ["reason": "two\nlines"],
      ["reason": "Café"], ["Reason": "x"], ["note2": "x"],
    ]
    for clauses in escaped {
      #expect(ClauseText.plainText(clauses) == nil, "\(clauses)")
      #expect(ClauseText.encode(clauses) == (try StoredJSON.text(clauses)))
    }
  }

  @Test func thePlainReaderAgreesWithTheDecoderOrLeavesTheTextToIt() {
    #expect(ClauseText.plainObject(#"{"a":"1","b":"x y"}"#) == ["a": "1", "b": "x y"])
    #expect(ClauseText.plainObject("{}") == [:])
    // Escapes, spaces, duplicates and malformed text are left to the full decoder.
    #expect(ClauseText.plainObject(#"{"a":"say \"hi\""}"#) == nil)
    #expect(ClauseText.decode(#"{"a":"say \"hi\""}"#) == ["a": #"say "hi""#])
    #expect(ClauseText.plainObject(#"{ "a": "1" }"#) == nil)
    #expect(ClauseText.decode(#"{ "a": "1" }"#) == ["a": "1"])
    #expect(ClauseText.plainObject(#"{"a":"1","a":"2"}"#) == nil)
    for malformed in [#"{"a":"1""#, #"{"a":1}"#, #"{"a""#, #"{"a":"1"}x"#, #"["a"]"#, "{", ""] {
      #expect(ClauseText.plainObject(malformed) == nil, "\(malformed)")
      #expect(ClauseText.decode(malformed) == nil, "\(malformed)")
    }
  }
}
