import Testing

@testable import Verdict

/// Date cells read by `CellReader`: in a field's declared format, else in the default forms, and
/// the hints for cells that are not dates.
struct DateCellTests {
  static let plain = FieldInfo(name: "due", type: .date)
  static func declared(_ pattern: String) -> FieldInfo {
    FieldInfo(name: "due", type: .date, dateFormat: DateFormat(pattern: pattern)!)
  }

  static func read(_ cell: String, _ field: FieldInfo = plain) -> Result<Value, CellError> {
    CellReader().read(cell, for: field)
  }

  static func date(_ year: Int, _ month: Int, _ day: Int) -> Result<Value, CellError> {
    .success(.date(CalendarDate(year: year, month: month, day: day)!))
  }

  @Test(arguments: [
    "2026-11-28", "2026-11-28T10:30", "2026-11-28 10:30", "2026-11-28T09:30:00Z", "2026-11-28T09:30:00.25+01:00",
    "28.11.2026", "28.11.2026 10:30", " 28.11.2026\t",
    // An offset of hours alone, as PostgreSQL writes timestamps: it was "not a date".
    "2026-11-28 10:30:00+01", "2026-11-28 23:59:59.5-08",
  ])
  func theDefaultFormsStay(_ cell: String) {
    #expect(Self.read(cell) == Self.date(2026, 11, 28))
  }

