import XCTest

@testable import Verdict

/// "Did you mean": for whole names, and for a word meant as the start of a name (`--client`).
final class SuggestionTests: XCTestCase {
  func testAWholeNameOneStepAwayIsSuggested() {
    XCTAssertEqual(Suggestion.closest(to: "fier", among: ["fire", "watch"]), "fire")
    XCTAssertNil(Suggestion.closest(to: "keep", among: ["fire", "watch"]))
  }

  func testAPrefixAlmostRightSuggestsTheNameItStarts() {
    let names = ["Nordlicht Bakery", "Hartmann Logistics", "Blue Fern Yoga", "C101", "C102"]
    XCTAssertEqual(Suggestion.closest(toPrefix: "Hartmen", among: names), "Hartmann Logistics")
    XCTAssertEqual(Suggestion.closest(toPrefix: "nordlict", among: names), "Nordlicht Bakery")
    XCTAssertEqual(Suggestion.closest(toPrefix: "Blue Fern Yogaa", among: names), "Blue Fern Yoga")
    XCTAssertEqual(Suggestion.closest(toPrefix: "Acme Lbas", among: ["Acme GmbH", "Acme Labs"]), "Acme Labs")
  }

  func testSeveralNamesEquallyNearGiveThePrefixTheyShare() {
    let names = ["Hartmann Bau", "Hartmann Logistics", "Kranich Architects"]
    XCTAssertEqual(Suggestion.closest(toPrefix: "Hartmen", among: names), "Hartman")
  }

  func testNothingIsSuggestedWhenNothingIsNearOrTheNearestDisagree() {
    XCTAssertNil(Suggestion.closest(toPrefix: "Zebra", among: ["Nordlicht Bakery", "Hartmann Logistics"]))
    // Every one-letter word is one step from the start of any name: no guess.
    XCTAssertNil(Suggestion.closest(toPrefix: "x", among: ["Nordlicht Bakery", "Hartmann Logistics"]))
    // A name far shorter than the word is not its start.
    XCTAssertNil(Suggestion.closest(toPrefix: "Hartmann Logistics", among: ["Hart"]))
    XCTAssertNil(Suggestion.closest(toPrefix: "Hartmen", among: []))
  }

