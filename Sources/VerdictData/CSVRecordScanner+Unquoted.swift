/// The common case first: a record without a quote, or whose quoted fields are plain text and
/// doubled quotes between their quotes, whose bytes and line break are all in the window, split
/// by finding every separator and line break of a chunk of bytes at a time (sixteen with SSE2, else
/// eight: ``PlatformFieldEnds``).
extension CSVRecordScanner {
  /// Splits the record at `window.start` as ``attempt()`` would, when it holds no quote but
  /// those of quoted fields before a separator (``closingQuote(at:base:end:separator:)``) and its
  /// line break lies in the window with at least eight bytes from each word's start; returns `nil`,
  /// having changed nothing but ``fields``, for any other record (one with another quote, a
  /// blank line, one at the end of the window or of the input, one with more fields than
  /// ``fieldCapacity``, whose table is not grown here), which ``attempt()`` then reads.
  ///
  /// Each chunk of bytes (``FieldEndScan``) gives the set of its bytes that are the separator, a
  /// quote or below 14 (LF, CR and other control bytes, which are field content), exactly;
  /// the fields end where the set says. A quoted field's `""` is turned into `"` in place in the
  /// window when the record is whole (``unescape(_:_:)``), so that every field lies within
  /// ``recordBytes``, where ``attempt()`` would have unescaped it into `scratch`.
  @inline(__always)
  func attemptUnquoted() -> Attempt? {
    attemptUnquoted(into: fields, capacity: fieldCapacity)
  }

  /// ``attemptUnquoted()`` writing the fields to `fields`, which has room for `capacity`: the
  /// scanner's own table, or a place in a test's.
  @inline(__always)
  func attemptUnquoted(
    into fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>, capacity: Int
  ) -> Attempt? {
    let base = window.base
    let recordStart = window.start
    let separator = self.separator
    guard
      let record = splitRecord(
        at: recordStart, base: base, end: window.end, separator: separator,
        ends: PlatformFieldEnds(separator: separator, quote: Self.quote), into: fields, capacity: capacity)
    else { return nil }
    window.start = record.next
    line &+= 1
    flaw = -1
    recordBytes = UnsafeBufferPointer(start: base + recordStart, count: record.lineBreak &- recordStart)
    return .complete(count: record.count)
  }

  /// The record at `recordStart` split word by word as ``attemptUnquoted()`` takes it, its fields
  /// written to `fields` (room for `capacity`), its doubled quotes unescaped: how many fields,
  /// where its line break is and where the next record starts; `nil` for a record the split does
  /// not take, having changed nothing but `fields`. What ``attemptUnquoted()`` and
  /// ``splitRun(into:limit:)`` share; inlined into each, which keep what they hoist (`base`,
  /// `end`, `separator`, `ends`) out of their loops.
  @inline(__always)
  func splitRecord<Ends: FieldEndScan>(
    at recordStart: Int, base: UnsafeMutablePointer<UInt8>, end: Int, separator: UInt8, ends: Ends,
    into fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>, capacity: Int
  ) -> (count: Int, lineBreak: Int, next: Int)? {
    let first = base[recordStart]
    if first == Self.lineFeed || first == Self.carriageReturn { return nil }
    var count = 0
    // The fields (below 64) in quotes with `""` inside, unescaped in place once the record is whole.
    var escaped: UInt64 = 0
    var fieldStart = recordStart
    var word = recordStart
    words: while word &+ 8 <= end {
      let chunk = ends.found(at: base + word, end: base + end)
      var found = chunk.bits
      while found != 0 {
        let at = word &+ found.trailingZeroBitCount
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
          if escaped != 0 { Self.unescape(fields, escaped) }
          let next = byte == Self.carriageReturn && base[at &+ 1] == Self.lineFeed ? at &+ 2 : at &+ 1
          return (count, at, next)
        } else if byte == Self.quote {
          // A field in quotes without a quote or a line break inside, closed right before the
          // separator, is its bytes between the quotes, in place: the rest of the record is read
          // on after the separator. (A tenth of the benchmark's records quote a name; `attempt()`
          // took 1,114 instructions for such a record, and reading a record took 718 on average
          // before, 674 with this path.)
          guard at == fieldStart, count &+ 1 < capacity,
            let (close, doubled) = closingQuote(at: at, base: base, end: end, separator: separator)
          else { return nil }
          if doubled {
            guard count < 64 else { return nil }
            escaped |= 1 &<< UInt64(count)
          }
          fields[count] = UnsafeBufferPointer(start: base + (at &+ 1), count: close &- at &- 1)
          count &+= 1
          fieldStart = close &+ 2
          word = fieldStart
          continue words
        }
      }
      word &+= chunk.width
    }
    return nil
  }

  /// The closing quote of the quoted field whose opening quote is at `start`, when the field holds
  /// no byte below 14 (such as a line break) and no quote but doubled ones (`""`, one quote), and
  /// the closing quote is followed in the window by the separator; with whether a doubled quote
  /// was met. `nil` otherwise.
  @inline(__always)
  func closingQuote(
    at start: Int, base: UnsafeMutablePointer<UInt8>, end: Int, separator: UInt8
  ) -> (close: Int, doubled: Bool)? {
    var p = start &+ 1
    var doubled = false
    while true {
      p = Self.firstCandidate(from: p, base: base, end: end, matching: Self.quote)
      guard p &+ 1 < end, base[p] == Self.quote else { return nil }
      let after = base[p &+ 1]
      if after == separator { return (p, doubled) }
      guard after == Self.quote else { return nil }
      doubled = true
      p &+= 2
    }
  }

  /// Turns each `""` of the fields in `mask` (bit `i` for field `i`) into one quote, in place in
  /// the window, once their record is whole (``attempt()`` would read them again otherwise).
  ///
  /// Why: a record with a doubled quote was ``attempt()``'s, its field unescaped into `scratch`,
  /// the record then without ``recordBytes`` and copied into a batch cell by cell (about 1,800
  /// instructions such a record more than a plain one; 85 a client on the benchmark, where 4.7%
  /// of the records have one). Unescaped in place, the field stays within the record's bytes.
  @inline(never)
  static func unescape(_ fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>, _ mask: UInt64) {
    var mask = mask
    while mask != 0 {
      let index = mask.trailingZeroBitCount
      mask &= mask &- 1
      let field = fields[index]
      guard let start = field.baseAddress else { continue }
      let bytes = UnsafeMutablePointer(mutating: start)
      var write = 0
      var read = 0
      while read < field.count {
        let byte = bytes[read]
        bytes[write] = byte
        write &+= 1
        // Every quote inside the field is the first of a pair (``closingQuote``).
        read &+= byte == Self.quote ? 2 : 1
      }
      fields[index] = UnsafeBufferPointer(start: start, count: write)
    }
  }
}
