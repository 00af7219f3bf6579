import Testing

@testable import Verdict

/// Dates that name their month, as invoicing tools (`3 Dec 2024`), US exports (`Dec 3, 2024`),
/// Oracle and spreadsheets (`03-DEC-2024`), German and French exports (`3. Dezember 2024`,
/// `1er déc. 2024`) and mail headers (`Tue, 03 Dec 2024 10:00:00 GMT`) write them. They were
/// refused with the hint to write them in numbers; the month's name leaves no order to guess.
struct DatesInWordsTests {
  static let field = FieldInfo(name: "due", type: .date)

  static func read(_ cell: String, _ field: FieldInfo = field) -> Result<Value, CellError> {
    CellReader().read(cell, for: field)
  }

  static func date(_ year: Int, _ month: Int, _ day: Int) -> Result<Value, CellError> {
    .success(.date(CalendarDate(year: year, month: month, day: day)!))
  }

  @Test(arguments: [
    "3 Dec 2024", "03 Dec 2024", "03-Dec-2024", "03/Dec/2024", "03.Dec.2024", "03-DEC-2024", "3 december 2024",
    "Dec 3, 2024", "Dec 3 2024", "Dec. 3, 2024", "December 3, 2024", "December 3rd, 2024", "3rd Dec 2024",
    "2024-Dec-03", "2024 December 3", "03DEC2024",
    "3. Dezember 2024", "3. Dez. 2024", "3 déc. 2024", "3 décembre 2024", "03-déc-2024",
    "Tue, 03 Dec 2024 10:00:00 GMT", "Tue, 03 Dec 2024 10:00:00 +0100", "Tuesday, December 3, 2024",
    "Tue 3 Dec 2024", "Di, 3. Dezember 2024", "mardi 3 décembre 2024",
    "3 Dec 2024 10:30", "Dec 3, 2024 10:30 PM", "03-Dec-2024T10:30:00Z", " 3  Dec  2024 ",
    "Dec 3, 2024 at 2:03 PM", "3. Dezember 2024 um 14:03", "December 3, 2024 AT 10:30",
  ])
  func readsTheDayTheCellNames(_ cell: String) {
    #expect(Self.read(cell) == Self.date(2024, 12, 3), "\(cell)")
  }

  @Test(arguments: [
    ("1er janvier 2025", 2025, 1, 1), ("1st Jan 2025", 2025, 1, 1), ("22nd Feb 2024", 2024, 2, 22),
    ("11th Mar 2024", 2024, 3, 11), ("29 Feb 2024", 2024, 2, 29), ("1 Mär 2024", 2024, 3, 1),
    ("Mai 5, 2023", 2023, 5, 5), ("15 août 2023", 2023, 8, 15), ("15 aout 2023", 2023, 8, 15),
    ("31-Okt-2023", 2023, 10, 31), ("Sept 30 2023", 2023, 9, 30), ("1 Jän 2023", 2023, 1, 1),
    ("10 dic 2023", 2023, 12, 10), ("15-ene-2024", 2024, 1, 15), ("15 fev 2024", 2024, 2, 15),
    ("15-set-2024", 2024, 9, 15), ("3 out 2024", 2024, 10, 3), ("15 Oca 2024", 2024, 1, 15),
    ("1 Ağustos 2024", 2024, 8, 1), ("2 maggio 2024", 2024, 5, 2), ("4 mrt 2024", 2024, 3, 4),
    ("15 KASIM 2024", 2024, 11, 15), ("1 NİSAN 2024", 2024, 4, 1), ("3 Subat 2024", 2024, 2, 3),
    ("9 ARALIK 2024", 2024, 12, 9),
  ])
  func readsEveryMonthNameItKnows(_ cell: String, _ year: Int, _ month: Int, _ day: Int) {
    #expect(Self.read(cell) == Self.date(year, month, day), "\(cell)")
  }

  /// Shapes that could be read more than one way, or not at all: refused, never guessed.
  @Test(arguments: [
    "May 2024",  // no day
    "3 Dec",  // no year
    "3 Dec 24",  // a two-digit year needs a format
    "Dec 3 24",
    "3 2024 Dec",  // the month last is no order dates are written in
    "2024 3 Dec",
    "3 Dec Jan 2024",  // two months
    "3 Dek 2024",  // no month of that name
    "03-Dec 2024",  // two separators
    "3 Dec 2024 3",
    "3th Dec 2024",  // an ordinal ending the number does not take
    "3 Dec 20245",
    "123 Dec 2024",
    "Mon, 03 Dec 2024",  // 3 December 2024 was a Tuesday
    "Mar, 3 Dec 2024",  // French `mar.` for mardi is March in English: two months
    "31 Feb 2024",
    "Dec 3,, 2024",
    "Tue,03 Dec 2024",
    "3 Dec 2024 10:00 CET",
    "Dec 3, 2024 at noon",  // `at` before no time
    "Dec 3, 2024 at",
    "Dec 3, 2024 by 2:03 PM",
  ])
  func refusesWhatIsNotOneDay(_ cell: String) {
    #expect(Self.read(cell).isFailure, "\(cell)")
  }

  /// A declared format reads only its own form: the default forms' words are not read beside it.
  @Test func aDeclaredFormatReadsOnlyItself() throws {
    let numeric = FieldInfo(name: "due", type: .date, dateFormat: DateFormat(pattern: "M/D/YYYY"))
    #expect(Self.read("Dec 3, 2024", numeric).isFailure)
    let words = FieldInfo(name: "due", type: .date, dateFormat: DateFormat(pattern: "DD-MMM-YY"))
    #expect(Self.read("03-Dec-24", words) == Self.date(2024, 12, 3))
    #expect(Self.read("2024-12-03", words).isFailure)
  }

