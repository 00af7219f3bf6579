import Testing

@testable import Verdict

/// How number cells are read under each decimal mark: exactly, or refused.
@Suite struct NumberFormatTests {
  let number = FieldInfo(name: "rate", type: .number)
  let chf = FieldInfo(name: "amount", type: .money, currency: Currency(code: "CHF"))

  func read(_ cell: String, _ numbers: NumberFormat, as field: FieldInfo? = nil) -> String {
    switch CellReader(numbers: numbers).read(cell, for: field ?? number) {
    case .success(let value): "\(value)"
    case .failure(let error): "error: \(error.message)"
    }
  }

  @Test(arguments: [
    ("1.125", "1.125"), ("0.5", "0.5"), ("12.00", "12"), ("1,234.56", "1234.56"), ("1,234,567", "1234567"),
    ("11'373.94", "11373.94"), ("1 234.5", "1234.5"), ("1\u{00A0}234.5", "1234.5"), ("1\u{202F}234.5", "1234.5"),
    ("-1,250.5", "-1250.5"), ("+3", "3"),
  ])
  func decimalPoint(cell: String, expected: String) {
    #expect(read(cell, .point) == expected)
  }

  /// Where `.` and `,` may not group thousands (`--thousands none`, `'`, `space`), `1.250` and
  /// `1,250` have one reading each, 1.25: they were refused as having two.
  @Test(arguments: [NumberFormat.Grouping.none, .apostrophe, .space])
  func withoutThousandsMarksACellHasOneReading(grouping: NumberFormat.Grouping) {
    let numbers = NumberFormat(decimalMark: .undecided, grouping: grouping)
    #expect(read("1.250", numbers) == "1.25")
    #expect(read("1,250", numbers) == "1.25")
    #expect(read("1.250", .undecided).hasPrefix("error: \"1.250\" has two readings"))
  }

  /// A field the policy does not declare takes the kind its cell shows, but a number the column's
  /// format cannot settle is refused, not read as text: `"2.500" > "10.000"` compared the texts
  /// and fired. Text that is no number stays text under every format.
  @Test(arguments: [
    ("2.500", NumberFormat.undecided, "error: \"2.500\" has two readings: its decimal mark is not known"),
    ("1,250", .undecided, "error: \"1,250\" has two readings: its decimal mark is not known"),
    (
      "1.234,56", .point,
      "error: \"1.234,56\" is a number written with a decimal comma, where the column's numbers have a decimal point"
    ),
    (
      "1,234.56", .comma,
      "error: \"1,234.56\" is a number written with a decimal point, where the column's numbers have a decimal comma"
    ),
    (
      "€1.234,50", .point,
      "error: \"€1.234,50\" is a number written with a decimal comma, where the column's numbers have a decimal point"
    ),
    ("1.250", .point, "1.25"), ("1.250", .comma, "1250"), ("1.234,56", .undecided, "1234.56"),
    ("hello", .point, "\"hello\""), ("1.2.3", .undecided, "\"1.2.3\""), ("A-12,5", .comma, "\"A-12,5\""),
  ])
  func undeclaredFieldsRefuseNumbersTheirFormatCannotSettle(cell: String, numbers: NumberFormat, expected: String) {
    #expect(read(cell, numbers, as: FieldInfo(name: "x", type: nil, isDeclared: false)) == expected)
  }

  /// The hint for a cell with two readings names both, as the reader makes them of the cell
  /// itself (signs and currencies where the reader takes them); a cell that does not read both
  /// ways gets the general example.
  @Test func theHintForTwoReadingsNamesThemForTheCell() {
    let general = #"--decimal . if "1.250" means 1.25, --decimal , if it means 1250"#
    let cases: [(String?, String)] = [
      ("1,250", #"--decimal . if "1,250" means 1250, --decimal , if it means 1.25"#),
      (" 1.250 ", general),
      ("-12.000 €", #"--decimal . if "-12.000 €" means -12, --decimal , if it means -12000"#),
      ("€-1.250", #"--decimal . if "€-1.250" means -1.25, --decimal , if it means -1250"#),
      ("1.250%", #"--decimal . if "1.250%" means 1.25%, --decimal , if it means 1250%"#),
      ("0,500", general), ("(1.250)", general), ("1.250.000", general), (nil, general),
    ]
    for (example, options) in cases {
      #expect(
        NumberFormat.decimalMarkHint(example: example, scope: "file") == "say how the file writes numbers: " + options,
        "\(String(describing: example))")
    }
  }

  /// Decimal cells of up to 18 digits, the commonest (read without the checks wide numbers
  /// need), are the numbers their text says: against the literal reader, on seeded cells.
  @Test func plainDecimalCellsAreTheirNumbers() throws {
    var generator = SeededRandom(state: 1_812)
    for _ in 0..<5_000 {
      let digits = Int.random(in: 2...18, using: &generator)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 1..<digits, using: &generator)))
      if Bool.random(using: &generator) { text = "-" + text }
      let expected = try #require(DecimalNumber(text))
      #expect(CellReader().read(text, for: number) == .success(.decimal(expected)), "\(text)")
    }
  }

