/// Dates that name their month in words, as invoicing tools, bank statements, CRM exports and mail
/// headers write them: `3 Dec 2024`, `03-Dec-2024`, `Dec 3, 2024`, `December 3rd 2024`,
/// `3. Dezember 2024`, `1er déc. 2024`, `2024-Dec-03`, `03DEC2024`,
/// `Tue, 03 Dec 2024 10:00:00 GMT`, and with `at` (or `um`) before the time, as Apple's apps
/// write it: `Nov 2, 2026 at 2:03 PM`.
///
/// Read in any date field without a format when the year has four digits: the month is named, and
/// a day of one or two digits cannot be taken for the year, so no order has to be guessed. A
/// weekday before the date must be the date's own (`Mon, 03 Dec 2024` is refused: 3 December 2024
/// was a Tuesday). Two-digit years (`03-Dec-24`) need a declared format, `format "DD-MMM-YY"`.
extension CellScanner {
  /// What a date in words holds, read by shape alone: the day may not exist.
  struct WordDate {
    var year: Int
    var month: Int
    var day: Int
    /// The weekday written before the date, 0 for Monday; `nil` when none is.
    var weekday: Int?
    /// The offset after the date: the cell's end, or where a time after it starts.
    var end: Int
  }

  /// The cell as a date in words, or `nil` when it is none or names no day that exists (or a
  /// weekday that is not the day's).
  var dateInWords: CalendarDate? {
    guard let parts = wordDate else { return CellScanner.compactWordDate.date(in: bytes, from: start, to: end) }
    guard parts.end == end || DateFormat.isTime(bytes, from: timeStart(after: parts.end), to: end),
      let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day)
    else { return nil }
    if let weekday = parts.weekday, MonthNames.weekday(of: date) != weekday { return nil }
    return date
  }

  /// Where the time after a date in words that ends at `dateEnd` starts: past ` at` or ` um`
  /// (`Nov 2, 2026 at 2:03 PM`), else at `dateEnd`.
  private func timeStart(after dateEnd: Int) -> Int {
    guard end - dateEnd > 4, bytes[dateEnd] == UInt8(ascii: " "), bytes[dateEnd + 3] == UInt8(ascii: " ") else {
      return dateEnd
    }
    let word = (bytes[dateEnd + 1] | 0x20, bytes[dateEnd + 2] | 0x20)
    let joins = word == (UInt8(ascii: "a"), UInt8(ascii: "t")) || word == (UInt8(ascii: "u"), UInt8(ascii: "m"))
    return joins ? dateEnd + 3 : dateEnd
  }

  /// `03DEC2024`, as SAS and some banks write dates: two digits of the day, the month's name and
  /// four digits of the year, with nothing between them.
  static let compactWordDate = DateFormat(order: .dayMonthYear, separator: .none, yearDigits: 4, monthWidth: 3)

  /// The parts of a date in words with a four-digit year at the start of the cell: an optional
  /// weekday, then day, month and year, month, day and year, or year, month and day, with the same
  /// separator between them (`-`, `/`, `.`, or spaces after an optional `.` or `,`). `nil` when
  /// the cell has no such shape.
  var wordDate: WordDate? {
    // No date in words is longer, or has fewer than five digits (a day and a four-digit year): a
    // cell of megabytes, or a text cell of an undeclared field (``inferValue()`` asks), is not
    // split into words.
    guard end - start >= 9, end - start <= 64 else { return nil }
    var digits = 0
    for index in start..<end where CellScanner.isDigit(bytes[index]) { digits += 1 }
    guard digits >= 5 else { return nil }
    var index = start
    var weekday: Int?
    if let word = letters(from: index), let day = MonthNames.weekday(bytes[index..<word]) {
      weekday = day
      index = word
      if index < end, bytes[index] == UInt8(ascii: ".") { index += 1 }
      if index < end, bytes[index] == UInt8(ascii: ",") { index += 1 }
      let spaces = index
      while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
      guard index > spaces else { return nil }
    }
    var month: Int?
    var monthPosition = 0
    // The two numbers, in their order: their values and how many digits each has.
    var numbers = (first: (value: 0, digits: 0), second: (value: 0, digits: 0))
    var separator: UInt8?
    for position in 0..<3 {
      if position > 0 {
        guard let next = self.separator(from: &index), separator == nil || separator == next else { return nil }
        separator = next
      }
      if let word = letters(from: index) {
        guard month == nil, let named = MonthNames.month(bytes[index..<word]) else { return nil }
        month = named
        monthPosition = position
        index = word
      } else {
        let first = index
        guard let value = DateFormat.number(bytes, &index, end, fewest: 1, most: 4) else { return nil }
        if numbers.first.digits == 0 {
          numbers.first = (value, index - first)
        } else {
          numbers.second = (value, index - first)
        }
        if index - first <= 2 { index = ordinalEnd(after: index, day: value) }
      }
    }
    // Day, month and year; month, day and year; or year, month and day: the year has four digits
    // and the day one or two, so the month's place and the digits tell them apart.
    guard let month, monthPosition < 2 else { return nil }
    let yearFirst = monthPosition == 1 && numbers.first.digits == 4
    let (year, day) = yearFirst ? (numbers.first, numbers.second) : (numbers.second, numbers.first)
    guard year.digits == 4, day.digits <= 2 else { return nil }
    return WordDate(year: year.value, month: month, day: day.value, weekday: weekday, end: index)
  }

  /// The end of the word at `index` that may be a name (``MonthNames/wordEnd(in:from:to:)``).
  private func letters(from index: Int) -> Int? { MonthNames.wordEnd(in: bytes, from: index, to: end) }

  /// Moves past the separator at `index` and returns its kind: `-`, `/`, a `.` followed by no
  /// space, or spaces (the kind `0x20`) after an optional `.` (`3. Dezember`, `déc. 2024`) and an
  /// optional `,` (`Dec 3, 2024`).
  private func separator(from index: inout Int) -> UInt8? {
    guard index < end else { return nil }
    let byte = bytes[index]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
      index += 1
      return byte
    }
    if byte == UInt8(ascii: "."), index + 1 < end, bytes[index + 1] != UInt8(ascii: " ") {
      index += 1
      return byte
    }
    if bytes[index] == UInt8(ascii: ".") { index += 1 }
    if index < end, bytes[index] == UInt8(ascii: ",") { index += 1 }
    let spaces = index
    while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
    return index > spaces ? UInt8(ascii: " ") : nil
  }

  /// The offset after the ordinal ending of the day `day` at `index` (`3rd`, `21st`, French
  /// `1er`), or `index` when there is none. Only the ending the number takes is skipped.
  private func ordinalEnd(after index: Int, day: Int) -> Int {
    guard index + 2 <= end else { return index }
    let ending = (bytes[index] | 0x20, bytes[index + 1] | 0x20)
    let expected: (UInt8, UInt8)
    switch (day % 10, day / 10 % 10) {
    case (1, let tens) where tens != 1: expected = (UInt8(ascii: "s"), UInt8(ascii: "t"))
    case (2, let tens) where tens != 1: expected = (UInt8(ascii: "n"), UInt8(ascii: "d"))
    case (3, let tens) where tens != 1: expected = (UInt8(ascii: "r"), UInt8(ascii: "d"))
    default: expected = (UInt8(ascii: "t"), UInt8(ascii: "h"))
    }
    let french = day == 1 && ending == (UInt8(ascii: "e"), UInt8(ascii: "r"))
    guard ending == expected || french else { return index }
    // The ending is a word of its own only when no letter follows it.
    guard index + 2 == end || !CellScanner.isLetter(bytes[index + 2]) else { return index }
    return index + 2
  }
}
