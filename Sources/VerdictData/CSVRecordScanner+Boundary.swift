/// Finding where a record ends without splitting it into fields: the reading thread's part when
/// other threads split the records (see `CSVReader.forEachRecordText`).
extension CSVRecordScanner {
  /// Like ``attempt()``, but finds only where the record ends: a line break outside quotes. A
  /// quote opens a quoted field only as a field's first byte (the record's first, or the one after
  /// a separator outside quotes); inside, `""` is a quote and a line break is the field's. The
  /// outcome, and the window and line it leaves, are ``attempt()``'s; so are the bytes it needs
  /// before it can decide. `.complete` carries no field count: ``fields`` are not filled.
  ///
  /// A record long enough to have more fields than a record may have, and a quote left open at the
  /// end of the input, are handed to ``attempt()`` itself, for its error and its position.
  func attemptBoundary() -> Attempt {
    let base = window.base
    let end = window.end
    let atEnd = window.isAtEndOfInput
    let separator = self.separator
    let recordStart = window.start
    self.recordStart = recordStart
    var p = recordStart
    var line = self.line
    let first = base[p]
    if first == Self.lineFeed || first == Self.carriageReturn {
      return attempt()
    }
    // A record with more fields than allowed has a separator byte for each: when the record runs
    // on past that many bytes, ``attempt()`` may stop at its fields before it needs more bytes.
    @inline(__always) func more(_ openQuoteLine: Int) -> Attempt {
      end &- recordStart >= Self.maxFieldsPerRecord ? attempt() : .needMore(openQuoteLine: openQuoteLine)
    }
    while true {
      // At `p`, outside quotes: a quote here opens a quoted field when a field starts here.
      if p < end && base[p] == Self.quote && (p == recordStart || base[p &- 1] == separator) {
        let quoteLine = line
        p &+= 1
        while true {
          p = Self.firstCandidate(from: p, base: base, end: end, matching: Self.quote)
          guard p < end else { return atEnd ? attempt() : more(quoteLine) }
          let byte = base[p]
          if byte == Self.quote {
            if p &+ 1 == end && !atEnd { return more(quoteLine) }
            guard p &+ 1 < end && base[p &+ 1] == Self.quote else { break }
            p &+= 2
            continue
          }
          if byte == Self.lineFeed {
            line &+= 1
          } else if byte == Self.carriageReturn {
            if p &+ 1 == end && !atEnd { return more(quoteLine) }
            if p &+ 1 < end && base[p &+ 1] != Self.lineFeed { line &+= 1 }
          }
          p &+= 1
        }
        // The closing quote.
        p &+= 1
      }
      p = Self.firstCandidate(from: p, base: base, end: end, matching: Self.quote)
      if p == end {
        guard atEnd else { return more(0) }
        break
      }
      let byte = base[p]
      if byte == Self.lineFeed || byte == Self.carriageReturn {
        if byte == Self.carriageReturn && p &+ 1 == end && !atEnd { return more(0) }
        p = byte == Self.carriageReturn && p &+ 1 < end && base[p &+ 1] == Self.lineFeed ? p &+ 2 : p &+ 1
        line &+= 1
        break
      }
      if byte == Self.quote && base[p &- 1] == separator { continue }
      p &+= 1
    }
    if p &- recordStart >= Self.maxFieldsPerRecord { return attempt() }
    window.start = p
    self.line = line
    return .complete(count: 0)
  }
}
