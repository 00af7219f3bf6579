import Verdict

/// Numbers and durations as report text, written straight into the buffer.
extension ByteBuffer {
  /// Appends a whole number in decimal.
  package func appendDecimal(_ value: Int) {
    if value >= 0, value < 100_000_000 { return appendShortDecimal(UInt64(value)) }
    var magnitude = value.magnitude
    // 20 digits and a sign at most.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
      var end = digits.count
      repeat {
        end -= 1
        digits[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 {
        end -= 1
        digits[end] = UInt8(ascii: "-")
      }
      append(UnsafeBufferPointer(rebasing: digits[end...]))
    }
  }

  /// Appends a date as `CalendarDate.description` writes it (`2026-12-01`), without making a
  /// string for the years 0 to 9999.
  package func appendDate(_ date: CalendarDate) {
    let place = Int(date.daysSinceEpoch & 3)
    let recent = recentDates[place]
    if recent.day == date.daysSinceEpoch {
      append(word: recent.head, used: 8)
      return append(word: recent.tail, used: 2)
    }
    let (year, month, day) = date.components
    guard (0...9999).contains(year) else { return appendText(date.description) }
    // Ten characters in two words: "YYYY-MM-" then "DD".
    func digit(_ value: Int, at byte: UInt64) -> UInt64 { UInt64(48 + value) << (8 * byte) }
    let dash = UInt64(UInt8(ascii: "-"))
    let word =
      digit(year / 1000, at: 0) | digit(year / 100 % 10, at: 1) | digit(year / 10 % 10, at: 2)
      | digit(year % 10, at: 3) | dash << 32 | digit(month / 10, at: 5) | digit(month % 10, at: 6) | dash << 56
    let tail = digit(day / 10, at: 0) | digit(day % 10, at: 1)
    recentDates[place] = (date.daysSinceEpoch, word, tail)
    append(word: word, used: 8)
    append(word: tail, used: 2)
  }

  /// Appends a number of at most eight digits (line numbers, days) in one store: its digits are
  /// put together in one word, two at a time, the first digit in the lowest byte.
  @inline(__always)
  private func appendShortDecimal(_ value: UInt64) {
    var rest = value
    var word: UInt64 = 0
    var digits = 0
    while rest >= 100 {
      let pair = rest % 100
      rest /= 100
      let tens = pair / 10
      word = word << 16 | (pair - tens * 10 + 0x30) << 8 | (tens + 0x30)
      digits += 2
    }
    if rest >= 10 {
      let tens = rest / 10
      word = word << 16 | (rest - tens * 10 + 0x30) << 8 | (tens + 0x30)
      digits += 2
    } else {
      word = word << 8 | (rest + 0x30)
      digits += 1
    }
    append(word: word, used: digits)
  }

  /// Appends a duration as the literal it prints as, the same text as `TimeSpan.description`
  /// (`30d`, `2w`, `12.3d`, `1.5h`) without making a `String`.
  package func appendDuration(_ span: TimeSpan) {
    let seconds = span.seconds
    // Whole days, the common case: years, weeks or days.
    if seconds % 86_400 == 0, seconds != 0 {
      let days = seconds / 86_400
      if days % 365 == 0 { return appendCount(days / 365, "y") }
      if days % 7 == 0 { return appendCount(days / 7, "w") }
      return appendCount(days, "d")
    }
    let literal = span.literal
    if literal.isNegative { append(UInt8(ascii: "-")) }
    // 20 digits and a point at most.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
      var magnitude = literal.scaledCount
      var end = digits.count
      var places = 0
      repeat {
        if places == literal.fractionDigits, places > 0 {
          end -= 1
          digits[end] = UInt8(ascii: ".")
        }
        end -= 1
        digits[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        places += 1
      } while magnitude > 0 || places <= literal.fractionDigits
      append(UnsafeBufferPointer(rebasing: digits[end...]))
    }
    appendText(literal.unit.rawValue)
  }

  @inline(__always) private func appendCount(_ count: Int64, _ unit: StaticString) {
    appendDecimal(Int(count))
    append(unit)
  }
}
