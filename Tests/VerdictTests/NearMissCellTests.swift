import Testing

@testable import Verdict

/// Number and money cells written with a habit of the program that exported them
/// (`CellReader+NearMisses.swift`): still refused, never guessed, but the hint gives the cell as
/// it is read. They were "not a number" with no hint, or money's hint of the usual forms, which
/// a bank's `1.234,56-` seemed to follow.
struct NearMissCellTests {
  /// The error for `cell` in a field of `type` (money in EUR), in a column of `numbers`.
  static func error(_ cell: String, _ type: ValueType, numbers: NumberFormat = .point) -> CellError? {
    var format = CellFormat(FieldInfo(name: "f", type: type), numbers: numbers)
    format.currency = type == .money ? .euro : nil
    guard case .failure(let error) = read(cell, as: format) else { return nil }
    return error
  }

  /// `cell` read as `format` reads it.
  static func read(_ cell: String, as format: CellFormat) -> Result<Value, CellError> {
    var text = cell
    return text.withUTF8 { CellReader().read($0, as: format) }
  }

  static let negative = "if it is negative, write it with the minus before the amount"

  @Test(arguments: [
    ("(1,234.00)", ValueType.money, NumberFormat.point, "\(negative): -1,234.00"),
    ("$(1,234.00)", .money, .point, "\(negative): -$1,234.00"),
    ("(1.234,56)", .number, .comma, "\(negative): -1.234,56"),
    ("100-", .number, .point, "\(negative): -100"),
    ("1.234,56- €", .money, .comma, "\(negative): -1.234,56 €"),
    ("1.234,56 €-", .money, .comma, "\(negative): -1.234,56 €"),
    ("5.00 -", .money, .point, "\(negative): -5.00"),
    ("- 5.00", .money, .point, "write the minus next to the amount: -5.00"),
    ("1‘234.50", .number, .point, "group thousands with a plain apostrophe (') or a space: 1'234.50"),
    (".5", .number, .point, "write a digit on each side of the decimal mark: 0.5"),
    ("-,5", .number, .comma, "write a digit on each side of the decimal mark: -0,5"),
    ("5.", .money, .point, "write a digit on each side of the decimal mark: 5"),
    ("12,-", .money, .comma, "write a whole amount without the dash for no cents: 12"),
    ("€ 1.200,–", .money, .comma, "write a whole amount without the dash for no cents: € 1.200"),
    ("12.-- CHF", .money, .point, "write a whole amount without the dash for no cents: 12 CHF"),
    ("△1,234", .number, .point, "\(negative): -1,234"), ("▲ 500", .number, .point, "\(negative): -500"),
    ("－1,234", .number, .point, "write the minus as an ASCII hyphen-minus: -1,234"),
    ("١٬٢٣٤٫٥٠", .number, .point, "write the digits as 0 to 9: 1,234.50"),
    ("۱۲۳۴", .number, .point, "write the digits as 0 to 9: 1234"),
  ])
  func aHabitOfTheExporterIsRefusedWithTheCellAsItIsRead(
    cell: String, type: ValueType, numbers: NumberFormat, hint: String
  ) {
    let error = Self.error(cell, type, numbers: numbers)
    #expect(error?.message == "\"\(cell)\" is not \(type == .money ? "money" : "a number")")
    #expect(error?.hint == hint)
  }

  /// U+2212, the minus sign of Swedish, Norwegian and Finnish settings of Windows, is read as a
  /// hyphen-minus is, before a number, an amount or a currency's sign; it was refused with a hint.
  @Test func theMinusSignIsAMinus() {
    var format = CellFormat(FieldInfo(name: "f", type: .money), numbers: .comma)
    format.currency = Currency(code: "SEK")
    for (cell, expected) in [("−250,00", "-250.00 SEK"), ("−1 234,50 kr", "-1234.50 SEK"), ("−€5", "-5.00 EUR")] {
      guard case .success(let value) = Self.read(cell, as: format) else {
        Issue.record("\(cell) was refused")
        continue
      }
      #expect("\(value)" == expected, "\(cell)")
    }
    #expect(Self.error("−−5", .number) != nil)
    #expect(Self.error("5−", .number) != nil)
  }

  /// U+2019, the apostrophe that Swiss German settings (Windows, macOS, Numbers) group thousands
  /// with, is read as `'` is; it was refused with a hint to write a plain one.
  @Test func theSwissApostropheGroupsThousands() {
    var format = CellFormat(FieldInfo(name: "f", type: .money), numbers: .point)
    format.currency = Currency(code: "CHF")
    for (cell, expected) in [
      ("1’234.50", "1234.50 CHF"), ("CHF 1’200’000.00", "1200000.00 CHF"), ("-1’500", "-1500.00 CHF"),
    ] {
      guard case .success(let value) = Self.read(cell, as: format) else {
        Issue.record("\(cell) was refused")
        continue
      }
      #expect("\(value)" == expected, "\(cell)")
    }
    #expect(Self.error("1’23.50", .number) != nil)
  }

