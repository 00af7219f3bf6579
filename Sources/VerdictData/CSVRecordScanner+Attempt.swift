/// The record state machine: one pass over buffered bytes, no allocation, no bounds checks.
extension CSVRecordScanner {
  /// The cursor of one parse attempt; committed to the scanner only when a record completes.
  struct Cursor {
    /// The next byte to read.
    var p: Int
    /// The physical line of `p`.
    var line: Int
    /// Where `line` starts, for error columns.
    var lineStart: Int
    /// Bytes of `scratch` used by this record.
    var scratchUsed = 0
    /// The first field with a quote out of place, as ``CSVQuoteFlaw/code``, or -1.
    var flaw = -1
  }

  /// Parses one record from the buffered bytes; on success advances `window.start` and `line`.
  ///
  /// Never reads at or past `window.end`. Returns `.needMore` when the outcome depends on
  /// bytes not yet read (including a trailing CR that may be the first half of CRLF).
  func attempt() -> Attempt {
    let base = window.base
    let end = window.end
    let atEnd = window.isAtEndOfInput
    let separator = self.separator
    var cursor = Cursor(p: window.start, line: line, lineStart: window.start)
    let first = base[cursor.p]
    if first == Self.lineFeed || first == Self.carriageReturn {
      guard let next = lineBreakEnd(at: cursor.p, base: base, end: end, atEnd: atEnd) else {
        return .needMore(openQuoteLine: 0)
      }
      window.start = next
      line += 1
      return .blank
    }
    let recordStart = cursor.p
    var fieldsEnd = end
    var count = 0
    while true {
      let field: UnsafeBufferPointer<UInt8>
      if cursor.p < end && base[cursor.p] == Self.quote {
        switch quotedField(&cursor, field: count, base: base, end: end, atEnd: atEnd) {
        case .success(let quoted):
          field = quoted
        case .failure(let stop):
          return stop.attempt
        }
      } else {
        let start = cursor.p
        cursor.p = unquotedFieldEnd(
          from: start, base: base, end: end, separator: separator, field: count, flaw: &cursor.flaw)
        field = UnsafeBufferPointer(start: base + start, count: cursor.p - start)
      }
      if count == fieldCapacity {
        guard fieldCapacity < Self.maxFieldsPerRecord else {
          return .tooManyFields
        }
        growFields()
      }
      fields[count] = field
      count += 1
      if cursor.p == end {
        if !atEnd {
          return .needMore(openQuoteLine: 0)
        }
        break
      }
      if base[cursor.p] == separator {
        cursor.p += 1
        continue
      }
      guard let next = lineBreakEnd(at: cursor.p, base: base, end: end, atEnd: atEnd) else {
        return .needMore(openQuoteLine: 0)
      }
      fieldsEnd = cursor.p
      cursor.p = next
      cursor.line += 1
      break
    }
    window.start = cursor.p
    line = cursor.line
    flaw = cursor.flaw
    recordBytes =
      cursor.scratchUsed == 0 ? UnsafeBufferPointer(start: base + recordStart, count: fieldsEnd - recordStart) : nil
    return .complete(count: count)
  }

  /// The first index at or after `start` holding the separator, LF or CR (or `end`). A quote
  /// before it is a flaw of field number `field`, noted in `flaw` unless one is noted already.
  @inline(__always)
  private func unquotedFieldEnd(
    from start: Int, base: UnsafeMutablePointer<UInt8>, end: Int, separator: UInt8, field: Int, flaw: inout Int
  ) -> Int {
    var p = start
    while true {
      p = Self.firstCandidate(from: p, base: base, end: end, matching: separator, or: Self.quote)
      if p == end {
        return p
      }
      let byte = base[p]
      if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn {
        return p
      }
      if byte == Self.quote && flaw < 0 {
        flaw = CSVQuoteFlaw(field: field, kind: .quoteInUnquotedField).code
      }
      p += 1
    }
  }

