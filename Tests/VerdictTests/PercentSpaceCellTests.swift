import Testing

@testable import Verdict

/// Percents written with a no-break or narrow no-break space before `%`, as French spreadsheets
/// and LibreOffice write them (`15\u{A0}%`): they were refused with the hint `write 20%`, while
/// `15 %` with a plain space, and money with a no-break space before `€`, were read.
struct PercentSpaceCellTests {
  static func read(_ cell: String) -> Result<Value, CellError> {
    CellReader().read(cell, for: FieldInfo(name: "rate", type: .percent))
  }

  @Test(arguments: ["15\u{A0}%", "15\u{202F}%", "15 %", "15%"])
  func aPercentMayHaveANoBreakSpaceBeforeItsSign(_ cell: String) {
    #expect(Self.read(cell) == .success(.percent(DecimalNumber("0.15")!)))
  }

  /// Only before `%`: a bare number with a no-break space after it is no more a percent than a
  /// number, and two signs are none.
  @Test(arguments: ["15\u{A0}", "15\u{A0}%%", "%15"])
  func aNoBreakSpaceElseIsNoPercent(_ cell: String) {
    guard case .failure = Self.read(cell) else {
      Issue.record("\(cell) was read")
      return
    }
  }
}
