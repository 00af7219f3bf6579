import XCTest

@testable import VerdictLineEditing

final class CompletionTests: XCTestCase {
  func testLongestCommonPrefix() {
    XCTAssertEqual(Completion.longestCommonPrefix(of: []), "")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["payments"]), "payments")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["payment_delay", "payments"]), "payment")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["revisions", "recommend"]), "re")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["payments", "revisions"]), "")
    XCTAssertEqual(Completion.longestCommonPrefix(of: [":client", ":clients", ":c"]), ":c")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["same", "same"]), "same")
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["", "anything"]), "")
  }

  func testLongestCommonPrefixComparesWholeCharacters() {
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["héllo", "hélp"]), "hél")
    // "e" followed by a combining acute accent is one Character, distinct from plain "e".
    XCTAssertEqual(Completion.longestCommonPrefix(of: ["cafe\u{301}s", "cafes"]), "caf")
  }

  func testWordStartWalksBackOverIdentifierCharacters() {
    XCTAssertEqual(Completion.wordStart(in: "", cursor: 0), 0)
    XCTAssertEqual(Completion.wordStart(in: "pay", cursor: 3), 0)
    XCTAssertEqual(Completion.wordStart(in: "when pay", cursor: 8), 5)
    XCTAssertEqual(Completion.wordStart(in: "when payment_del", cursor: 16), 5)
    XCTAssertEqual(Completion.wordStart(in: ":cli", cursor: 4), 0)
    XCTAssertEqual(Completion.wordStart(in: "f(x, rev", cursor: 8), 5)
    XCTAssertEqual(Completion.wordStart(in: "when ", cursor: 5), 5)
  }

  func testWordStartStopsAtTheCursorInTheMiddleOfAWord() {
    XCTAssertEqual(Completion.wordStart(in: "payments later", cursor: 3), 0)
    XCTAssertEqual(Completion.wordStart(in: "a payments", cursor: 4), 2)
  }

  func testWordStartCountsCharactersNotBytes() {
    XCTAssertEqual(Completion.wordStart(in: "héllo wörld", cursor: 11), 6)
    XCTAssertEqual(Completion.wordStart(in: "x = héllo", cursor: 9), 4)
  }

  func testWordStartClampsCursorsOutsideTheLine() {
    XCTAssertEqual(Completion.wordStart(in: "pay", cursor: -4), 0)
    XCTAssertEqual(Completion.wordStart(in: "a pay", cursor: 99), 2)
  }

  func testWordStartUsesTheGivenWordCharacters() {
    let start = Completion.wordStart(in: "open ./src/ma", cursor: 13) { $0 != " " }
    XCTAssertEqual(start, 5)
  }

  func testMatchingFiltersTheVocabularyByTheTypedWord() {
    let vocabulary = ["payment_delay", "payments", "revisions", "recommend", ":client", ":clients"]
    XCTAssertEqual(
      Completion.matching(vocabulary, line: "show pay", cursor: 8),
      Completion(wordStart: 5, candidates: ["payment_delay", "payments"]))
    XCTAssertEqual(
      Completion.matching(vocabulary, line: ":cl", cursor: 3).candidates, [":client", ":clients"])
    XCTAssertEqual(Completion.matching(vocabulary, line: "zzz", cursor: 3).candidates, [])
    XCTAssertEqual(Completion.matching(vocabulary, line: "", cursor: 0).candidates, vocabulary)
  }

  func testMatchingDropsDuplicatesAndKeepsOrder() {
    let completion = Completion.matching(["rb", "ra", "rb"], line: "r", cursor: 1)
    XCTAssertEqual(completion.candidates, ["rb", "ra"])
  }

  func testNoneOffersNothing() {
    XCTAssertEqual(Completion.none(cursor: 3), Completion(wordStart: 3, candidates: []))
  }
}
