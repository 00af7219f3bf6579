import XCTest

@testable import VerdictLineEditing

final class CompletionListingTests: XCTestCase {
  func testNothingToList() {
    XCTAssertEqual(CompletionListing.lines(for: [], width: 80), [])
  }

  func testCandidatesShareOneLineWhenTheyFit() {
    XCTAssertEqual(
      CompletionListing.lines(for: ["payment_delay", "payments"], width: 80),
      ["payment_delay  payments"])
  }

  func testColumnsFillTopToBottom() {
    let words = ["a1", "a2", "a3", "a4", "a5"]
    // Columns are 4 wide ("a1" plus the gutter); 10 columns of text fit 3 of them.
    XCTAssertEqual(CompletionListing.lines(for: words, width: 10), ["a1  a3  a5", "a2  a4"])
  }

  func testNarrowTerminalGivesOneCandidatePerLine() {
    XCTAssertEqual(
      CompletionListing.lines(for: ["revisions", "recommend"], width: 5),
      ["revisions", "recommend"])
  }

  func testUnknownWidthFallsBackToEightyColumns() {
    let words = (0..<20).map { "w\($0 % 10)" }
    let lines = CompletionListing.lines(for: words, width: 0)
    XCTAssertEqual(lines.count, 1)
    XCTAssertLessThanOrEqual(lines[0].count, CompletionListing.fallbackWidth)
  }
}
