import Verdict

/// Numbers and durations as report text, written straight into the buffer.
extension ByteBuffer {
  /// Appends a whole number in decimal.
  public func appendDecimal(_ value: Int) {
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

  /// Appends a duration as its shortest exact literal, the same text as `TimeSpan.description`
  /// (`30d`, `2w`, `90min`) without making a `String`.
  public func appendDuration(_ span: TimeSpan) {
    let seconds = span.seconds
    if seconds == 0 { return append("0d") }
    // The largest unit that divides it exactly: years, weeks, days, hours, minutes, else seconds.
    if seconds % 86_400 == 0 {
      let days = seconds / 86_400
      if days % 365 == 0 { return appendCount(days / 365, "y") }
      if days % 7 == 0 { return appendCount(days / 7, "w") }
      return appendCount(days, "d")
    }
    if seconds % 3_600 == 0 { return appendCount(seconds / 3_600, "h") }
    if seconds % 60 == 0 { return appendCount(seconds / 60, "min") }
    appendCount(seconds, "s")
  }

  @inline(__always) private func appendCount(_ count: Int64, _ unit: StaticString) {
    appendDecimal(Int(count))
    append(unit)
  }
}
