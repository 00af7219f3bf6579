/// Dates in data cells: in a field's declared format, or else in the forms every policy reads
/// (`2026-11-28`, `28.11.2026`, dates in words such as `3 Dec 2026` and East Asian dates such as
/// `2026年11月28日`, each with an optional time after it).
extension CellScanner {
  /// The default forms after the byte-level fast paths: ISO and German dates (then dates in
  /// words, ``dateInWords``).
  static let isoDate = DateFormat(order: .yearMonthDay, separator: .dash, yearDigits: 4)
  static let germanDate = DateFormat(order: .dayMonthYear, separator: .dot, yearDigits: 4)
  /// `YYYYMMDD`, for hints only: detection does not try it.
  static let yearMonthDay = DateFormat(order: .yearMonthDay, separator: .none, yearDigits: 4)

  /// The cell as a date in `format`, or in a default form when there is no format.
  func date(format: DateFormat?) -> CalendarDate? {
    if let format { return format.date(in: bytes, from: start, to: end) }
    // 2026-11-28 and 28.11.2026 straight from the bytes; anything else takes the general path.
    let length = end - start
    if length == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
      let year = digits(start, 4), let month = digits(start + 5, 2), let day = digits(start + 8, 2)
    {
      return CalendarDate(year: year, month: month, day: day)
    }
    if length >= 8, length <= 10, bytes[end - 5] == UInt8(ascii: "."), let year = digits(end - 4, 4) {
      let firstDot = bytes[start + 1] == UInt8(ascii: ".") ? start + 1 : start + 2
      let monthLength = end - 5 - firstDot - 1
      if bytes[firstDot] == UInt8(ascii: "."), (1...2).contains(monthLength), let day = digits(start, firstDot - start),
        let month = digits(firstDot + 1, monthLength)
      {
        return CalendarDate(year: year, month: month, day: day)
      }
    }
    return CellScanner.isoDate.date(in: bytes, from: start, to: end)
      ?? CellScanner.germanDate.date(in: bytes, from: start, to: end) ?? dateInWords ?? eastAsianDate
  }