  /// The index after the line break at `p` (LF, CRLF or lone CR), or `nil` if that needs more bytes.
  @inline(__always)
  private func lineBreakEnd(
    at p: Int, base: UnsafeMutablePointer<UInt8>, end: Int, atEnd: Bool
  ) -> Int? {
    if base[p] == Self.lineFeed {
      return p + 1
    }
    if p + 1 < end {
      return base[p + 1] == Self.lineFeed ? p + 2 : p + 1
    }
    return atEnd ? p + 1 : nil
  }

  /// Why a quoted field could not be completed from the buffered bytes.
  struct Stop: Error {
    var attempt: Attempt
  }

  /// Parses the quoted field at `cursor.p` (its opening quote), the record's field number
  /// `field`, up to the separator or line break after it. Plain content is returned in place;
  /// content with `""` or with text after the closing quote is assembled in `scratch`. Text other
  /// than spaces after the closing quote is noted as the record's flaw.
  @inline(__always)
  private func quotedField(
    _ cursor: inout Cursor, field: Int, base: UnsafeMutablePointer<UInt8>, end: Int, atEnd: Bool
  ) -> Result<UnsafeBufferPointer<UInt8>, Stop> {
    let quoteLine = cursor.line
    let quoteColumn = cursor.p - cursor.lineStart + 1
    var p = cursor.p + 1
    var segmentStart = p
    var unescapedStart = -1
    while true {
      while true {
        p = Self.firstCandidate(from: p, base: base, end: end, matching: Self.quote)
        guard p < end && base[p] != Self.quote else {
          break
        }
        if base[p] == Self.lineFeed {
          cursor.line += 1
          cursor.lineStart = p + 1
        } else if base[p] == Self.carriageReturn {
          if p + 1 == end && !atEnd {
            return .failure(Stop(attempt: .needMore(openQuoteLine: quoteLine)))
          }
          if p + 1 < end && base[p + 1] != Self.lineFeed {
            cursor.line += 1
            cursor.lineStart = p + 1
          }
        }
        p += 1
      }
      if p == end {
        let attempt: Attempt =
          atEnd
          ? .unterminatedQuote(line: quoteLine, column: quoteColumn)
          : .needMore(openQuoteLine: quoteLine)
        return .failure(Stop(attempt: attempt))
      }
      if p + 1 == end && !atEnd {
        return .failure(Stop(attempt: .needMore(openQuoteLine: quoteLine)))
      }
      guard p + 1 < end && base[p + 1] == Self.quote else {
        break
      }
      if unescapedStart < 0 {
        unescapedStart = cursor.scratchUsed
      }
      appendToScratch(base + segmentStart, count: p + 1 - segmentStart, cursor: &cursor)
      p += 2
      segmentStart = p
    }
    let contentEnd = p
    let tailStart = p + 1
    var tailFlaw = -1
    p = unquotedFieldEnd(from: tailStart, base: base, end: end, separator: separator, field: field, flaw: &tailFlaw)
    cursor.p = p
    if p > tailStart && cursor.flaw < 0
      && !UnsafeBufferPointer(start: base + tailStart, count: p - tailStart).allSatisfy({ $0 == UInt8(ascii: " ") })
    {
      cursor.flaw = CSVQuoteFlaw(field: field, kind: .textAfterClosingQuote).code
    }
    if p == tailStart && unescapedStart < 0 {
      return .success(
        UnsafeBufferPointer(start: base + segmentStart, count: contentEnd - segmentStart))
    }
    if unescapedStart < 0 {
      unescapedStart = cursor.scratchUsed
    }
    appendToScratch(base + segmentStart, count: contentEnd - segmentStart, cursor: &cursor)
    appendToScratch(base + tailStart, count: p - tailStart, cursor: &cursor)
    return .success(
      UnsafeBufferPointer(
        start: scratch + unescapedStart, count: cursor.scratchUsed - unescapedStart))
  }

  @inline(__always)
  private func appendToScratch(
    _ bytes: UnsafeMutablePointer<UInt8>, count: Int, cursor: inout Cursor
  ) {
    (scratch + cursor.scratchUsed).update(from: bytes, count: count)
    cursor.scratchUsed += count
  }
}
