import Foundation
import XCTest

@testable import Verdict

/// `docs/language.md` lists every warning a policy can get, each with an example: the codes in
/// its "Warnings" section are exactly ``WarningCode`` and ``ExampleMistake``, and each is shown
/// by a ```` ```verdict-warning CODE ```` block there (`GrammarExamplesTests` checks that each
/// block gives the warnings its tag names). A new code without a line and an example fails here.
final class WarningDocsTests: XCTestCase {
  /// Codes shown elsewhere than by a policy block, and why.
  static let shownElsewhere = [
    WarningCode.cellType.rawValue: "it needs a data file; docs/check.md shows it in a tested transcript",
    WarningCode.rowError.rawValue: "it is about a data file's rows; docs/check.md shows it in a tested transcript",
    WarningCode.percentFractions.rawValue:
      "it needs a data file; the CLI golden case check-data-percent-fractions shows it, docs/check.md describes it",
    WarningCode.lookalikeKeys.rawValue:
      "it needs a table's file; the CLI golden case check-table-lookalike-keys shows it",
    WarningCode.unmatchedRecords.rawValue:
      "it needs a client file and a table's file; the CLI golden case check-data-unmatched-records shows it",
    WarningCode.duplicateKeys.rawValue:
      "it is about a data file's rows; the CLI golden case check-data-duplicate-keys shows it, docs/check.md describes it",
    WarningCode.textVariant.rawValue:
      "it needs a data file; the CLI golden case check-data-text-variants shows it, docs/check.md describes it",
    WarningCode.codePage.rawValue:
      "it needs a data file; the CLI golden case check-data-code-page shows it, docs/check.md describes it",
    WarningCode.headerUnit.rawValue:
      "it needs a data file; the CLI golden case check-data-header-units shows it, docs/check.md describes it",
    WarningCode.currencyColumn.rawValue:
      "it needs a data file; the CLI golden case check-data-currency-column shows it, docs/check.md describes it",
    WarningCode.debitCreditColumn.rawValue:
      "it needs a data file; the CLI golden case check-data-debit-credit-column shows it, docs/check.md describes it",
    WarningCode.uncheckedTable.rawValue:
      "it needs a data file; the CLI golden case check-data-unchecked-table shows it, docs/check.md describes it",
  ]

  /// The "Warnings" section of the language reference, up to the next section.
  static func section() throws -> String {
    let page = GrammarExamplesTests.repository.appendingPathComponent("docs/language.md")
    let text = String(decoding: try Data(contentsOf: page), as: UTF8.self)
    let start = try XCTUnwrap(text.range(of: "\n### Warnings\n"), "docs/language.md has no Warnings section")
    let rest = text[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// The codes of the list items that begin with one: "- `unused-let`: …".
  static func listedCodes(in section: String) -> [String] {
    section.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("- `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
      return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
    }
  }

  func testEveryWarningCodeIsListedOnce() throws {
    let listed = Self.listedCodes(in: try Self.section())
    let codes = WarningCode.allCases.map(\.rawValue) + ExampleMistake.allCases.map(\.rawValue)
    XCTAssertEqual(listed.sorted(), codes.sorted(), "docs/language.md's Warnings section against the codes")
  }

  func testEveryWarningCodeHasAnExample() throws {
    let examples = try GrammarExamplesTests.fencedExamples(in: try Self.section(), path: "docs/language.md")
    let shown = Set(examples.flatMap(\.expectedWarnings))
    for code in Self.listedCodes(in: try Self.section()) where Self.shownElsewhere[code] == nil {
      XCTAssertTrue(shown.contains(code), "no ```verdict-warning block shows '\(code)'")
    }
  }

  func testTheListingFindsCodesAtTheStartOfItemsOnly() {
    let section = "- `never-wins`: a rule …\n  - `x` nested\ntext `unused-let` in a sentence\n- `cell-type`: cells"
    XCTAssertEqual(Self.listedCodes(in: section), ["never-wins", "cell-type"])
  }
}
