import XCTest

@testable import Verdict

/// Durations print as the literal of the largest unit that holds them exactly and shortly, and
/// that literal reads back as the same duration.
final class DurationPrintingTests: XCTestCase {
  static let day: Int64 = 86_400

  func testUnitsAndDecimals() {
    let cases: [(Int64, String)] = [
      (0, "0d"), (30 * Self.day, "30d"), (14 * Self.day, "2w"), (365 * Self.day, "1y"),
      (1_062_720, "12.3d"), (1_061_856, "12.29d"), (12 * Self.day + 10_800, "12.125d"),
      (36 * 3_600, "1.5d"), (12 * 3_600, "12h"), (90 * 60, "1.5h"), (30 * 60, "30min"),
      (27 * 3_600 + 54, "27.015h"), (1_439 * 60, "1439min"), (456_686, "456686s"), (45, "45s"),
      (-1_062_720, "-12.3d"), (-36 * 3_600, "-1.5d"), (-5, "-5s"),
      (Int64.max, "9223372036854775807s"), (Int64.min, "-9223372036854775808s"),
    ]
    for (seconds, text) in cases {
      XCTAssertEqual(TimeSpan(seconds: seconds).description, text, "\(seconds)s")
    }
  }

  /// Every printed duration is a literal of the same duration (its sign aside, which is the
  /// negation operator): days and hours with up to three decimals, and all the others.
  func testPrintedDurationsReadBack() {
    var seconds: [Int64] = [Int64.max, Int64.max - 59, 106_751_991_167_300 * Self.day]
    var generator = SystemRandomNumberGenerator()
    for step: Int64 in [1, 18, 60, 432, 864, 3_600, 8_640, Self.day] {
      for _ in 0..<500 { seconds.append(Int64.random(in: -2_000...2_000, using: &generator) * step) }
      for _ in 0..<100 { seconds.append(Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator) * step) }
    }
    for value in seconds {
      let span = TimeSpan(seconds: value)
      let text = span.description
      let literal = text.hasPrefix("-") ? String(text.dropFirst()) : text
      let lexed = Lexer.tokenize(SourceFile(name: "t", text: literal))
      XCTAssertEqual(lexed.diagnostics.count, 0, text)
      XCTAssertEqual(lexed.tokens.first?.kind, .duration(TimeSpan(seconds: abs(value))), text)
      XCTAssertEqual(text.hasPrefix("-"), value < 0, text)
      XCTAssertFalse(text.contains(".") && text.hasSuffix("0\(span.literal.unit.rawValue)"), "trailing zero: \(text)")
    }
  }
}
