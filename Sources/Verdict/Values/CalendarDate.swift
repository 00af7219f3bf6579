/// A day of the proleptic Gregorian calendar, counted from 1970-01-01.
public struct CalendarDate: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01 (negative before it).
  package var daysSinceEpoch: Int64

  /// Creates a date from its day number.
  package init(daysSinceEpoch: Int64) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// Creates a date from year, month and day, or `nil` when there is no such day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    self.daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
  }

  /// The date of `year`-`month`-`day` for a year of four digits (0 to 9999), or `nil` when there
  /// is no such day: the same as ``init(year:month:day:)``.
  ///
  /// Exists for ISO date cells (``CellReader/storeCommon``): with the year never below zero, the
  /// days come from unsigned divisions by constants, with no era, and the days of the month are
  /// looked up only past the 28th. Saves about 22 instructions a date cell (measured with
  /// callgrind on the peer benchmark).
  @inline(__always)
  init?(fourDigitYear year: Int, month: Int, day: Int) {
    guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
      day <= 28 || day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    // Days from civil, as in ``init(year:month:day:)``: March is the year's first month.
    let y = UInt(bitPattern: month <= 2 ? year &- 1 : year)
    let m = UInt(bitPattern: month <= 2 ? month &+ 9 : month &- 3)
    let dayOfYear = (153 &* m &+ 2) / 5 &+ UInt(bitPattern: day) &- 1
    let days = y &* 365 &+ y / 4 &- y / 100 &+ y / 400 &+ dayOfYear
    self.daysSinceEpoch = Int64(bitPattern: UInt64(days)) &- 719_468
  }

  /// The first date there is: 0001-01-01. Dates are years 1 to 9999.
  package static let first = CalendarDate(daysSinceEpoch: -719_162)
  /// The last date there is: 9999-12-31.
  package static let last = CalendarDate(daysSinceEpoch: 2_932_896)

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  /// How many days a month has.
  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether `lhs` comes before `rhs`.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }
}

extension CalendarDate: CustomStringConvertible {
  /// ISO 8601: `2026-11-28`.
  public var description: String {
    let (year, month, day) = components
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
