/// The scanner's byte search: eight bytes at a time, for the bytes that end a field.
extension CSVRecordScanner {
  /// The first index at or after `start` whose byte equals `target` or `other` or is below 14,
  /// or `end`: ``firstCandidate(from:base:end:matching:)`` with a second byte to look for.
  @inline(__always)
  static func firstCandidate(
    from start: Int, base: UnsafeMutablePointer<UInt8>, end: Int, matching target: UInt8, or other: UInt8
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let targets = UInt64(target) &* ones
    let others = UInt64(other) &* ones
    let below14 = 14 &* ones
    var p = start
    while p &+ 8 <= end {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
      let equal = word ^ targets
      let equalOther = word ^ others
      let flagged =
        ((equal &- ones) & ~equal | (equalOther &- ones) & ~equalOther | (word &- below14) & ~word) & highBits
      if flagged != 0 {
        return p &+ flagged.trailingZeroBitCount &>> 3
      }
      p &+= 8
    }
    while p < end {
      let byte = base[p]
      if byte == target || byte == other || byte < 14 {
        return p
      }
      p &+= 1
    }
    return end
  }

  /// The first index at or after `start` whose byte equals `target` or is below 14 (a
  /// superset of LF and CR), or `end`.
  ///
  /// Scans eight bytes at a time with the classic "has zero byte" bit trick, which is exact for
  /// the lowest flagged byte of a word; the last few bytes are checked one by one.
  @inline(__always)
  static func firstCandidate(
    from start: Int, base: UnsafeMutablePointer<UInt8>, end: Int, matching target: UInt8
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let targets = UInt64(target) &* ones
    let below14 = 14 &* ones
    var p = start
    while p &+ 8 <= end {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
      let equal = word ^ targets
      let flagged = ((equal &- ones) & ~equal | (word &- below14) & ~word) & highBits
      if flagged != 0 {
        return p &+ flagged.trailingZeroBitCount &>> 3
      }
      p &+= 8
    }
    while p < end {
      let byte = base[p]
      if byte == target || byte < 14 {
        return p
      }
      p &+= 1
    }
    return end
  }
}

/// The bytes that may end or open a field in an unquoted split (the separator, a quote, a byte
/// below 14 such as a line break), found in a word of eight bytes at once: shared by
/// ``CSVRecordScanner/attemptUnquoted(into:capacity:)`` and ``CSVRecordScanner/splitRun(into:limit:)``.
struct FieldEndBytes {
  // Computed, not stored: a stored static is initialized lazily and checked on every access.
  @inline(__always) private static var ones: UInt64 { 0x0101_0101_0101_0101 }
  @inline(__always) private static var low: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
  @inline(__always) private static var high: UInt64 { 0x8080_8080_8080_8080 }
  /// Adding 0x72 to a byte's low seven bits carries into its high bit when they are 14 or more.
  @inline(__always) private static var fromFourteen: UInt64 { 0x7272_7272_7272_7272 }
  private let separators: UInt64
  private let quotes: UInt64

  @inline(__always)
  init(separator: UInt8, quote: UInt8) {
    separators = UInt64(separator) &* FieldEndBytes.ones
    quotes = UInt64(quote) &* FieldEndBytes.ones
  }

  /// The high bit of each byte of `bytes` (eight, little-endian) that is the separator, a quote
  /// or below 14; the others' bits are clear.
  @inline(__always)
  func found(in bytes: UInt64) -> UInt64 {
    let low = FieldEndBytes.low
    // A byte's high bit in each: set when the byte is not the separator, not a quote, not below 14.
    let otherThanSeparator = bytes ^ separators
    let notSeparator = ((otherThanSeparator & low) &+ low) | otherThanSeparator
    let otherThanQuote = bytes ^ quotes
    let notQuote = ((otherThanQuote & low) &+ low) | otherThanQuote
    let notControl = ((bytes & low) &+ FieldEndBytes.fromFourteen) | bytes
    return ~(notSeparator & notQuote & notControl) & FieldEndBytes.high
  }
}
