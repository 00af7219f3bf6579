/// Reading dates in a format from a cell's bytes, without making a `String`.
///
/// After the date a cell may hold a time: `T` or one space, then `HH:MM`, `HH:MM:SS` or
/// `HH:MM:SS.fraction` (the hour may have one digit), then optionally `AM` or `PM`, then optionally
/// `Z`, `UTC`, `GMT` or an offset `+HH:MM`, `-HH:MM`, `+HHMM` or `-HHMM`. The time must be a valid
/// time of day and is then ignored: the date is the one written, never moved to another time zone.
extension DateFormat {
  /// The date `text` holds in this format, spaces around it ignored as in a data cell, or `nil`.
  package func date(_ text: String) -> CalendarDate? {
    var text = text
    return text.withUTF8 { bytes in
      var start = 0
      var end = bytes.count
      while start < end, CellScanner.isSpace(bytes[start]) { start += 1 }
      while end > start, CellScanner.isSpace(bytes[end - 1]) { end -= 1 }
      return date(in: bytes, from: start, to: end)
    }
  }

  /// The date `bytes[start..<end]` holds in this format, with an optional valid time after it.
  @inline(__always)
  func date(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> CalendarDate? {
    guard let parts = parts(in: bytes, from: start, to: end),
      parts.end == end || DateFormat.isTime(bytes, from: parts.end, to: end)
    else { return nil }
    return CalendarDate(year: parts.year, month: parts.month, day: parts.day)
  }

  /// A date's numbers as written at the start of a cell, read by shape alone: the day may not
  /// exist. `end` is the offset after the date.
  struct Parts {
    var year: Int
    var month: Int
    var day: Int
    var end: Int
  }

  /// The parts of the date at the start of `bytes[start..<end]`, with a two-digit year already
  /// made a full one, or `nil` when the bytes do not have the format's shape.
  func parts(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Parts? {
    var index = start
    var year = 0
    var month = 0
    var day = 0
    // With a separator a month or day has one or two digits; without one, exactly two.
    let fewest = separator == .none ? 2 : 1
    for position in 0..<3 {
      if position > 0, separator != .none {
        guard index < end, bytes[index] == separator.rawValue else { return nil }
        index += 1
      }
      switch part(at: position) {
      case .year:
        let digits = Int(yearDigits)
        guard let value = DateFormat.number(bytes, &index, end, fewest: digits, most: digits) else { return nil }
        year = value
      case .month where monthInWords:
        guard let value = monthName(bytes, &index, end) else { return nil }
        month = value
      case .month:
        guard let value = DateFormat.number(bytes, &index, end, fewest: fewest, most: 2) else { return nil }
        month = value
      case .day:
        guard let value = DateFormat.number(bytes, &index, end, fewest: fewest, most: 2) else { return nil }
        day = value
      }
    }
    if yearDigits == 2 { year += year >= 69 ? 1900 : 2000 }
    return Parts(year: year, month: month, day: day, end: index)
  }

  /// The month named by the word at `index` (`Dec`, `December`, `Dez.`, `déc.`), which moves past
  /// it and the dot an abbreviation may end with (unless dots separate the parts); `nil` when the
  /// word names no month.
  private func monthName(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ end: Int) -> Int? {
    guard let word = MonthNames.wordEnd(in: bytes, from: index, to: end),
      let month = MonthNames.month(bytes[index..<word])
    else { return nil }
    index = word
    if separator != .dot, index < end, bytes[index] == UInt8(ascii: ".") { index += 1 }
    return month
  }

  /// A part of a date.
  enum Part { case year, month, day }

  /// Which part comes at `position` (0, 1 or 2).
  @inline(__always)
  func part(at position: Int) -> Part {
    switch order {
    case .yearMonthDay: position == 0 ? .year : position == 1 ? .month : .day
    case .dayMonthYear: position == 0 ? .day : position == 1 ? .month : .year
    case .monthDayYear: position == 0 ? .month : position == 1 ? .day : .year
    }
  }

  /// The value of `fewest` to `most` ASCII digits at `index`, which moves past them; `nil` when
  /// there are fewer. Digits after the `most`-th are left for the caller to refuse.
  @inline(__always)
  static func number(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ end: Int, fewest: Int, most: Int
  ) -> Int? {
    var value = 0
    var count = 0
    while count < most, index < end {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      value = value * 10 + Int(digit)
      index += 1
      count += 1
    }
    return count >= fewest ? value : nil
  }

  /// Whether `bytes[start..<end]` is a valid time after a date: `T`, a space or `, `, `H:MM` or
  /// `HH:MM`, optionally `:SS` and a fraction, then optionally a 12-hour clock's `AM` or `PM`
  /// (`10:00 PM`, the hour then from 1 to 12), then optionally a zone: `Z`, `UTC`, `GMT` or an
  /// offset (`+01:00`, `-0800`, `+01`), after one space or none (`10:00:00 +0100`, as many
  /// exports write it, and `10:00 UTC`). The zone names no other day than the one written: the
  /// date is taken as written, never converted.
  static func isTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    var index = start
    // `, ` as well: JavaScript's `toLocaleString` writes `12/3/2024, 10:00:00 PM`.
    if index + 1 < end, bytes[index] == UInt8(ascii: ","), bytes[index + 1] == UInt8(ascii: " ") { index += 1 }
    guard index < end, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else { return false }
    index += 1
    guard let hour = number(bytes, &index, end, fewest: 1, most: 2), hour < 24,
      skip(UInt8(ascii: ":"), bytes, &index, end),
      let minute = number(bytes, &index, end, fewest: 2, most: 2), minute < 60
    else { return false }
    if skip(UInt8(ascii: ":"), bytes, &index, end) {
      guard let second = number(bytes, &index, end, fewest: 2, most: 2), second < 60 else { return false }
      if skip(UInt8(ascii: "."), bytes, &index, end) {
        let first = index
        while index < end, CellScanner.isDigit(bytes[index]) { index += 1 }
        guard index > first else { return false }
      }
    }
    if index == end { return true }
    // A space says a zone or a 12-hour clock's AM or PM follows.
    _ = skip(UInt8(ascii: " "), bytes, &index, end)
    if let after = meridiemEnd(bytes, from: index, to: end) {
      // A 12-hour clock's hours run from 1 to 12: `13:00 PM` and `0:30 AM` are no times.
      guard hour >= 1 && hour <= 12 else { return false }
      index = after
      if index == end { return true }
      guard skip(UInt8(ascii: " "), bytes, &index, end) else { return false }
    }
    return isZone(bytes, from: index, to: end)
  }

  /// The end of a 12-hour clock's `AM` or `PM` at `start` (in any letter case, or written `a.m.`
  /// and `p.m.`), or `nil` when there is none there.
  private static func meridiemEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    guard start + 2 <= end else { return nil }
    let first = bytes[start] | 0x20
    guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else { return nil }
    var index = start + 1
    let dotted = skip(UInt8(ascii: "."), bytes, &index, end)
    guard index < end, bytes[index] | 0x20 == UInt8(ascii: "m") else { return nil }
    index += 1
    if dotted { guard skip(UInt8(ascii: "."), bytes, &index, end) else { return nil } }
    return index == end || bytes[index] == UInt8(ascii: " ") ? index : nil
  }