  /// A zone after one space, as many exports write it: it was "not a date", with a hint that
  /// did not say the space (or the zone's name) was the trouble. The date is the one written.
  @Test(arguments: [
    "2026-11-28 10:00:00 +0100", "2026-11-28 10:00:00 +01:00", "2026-11-28T23:30 -0800", "2026-11-28 10:00:00 UTC",
    "2026-11-28 10:00 GMT", "2026-11-28 10:00:00.5 Z", "2026-11-28 10:00:00UTC", "28.11.2026 23:30:00 -08:00",
  ])
  func aZoneMayFollowTheTimeAfterASpace(_ cell: String) {
    #expect(Self.read(cell) == Self.date(2026, 11, 28))
    #expect(
      Self.read(cell.replacingOccurrences(of: "2026-11-28", with: "11/28/2026"), Self.declared("M/D/YYYY"))
        == Self.date(2026, 11, 28) || cell.hasPrefix("28."))
  }

  /// Only one space, and only a zone after it: other words are no zone.
  @Test(arguments: [
    "2026-11-28 10:00:00  +0100", "2026-11-28 10:00:00 CET", "2026-11-28 10:00 PMT", "2026-11-28 10:00 +",
    "2026-11-28 10:00 utc",
    "2026-11-28 10:00 +0100 UTC", "2026-11-28 10:00 Z1",
  ])
  func otherWordsAfterTheTimeAreNoZone(_ cell: String) {
    #expect(Self.read(cell).isFailure)
  }

  /// An offset of hours alone ends there: a colon, or one digit, after them is no offset.
  @Test(arguments: ["2026-11-28 10:30+01:", "2026-11-28 10:30+1", "2026-11-28 10:30+24", "2026-11-28 10:30+013"])
  func anOffsetOfHoursAloneIsTwoDigits(_ cell: String) {
    #expect(Self.read(cell) != Self.date(2026, 11, 28))
  }

  @Test func theDefaultFormsReadOneDigitMonthsAndDays() {
    #expect(Self.read("1.2.2026") == Self.date(2026, 2, 1))
    #expect(Self.read("2026-2-1") == Self.date(2026, 2, 1))
  }

  @Test func aDeclaredFormatIsTheOnlyFormRead() {
    let us = Self.declared("M/D/YYYY")
    #expect(Self.read("2/24/2011", us) == Self.date(2011, 2, 24))
    #expect(Self.read("02/01/2013 9:30", us) == Self.date(2013, 2, 1))
    #expect(Self.read("", us) == .success(.missing))
    // The default forms are not read under a declared format.
    #expect(Self.read("2026-11-28", us).isFailure)
    #expect(Self.read("28.11.2026", us).isFailure)
    #expect(Self.read("4.11.20", Self.declared("D.M.YY")) == Self.date(2020, 11, 4))
  }

  static let dayNumber =
    "this looks like a spreadsheet's day number, which is not read as a date: format the column as dates before "
    + "exporting, so that the export writes them as text such as"

  /// Other numbers are no day number: out of the range, or not a plain whole number.
  @Test(arguments: ["19999", "80001", "4512", "045123", "45123.", "-45123", "45123.5x", "45 123"])
  func otherNumbersAreNoSpreadsheetDay(_ cell: String) {
    guard case .failure(let error) = Self.read(cell) else {
      Issue.record("\(cell) was read")
      return
    }
    #expect(error.hint?.contains("spreadsheet") == false)
  }

  @Test(arguments: [
    // No format: the hint names the format that reads the cell.
    ("2/24/11", nil, "declare the field's format: format \"M/D/YY\""),
    ("2/24/2011", nil, "declare the field's format: format \"M/D/YYYY\""),
    ("31/03/2019", nil, "declare the field's format: format \"D/M/YYYY\""),
    ("04.11.20", nil, "declare the field's format: format \"DD.MM.YY\""),
    (
      "01/02/2026", nil,
      "it reads as different days in different formats: declare the field's format, format \"D/M/YYYY\" or format \"M/D/YYYY\""
    ),
    // A day that does not exist, in the default forms.
    ("31.02.2027", nil, "February 2027 has 28 days"),
    ("2026-13-01", nil, "there is no month 13"),
    ("2026-04-00", nil, "there is no day 0"),
    ("0000-01-01", nil, "years run from 1 to 9999"),
    ("2026-02-30T10:00", nil, "February 2026 has 28 days"),
    // A time that is not one.
    (
      "2026-11-28T25:00", nil,
      "a time after the date is T or a space, then HH:MM or HH:MM:SS, and must be a time of day; a fraction may follow, then AM or PM, then a zone after one space or none: Z, UTC, GMT or an offset such as +01:00"
    ),
    (
      "2026-11-28Tgarbage", nil,
      "a time after the date is T or a space, then HH:MM or HH:MM:SS, and must be a time of day; a fraction may follow, then AM or PM, then a zone after one space or none: Z, UTC, GMT or an offset such as +01:00"
    ),
    (
      "soon", nil,
      "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\""
    ),
    (
      "2026-11-281", nil,
      "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\""
    ),
    // A spreadsheet's day number: it had the generic hint; never converted.
    ("45123", nil, "\(dayNumber) 2026-11-28"),
    ("45123.4167", nil, "\(dayNumber) 2026-11-28"),
    ("20000", "M/D/YYYY", "\(dayNumber) 11/28/2026"),
    ("80000,5", "D.M.YYYY", "\(dayNumber) 28.11.2026"),
    // A Unix time: it had the general hint, whose formats read no such cell; never converted.
    (
      "1733220000", nil,
      "this looks like a Unix time (seconds since 1970-01-01; this one is 2024-12-03 in UTC), which is not read as a date: export the column as dates, such as 2024-12-03"
    ),
    (
      "1733220000123", nil,
      "this looks like a Unix time (milliseconds since 1970-01-01; this one is 2024-12-03 in UTC), which is not read as a date: export the column as dates, such as 2024-12-03"
    ),
    (
      "9999999999", nil,
      "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\""
    ),
    // A 12-hour time after a date in a format to declare: the format is all it needs (the time is read).
    (
      "12/3/2024 10:00 AM", nil,
      "it reads as different days in different formats: declare the field's format, format \"D/M/YYYY\" or format \"M/D/YYYY\""
    ),
    (
      "12/31/2024 9:30 pm", nil,
      "declare the field's format: format \"M/D/YYYY\""
    ),
    // A declared format: the hint names it.
    ("2026-11-28", "M/D/YYYY", "the field's dates are read as \"M/D/YYYY\": write them such as 11/28/2026"),
    ("2/24/2011", "M/D/YY", "the field's dates are read as \"M/D/YY\": write them such as 11/28/26"),
    ("2/30/2011", "M/D/YYYY", "February 2011 has 28 days (the field's dates are read as \"M/D/YYYY\")"),
    ("12/31/2026", "D/M/YYYY", "there is no month 31 (the field's dates are read as \"D/M/YYYY\")"),
  ])
  func theHintIsTrueForTheCell(_ cell: String, _ pattern: String?, _ hint: String) {
    let field = pattern.map(Self.declared) ?? Self.plain
    guard case .failure(let error) = Self.read(cell, field) else {
      Issue.record("\(cell) was read")
      return
    }
    #expect(error.message == "\(Value.quote(cell)) is not a date")
    #expect(error.hint == hint)
  }

  @Test func undeclaredFieldsReadDatesInTheDefaultForms() {
    let any = FieldInfo(name: "x", type: nil)
    #expect(Self.read("2026-11-28T10:30Z", any) == Self.date(2026, 11, 28))
    #expect(Self.read("2026-11-28Tgarbage", any) == .success(.text("2026-11-28Tgarbage")))
    #expect(Self.read("2/24/2011", any) == .success(.text("2/24/2011")))
  }

  @Test func theCellFormatCarriesTheDateFormat() {
    #expect(CellFormat(Self.declared("M/D/YYYY")).dateFormat == DateFormat(pattern: "M/D/YYYY"))
    #expect(CellFormat(Self.plain).dateFormat == nil)
    #expect(_isPOD(CellFormat.self))
  }

  @Test func clientsFromValuesUseTheDeclaredFormat() throws {
    // `verdict eval --set due=2/24/2011` and the REPL's `:set` give the cell as text.
    let source = SourceFile(
      name: "t", text: "field due: date format \"M/D/YYYY\" from \"DueDate\"\nwhen due < 2012-01-01 then recommend fire"
    )
    let policy = try #require(Policy.compile(source).policy)
    let client = try policy.client(["due": .text("2/24/2011")])
    #expect(client.values == [.date(CalendarDate(year: 2011, month: 2, day: 24)!)])
    #expect(throws: ClientError.self) { try policy.client(["due": .text("2011-02-24")]) }
    let today = CalendarDate(year: 2026, month: 1, day: 15)!
    #expect(try policy.evaluate(client, in: EvaluationContext(today: today)).verdict == "fire")
  }
}

extension Result {
  var isFailure: Bool {
    if case .failure = self { true } else { false }
  }
}
