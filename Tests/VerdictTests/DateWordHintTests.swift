import Testing

@testable import Verdict

/// Date cells with words in them, as CRM APIs, mail headers and bank exports write them, that are
/// refused: a date in words that names no day, a zone's name, `PM` after `13:00`. Their hint said
/// to declare a format such as `M/D/YYYY`, which reads no word, or listed every form a time may
/// take.
struct DateWordHintTests {
  static func error(_ cell: String, format: String? = nil) -> CellError? {
    let field = FieldInfo(name: "due", type: .date, dateFormat: format.flatMap(DateFormat.init(pattern:)))
    guard case .failure(let error) = CellReader().read(cell, for: field) else { return nil }
    return error
  }

  /// Dates in words that are read (``DatesInWordsTests``) but for these: each hint says what this
  /// cell lacks.
  @Test(arguments: [
    (
      "Mon, 03 Dec 2024 10:00:00 GMT",
      "2024-12-03 is a Tuesday, not a Monday: check the date, or export it without the weekday"
    ),
    ("31 Feb 2024", "February 2024 has 29 days"),
    ("Dec 32, 2024", "December 2024 has 31 days"),
    (
      "december 2024",
      "a date in words has a day, the month and a four-digit year, such as 28 Nov 2026, Nov 28, 2026 or 2026-Nov-28"
    ),
    (
      "3 Dec 2024 Dec",
      "a date in words has a day, the month and a four-digit year, such as 28 Nov 2026, Nov 28, 2026 or 2026-Nov-28"
    ),
    (
      "Dec 3, 24",
      "a date in words with a two-digit year is read only in the field's declared format, such as format \"DD-MMM-YY\" for 28-Nov-26 or format \"MMM D YY\" for Nov 28 26"
    ),
    ("3 Dec 2024 25:00", DateWordHintTests.timeHint),
    (
      "02/Nov/26",
      "a date in words with a two-digit year is read only in the field's declared format: format \"DD/MMM/YY\" reads 02/Nov/26"
    ),
    (
      "Nov 28 26",
      "a date in words with a two-digit year is read only in the field's declared format: format \"MMM D YY\" reads Nov 28 26"
    ),
    ("0501", "\"0501\" has no year (a day and a month alone): export the dates with their years"),
    ("05.01.", "\"05.01.\" has no year (a day and a month alone): export the dates with their years"),
    ("2024", "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\""),
    ("2012", "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\""),
    (
      "/Date(1707004800000+0000)/",
      "this is a .NET JSON date (milliseconds since 1970-01-01; this one is 2024-02-04 in UTC), which is not read "
        + "as a date: export the dates as text, such as 2024-02-04 (Xero's API writes them so in its …String fields)"
    ),
  ])
  func aDateInWordsThatIsNotReadSaysWhy(_ cell: String, _ hint: String) throws {
    let error = try #require(Self.error(cell))
    #expect(error.hint == hint)
  }

  static let timeHint =
    "a time after the date is T or a space, then HH:MM or HH:MM:SS, and must be a time of day; a fraction may "
    + "follow, then AM or PM, then a zone after one space or none: Z, UTC, GMT or an offset such as +01:00"

  /// A two-digit year after a month's name is what spreadsheets and Oracle write (`21-May-23`):
  /// the hint names the format that reads it.
  @Test func aTwoDigitYearAfterAMonthNameNamesItsFormat() throws {
    #expect(try #require(Self.error("21-May-23")).hint == "declare the field's format: format \"D-MMM-YY\"")
  }

  @Test(arguments: [
    ("2024-12-03 10:00:00 CET", "CET"), ("2024-12-03T10:00 EST", "EST"), ("03.12.2024 10:00:00CEST", "CEST"),
  ])
  func aZoneNameSaysOnlyUTCAndGMTAreRead(_ cell: String, _ zone: String) throws {
    let error = try #require(Self.error(cell))
    #expect(
      error.hint
        == "time zone names other than UTC and GMT are not read (\(zone)): write an offset such as +01:00 instead "
        + "(a date's time and offset are ignored: the date is taken as written), or the date alone")
  }

  @Test func aZoneInSmallLettersIsToldToBeInCapitals() throws {
    #expect(try #require(Self.error("2024-12-03 10:00 utc")).hint == "write the zone in capital letters: UTC")
  }

  @Test(arguments: ["2024-12-03 13:00 PM", "2024-12-03 0:30:00am", "12/03/2024 12:60 AM"])
  func aTwelveHourTimeOutsideItsHoursSaysSo(_ cell: String) throws {
    let error = try #require(Self.error(cell, format: cell.hasPrefix("12/") ? "M/D/YYYY" : nil))
    let word = cell.hasSuffix("am") ? "am" : cell.hasSuffix("AM") ? "AM" : "PM"
    #expect(
      error.hint == (cell.contains("12:60") ? Self.timeHint : "a 12-hour time before \(word) runs from 1:00 to 12:59"))
  }

  /// Eight digits are not detected as a date (a number may be one), but `YYYYMMDD` reads them.
  @Test func eightDigitsOfADayNameTheirFormat() throws {
    #expect(try #require(Self.error("20241203")).hint == "declare the field's format: format \"YYYYMMDD\"")
    #expect(try #require(Self.error("20241232")).hint?.contains("YYYYMMDD") == false)
    #expect(try #require(Self.error("12345678")).hint?.contains("YYYYMMDD") == false)
    #expect(
      CellReader().read(
        "20241203", for: FieldInfo(name: "due", type: .date, dateFormat: DateFormat(pattern: "YYYYMMDD")))
        == .success(.date(CalendarDate(year: 2024, month: 12, day: 3)!)))
  }

  /// A time that is not one, with no word at its end, keeps the hint that lists what a time is.
  @Test(arguments: ["2024-12-03 25:00 CET", "2024-12-03 10:00  CET", "2024-12-03 10:00 Europe"])
  func otherTimesKeepTheGeneralHint(_ cell: String) throws {
    #expect(try #require(Self.error(cell)).hint?.hasPrefix("a time after the date is T or a space") == true)
  }
}
