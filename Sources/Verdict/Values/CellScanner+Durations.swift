/// Duration cells: a number and its unit (`45d`, `90 Min.`), a bare number in the field's unit,
/// and written in several parts, as time and issue trackers export them: `1h 30m`, `1h30m`,
/// `2 hours 15 minutes`, `1w 2d 3h`, and ISO 8601's `PT1H30M` (APIs and calendars). Exact, and
/// one reading only, so they are read: the sum of the parts, each unit as in a one-part cell (a
/// day is 24 hours, a week 7 days, as `3d` alone is). A clock's `01:30:00` is
/// `CellScanner+ClockDurations.swift`'s.
///
/// `m` alone is minutes only right after hours (`1h 30m`): elsewhere it may be months. Months and
/// years in ISO's form (`P1M`, `P1Y`) are refused, as ISO's month is a calendar month and
/// Verdict's 30 days.
extension CellScanner {
  /// `45d`, `12h`, `90min`, `45 days`, or a bare number in `bareUnit`.
  func duration(bareUnit: TimeSpan.Unit?) -> TimeSpan? {
    guard let (decimal, unit) = durationParts(bareUnit: bareUnit) else {
      return clockDuration(bareUnit: bareUnit) ?? compoundDuration
    }
    return decimal.scaled(by: unit.seconds).map { TimeSpan(seconds: $0) }
  }

  /// The hint for a number with `m` alone after it (`45m`, `45 M`), which may be minutes or
  /// months; `nil` for any other cell.
  var minutesOrMonthsHint: String? {
    guard end - start >= 2, bytes[end - 1] | 0x20 == UInt8(ascii: "m") else { return nil }
    var numberEnd = end - 1
    while numberEnd > start, CellScanner.isSpace(bytes[numberEnd - 1]) { numberEnd -= 1 }
    guard numberEnd > start, decimal(start, numberEnd) != nil else { return nil }
    let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<numberEnd]), as: UTF8.self)
    return "m alone may be minutes or months: write \(number)min for minutes, \(number)mo for months"
  }

  /// The number and the unit of a duration cell, before the number is made seconds (which fails
  /// for part of a second or a duration too long).
  func durationParts(bareUnit: TimeSpan.Unit?) -> (number: ExactDecimal, unit: TimeSpan.Unit)? {
    // A unit abbreviated with a point, as German exports write them (`90 Min.`, `1,5 Std.`).
    var unitEnd = end
    if end - start > 2, bytes[end - 1] == UInt8(ascii: "."), CellScanner.isLetter(bytes[end - 2]) { unitEnd -= 1 }
    var unitStart = unitEnd
    while unitStart > start, CellScanner.isLetter(bytes[unitStart - 1]) { unitStart -= 1 }
    var numberEnd = unitStart
    while numberEnd > start, CellScanner.isSpace(bytes[numberEnd - 1]) { numberEnd -= 1 }
    let unit: TimeSpan.Unit?
    if unitStart == end {
      unit = bareUnit
    } else {
      unit = CellScanner.unit(named: UnsafeBufferPointer(rebasing: bytes[unitStart..<unitEnd]))
    }
    guard let unit, let decimal = decimal(start, numberEnd) else { return nil }
    return (decimal, unit)
  }

  /// The duration of a cell of two or more `NUMBER UNIT` parts in units from the largest down,
  /// each at most once, or of ISO 8601's `P…` form; `nil` for any other cell.
  var compoundDuration: TimeSpan? {
    guard end - start <= 64 else { return nil }
    if let iso = isoDuration { return iso }
    var index = start
    var total: Int64 = 0
    var parts = 0
    var previous: TimeSpan.Unit?
    while index < end {
      let numberStart = index
      while index < end,
        CellScanner.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".")
          || bytes[index] == UInt8(ascii: ",")
      {
        index += 1
      }
      let numberEnd = index
      while index < end, CellScanner.isSpace(bytes[index]) { index += 1 }
      let unitStart = index
      while index < end, CellScanner.isLetter(bytes[index]) { index += 1 }
      let letters = UnsafeBufferPointer(rebasing: bytes[unitStart..<index])
      let minutesAfterHours = previous == .hour && letters.count == 1 && letters[0] == UInt8(ascii: "m")
      guard numberEnd > numberStart,
        let unit = minutesAfterHours ? .minute : CellScanner.unit(named: letters),
        previous.map({ unit.seconds < $0.seconds }) ?? true,
        let seconds = decimal(numberStart, numberEnd)?.scaled(by: unit.seconds),
        case (let sum, false) = total.addingReportingOverflow(seconds)
      else { return nil }
      (total, previous, parts) = (sum, unit, parts + 1)
      // A unit abbreviated with a point (`1 Std. 30 Min.`).
      if index < end, bytes[index] == UInt8(ascii: "."), letters.count > 0 { index += 1 }
      while index < end, CellScanner.isSpace(bytes[index]) { index += 1 }
    }
    return parts >= 2 ? TimeSpan(seconds: total) : nil
  }

  /// ISO 8601's duration: `P`, then weeks or days, then `T` and hours, minutes and seconds, each
  /// part optional but one (`P2D`, `PT1H30M`, `P1DT12H`, `PT0.5S`); the letters in either case.
  private var isoDuration: TimeSpan? {
    guard end - start >= 3, bytes[start] | 0x20 == UInt8(ascii: "p") else { return nil }
    var index = start + 1
    var total: Int64 = 0
    var parts = 0
    var inTime = false
    // The units allowed next, from the largest down: W D before T, H M S after.
    var smallest = Int64.max
    while index < end {
      if bytes[index] | 0x20 == UInt8(ascii: "t"), !inTime {
        inTime = true
        index += 1
        continue
      }
      let numberStart = index
      while index < end, CellScanner.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
      guard index > numberStart, index < end else { return nil }
      let unit: TimeSpan.Unit? =
        switch (bytes[index] | 0x20, inTime) {
        case (UInt8(ascii: "w"), false): .week
        case (UInt8(ascii: "d"), false): .day
        case (UInt8(ascii: "h"), true): .hour
        case (UInt8(ascii: "m"), true): .minute
        case (UInt8(ascii: "s"), true): .second
        default: nil
        }
      guard let unit, unit.seconds < smallest,
        let seconds = decimal(numberStart, index)?.scaled(by: unit.seconds),
        case (let sum, false) = total.addingReportingOverflow(seconds)
      else { return nil }
      (total, smallest, parts) = (sum, unit.seconds, parts + 1)
      index += 1
    }
    return parts > 0 ? TimeSpan(seconds: total) : nil
  }
}
