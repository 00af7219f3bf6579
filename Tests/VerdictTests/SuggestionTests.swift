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

  func testTheDistancesToEveryPrefix() {
    XCTAssertEqual(Suggestion.prefixDistances(Array("abc"), Array("axbc")), [3, 2, 2, 2, 1])
    XCTAssertEqual(Suggestion.prefixDistances(Array("ab"), Array("ba")), [2, 1, 1])
  }
}