  /// A decimal within 63 bits becomes a number with its digits and scale as they are, sign
  /// included, as the general path (`number(shiftingPointLeftBy:)`) makes it: compared part by
  /// part, since `2.50 == 2.5` as values. Mantissas of 0 to 19 digits, 0 to 40 places.
  @Test func decimalsWithin63BitsKeepTheirDigitsAndScale() {
    var generator = SeededRandom(state: 63)
    for _ in 0..<20_000 {
      let mantissa = Int64.random(in: 0...(Int64.max >> Int.random(in: 0...62, using: &generator)), using: &generator)
      let decimal = ExactDecimal(
        mantissa: mantissa, fractionDigits: Int.random(in: 1...40, using: &generator),
        negative: Bool.random(using: &generator))
      let general = decimal.number(shiftingPointLeftBy: 0)
      guard case .decimal(let read)? = decimal.value else {
        #expect(general == nil, "\(decimal)")
        continue
      }
      let parts = { (number: DecimalNumber) in [number.low, UInt64(number.high), UInt64(number.packedScale)] }
      #expect(general.map(parts) == parts(read), "\(decimal)")
    }
  }

  @Test(arguments: [
    ("1,125", "1.125"), ("0,5", "0.5"), ("1.234,56", "1234.56"), ("1.234.567", "1234567"), ("11'373,94", "11373.94"),
    ("1 234,5", "1234.5"), ("-2.500,00", "-2500"),
  ])
  func decimalComma(cell: String, expected: String) {
    #expect(read(cell, .comma) == expected)
  }

  /// Cells that are not numbers in the column's format are refused, never read another way.
  @Test(arguments: [
    ("1,5", NumberFormat.point), ("1.5", NumberFormat.comma), ("1,23", NumberFormat.point), ("12345,678", .point),
    ("1,234.5.6", .point), ("1'234,567.8", .point), ("1.", .point), (".5", .point), ("1,,234", .point),
    ("0,123", .point), ("1,234", NumberFormat(decimalMark: .point, grouping: .none)),
    ("1,234", NumberFormat(decimalMark: .point, grouping: .apostrophe)),
  ])
  func refused(cell: String, numbers: NumberFormat) {
    #expect(read(cell, numbers).hasPrefix("error:"), "\(cell) read as \(read(cell, numbers))")
  }

  /// With the mark undecided, every cell with one reading is read, and `1.250` is refused with a
  /// message that says why and how to settle it.
  @Test(arguments: [
    ("0.5", "0.5"), ("12.00", "12"), ("1,5", "1.5"), ("1.234,56", "1234.56"), ("1,234.56", "1234.56"),
    ("1,234,567", "1234567"), ("0.125", "0.125"), ("1234.567", "1234.567"), ("11'373.94", "11373.94"), ("45", "45"),
  ])
  func undecidedReadsUnambiguousCells(cell: String, expected: String) {
    #expect(read(cell, .undecided) == expected)
  }

  @Test(arguments: ["1.250", "2,500", "-1.125", "999.999"])
  func undecidedRefusesTwoReadings(cell: String) {
    let result = CellReader(numbers: .undecided).read(cell, for: number)
    guard case .failure(let error) = result else {
      Issue.record("\(cell) was read as \(result)")
      return
    }
    #expect(error.message.contains("two readings"))
    #expect(error.hint?.contains("--decimal") == true)
  }

  @Test func moneyFollowsTheColumnFormat() {
    #expect(read("2.500", .point, as: chf) == "2.50 CHF")
    #expect(read("2.500", .comma, as: chf) == "2500.00 CHF")
    #expect(read("CHF 11'373.94", .undecided, as: chf) == "11373.94 CHF")
    #expect(read("2.500 CHF", .undecided, as: chf).contains("two readings"))
  }

  /// Money cells take the range of money literals: exact to four places, up to Int64's limit.
  @Test func moneyCellsCoverTheLiteralRange() {
    #expect(read("123456789012.3456", .point, as: chf) == "123456789012.3456 CHF")
    #expect(read("922337203685477.5807", .point, as: chf) == "922337203685477.5807 CHF")
    #expect(read("-922'337'203'685'477.5807", .point, as: chf) == "-922337203685477.5807 CHF")
    #expect(read("922337203685477.5808", .point, as: chf) == "error: \"922337203685477.5808\" is too large for money")
    #expect(read("2763.519279", .point, as: chf) == "error: \"2763.519279\" has 6 decimal places; money is exact to 4")
    #expect(read("2763.519200", .point, as: chf) == "2763.5192 CHF")
  }
}
