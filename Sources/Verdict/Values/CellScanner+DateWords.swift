/// Hints for date cells that write part of the date or its time in words and were not read: a
/// date in words that names no day or is not in a shape ``CellScanner/dateInWords`` reads, a
/// time zone's name (`10:00 CET`) or a 12-hour clock's `PM` after `13:00`. The general hint
/// would offer a format of digits to declare.
///
/// Each hint has a kind (``CellError/hintKind``) that does not quote its cell, so that a column
/// of such dates gets the hint once, not once for each of its first cells.
extension CellScanner {
  /// The hint and its kind for a cell whose time after the date, at `timeStart` (a `T` or a
  /// space), ends in a word: a zone's name or `AM`/`PM` after an otherwise valid time. `nil` for
  /// any other cell.
  func timeWordHint(from timeStart: Int) -> (hint: String, kind: String)? {
    var wordStart = end
    while wordStart > timeStart, CellScanner.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
    guard wordStart < end, end - wordStart <= 5 else { return nil }
    let timeEnd = bytes[wordStart - 1] == UInt8(ascii: " ") ? wordStart - 1 : wordStart
    guard DateFormat.isTime(bytes, from: timeStart, to: timeEnd) else { return nil }
    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)
    let capitals = word.uppercased()
    if capitals == "AM" || capitals == "PM" {
      return ("a 12-hour time before \(word) runs from 1:00 to 12:59", "12-hour time")
    }
    if capitals == "UTC" || capitals == "GMT" || capitals == "Z" {
      return ("write the zone in capital letters: \(capitals)", "zone in small letters")
    }
    return (
      "time zone names other than UTC and GMT are not read (\(word)): write an offset such as +01:00 instead "
        + "(a date's time and offset are ignored: the date is taken as written), or the date alone", "zone name"
    )
  }

  /// The hint and its kind for a cell whose date, before its first space, is in a format that
  /// could be declared and whose time after it ends in a word (`12/3/2024 10:00 AM`): what the
  /// word needs, and the format the date needs; `nil` for any other cell. (A declared format
  /// reads the date, then ``timeWordHint(from:)`` tells the word alone.)
  var dateWithTimeWordHint: (hint: String, kind: String)? {
    guard end - start <= 64, let space = (start..<end).first(where: { bytes[$0] == UInt8(ascii: " ") }),
      let (hint, kind) = timeWordHint(from: space)
    else { return nil }
    let date = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<space]), as: UTF8.self)
    let formats: [DateFormat]
    switch DateFormat.detect([date]) {
    case .format(let found): formats = [found]
    case .ambiguous(let found): formats = found
    case .none: return nil
    }
    let choices = formats.map { "format \"\($0.pattern)\"" }.joined(separator: " or ")
    return ("\(hint); and declare the field's format: \(choices)", kind)
  }

  /// The hint and its kind for a cell that names its month in words and that ``dateInWords``
  /// could not read: the day it names does not exist or is not the weekday written before it, the
  /// time after it is not one, its year has two digits, or its shape is none of a date in words;
  /// `nil` for a cell that names no month.
  var monthNameHint: (hint: String, kind: String?)? {
    if let parts = wordDate {
      guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
        return (CellScanner.noSuchDay(year: parts.year, month: parts.month, day: parts.day), nil)
      }
      if let weekday = parts.weekday, MonthNames.weekday(of: date) != weekday {
        let written = MonthNames.weekdayNames[weekday]
        let actual = MonthNames.weekdayNames[MonthNames.weekday(of: date)]
        return (
          "\(date) is a \(actual), not a \(written): check the date, or export it without the weekday", "weekday"
        )
      }
      // What follows the date is a time when it starts with a digit: `3 Dec 2024 25:00`.
      if parts.end + 1 < end, CellScanner.isDigit(bytes[parts.end + 1]) {
        if let word = timeWordHint(from: parts.end) { return word }
        return (CellScanner.timeHint, nil)
      }
    }
    // No date is longer: a cell of megabytes is not split into words.
    guard end - start <= 64 else { return nil }
    let words = string.split(whereSeparator: { " ,-/.".contains($0) }).prefix(while: { !$0.contains(":") })
    guard words.contains(where: { MonthNames.month($0.utf8) != nil }) else { return nil }
    let numbers = words.filter { $0.allSatisfy(\.isASCII) && Int($0) != nil }
    // The format of the cell's own shape, when it has one separator: its separator, and the
    // month's place.
    let separator = string.first { " -/.".contains($0) } ?? "-"
    let date = words.joined(separator: String(separator))
    if numbers.count == 2, numbers.allSatisfy({ $0.count <= 2 }), words.count == 3, string.hasPrefix(date) {
      let monthFirst = MonthNames.month(words[0].utf8) != nil
      let parts = monthFirst ? ["MMM", "D", "YY"] : ["DD", "MMM", "YY"]
      return (
        "a date in words with a two-digit year is read only in the field's declared format: "
          + "format \"\(parts.joined(separator: String(separator)))\" reads \(date)", "month names, two-digit year"
      )
    }
    if numbers.count == 2, numbers.allSatisfy({ $0.count <= 2 }) {
      return (
        "a date in words with a two-digit year is read only in the field's declared format, such as "
          + "format \"DD-MMM-YY\" for 28-Nov-26 or format \"MMM D YY\" for Nov 28 26", "month names, two-digit year"
      )
    }
    return (
      "a date in words has a day, the month and a four-digit year, such as 28 Nov 2026, Nov 28, 2026 or 2026-Nov-28",
      "month names"
    )
  }
}