  /// Whether `bytes[start..<end]` is a time zone after a time: `Z`, `UTC`, `GMT`, or an offset of
  /// hours (`+01`, as PostgreSQL writes its timestamps; ISO 8601 allows it) and optionally
  /// minutes (`+01:00`, `-0800`).
  private static func isZone(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    var index = start
    if end - start == 3 {
      let name = (bytes[start], bytes[start + 1], bytes[start + 2])
      if name == (UInt8(ascii: "U"), UInt8(ascii: "T"), UInt8(ascii: "C"))
        || name == (UInt8(ascii: "G"), UInt8(ascii: "M"), UInt8(ascii: "T"))
      {
        return true
      }
    }
    if skip(UInt8(ascii: "Z"), bytes, &index, end) { return index == end }
    guard skip(UInt8(ascii: "+"), bytes, &index, end) || skip(UInt8(ascii: "-"), bytes, &index, end),
      let hours = number(bytes, &index, end, fewest: 2, most: 2), hours < 24
    else { return false }
    if index == end { return true }
    _ = skip(UInt8(ascii: ":"), bytes, &index, end)
    guard let minutes = number(bytes, &index, end, fewest: 2, most: 2), minutes < 60 else { return false }
    return index == end
  }

  /// Moves past `byte` if it is at `index`.
  @inline(__always)
  private static func skip(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ end: Int) -> Bool {
    guard index < end, bytes[index] == byte else { return false }
    index += 1
    return true
  }
}