  /// Digits grouped in lakhs and crores, as Indian exports write them (`12,34,567.00`): a last
  /// group of three, groups of two before it, one or two digits first. They were refused with a
  /// hint to group them in threes; other groupings still are.
  @Test func lakhsAndCroresAreRead() {
    var format = CellFormat(FieldInfo(name: "f", type: .money), numbers: .point)
    format.currency = Currency(code: "INR")
    for (cell, expected) in [
      ("1,23,456.00 INR", "123456.00 INR"), ("₹12,34,567.50", "1234567.50 INR"), ("1,00,00,000", "10000000.00 INR"),
    ] {
      guard case .success(let value) = Self.read(cell, as: format) else {
        Issue.record("\(cell) was refused")
        continue
      }
      #expect("\(value)" == expected, "\(cell)")
    }
    for cell in ["123,45,678", "12,345,67,890", "1,2,345", "12,34,56,789.1,2"] {
      #expect(Self.error(cell, .number, numbers: .undecided) != nil, "\(cell)")
    }
  }

  /// A cell whose rewriting would not read, or that is no such habit, keeps the usual error: a
  /// hyphen between digits is no minus after an amount (`12-5` is not -125).
  @Test func otherCellsKeepTheirErrors() {
    #expect(Self.error("12-5", .number) == CellError(message: "\"12-5\" is not a number", hint: nil))
    #expect(Self.error("(n/a)", .number) == CellError(message: "\"(n/a)\" is not a number", hint: nil))
    #expect(
      Self.error("(12) USD x", .money)?.hint == "write money as 1200.50, 1200.50 EUR, €1200 or 1200 €")
  }

  /// Direction marks around a number, as Arabic and Hebrew spreadsheets write them, are no part
  /// of it: trimmed as spaces are.
  @Test func directionMarksAroundANumberAreTrimmed() {
    let field = CellFormat(FieldInfo(name: "f", type: .number), numbers: .point)
    let cells = [("\u{200F}1,234.50\u{200F}", "1234.50"), ("\u{061C}-500.00", "-500.00"), ("\u{2067}42\u{2069}", "42")]
    for (cell, plain) in cells {
      guard case .success = Self.read(plain, as: field) else {
        Issue.record("\(plain) is not read")
        continue
      }
      #expect(Self.read(cell, as: field) == Self.read(plain, as: field), "\(cell)")
    }
  }
}

/// Percent cells with the habits above get the same hints: `.5` was told to "write 20%".
struct PercentNearMissTests {
  @Test(arguments: [
    (".5", "write a digit on each side of the decimal mark: 0.5"),
    ("-.5%", "write a digit on each side of the decimal mark: -0.5%"),
    ("5.%", "write a digit on each side of the decimal mark: 5%"),
    ("(5%)", "\(NearMissCellTests.negative): -5%"),
  ])
  func aPercentWithAHabitGetsTheCellAsItIsRead(cell: String, hint: String) {
    let error = NearMissCellTests.error(cell, .percent)
    #expect(error?.message == "\"\(cell)\" is not a percent")
    #expect(error?.hint == hint)
  }

  @Test func otherPercentCellsKeepTheGeneralHint() {
    #expect(NearMissCellTests.error("5 pct", .percent)?.hint == "write 20% (a bare 20 also means 20%)")
  }
}

/// Amounts with a credit or debit mark (`CellReader+DebitCredit.swift`): refused, as the mark's
/// sign depends on whose books they are, with a hint naming the mark; they had money's generic
/// hint, which `12.50` already follows.
struct DebitCreditMarkTests {
  static func hint(_ mark: String, _ says: String, _ amount: String) -> String {
    "\"\(mark)\" marks \(says), which is not read as a sign: export the amounts signed "
      + "(\(amount) or -\(amount)), or the marks in a column of their own"
  }

  @Test(arguments: [
    ("12.50 CR", ValueType.money, NumberFormat.point, hint("CR", "a credit or a debit", "12.50")),
    ("12.50DR", .money, .point, hint("DR", "a credit or a debit", "12.50")),
    ("1,234.50 Cr", .number, .point, hint("Cr", "a credit or a debit", "1,234.50")),
    ("12,50 S", .money, .comma, hint("S", "a debit or a credit (Soll/Haben)", "12,50")),
    ("12,50 € H", .money, .comma, hint("H", "a debit or a credit (Soll/Haben)", "12,50 €")),
  ])
  func anAmountWithAMarkIsRefusedAndTheMarkNamed(cell: String, type: ValueType, numbers: NumberFormat, hint: String) {
    let error = NearMissCellTests.error(cell, type, numbers: numbers)
    #expect(error?.message == "\"\(cell)\" is not \(type == .money ? "money" : "a number")")
    #expect(error?.hint == hint)
  }