  /// A 12-hour clock's `AM` or `PM` after the time: the time is checked and ignored, as every
  /// time is, so the date is the one written.
  @Test(arguments: [
    "2024-12-03 10:00 PM", "2024-12-03 10:00PM", "2024-12-03 12:59:59 am", "2024-12-03 1:05 p.m.",
    "03.12.2024 11:00 AM", "2024-12-03 10:00 PM +0100", "2024-12-03 10:00 AM UTC", "2024-12-03, 10:00:00 PM",
    "Dec 3, 2024, 10:00 AM",
  ])
  func readsATwelveHourTime(_ cell: String) {
    #expect(Self.read(cell) == Self.date(2024, 12, 3), "\(cell)")
  }

  @Test(arguments: [
    "2024-12-03 13:00 PM", "2024-12-03 0:30 AM", "2024-12-03 10:00 P.M", "2024-12-03 10:00 AMT",
    "2024-12-03 10:00 PM+0100", "2024-12-03 10:00 A M", "2024-12-03,10:00", "2024-12-03, , 10:00",
  ])
  func refusesATwelveHourTimeThatIsNone(_ cell: String) {
    #expect(Self.read(cell).isFailure, "\(cell)")
  }

  /// A column of `21-May-23`, as Excel's `d-mmm-yy` and Oracle's `DD-MON-RR` write dates, is
  /// detected as such; a column of four-digit years needs no format.
  @Test func aColumnOfTwoDigitYearsAfterMonthNamesIsDetected() throws {
    let format = try #require(DateFormat(pattern: "D-MMM-YY"))
    #expect(DateFormat.detect(["21-May-23", "3-Dec-99"]) == .format(format))
    #expect(DateFormat.detect(["3 Dec 24", "14 Feb 25"]) == .format(DateFormat(pattern: "D MMM YY")!))
    #expect(DateFormat.detect(["03-Dec-2024"]) == .none)
    #expect(format.date("3-Dec-99") == CalendarDate(year: 1999, month: 12, day: 3))
  }

  /// The weekday is worked out from the day, for every day of a week.
  @Test func weekdaysFollowTheCalendar() {
    let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    for (offset, name) in days.enumerated() {
      let cell = "\(name), \(2 + offset) Dec 2024"
      #expect(Self.read(cell) == Self.date(2024, 12, 2 + offset), "\(cell)")
      let wrong = "\(days[(offset + 1) % 7]), \(2 + offset) Dec 2024"
      #expect(Self.read(wrong).isFailure, "\(wrong)")
    }
    #expect(Self.read("Thu, 01 Jan 1970") == Self.date(1970, 1, 1))
    #expect(Self.read("Wed, 31 Dec 1969") == Self.date(1969, 12, 31))
  }

  /// Dates as Japanese, Chinese and Korean spreadsheets write them in full.
  @Test(arguments: [
    "2024年12月3日", "2024年12月03日", "2024 年 12 月 3 日", "2024年12月3日(火)", "2024年12月3日（火）",
    "2024年12月3日 火曜日", "2024年12月3日 10:30", "2024년 12월 3일", "2024년 12월 3일 (화)", "2024년 12월 3일 화요일",
    "2024. 12. 3.", "2024. 12. 3", "2024. 12. 3. 10:30",
  ])
  func readsEastAsianDates(_ cell: String) {
    #expect(Self.read(cell) == Self.date(2024, 12, 3), "\(cell)")
  }

  /// A weekday that is not the date's, a day that does not exist, parts in the wrong script or
  /// missing: refused.
  @Test(arguments: [
    "2024年12月3日(月)", "2024년 12월 3일 (월)", "2024年2月30日", "2024年12月", "2024年12月3", "24年12月3日",
    "2024년 12月 3日", "2024年12月3日 十時", "2024. 12.3.", "2024年12月3日(火", "令和6年12月3日",
  ])
  func refusesEastAsianDatesThatNameNoDayOrTheWrongWeekday(_ cell: String) {
    guard case .failure = Self.read(cell) else {
      Issue.record("\(cell) was read")
      return
    }
  }

  /// The hints of East Asian dates that are not read: the day the calendar has, the weekday the
  /// day is, the Western year of an era's.
  @Test(arguments: [
    ("2024年2月30日", "February 2024 has 29 days"),
    ("2024年1月15日(火)", "2024-01-15 is a Monday (月), not 火"),
    ("2024년 1월 15일 (화)", "2024-01-15 is a Monday (월), not 화"),
    ("令和6年1月15日", "the era of Reiwa (令和6 is 2024)"),
    ("平成元年5月1日", "the era of Heisei (平成元 is 1989)"),
    ("R06/01/15", "the era of Reiwa (R06 is 2024)"),
    ("民國113年1月15日", "the era of the Republic of China (民國113 is 2024)"),
    ("2024年12月3日(月)", "2024-12-03 is a Tuesday (火), not 月: check the date, or export it without the weekday"),
    ("2023年2月29日", "February 2023 has 28 days"), ("2024年13月1日", "there is no month 13"),
    ("2024年1月0日", "there is no day 0"), ("0000年1月1日", "years run from 1 to 9999"),
  ])
  func eastAsianDatesThatAreNotReadSayWhy(_ cell: String, _ hint: String) throws {
    guard case .failure(let error) = Self.read(cell) else {
      Issue.record("\(cell) was read")
      return
    }
    let said = try #require(error.hint)
    #expect(said.contains(hint), "\(said)")
  }
}
