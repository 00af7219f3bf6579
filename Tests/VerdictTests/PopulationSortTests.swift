import Testing

@testable import Verdict

/// The population sorts each field's values as whole keys at one scale; the order must be the
/// order of the decimals, and numbers too long for that must still be sorted exactly.
@Suite struct PopulationSortTests {
  static func numbers(_ texts: [String]) -> [DecimalNumber] { texts.map { DecimalNumber($0)! } }

  @Test(arguments: [
    ["1.5", "-2", "0.25", "10", "0", "-0.125", "1.50", "3"],
    ["120000", "0.0001", "-999999.9999", "42"],
    // 28 digits at scale 0 beside one decimal place: the shared scale would need 29 digits,
    // so the decimals themselves are sorted.
    ["9999999999999999999999999999", "0.5", "-9999999999999999999999999999", "1"],
    [],
    ["7"],
  ])
  func sortedAsTheDecimalsAre(texts: [String]) {
    let values = Self.numbers(texts)
    let sorted = PopulationBuilder.sorted(values)
    #expect(sorted.count == values.count)
    // Equal in value, position by position, to the decimals sorted by their own comparison.
    #expect(sorted == values.sorted())
    #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
  }
}
