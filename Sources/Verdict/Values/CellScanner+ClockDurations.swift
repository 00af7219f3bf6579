/// Durations written as a clock, as time trackers export them (Toggl, Clockify, Harvest):
/// `01:30:00`, `1:30:00`, `120:05:30` — hours, then minutes and seconds of two digits each,
/// below 60. Exact, and one reading only, so they are read.
///
/// Two parts (`1:30`) are refused: trackers write hours and minutes so, but call logs and media
/// write minutes and seconds, and the cell does not say which. Its hint asks for the third part.
extension CellScanner {
  /// The duration of a cell written `H:MM:SS` (up to nine digits of hours); `nil` for any other.
  var clockDuration: TimeSpan? {
    guard let parts = clockParts, parts.count == 3 else { return nil }
    return TimeSpan(seconds: parts[0] * 3600 + parts[1] * 60 + parts[2])
  }

  /// The hint for a cell written `H:MM` (or `MM:SS`), which has two readings; `nil` for any other.
  var twoPartClockHint: String? {
    guard let parts = clockParts, parts.count == 2 else { return nil }
    return "\(quoted) may be hours and minutes or minutes and seconds: write \(string):00 if it is "
      + "\(parts[0])h \(parts[1])min, or a unit such as \(parts[0] * 60 + parts[1])min"
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