  /// A spreadsheet's mark of text before a number (`'0042`, to keep its zeros), exported with it.
  @Test func aLeadingApostropheIsNamedAsASpreadsheetsTextMark() {
    let hint = "a leading ' marks a spreadsheet cell as text: export the value without it"
    #expect(NearMissCellTests.error("'1234", .number)?.hint == "\(hint): 1234")
    #expect(NearMissCellTests.error("'0042.50", .money)?.hint == "\(hint): 0042.50")
    #expect(NearMissCellTests.error("'12'", .number)?.hint?.contains("spreadsheet") != true)
  }

  /// A currency code that ends in a mark's letters is no mark, and a number field's `12 H` is as
  /// likely hours.
  @Test func lettersThatAreNoMarkKeepTheirErrors() {
    #expect(NearMissCellTests.error("12.50 IDR", .money)?.hint?.contains("marks") != true)
    #expect(NearMissCellTests.error("12 H", .number) == CellError(message: "\"12 H\" is not a number", hint: nil))
    #expect(NearMissCellTests.error("CR", .money)?.hint?.contains("marks") != true)
    #expect(NearMissCellTests.error("9S", .money)?.hint?.contains("marks") != true)
  }
}

/// Money whose currency is written in a way that is not read (`CellReader+CurrencyForms.swift`):
/// refused as before, with a hint that names the currency's code where the generic one offered
/// the forms of euros. (Signs of one currency, `₹500`, `500 zł`, are read: `CurrencySignTests`.)
struct CurrencyFormTests {
  static func sign(_ sign: String, _ codes: String, choices: String) -> String {
    "\"\(sign)\" stands for more than one currency (\(choices)): declare the field's currency, such as money in "
      + "\(choices.prefix(3)), or write the code: \(codes)"
  }

  @Test(arguments: [
    ("¥1234", NumberFormat.point, sign("¥", "1234 JPY or 1234 CNY", choices: "JPY, CNY")),
    ("¥1,234", .undecided, sign("¥", "JPY or CNY", choices: "JPY, CNY")),
    ("1 200 kr", .point, sign("kr", "1 200 SEK or 1 200 NOK or 1 200 DKK or 1 200 ISK", choices: "SEK, NOK, DKK, ISK")),
    ("C$ 50", .point, sign("C$", "50 CAD or 50 NIO", choices: "CAD, NIO")),
    ("12.50 eur", .point, "write the currency's code in capital letters: 12.50 EUR"),
    ("chf 12.50", .point, "write the currency's code in capital letters: CHF 12.50"),
    ("12,50 Euro", .comma, "write the euro's code: 12,50 EUR"),
  ])
  func aCurrencyWrittenAnotherWayIsRefusedAndItsCodeNamed(cell: String, numbers: NumberFormat, hint: String) {
    let error = NearMissCellTests.error(cell, .money, numbers: numbers)
    #expect(error?.message == "\"\(cell)\" is not money")
    #expect(error?.hint == hint)
  }

  /// A word after an amount that is no common currency code may be anything (`net`), and `¥1,234`
  /// is not told its decimal mark is the problem, since it reads with neither.
  @Test func otherWordsKeepTheGeneralHint() {
    let general = "write money as 1200.50, 1200.50 EUR, €1200 or 1200 €"
    #expect(NearMissCellTests.error("12.50 net", .money)?.hint == general)
    #expect(NearMissCellTests.error("12.50 abc", .money)?.hint == general)
    #expect(NearMissCellTests.error("¥1,234", .money, numbers: .undecided)?.message == "\"¥1,234\" is not money")
  }
}

/// A duration written as a clock of two parts (`CellScanner+ClockDurations.swift`): refused in a
/// field without a unit, as it may be hours and minutes or minutes and seconds, with a hint that
/// says so; three parts are read, and two in a field in hours or minutes (the Spec's
/// `durations-and-dates.csv`).
struct ClockDurationHintTests {
  @Test func aTwoPartClockIsRefusedWithItsTwoReadings() {
    let error = NearMissCellTests.error("1:30", .duration)
    #expect(error?.message == "\"1:30\" is not a duration")
    #expect(
      error?.hint
        == "\"1:30\" may be hours and minutes or minutes and seconds: declare the field 'in hours' if its cells "
        + "are hours and minutes, or write 1:30:00 for 1h 30min, or a unit such as 90min")
    #expect(NearMissCellTests.error("1:3", .duration)?.hint == "write durations as 45d, 12h, 2w or 90min")
    // `m` alone may be minutes or months.
    #expect(
      NearMissCellTests.error("45m", .duration)?.hint
        == "m alone may be minutes or months: write 45min for minutes, 45mo for months")
    #expect(NearMissCellTests.error("1.5 M", .duration)?.hint?.hasPrefix("m alone may be minutes or months") == true)
    #expect(NearMissCellTests.error("xm", .duration)?.hint == "write durations as 45d, 12h, 2w or 90min")
  }
}