  func testTheBoundedDistanceIsTheWholeTablesUpToTheLimit() {
    // The distance to all of `b` is the last of the distances to its prefixes, which fill the
    // whole table: the reference for the three-row, early-stopping computation.
    var random = SeededRandom(state: 16)
    let alphabet = Array("abcé")
    for _ in 0..<3_000 {
      let a = (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
      let b = (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
      let whole = Suggestion.prefixDistances(a, b).last!
      XCTAssertEqual(Suggestion.editDistance(a, b), whole, "\(String(a)) to \(String(b))")
      for limit in 0...4 {
        XCTAssertEqual(
          Suggestion.editDistance(a, b, limit: limit), min(whole, limit + 1),
          "\(String(a)) to \(String(b)) within \(limit)")
      }
    }
  }

  func testTheVocabularysChoiceIsTheNearestByTheWholeTable() {
    // The counts that set names aside are a lower bound only: the choice must be the one that
    // comparing the word with every name in full gives. Composed and decomposed é, and capitals,
    // are the same character to the distance.
    var random = SeededRandom(state: 2026)
    let pieces = ["a", "b", "c", "é", "e\u{301}", "A", "_"]
    let word = { (random: inout SeededRandom) in
      (0..<Int.random(in: 1...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    for _ in 0..<400 {
      let names = (0..<Int.random(in: 0...12, using: &random)).map { _ in word(&random) }
      let vocabulary = Suggestion.Vocabulary(names)
      for _ in 0..<10 {
        let typed = word(&random)
        let limit = max(1, typed.count / 3)
        let expected = names.filter { $0 != typed && abs($0.count - typed.count) <= limit }
          .map { ($0, Suggestion.prefixDistances(Array(typed.lowercased()), Array($0.lowercased())).last!) }
          .filter { $0.1 <= limit }
          .min { $0.1 < $1.1 }?.0
        XCTAssertEqual(vocabulary.closest(to: typed), expected, "\(typed) among \(names)")
      }
    }
  }

  func testOfEquallyNearNamesTheFirstIsSuggested() {
    XCTAssertEqual(Suggestion.closest(to: "rate", among: ["late", "mate"]), "late")
    XCTAssertEqual(Suggestion.closest(to: "rate", among: ["mate", "late"]), "mate")
  }

  func testTheDistancesToEveryPrefix() {
    XCTAssertEqual(Suggestion.prefixDistances(Array("abc"), Array("axbc")), [3, 2, 2, 2, 1])
    XCTAssertEqual(Suggestion.prefixDistances(Array("ab"), Array("ba")), [2, 1, 1])
  }

  func testABudgetPaysTheMostADistanceTableCouldCostAndRefusesAWordItCannotCover() {
    // The names are 4 + 5 + 9 = 18 characters: a word of n characters costs 18 n cells.
    let vocabulary = Suggestion.Vocabulary(["rate", "ratio", "revisions"])
    let budget = Suggestion.Budget(cells: 3 * 18 + 6 * 18 + 4 * 4)
    XCTAssertEqual(vocabulary.closest(to: "rat", within: budget), "rate")
    XCTAssertEqual(budget.remaining, 6 * 18 + 4 * 4)
    XCTAssertEqual(vocabulary.closest(to: "rattio", within: budget), "ratio")
    XCTAssertEqual(budget.remaining, 4 * 4)
    // 90 cells to compare, 16 left: no suggestion, and nothing spent.
    XCTAssertNil(vocabulary.closest(to: "rate_", within: budget))
    XCTAssertEqual(budget.remaining, 16)
    XCTAssertEqual(Suggestion.closest(to: "fier", among: ["fire"], within: budget), "fire")
    XCTAssertNil(Suggestion.closest(to: "fier", among: ["fire"], within: budget))
    XCTAssertEqual(budget.remaining, 0)
  }

  func testAWordOverAHundredCharactersIsNotLookedFor() {
    // Its distance table would grow with the square of its length (five million characters:
    // hours); no one misspells such a name.
    let name = String(repeating: "a", count: 99) + "b"
    for candidates in [[name], [name + "c"]] {
      let word = candidates[0].dropLast() + "x"
      let expected = word.count <= Suggestion.longestWord ? candidates[0] : nil
      XCTAssertEqual(Suggestion.closest(to: String(word), among: candidates), expected)
      XCTAssertEqual(Suggestion.Vocabulary(candidates).closest(to: String(word)), expected)
      XCTAssertEqual(Suggestion.closest(toPrefix: String(word), among: candidates), expected)
    }
  }

  func testAListingInAHintShowsTheFirstNamesAndCountsTheRest() {
    XCTAssertEqual(Suggestion.listing(["a", "b"], shown: 2), "a, b")
    XCTAssertEqual(Suggestion.listing(["a", "b", "c", "d"], shown: 2), "a, b and 2 more")
    XCTAssertEqual(Suggestion.listing([]), "")
  }

  /// Fields for a budget to run out on: ten short names (`f_000` to `f_009`), then `padding`
  /// long ones no short word is compared with in full; and 1,030 distinct words each one letter
  /// away from one short name (`a_000`, `fa000`, `f_a00`, `f_0a0`), with the name it misspells.
  static func misspellings(padding: Int) -> (fields: [String], words: [(word: String, meant: String)]) {
    let short = (0..<10).map { "f_00\($0)" }
    let fields = short + (0..<padding).map { "a_name_far_too_long_to_be_near_\($0)" }
    var words: [(String, String)] = []
    for name in short {
      for position in 0..<4 {
        for letter in "abcdefghijklmnopqrstuvwxyz" where Array(name)[position] != letter {
          var characters = Array(name)
          characters[position] = letter
          words.append((String(characters), name))
        }
      }
    }
    return (fields, words)
  }
}
