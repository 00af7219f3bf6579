/// Dates as Japanese, Chinese and Korean spreadsheets and exports write them in full: the year,
/// the month and the day each followed by its sign, `2024年1月15日` (`年 月 日`, Japanese and
/// Chinese) or `2024년 1월 15일` (`년 월 일`, Korean), spaces between the parts or none, a
/// weekday after it in brackets (`2024年1月15日(月)`, `（月）`, `2024년 1월 15일 (월)`) or in full
/// (`月曜日`, `월요일`), and a time after a space; and Korean's `2024. 1. 15.`.
///
/// Read in any date field without a format: the year comes first with four digits, and each part
/// is named, so no order is guessed. A weekday must be the date's own.
extension CellScanner {
  /// The signs after the year, the month and the day, in UTF-8: `年 月 日` and `년 월 일`.
  private static let partSigns: [[[UInt8]]] = [
    [[0xE5, 0xB9, 0xB4], [0xE6, 0x9C, 0x88], [0xE6, 0x97, 0xA5]],
    [[0xEB, 0x85, 0x84], [0xEC, 0x9B, 0x94], [0xEC, 0x9D, 0xBC]],
  ]

  /// The weekdays from Monday, in the script of each of ``partSigns``: `月火水木金土日`, `월화수목금토일`.
  private static let weekdays: [[[UInt8]]] = [
    ["月", "火", "水", "木", "金", "土", "日"].map { Array($0.utf8) },
    ["월", "화", "수", "목", "금", "토", "일"].map { Array($0.utf8) },
  ]

  /// What follows a weekday written in full: `曜日`, `요일`.
  private static let weekdayWords: [[UInt8]] = [Array("曜日".utf8), Array("요일".utf8)]

  /// The cell as a date in the forms of the type's description; `nil` when it is none, or names
  /// no day that exists, or a weekday that is not the day's.
  var eastAsianDate: CalendarDate? {
    guard let parts = eastAsianDateParts, let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day)
    else { return nil }
    if let weekday = parts.weekday, weekday != MonthNames.weekday(of: date) { return nil }
    return date
  }

  /// Why a cell in the forms of the type's description is no date: the day it names does not
  /// exist, or the weekday after it is not the day's; `nil` for any other cell. (Their hint was
  /// to write dates as `2026-11-28`, which says nothing of what is wrong with `2026年2月30日`.)
  var eastAsianDateHint: (hint: String, kind: String?)? {
    guard let parts = eastAsianDateParts else { return nil }
    guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
      return (CellScanner.noSuchDay(year: parts.year, month: parts.month, day: parts.day), nil)
    }
    guard let weekday = parts.weekday, weekday != MonthNames.weekday(of: date) else { return nil }
    let written = MonthNames.weekdayNames[weekday]
    let actual = MonthNames.weekdayNames[MonthNames.weekday(of: date)]
    return ("\(date) is a \(actual), not a \(written): check the date, or export it without the weekday", "weekday")
  }

  /// The numbers of a cell in the forms of the type's description, whether or not they name a
  /// day, and the weekday written after them (0 for Monday), if one is.
  private var eastAsianDateParts: (year: Int, month: Int, day: Int, weekday: Int?)? {
    guard end - start >= 8, end - start <= 64, CellScanner.isDigit(bytes[start]) else { return nil }
    var index = start
    guard let year = digits(&index, fewest: 4, most: 4) else { return nil }
    if let (month, day) = koreanDottedDate(from: index) { return (year, month, day, nil) }
    skipSpaces(&index)
    guard let script = CellScanner.partSigns.firstIndex(where: { matches($0[0], at: index) }) else { return nil }
    let signs = CellScanner.partSigns[script]
    index += signs[0].count
    skipSpaces(&index)
    guard let month = digits(&index, fewest: 1, most: 2) else { return nil }
    skipSpaces(&index)
    guard matches(signs[1], at: index) else { return nil }
    index += signs[1].count
    skipSpaces(&index)
    guard let day = digits(&index, fewest: 1, most: 2) else { return nil }
    skipSpaces(&index)
    guard matches(signs[2], at: index) else { return nil }
    index += signs[2].count
    let weekday = weekday(script: script, at: &index)
    return index == end || DateFormat.isTime(bytes, from: index, to: end) ? (year, month, day, weekday) : nil
  }

  /// The month and day of `2024. 1. 15.` from after the year at `index`: a dot and a space after
  /// the year and the month, a dot after the day or none.
  private func koreanDottedDate(from index: Int) -> (month: Int, day: Int)? {
    var index = index
    guard skipDotAndSpace(&index), let month = digits(&index, fewest: 1, most: 2), skipDotAndSpace(&index),
      let day = digits(&index, fewest: 1, most: 2)
    else { return nil }
    if index < end, bytes[index] == UInt8(ascii: ".") { index += 1 }
    guard index == end || DateFormat.isTime(bytes, from: index, to: end) else { return nil }
    return (month, day)
  }

  /// The weekday at `index`, in brackets (ASCII or full-width) or in full, after optional spaces;
  /// `index` moves past it. `nil`, `index` unmoved, when none is there.
  private func weekday(script: Int, at index: inout Int) -> Int? {
    var next = index
    skipSpaces(&next)
    let opening = skip(["(", "（"], at: &next)
    guard let day = CellScanner.weekdays[script].firstIndex(where: { matches($0, at: next) }) else { return nil }
    next += CellScanner.weekdays[script][day].count
    if opening {
      guard skip([")", "）"], at: &next) else { return nil }
    } else {
      guard matches(CellScanner.weekdayWords[script], at: next) else { return nil }
      next += CellScanner.weekdayWords[script].count
    }
    index = next
    return day
  }

  /// A number of `fewest` to `most` digits at `index`, which moves past it.
  private func digits(_ index: inout Int, fewest: Int, most: Int) -> Int? {
    var value = 0
    var count = 0
    while index < end, count < most, CellScanner.isDigit(bytes[index]) {
      value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
      count += 1
      index += 1
    }
    guard count >= fewest, index == end || !CellScanner.isDigit(bytes[index]) else { return nil }
    return value
  }

  /// `.` and one space at `index`, which moves past them.
  private func skipDotAndSpace(_ index: inout Int) -> Bool {
    guard index + 1 < end, bytes[index] == UInt8(ascii: "."), bytes[index + 1] == UInt8(ascii: " ") else {
      return false
    }
    index += 2
    return true
  }

  /// Moves `index` past spaces.
  private func skipSpaces(_ index: inout Int) {
    while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
  }

  /// Moves `index` past the first of `texts` that is there; `false` when none is.
  private func skip(_ texts: [String], at index: inout Int) -> Bool {
    for text in texts where matches(Array(text.utf8), at: index) {
      index += text.utf8.count
      return true
    }
    return false
  }

  /// Whether `text` is at `index` of the cell.
  private func matches(_ text: [UInt8], at index: Int) -> Bool {
    guard index + text.count <= end else { return false }
    for (offset, byte) in text.enumerated() where bytes[index + offset] != byte { return false }
    return true
  }
}
