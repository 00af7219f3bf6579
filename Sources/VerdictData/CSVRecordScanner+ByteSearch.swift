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
/// below 14 such as a line break), found in a chunk of bytes at once: what
/// ``CSVRecordScanner/attemptUnquoted(into:capacity:)`` and ``CSVRecordScanner/splitRun(into:limit:)``
/// split records with, ``PlatformFieldEnds`` on this machine.
protocol FieldEndScan {
  /// A scan for `separator`, `quote` and the bytes below 14.
  init(separator: UInt8, quote: UInt8)
  /// The found bytes of the chunk at `bytes`, which has at least eight bytes before `end`: a bit
  /// for each (the lowest for the first byte), no bit for any other byte; and how many bytes the
  /// chunk has (eight, or more when as many lie before `end`).
  func found(at bytes: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> (bits: UInt64, width: Int)
}

#if arch(x86_64)
  /// The scan of x86-64 processors: SSE2 compares sixteen bytes at once.
  typealias PlatformFieldEnds = SixteenByteFieldEnds
#else
  /// The scan of other processors: eight bytes at once in a 64-bit word.
  typealias PlatformFieldEnds = FieldEndBytes
#endif

/// ``FieldEndScan`` eight bytes at a time in a 64-bit word, on any processor.
struct FieldEndBytes: FieldEndScan {
  // Computed, not stored: a stored static is initialized lazily and checked on every access.
  @inline(__always) private static var ones: UInt64 { 0x0101_0101_0101_0101 }
  @inline(__always) private static var low: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
  @inline(__always) private static var high: UInt64 { 0x8080_8080_8080_8080 }
  /// Adding 0x72 to a byte's low seven bits carries into its high bit when they are 14 or more.
  @inline(__always) private static var fromFourteen: UInt64 { 0x7272_7272_7272_7272 }
  /// Multiplying eight bytes of 0 or 1 by this gathers them into the top byte, the first lowest.
  @inline(__always) private static var gather: UInt64 { 0x0102_0408_1020_4080 }
  private let separators: UInt64
  private let quotes: UInt64

  @inline(__always)
  init(separator: UInt8, quote: UInt8) {
    separators = UInt64(separator) &* FieldEndBytes.ones
    quotes = UInt64(quote) &* FieldEndBytes.ones
  }

  @inline(__always)
  func found(at bytes: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> (bits: UInt64, width: Int) {
    let word = found(in: UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)))
    return (((word &>> 7) &* FieldEndBytes.gather) &>> 56, 8)
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

#if arch(x86_64)
  import _Builtin_intrinsics.intel

  /// ``FieldEndScan`` sixteen bytes at a time with SSE2, which every x86-64 processor has: three
  /// byte compares and a move of their high bits, where the 64-bit word took about twenty-five
  /// instructions for half as many bytes. The last chunk before `end` that has fewer than
  /// sixteen bytes is scanned as ``FieldEndBytes`` does, so that the same records are split.
  ///
  /// Callgrind on the shared benchmark (`--quiet --jobs 1`, 200,000 less 100,000 clients): 3,425
  /// → 3,236 instructions a client; the plain JSON Lines run 4,033 → 3,846.
  struct SixteenByteFieldEnds: FieldEndScan {
    private let separators: __m128i
    private let quotes: __m128i
    /// 13 in each byte: a byte is below 14 when the smaller of it and 13 is itself.
    private let thirteens: __m128i
    private let words: FieldEndBytes

    @inline(__always)
    init(separator: UInt8, quote: UInt8) {
      separators = _mm_set1_epi8(CChar(bitPattern: separator))
      quotes = _mm_set1_epi8(CChar(bitPattern: quote))
      thirteens = _mm_set1_epi8(13)
      words = FieldEndBytes(separator: separator, quote: quote)
    }

    @inline(__always)
    func found(at bytes: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> (bits: UInt64, width: Int) {
      guard end - bytes >= 16 else { return words.found(at: bytes, end: end) }
      let chunk = _mm_loadu_si128(UnsafeRawPointer(bytes).assumingMemoryBound(to: __m128i.self))
      let separator = _mm_cmpeq_epi8(chunk, separators)
      let quote = _mm_cmpeq_epi8(chunk, quotes)
      let control = _mm_cmpeq_epi8(_mm_min_epu8(chunk, thirteens), chunk)
      let all = _mm_or_si128(_mm_or_si128(separator, quote), control)
      return (UInt64(UInt32(bitPattern: _mm_movemask_epi8(all))), 16)
    }
  }
#endif
