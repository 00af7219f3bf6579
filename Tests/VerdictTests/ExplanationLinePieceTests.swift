import XCTest

@testable import Verdict

/// The pieces the line writes in its own way, against the ones ``ExplanationText`` uses.
final class ExplanationLinePieceTests: XCTestCase {
  /// ``ExplanationBuilder/double(_:)`` rounds as `Double(UInt128)` does, ties and all.
  func testDoubleOfA128BitSignificandRoundsAsTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    var samples: [UInt128] = [0, 1, UInt128(UInt64.max), UInt128(UInt64.max) + 1, .max]
    // Ties and near-ties: 54 significant bits with the last one set, and neighbours.
    for shift in 0..<75 {
      let tie = (UInt128(1) << 53 | 1) << shift
      samples += [tie, tie - 1, tie + 1]
    }
    for _ in 0..<20_000 {
      let value = UInt128.random(in: 0...UInt128.max, using: &generator)
      samples.append(value >> UInt128.random(in: 0..<128, using: &generator))
    }
    for value in samples {
      XCTAssertEqual(ExplanationBuilder.double(value), Double(value), "\(value)")
    }
  }

  /// ``LineBytes/appendDisplay(_:unit:)`` writes what ``ExplanationBuilder/display(_:unit:)`` says.
  func testValuesAreWrittenAsTheExplanationShowsThem() throws {
    let decimals = try [
      "0", "1", "-1", "0.5", "33.33333333333333333333333333", "-0.004", "0.005", "1234567.891", "100",
      "0.0001", "99999999999999999999.99",
    ].map { try XCTUnwrap(DecimalNumber($0), $0) }
    var values: [Value] = [.missing, .bool(true), .bool(false), .int(0), .int(-42), .int(.max), .int(.min)]
    values += decimals.flatMap { [Value.decimal($0), .percent($0)] }
    values += [0, 1, -1, 59, 3600, 86_400, 90_000, -86_401, 3_513_600, 31_536_000].map {
      .duration(TimeSpan(seconds: $0))
    }
    values += [0, 1, -1, 10, 100, 12_345, -5_000_000, 10_000].map {
      .money(Money(scaledAmount: $0, currency: .euro))
    }
    values += try ["2026-11-29", "0001-01-01", "2024-02-29", "0999-12-31", "1000-01-01", "1970-01-01", "9999-12-31"]
      .map { Value.date(try CalendarDate($0)) }
    values += [.text("plain"), .text("say \"hi\""), .text("tab\there"), .text("Zoë"), .list([.int(1), .text("a")])]
    values += [.text("back\\slash"), .text("line\nbreak \u{1} \u{7F}"), .text("\"")]
    for value in values {
      for unit in [nil] + TimeSpan.Unit.allCases {
        let line = LineBytes()
        line.appendDisplay(value, unit: unit)
        let shown = ExplanationBuilder.display(value, unit: unit)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), shown, "\(value) in \(unit?.rawValue ?? "no unit")")
        let escaped = LineBytes(escaping: .json)
        escaped.appendDisplay(value, unit: unit)
        XCTAssertEqual(
          String(decoding: escaped.bytes, as: UTF8.self), ExplanationLineTests.jsonEscaped(shown),
          "\(value) in \(unit?.rawValue ?? "no unit")")
      }
    }
  }
  /// Decimals and percents at the edges of ``LineBytes/appendNarrowDecimal(_:)``: significands
  /// at and past 64 bits, 6, 7, 19 and 20 places, ties and carries of the rounding, negative
  /// numbers; written as ``ExplanationBuilder/display(_:unit:)`` shows them.
  func testNarrowDecimalsAreShownAsTheExplanationShowsThem() throws {
    var texts = [
      "0", "0.000", "-1.50", "100", "2.500000", "0.123456", "0.1234565", "0.1234575", "-0.1234565", "1.0042",
      "0.0999999", "9.9999999", "-9.995000001", "0.0000001", "0.00000015", "0.00000025", "1.00000000000000000005",
      "18446744073709551615", "18446744073709551616", "1844674407370955161.5", "1.8446744073709551615",
      "0.1844674407370955161", "0.0000000000000000001", "0.00000000000000000001", "33.33333333333333333333333333",
      "-0.0000000000000000000000000001", "1234567.891", "0.000000000000000000015", "12.345678901234567890",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let shift = UInt64.random(in: 0..<64, using: &generator)
      let digits = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> shift)
      let places = Int.random(in: 0...21, using: &generator)
      let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
      let point = padded.index(padded.endIndex, offsetBy: -places)
      let text = places == 0 ? padded : String(padded[..<point]) + "." + String(padded[point...])
      texts.append(Bool.random(using: &generator) ? "-" + text : text)
    }
    var narrow = 0
    for text in texts {
      let number = try XCTUnwrap(DecimalNumber(text), text)
      if LineBytes().appendNarrowDecimal(number) { narrow += 1 }
      for value in [Value.decimal(number), .percent(number)] {
        let line = LineBytes()
        line.appendDisplay(value, unit: nil)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), ExplanationBuilder.display(value), "\(value)")
      }
    }
    XCTAssertGreaterThan(narrow, 250)
  }

  /// Decimals past 64 bits (a quotient's 28 digits) at the edges of
  /// ``LineBytes/appendWideDecimal(_:)``: rounded significands at and past 64 bits, ties and
  /// carries of the rounding, zeros after the point, up to 28 places, negative numbers, and
  /// quotients as the interpreter divides them; written as ``ExplanationBuilder/display(_:unit:)``
  /// shows them.
  func testWideDecimalsAreShownAsTheExplanationShowsThem() throws {
    var texts = [
      "33.33333333333333333333333333", "-0.0000000000000000000000000001", "0.1234565000000000000000000000",
      "0.1234565000000000000000000001", "0.1234575000000000000000000000", "-99.99500000000000000000000000",
      "99.99499999999999999999999999", "18446744073709551615.49999999", "18446744073709551615.50000000",
      "18446744073709551616.00000001", "0.0000000000000000000150000000", "0.0000000000000000000250000000",
      "1844674407370955161.500000001", "9999999999999999999999.999999", "0.0000001000000000000000000001",
      "12345678901234567890.12345678",
    ]
    var generator = SeededRandom(state: 16)
    for _ in 0..<400 {
      let count = Int.random(in: 20...28, using: &generator)
      let digits =
        String(Int.random(in: 1...9, using: &generator))
        + String((1..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      let places = Int.random(in: 7...count, using: &generator)
      let point = digits.index(digits.endIndex, offsetBy: -places)
      let text = places == count ? "0." + digits : String(digits[..<point]) + "." + String(digits[point...])
      texts.append(Bool.random(using: &generator) ? "-" + text : text)
    }
    var numbers = try texts.map { try XCTUnwrap(DecimalNumber($0), $0) }
    for _ in 0..<200 {
      let dividend = DecimalNumber(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator))
      let divisor = DecimalNumber(Int64.random(in: 1...100_000, using: &generator))
      numbers.append(try DecimalNumber.dividing(try DecimalNumber.dividing(dividend, DecimalNumber(100)), divisor))
    }
    var wide = 0
    for number in numbers {
      if LineBytes().appendWideDecimal(number) { wide += 1 }
      for value in [Value.decimal(number), .percent(number)] {
        let line = LineBytes()
        line.appendDisplay(value, unit: nil)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), ExplanationBuilder.display(value), "\(value)")
      }
    }
    XCTAssertGreaterThan(wide, 400)
  }

  /// Bytes of every length up to 40, copied in words or by `memcpy`, arrive as they were, one
  /// piece after another.
  func testCopiesOfEveryLengthKeepTheirBytes() {
    let source = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let line = LineBytes()
    var expected: [UInt8] = []
    for length in 0...40 {
      source.withUnsafeBufferPointer { line.append(UnsafeBufferPointer(rebasing: $0[0..<length])) }
      expected += source[0..<length]
      XCTAssertEqual(Array(line.bytes), expected, "\(length) bytes")
    }
  }
}
