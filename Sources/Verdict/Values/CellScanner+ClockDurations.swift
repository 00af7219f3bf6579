/// Durations written as a clock, as time trackers export them (Toggl, Clockify, Harvest):
/// `01:30:00`, `1:30:00`, `120:05:30` — hours, then minutes and seconds of two digits each,
/// below 60. Exact, and one reading only, so they are read.
///
/// Two parts (`1:30`) have two readings: trackers write hours and minutes so (Harvest, Airtable,
/// Clockodo), but call logs and media write minutes and seconds, and the cell does not say which.
/// A field's unit says it: in a field `in hours` the first part is hours and the second minutes,
/// in one `in minutes` minutes and seconds. Elsewhere they are refused, and the hint asks for the
/// third part or the unit.
extension CellScanner {
  /// The duration of a cell written `H:MM:SS` (up to nine digits of hours), or `H:MM` in a field
  /// whose bare numbers are hours (`M:SS` in minutes); `nil` for any other.
  func clockDuration(bareUnit: TimeSpan.Unit?) -> TimeSpan? {
    guard let parts = clockParts else { return nil }
    if parts.count == 3 { return TimeSpan(seconds: parts[0] * 3600 + parts[1] * 60 + parts[2]) }
    switch bareUnit {
    case .hour: return TimeSpan(seconds: parts[0] * 3600 + parts[1] * 60)
    case .minute: return TimeSpan(seconds: parts[0] * 60 + parts[1])
    case .second, .day, .week, .month, .year, nil: return nil
    }
  }

  /// The hint for a cell written `H:MM` (or `MM:SS`), which has two readings in a field not in
  /// hours or minutes; `nil` for any other.
  var twoPartClockHint: String? {
    guard let parts = clockParts, parts.count == 2 else { return nil }
    return "\(quoted) may be hours and minutes or minutes and seconds: declare the field 'in hours' if its "
      + "cells are hours and minutes, or write \(string):00 for \(parts[0])h \(parts[1])min, or a unit such as "
      + "\(parts[0] * 60 + parts[1])min"
  }

  /// The numbers of a cell of two or three parts joined by `:`, the first of 1 to 9 digits and
  /// the others of exactly two, below 60; `nil` for any other cell.
  private var clockParts: [Int64]? {
    guard end - start <= 17 else { return nil }
    var parts: [Int64] = []
    var index = start
    while true {
      var value: Int64 = 0
      let first = index
      while index < end, CellScanner.isDigit(bytes[index]) {
        value = value * 10 + Int64(bytes[index] &- UInt8(ascii: "0"))
        index += 1
      }
      let digits = index - first
      guard parts.isEmpty ? (1...9).contains(digits) : digits == 2 && value < 60 else { return nil }
      parts.append(value)
      guard index < end else { break }
      guard bytes[index] == UInt8(ascii: ":"), parts.count < 3 else { return nil }
      index += 1
    }
    return parts.count >= 2 ? parts : nil
  }
}
