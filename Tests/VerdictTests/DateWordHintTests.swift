import Testing

@testable import Verdict

/// Date cells with words in them, as CRM APIs, mail headers and bank exports write them: a month's
/// name, a zone's name, `AM`/`PM`. They stay refused; their hint said to declare a format such as
/// `M/D/YYYY`, which reads no word, or listed every form a time may take.
struct DateWordHintTests {
  static func error(_ cell: String, format: String? = nil) -> CellError? {
    let field = FieldInfo(name: "due", type: .date, dateFormat: format.flatMap(DateFormat.init(pattern:)))
    guard case .failure(let error) = CellReader().read(cell, for: field) else { return nil }
    return error
  }

  @Test(arguments: [
    ("Tue, 03 Dec 2024 10:00:00 GMT", "month names are not read: write it as 2024-12-03"),
    ("Tue, 03 Dec 2024 10:00:00 +0100", "month names are not read: write it as 2024-12-03"),
    ("3 Dec 2024", "month names are not read: write it as 2024-12-03"),
    ("Dec 3, 2024", "month names are not read: write it as 2024-12-03"),
    ("03-Dec-2024", "month names are not read: write it as 2024-12-03"),
    ("3. Dezember 2024", "month names are not read: write it as 2024-12-03"),
    ("1er févr. 2024", "month names are not read: write dates in numbers, such as 2026-11-28"),
    ("december 2024", "month names are not read: write dates in numbers, such as 2026-11-28"),
    ("03-Dec-24", "month names are not read: write dates in numbers, such as 2026-11-28"),
    ("31 Feb 2024", "month names are not read: write dates in numbers, such as 2026-11-28"),
  ])
  func aMonthNameGetsItsOwnHint(_ cell: String, _ hint: String) throws {
    let error = try #require(Self.error(cell))
    #expect(error.hint == hint)
    // The hint quotes the day; its kind does not, so a column of them gets it once.
    #expect(error.hintGroup == "month names")
  }

  @Test(arguments: [
    ("2024-12-03 10:00:00 CET", "CET"), ("2024-12-03T10:00 EST", "EST"), ("03.12.2024 10:00:00CEST", "CEST"),
  ])
  func aZoneNameSaysOnlyUTCAndGMTAreRead(_ cell: String, _ zone: String) throws {
    let error = try #require(Self.error(cell))
    #expect(
      error.hint
        == "time zone names other than UTC and GMT are not read (\(zone)): write an offset such as +01:00 instead, "
        + "or the date alone (the time and its zone are ignored: the date is taken as written)")
  }

  @Test func aZoneInSmallLettersIsToldToBeInCapitals() throws {
    #expect(try #require(Self.error("2024-12-03 10:00 utc")).hint == "write the zone in capital letters: UTC")
  }

  @Test(arguments: ["2024-12-03 10:00 PM", "2024-12-03 10:00:00am", "12/03/2024 10:00 AM"])
  func twelveHourTimesSayTheyAreNotRead(_ cell: String) throws {
    let error = try #require(Self.error(cell, format: cell.hasPrefix("12/") ? "M/D/YYYY" : nil))
    #expect(error.hint?.hasPrefix("12-hour times (") == true)
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
