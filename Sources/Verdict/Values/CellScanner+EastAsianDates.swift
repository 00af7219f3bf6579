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
    if let date = koreanDottedDate { return date }
    guard let (parts, _) = eastAsianParts,
      let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day),
      parts.weekday == nil || parts.weekday == MonthNames.weekday(of: date),
      parts.end == end || DateFormat.isTime(bytes, from: parts.end, to: end)
    else { return nil }
    return date
  }

  /// The parts of a date with signs after its parts (`2024年1月15日(月)`), by shape alone (as a
  /// date in words is read: the day may not exist, the weekday may not be the day's; `end` is
  /// after the weekday), and which script's signs it has: 0 for `年 月 日`, 1 for `년 월 일`.
  var eastAsianParts: (date: WordDate, script: Int)? {
    guard end - start >= 8, end - start <= 64 else { return nil }
    var index = start
    guard let year = digits(&index, fewest: 4, most: 4) else { return nil }
    skipSpaces(&index)
    guard let script = CellScanner.partSigns.firstIndex(where: { has($0[0], at: index) }) else { return nil }
    let signs = CellScanner.partSigns[script]
    index += signs[0].count
    skipSpaces(&index)
    guard let month = digits(&index, fewest: 1, most: 2) else { return nil }
    skipSpaces(&index)
    guard has(signs[1], at: index) else { return nil }
    index += signs[1].count
    skipSpaces(&index)
    guard let day = digits(&index, fewest: 1, most: 2) else { return nil }
    skipSpaces(&index)
    guard has(signs[2], at: index) else { return nil }
    index += signs[2].count
    let weekday = weekday(script: script, at: &index)
    return (WordDate(year: year, month: month, day: day, weekday: weekday, end: index), script)
  }

  /// The hint for a date cell with signs after its parts that names no day, or a weekday that
  /// is not the day's, or whose year is of an era (`令和6年`, `R06/01/15`, `民國113年`); `nil` for
  /// any other cell.
  var eastAsianDateHint: String? {
    if let (parts, script) = eastAsianParts {
      guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
        return CellScanner.noSuchDay(year: parts.year, month: parts.month, day: parts.day)
      }
      if let written = parts.weekday, written != MonthNames.weekday(of: date) {
        let names = CellScanner.weekdays[script]
        let actual = String(decoding: names[MonthNames.weekday(of: date)], as: UTF8.self)
        return "\(date) is a \(MonthNames.weekdayNames[MonthNames.weekday(of: date)]) (\(actual)), not "
          + "\(String(decoding: names[written], as: UTF8.self)): check the date, or export it without the weekday"
      }
      return nil
    }
    return eraHint
  }

  /// The eras a year may be counted in, with the year before each one's first: Japan's Reiwa,
  /// Heisei and Showa (by name and by letter, as banks write `R06/01/15`) and the Republic of
  /// China's (Taiwan's `民國113年`).
  private static let eras: [(names: [String], name: String, offset: Int)] = [
    (["令和", "R"], "Reiwa", 2018), (["平成", "H"], "Heisei", 1988), (["昭和", "S"], "Showa", 1925),
    (["民國", "民国"], "the Republic of China", 1911),
  ]

  /// The hint for a date whose year is of an era: the year it is, and to export Western years.
  private var eraHint: String? {
    let text = string
    for era in CellScanner.eras {
      for name in era.names where text.hasPrefix(name) {
        let rest = text.dropFirst(name.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        // `元年` is the era's first year; a letter's era needs a separator after its year.
        let year = rest.hasPrefix("元") ? 1 : Int(digits)
        guard let year, year > 0, year < 200 else { continue }
        let after = rest.dropFirst(rest.hasPrefix("元") ? 1 : digits.count).first
        guard name.count > 1 ? after == "年" : after.map({ "/.-".contains($0) }) == true else { continue }
        let written = name + (rest.hasPrefix("元") ? "元" : String(digits))
        return "the year is counted in the era of \(era.name) (\(written) is \(era.offset + year)), which is not read: "
          + "export the dates with their Western years"
      }
    }
    return nil
  }

  /// `2024. 1. 15.`: a dot and a space after the year and the month, a dot after the day or none.
  private var koreanDottedDate: CalendarDate? {
    guard end - start >= 8, end - start <= 64 else { return nil }
    var index = start
    guard let year = digits(&index, fewest: 4, most: 4), skipDotAndSpace(&index),
      let month = digits(&index, fewest: 1, most: 2), skipDotAndSpace(&index),
      let day = digits(&index, fewest: 1, most: 2)
    else { return nil }
    if index < end, bytes[index] == UInt8(ascii: ".") { index += 1 }
    guard index == end || DateFormat.isTime(bytes, from: index, to: end) else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// The weekday at `index`, in brackets (ASCII or full-width) or in full, after optional spaces;
  /// `index` moves past it. `nil`, `index` unmoved, when none is there.
  private func weekday(script: Int, at index: inout Int) -> Int? {
    var next = index
    skipSpaces(&next)
    let opening = skip(["(", "（"], at: &next)
    guard let day = CellScanner.weekdays[script].firstIndex(where: { has($0, at: next) }) else { return nil }
    next += CellScanner.weekdays[script][day].count
    if opening {
      guard skip([")", "）"], at: &next) else { return nil }
    } else {
      guard has(CellScanner.weekdayWords[script], at: next) else { return nil }
      next += CellScanner.weekdayWords[script].count
    }
    index = next
    return day
  }

  /// A number of `fewest` to `most` digits at `index` and no digit after them; `index` moves past
  /// them.
  private func digits(_ index: inout Int, fewest: Int, most: Int) -> Int? {
    guard let value = DateFormat.number(bytes, &index, end, fewest: fewest, most: most),
      index == end || !CellScanner.isDigit(bytes[index])
    else { return nil }
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
    for text in texts where has(Array(text.utf8), at: index) {
      index += text.utf8.count
      return true
    }
    return false
  }
}
