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
