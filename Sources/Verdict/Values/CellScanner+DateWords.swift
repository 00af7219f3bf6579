/// Hints for date cells that write part of the date or its time in words, which no format
/// reads: a month's name (`3 Dec 2024`, `Dec 3, 2024`, `03-Dec-2024`, `3. Dezember 2024`, and
/// RFC 2822's `Tue, 03 Dec 2024 10:00:00 GMT`, as mail headers and some CRM APIs write dates),
/// a time zone's name (`10:00 CET`) or a 12-hour clock's `AM` and `PM`. The general hint would
/// offer a format to declare, and no format reads a word.
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
      return (
        "12-hour times (\(word)) are not read: write the time from 00:00 to 23:59, or the date alone (the time is "
          + "ignored)", "12-hour time"
      )
    }
    if capitals == "UTC" || capitals == "GMT" || capitals == "Z" {
      return ("write the zone in capital letters: \(capitals)", "zone in small letters")
    }
    return (
      "time zone names other than UTC and GMT are not read (\(word)): write an offset such as +01:00 instead, "
        + "or the date alone (the time and its zone are ignored: the date is taken as written)", "zone name"
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

  /// The hint and its kind for a cell that names its month in words; `nil` for any other cell.
  /// When the cell's other words are a weekday at most, and its numbers a day and a four-digit
  /// year, the hint writes the day the cell names in numbers.
  var monthNameHint: (hint: String, kind: String)? {
    // No date is longer: a cell of megabytes is not split into words.
    guard end - start <= 64 else { return nil }
    var month: Int?
    var months = 0
    var others = 0
    var days: [Int] = []
    var years: [Int] = []
    // The words up to the time (the first with a colon): `Tue, 03 Dec 2024 10:00:00 GMT`.
    let words = string.split(whereSeparator: { " ,-/.".contains($0) })
    for word in words.prefix(while: { !$0.contains(":") }) {
      let lowered = word.lowercased()
      if let number = CellScanner.monthNumbers[lowered] {
        month = number
        months += 1
      } else if CellScanner.weekdays.contains(lowered) {
        continue
      } else if let value = Int(word), word.allSatisfy(\.isASCII) {
        if word.count == 4 { years.append(value) } else if word.count <= 2 { days.append(value) } else { others += 1 }
      } else {
        others += 1
      }
    }
    guard let month else { return nil }
    let kind = "month names"
    if months == 1, others == 0, days.count == 1, years.count == 1, (1...9999).contains(years[0]),
      let date = CalendarDate(year: years[0], month: month, day: days[0])
    {
      return ("month names are not read: write it as \(date)", kind)
    }
    return ("month names are not read: write dates in numbers, such as 2026-11-28", kind)
  }

  /// Months by their English, German and French names and abbreviations, in small letters.
  private static let monthNumbers: [String: Int] = {
    let names = [
      ["january", "jan", "januar", "janvier", "janv", "jän"],
      ["february", "feb", "februar", "février", "févr", "fevrier", "fevr"],
      ["march", "mar", "märz", "mär", "mrz", "mars"],
      ["april", "apr", "avril", "avr"],
      ["may", "mai"],
      ["june", "jun", "juni", "juin"],
      ["july", "jul", "juli", "juillet", "juil"],
      ["august", "aug", "août", "aout"],
      ["september", "sep", "sept", "septembre"],
      ["october", "oct", "oktober", "okt", "octobre"],
      ["november", "nov", "novembre"],
      ["december", "dec", "dezember", "dez", "décembre", "déc", "decembre"],
    ]
    var numbers: [String: Int] = [:]
    for (index, spellings) in names.enumerated() {
      for spelling in spellings { numbers[spelling] = index + 1 }
    }
    return numbers
  }()

  /// Weekdays by their English, German and French names and common abbreviations, which a date
  /// in words may start with.
  private static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  ]
}
