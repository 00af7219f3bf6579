import Testing

@testable import Verdict

/// `DateFormat.detect`: the format of a column from its cells.
struct DateDetectionTests {
  static func format(_ pattern: String) -> DateFormat { DateFormat(pattern: pattern)! }

  /// The pattern found, `ambiguous P1|P2`, or `none`.
  static func detected(_ samples: [String]) -> String {
    switch DateFormat.detect(samples) {
    case .format(let format): format.pattern
    case .ambiguous(let formats): "ambiguous " + formats.map(\.pattern).joined(separator: "|")
    case .none: "none"
    }
  }

  @Test(arguments: [
    // US exports: 24 is no month, so the column is month first.
    (["2/1/2013", "2/24/2013", "12/5/2013"], "M/D/YYYY"),
    (["2/24/11"], "M/D/YY"),
    (["2/1/11", "2/24/11"], "M/D/YY"),
    // Day first, told apart by a day over 12.
    (["31/03/2019", "01/04/2019"], "D/M/YYYY"),
    (["1/4/19", "31/3/19"], "D/M/YY"),
    (["04.11.20", "28.02.21"], "DD.MM.YY"),
    (["28.11.2026", "1.2.2026"], "DD.MM.YYYY"),
    (["2026-11-28", "2026-01-05"], "YYYY-MM-DD"),
    (["2026/11/28"], "YYYY/MM/DD"),
    // Korean banks.
    (["2026.11.28", "2026.01.05 14:22:01"], "YYYY.MM.DD"),
    // A two-digit year first is tried only in East Asian files (below): elsewhere it is last,
    // and a day that does not exist (`31/2/24`, which `YY/M/D` alone would read) decides nothing.
    (["24/01/15", "24/12/31"], "D/M/YY"),
    (["15/3/24", "20/4/24", "31/2/24", "25/12/24"], "D/M/YY"),
    (["28-11-2026"], "DD-MM-YYYY"),
    (["11-28-2026"], "MM-DD-YYYY"),
    // A time after the date does not get in the way.
    (["2026-11-28T09:30:00Z", "2026-11-29T17:45:12.5+01:00"], "YYYY-MM-DD"),
    (["2026-11-28 09:30"], "YYYY-MM-DD"),
    (["2/24/2011 14:05", "3/1/2011 9:00"], "M/D/YYYY"),
    // Empty cells and spaces around cells do not count.
    (["", " 2/24/2011 ", "  "], "M/D/YYYY"),
    // Nor do cells no candidate reads (refused on their own rows): a 12-hour time, a note.
    (["12/31/2026", "03/04/2026 10:00 AM", "03/04/2026", "n/a"], "M/D/YYYY"),
  ])
  func findsTheOneFormat(_ samples: [String], _ expected: String) {
    #expect(Self.detected(samples) == expected)
  }

  @Test(arguments: [
    (["01/02/2026"], "ambiguous D/M/YYYY|M/D/YYYY"),
    (["1/2/2026", "3/4/2026", "12/11/2026"], "ambiguous D/M/YYYY|M/D/YYYY"),
    (["01/02/26"], "ambiguous D/M/YY|M/D/YY"),
    (["01-02-2026"], "ambiguous DD-MM-YYYY|MM-DD-YYYY"),
  ])
  func isAmbiguousWhenFormatsReadASampleAsDifferentDays(_ samples: [String], _ expected: String) {
    #expect(Self.detected(samples) == expected)
  }

  /// Cells that two formats read alike but another cell tells apart still decide: mixed
  /// formats leave the column without one, while cells no format reads decide nothing.
  @Test func mixedFormatsLeaveNone() {
    #expect(Self.detected(["13/02/2026", "02/13/2026"]) == "none")
    #expect(Self.detected(["n/a", "x"]) == "none")
  }

  @Test func moreSamplesSettleAnAmbiguity() {
    #expect(Self.detected(["01/02/2026", "03/04/2026"]) == "ambiguous D/M/YYYY|M/D/YYYY")
    #expect(Self.detected(["01/02/2026", "03/04/2026", "03/14/2026"]) == "M/D/YYYY")
    #expect(Self.detected(["01/02/2026", "03/04/2026", "14/03/2026"]) == "D/M/YYYY")
  }

  @Test func formatsThatAgreeOnEverySampleAreNotAmbiguous() {
    // Day and month are the same in every sample: D/M and M/D read the same days.
    #expect(DateFormat.detect(["01/01/2026", "5/5/2026", "12/12/2025"]) == .format(Self.format("D/M/YYYY")))
  }

  @Test(arguments: [
    [String](),
    ["", "  "],
    ["n/a"],
    // Each form alone is fine; no one format reads both.
    ["2026-11-28", "28.11.2026"],
    ["2/24/2011", "31/03/2019"],
    ["2/24/11", "2/24/2011"],
    // No such day in any order.
    ["02/30/2026"],
    ["2026-11-28T25:00"],
    ["2026-11-28Tgarbage"],
    ["20261128"],
  ])
  func findsNoneWhenNoCandidateReadsEverySample(_ samples: [String]) {
    #expect(DateFormat.detect(samples) == .none)
  }

  @Test func candidatesAreTheDocumentedPatterns() {
    #expect(
      DateFormat.candidates.map(\.pattern) == [
        "YYYY-MM-DD", "YYYY/MM/DD", "YYYY.MM.DD", "DD.MM.YYYY", "DD.MM.YY", "D/M/YYYY", "M/D/YYYY", "D/M/YY", "M/D/YY",
        "DD-MM-YYYY", "MM-DD-YYYY", "D-MMM-YY", "D MMM YY", "YY/M/D", "YY.MM.DD",
      ])
    // Each candidate is what its own pattern describes.
    #expect(DateFormat.candidates.allSatisfy { DateFormat(pattern: $0.pattern) == $0 })
  }

  /// In a Japanese, Chinese or Korean file, `24/01/15` may be 15 January 2024: a column that reads
  /// both ways is ambiguous, and one that reads only year first is that.
  @Test func aTwoDigitYearFirstIsAReadingInEastAsianFiles() {
    var both = DateFormat.Detector(yearFirst: true)
    for sample in ["24/01/15", "24/12/31"] { both.add(sample) }
    #expect(both.detection == .ambiguous([Self.format("D/M/YY"), Self.format("YY/M/D")]))
    var yearFirst = DateFormat.Detector(yearFirst: true)
    for sample in ["24/01/15", "24/12/31", "25/1/31", "99/12/1"] { yearFirst.add(sample) }
    #expect(yearFirst.detection == .format(Self.format("YY/M/D")))
    var dots = DateFormat.Detector(yearFirst: true)
    for sample in ["24.01.15", "24.12.31", "25.01.31", "99.12.01"] { dots.add(sample) }
    #expect(dots.detection == .format(Self.format("YY.MM.DD")))
  }
}
