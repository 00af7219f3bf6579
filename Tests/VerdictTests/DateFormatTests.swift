import Testing

@testable import Verdict

/// Date format patterns, and dates read in them.
struct DateFormatTests {
  static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
  }

  // MARK: - Patterns

  @Test(arguments: [
    ("YYYY-MM-DD", DateFormat.Order.yearMonthDay, DateFormat.Separator.dash, 4),
    ("M/D/YYYY", .monthDayYear, .slash, 4),
    ("MM/DD/YY", .monthDayYear, .slash, 2),
    ("D.M.YYYY", .dayMonthYear, .dot, 4),
    ("DD-MM-YY", .dayMonthYear, .dash, 2),
    ("YYYY/M/D", .yearMonthDay, .slash, 4),
    ("YYYYMMDD", .yearMonthDay, .none, 4),
    ("DDMMYY", .dayMonthYear, .none, 2),
    ("DD-MMM-YY", .dayMonthYear, .dash, 2),
    ("D MMM YYYY", .dayMonthYear, .space, 4),
    ("MMMM D YYYY", .monthDayYear, .space, 4),
    ("YYYY/MMM/DD", .yearMonthDay, .slash, 4),
    ("DDMMMYYYY", .dayMonthYear, .none, 4),
  ])
  func validPatterns(_ pattern: String, _ order: DateFormat.Order, _ separator: DateFormat.Separator, _ year: Int)
    throws
  {
    let format = try #require(DateFormat(pattern: pattern))
    #expect(format.order == order)
    #expect(format.separator == separator)
    #expect(format.yearDigits == UInt8(year))
    #expect(format.pattern == pattern)
    #expect(format.description == pattern)
    // Its example is 28 November 2026 in the format itself.
    #expect(format.date(format.example) == Self.day(2026, 11, 28))
  }

  @Test(arguments: [
    ("", "an empty date format"),
    ("YYY-MM-DD", "'YYY' in 'YYY-MM-DD' is not a date format token"),
    ("YYYYY-MM-DD", "'YYYYY' in 'YYYYY-MM-DD' is not a date format token"),
    ("MMM D, YYYY", "',' in 'MMM D, YYYY' is not a date format token"),
    ("MMMMM D YYYY", "'MMMMM' in 'MMMMM D YYYY' is not a date format token"),
    ("DMMMYYYY", "'DMMMYYYY' has no separators, so the month and the day need two digits: MM and DD"),
    ("dd.mm.yyyy", "'dd' in 'dd.mm.yyyy': write the tokens in capitals, as in 'DD.MM.YYYY'"),
    ("%d/%m/%Y", "'%' in '%d/%m/%Y' is not a date format token"),
    (
      "YYYY-MM-DD HH:MM",
      "'YYYY-MM-DD HH:MM' holds a time: a format gives only the date, and every format reads a time after it"
    ),
    ("YYYY-MM", "'YYYY-MM' must have a year, a month and a day, each once"),
    ("YYYY-MM-DD-DD", "'YYYY-MM-DD-DD' must have a year, a month and a day, each once"),
    ("YYYY-MM-MM", "'YYYY-MM-MM' must have a year, a month and a day, each once"),
    ("YYYY-DD-MM", "'YYYY-DD-MM' is in an order dates are not written in: use Y-M-D, D-M-Y or M-D-Y"),
    ("DD.MM/YYYY", "'DD.MM/YYYY' mixes separators: use one of - . / or a space throughout"),
    ("DD MMM-YY", "'DD MMM-YY' mixes separators: use one of - . / or a space throughout"),
    ("YYYY--MM-DD", "'YYYY--MM-DD' has a separator where a year, a month or a day belongs"),
    ("-YYYY-MM-DD", "'-YYYY-MM-DD' has a separator where a year, a month or a day belongs"),
    ("YYYY-MM-DD-", "'YYYY-MM-DD-' ends with a separator"),
    ("YYYYMM-DD", "'YYYYMM-DD' needs a separator between every two parts, or none at all"),
    ("YYYY-MMDD", "'YYYY-MMDD' needs a separator between every two parts, or none at all"),
    ("YYYYMD", "'YYYYMD' has no separators, so the month and the day need two digits: MM and DD"),
  ])
  func invalidPatterns(_ pattern: String, _ message: String) {
    #expect(DateFormat(pattern: pattern) == nil)
    #expect(throws: DateFormat.PatternError(message)) { try DateFormat(validating: pattern) }
  }

  @Test func theWidthOfMonthAndDayIsKeptForThePatternOnly() throws {
    let short = try #require(DateFormat(pattern: "M/D/YYYY"))
    let long = try #require(DateFormat(pattern: "MM/DD/YYYY"))
    for cell in ["2/1/2013", "02/01/2013", "2/01/2013", "02/1/2013"] {
      #expect(short.date(cell) == Self.day(2013, 2, 1), "\(cell)")
      #expect(long.date(cell) == Self.day(2013, 2, 1), "\(cell)")
    }
    #expect(short.pattern == "M/D/YYYY")
    #expect(long.pattern == "MM/DD/YYYY")
  }

  // MARK: - Reading

  @Test(arguments: [
    ("M/D/YYYY", "2/24/2011", day(2011, 2, 24)),
    ("M/D/YYYY", "12/31/1999", day(1999, 12, 31)),
    ("M/D/YYYY", " 2/24/2011 ", day(2011, 2, 24)),
    ("D/M/YYYY", "31/03/2019", day(2019, 3, 31)),
    ("DD.MM.YY", "04.11.20", day(2020, 11, 4)),
    ("YYYY/MM/DD", "2026/11/28", day(2026, 11, 28)),
    ("YYYYMMDD", "20261128", day(2026, 11, 28)),
    ("DDMMYYYY", "28112026", day(2026, 11, 28)),
    ("DD-MM-YYYY", "29-02-2028", day(2028, 2, 29)),
    ("YYYY-MM-DD", "2026-1-5", day(2026, 1, 5)),
    ("YYYY-MM-DD", "0001-01-01", day(1, 1, 1)),
    ("YYYY-MM-DD", "9999-12-31", day(9999, 12, 31)),
    ("DD-MMM-YY", "21-May-23", day(2023, 5, 21)),
    ("DD-MMM-YY", "03-DEC-24", day(2024, 12, 3)),
    ("DD-MMM-YY", "3-déc.-24", day(2024, 12, 3)),
    ("D MMM YY", "1 Mär 99", day(1999, 3, 1)),
    ("MMM D YY", "Dec. 3 24", day(2024, 12, 3)),
    ("DD.MMM.YYYY", "03.Dez.2024", day(2024, 12, 3)),
    ("DDMMMYYYY", "03DEC2024", day(2024, 12, 3)),
    ("DD-MMM-YY", "21-May-23 10:15 PM", day(2023, 5, 21)),
  ])
  func readsDates(_ pattern: String, _ cell: String, _ expected: CalendarDate) throws {
    let format = try #require(DateFormat(pattern: pattern))
    #expect(format.date(cell) == expected)
  }

  @Test(arguments: [
    ("M/D/YYYY", "2/30/2011"),  // no such day
    ("M/D/YYYY", "13/1/2011"),  // no such month
    ("M/D/YYYY", "0/1/2011"),
    ("M/D/YYYY", "1/0/2011"),
    ("M/D/YYYY", "2/24/11"),  // two-digit year for a four-digit format
    ("M/D/YY", "2/24/2011"),  // and the other way round
    ("M/D/YYYY", "2-24-2011"),  // another separator
    ("M/D/YYYY", "123/4/2011"),  // three digits
    ("M/D/YYYY", "2/24/20111"),
    ("M/D/YYYY", "2/24/2011/"),
    ("M/D/YYYY", "2026-11-28"),  // ISO is not the declared format
    ("M/D/YYYY", "+2/24/2011"),
    ("M/D/YYYY", "2/ 24/2011"),
    ("M/D/YYYY", "2//2011"),
    ("YYYYMMDD", "2026118"),  // without separators the month and day have two digits
    ("YYYYMMDD", "202611281"),
    ("DD.MM.YY", "29.02.23"),
    ("YYYY-MM-DD", "0000-01-01"),  // dates run from the year 1
    ("YYYY-MM-DD", "10000-01-01"),
    ("YYYY-MM-DD", "٢٠٢٦-١١-٢٨"),  // only ASCII digits
    ("YYYY-MM-DD", ""),
    ("DD-MMM-YY", "21-Mau-23"),  // no month of that name
    ("DD-MMM-YY", "21-05-23"),  // a month in digits where its name belongs
    ("DD-MMM-YY", "21-May-2023"),
    ("DD-MMM-YY", "30-Feb-23"),
    ("DD.MMM.YYYY", "03.Dez..2024"),
  ])
  func refusesWhatIsNotADayInTheFormat(_ pattern: String, _ cell: String) throws {
    let format = try #require(DateFormat(pattern: pattern))
    #expect(format.date(cell) == nil)
  }

  @Test(arguments: [
    ("00", 2000), ("01", 2001), ("26", 2026), ("68", 2068), ("69", 1969), ("70", 1970), ("99", 1999),
  ])
  func twoDigitYearsFollowPOSIX(_ year: String, _ expected: Int) throws {
    let format = try #require(DateFormat(pattern: "D.M.YY"))
    #expect(format.date("1.6.\(year)") == Self.day(expected, 6, 1))
  }

  // MARK: - Times after the date

  @Test(arguments: [
    "2026-11-28T09:30", "2026-11-28T09:30:00", "2026-11-28T09:30:00Z", "2026-11-28T09:30:00.123456Z",
    "2026-11-28 09:30", "2026-11-28 9:30", "2026-11-28T23:59:59+01:00", "2026-11-28T00:00-0530",
    "2026-11-28T09:30Z", "2026-11-28 09:30:15.5-08:00", "2026-11-28T09:30+01",
  ])
  func aValidTimeAfterTheDateIsIgnored(_ cell: String) throws {
    let format = try #require(DateFormat(pattern: "YYYY-MM-DD"))
    // The date as written: no conversion to another time zone.
    #expect(format.date(cell) == Self.day(2026, 11, 28))
  }

  @Test(arguments: [
    "2026-11-28Tgarbage", "2026-11-28T25:00", "2026-11-28T24:00", "2026-11-28T09:60", "2026-11-28T09:30:60",
    "2026-11-28T", "2026-11-28  09:30", "2026-11-28T09", "2026-11-28T09:3", "2026-11-28T093000",
    "2026-11-28T09:30:00.", "2026-11-28T09:30:00.5.5", "2026-11-28T09:30+01:", "2026-11-28T09:30+1:00",
    "2026-11-28T09:30+25:00", "2026-11-28T09:30ZZ", "2026-11-28t09:30", "2026-11-28X09:30", "2026-11-28T13:30 PM",
    "2026-11-28T123:00",
  ])
  func anInvalidTimeIsRefused(_ cell: String) throws {
    let format = try #require(DateFormat(pattern: "YYYY-MM-DD"))
    #expect(format.date(cell) == nil)
  }

  @Test func everyFormatReadsATime() throws {
    #expect(DateFormat(pattern: "M/D/YYYY")?.date("2/24/2011 14:05") == Self.day(2011, 2, 24))
    #expect(DateFormat(pattern: "DD.MM.YY")?.date("04.11.20T08:00:00Z") == Self.day(2020, 11, 4))
    #expect(DateFormat(pattern: "YYYYMMDD")?.date("20261128 08:00") == Self.day(2026, 11, 28))
    #expect(DateFormat(pattern: "M/D/YYYY")?.date("2/24/2011 25:05") == nil)
  }
}