  /// The value of `count` ASCII digits at `offset`, or `nil` if any byte is not a digit.
  @inline(__always) private func digits(_ offset: Int, _ count: Int) -> Int? {
    var value = 0
    for index in offset..<offset + count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The error for a cell that ``date(format:)`` could not read, with ``dateHint(format:)``.
  func dateMismatch(format: DateFormat?) -> CellError {
    let (hint, kind) = dateHint(format: format)
    return mismatch("a date", hint: hint, kind: kind)
  }

  /// How to write a date that ``date(format:)`` could not read, true for this cell: the day it
  /// names does not exist, the time after it is not one, it is not in the declared format, or
  /// which format to declare for it; and the hint's kind when the hint quotes the cell.
  private func dateHint(format: DateFormat?) -> (hint: String, kind: String?) {
    let declared = format.map { " (the field's dates are read as \"\($0.pattern)\")" } ?? ""
    if isSpreadsheetDayNumber {
      let example = format?.example ?? "2026-11-28"
      return (
        "this looks like a spreadsheet's day number, which is not read as a date: format the column as "
          + "dates before exporting, so that the export writes them as text such as \(example)", nil
      )
    }
    // A cell in the default forms names its day's problem also in a column read in another
    // format (detected from the other cells): `2026-02-30` is "February 2026 has 28 days".
    for form in (format.map { [$0] } ?? []) + [CellScanner.isoDate, CellScanner.germanDate] {
      guard let parts = form.parts(in: bytes, from: start, to: end) else { continue }
      // In a default form, only a day that does not exist says more than the format does.
      if let format, form != format, CellScanner.exists(parts) { continue }
      if parts.end < end {
        // Something after the date: a time that is not one, or the shape only fits a prefix.
        guard bytes[parts.end] == UInt8(ascii: "T") || bytes[parts.end] == UInt8(ascii: " ") else { continue }
        if DateFormat.isTime(bytes, from: parts.end, to: end) { return (CellScanner.noSuchDay(parts) + declared, nil) }
        if let word = timeWordHint(from: parts.end) { return word }
        return (CellScanner.timeHint, nil)
      }
      return (CellScanner.noSuchDay(parts) + declared, nil)
    }
    if let format {
      return ("the field's dates are read as \"\(format.pattern)\": write them such as \(format.example)", nil)
    }
    switch DateFormat.detect([string]) {
    case .format(let found):
      return ("declare the field's format: format \"\(found.pattern)\"", nil)
    case .ambiguous(let found):
      let choices = found.map { "format \"\($0.pattern)\"" }.joined(separator: " or ")
      return ("it reads as different days in different formats: declare the field's format, \(choices)", nil)
    case .none:
      if let words = monthNameHint { return words }
      if let eastAsian = eastAsianDateHint { return eastAsian }
      if let clock = dateWithTimeWordHint { return clock }
      if let unix = unixTimeHint { return unix }
      // Eight digits are no candidate of detection (a number may be one), but a format reads them.
      if end - start == 8, let year = digits(start, 4), (1900...2100).contains(year),
        CellScanner.yearMonthDay.date(in: bytes, from: start, to: end) != nil
      {
        return ("declare the field's format: format \"YYYYMMDD\"", nil)
      }
      if isDayAndMonthAlone {
        return ("\(quoted) has no year (a day and a month alone): export the dates with their years", nil)
      }
      return (
        "write dates as 2026-11-28 (or 28.11.2026), or declare the field's format, such as format \"M/D/YYYY\"", nil
      )
    }
  }

  /// Whether the cell is a day and a month without a year, as DATEV's `Belegdatum` writes them
  /// (`0501`) or a German ledger (`05.01.`): three or four digits that are a day and a month in
  /// either order (not a year alone, `2012`), or two such numbers between `.`, `/` or `-`. No
  /// format reads it.
  private var isDayAndMonthAlone: Bool {
    let parts = string.split(omittingEmptySubsequences: true) { $0 == "." || $0 == "/" || $0 == "-" }
    guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
    let numbers: (Int, Int)
    if parts.count == 1, (3...4).contains(parts[0].count), string.count == parts[0].count, let value = Int(parts[0]),
      !(1900...2099).contains(value)
    {
      numbers = (value / 100, value % 100)
    } else if parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }) {
      numbers = (Int(parts[0]) ?? 0, Int(parts[1]) ?? 0)
    } else {
      return false
    }
    func isDayAndMonth(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }
    return isDayAndMonth(numbers.0, numbers.1) || isDayAndMonth(numbers.1, numbers.0)
  }

  /// Whether the cell is a whole number from 20000 to 80000 (1954 to 2119 as a spreadsheet counts
  /// days), with or without a fraction (the time of day): what a spreadsheet writes for a date in
  /// a column not formatted as dates. Never converted, as the day depends on the spreadsheet's
  /// calendar (from 1900 or from 1904).
  private var isSpreadsheetDayNumber: Bool {
    var index = start
    var whole = 0
    while index < end, CellScanner.isDigit(bytes[index]), whole <= 80000 {
      whole = whole * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
      index += 1
    }
    guard index - start == 5, (20000...80000).contains(whole) else { return false }
    guard index < end else { return true }
    guard bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","), index + 1 < end else { return false }
    return (index + 1..<end).allSatisfy { CellScanner.isDigit(bytes[$0]) }
  }

  /// The hint and its kind for a cell of 10 digits (or 13) that is a Unix time in seconds (or
  /// milliseconds) from 2000 to 2100, as APIs and database dumps write moments; `nil` for any
  /// other cell. Never converted, as the day of a moment depends on the zone it is read in: the
  /// hint names the day in UTC.
  private var unixTimeHint: (hint: String, kind: String)? {
    // .NET's JSON dates, as Xero's API writes them: `/Date(1707004800000+0000)/`.
    if end - start >= 21, hasBytes((UInt8(ascii: "/"), UInt8(ascii: "D"), UInt8(ascii: "a")), 3, at: start),
      string.hasPrefix("/Date("), string.hasSuffix(")/"), let value = digits(start + 6, 13),
      "+-)".utf8.contains(bytes[start + 19])
    {
      let day = CalendarDate(daysSinceEpoch: Int64(value / 1000) / 86_400)
      return (
        "this is a .NET JSON date (milliseconds since 1970-01-01; this one is \(day) in UTC), which is not read as "
          + "a date: export the dates as text, such as \(day) (Xero's API writes them so in its …String fields)",
        "unix time"
      )
    }
    let count = end - start
    guard count == 10 || count == 13, let value = digits(start, count) else { return nil }
    let seconds = Int64(count == 13 ? value / 1000 : value)
    // 2000-01-01 to 2100-01-01: other ten-digit numbers are not taken for moments.
    guard (946_684_800..<4_102_444_800).contains(seconds) else { return nil }
    let day = CalendarDate(daysSinceEpoch: seconds / 86_400)
    let unit = count == 13 ? "milliseconds" : "seconds"
    return (
      "this looks like a Unix time (\(unit) since 1970-01-01; this one is \(day) in UTC), which is not read as "
        + "a date: export the column as dates, such as \(day)", "unix time"
    )
  }

  /// The hint for a time after a date that is not one.
  static let timeHint =
    "a time after the date is T or a space, then HH:MM or HH:MM:SS, and must be a time of day; a fraction may "
    + "follow, then AM or PM, then a zone after one space or none: Z, UTC, GMT or an offset such as +01:00"

  /// Whether the numbers of a date name a day of the calendar.
  private static func exists(_ parts: DateFormat.Parts) -> Bool {
    (1...9999).contains(parts.year) && (1...12).contains(parts.month) && parts.day > 0
      && parts.day <= CalendarDate.daysIn(month: parts.month, year: parts.year)
  }

  /// Why the numbers of a date name no day of the calendar.
  private static func noSuchDay(_ parts: DateFormat.Parts) -> String {
    noSuchDay(year: parts.year, month: parts.month, day: parts.day)
  }

  /// Why `year`, `month` and `day` name no day of the calendar.
  static func noSuchDay(year: Int, month: Int, day: Int) -> String {
    guard (1...9999).contains(year) else { return "years run from 1 to 9999" }
    guard (1...12).contains(month) else { return "there is no month \(month)" }
    guard day > 0 else { return "there is no day 0" }
    return "\(MonthNames.englishNames[month - 1]) \(year) has \(CalendarDate.daysIn(month: month, year: year)) days"
  }
}
