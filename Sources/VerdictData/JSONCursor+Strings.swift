/// String parsing, UTF-8 validation and error positions for `JSONCursor`.
extension JSONCursor {
  /// Parses a string at `p` (which is at the opening quote) and returns its text.
  ///
  /// Strings without escapes are decoded straight from the input; strings with escapes are
  /// assembled in the reused `scratch` buffer. Invalid UTF-8 and unescaped control characters
  /// are rejected.
  mutating func parseString() throws(DataReadError) -> String {
    switch try parseStringBytes() {
    case .inPlace(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    case .unescaped: String(decoding: scratch, as: UTF8.self)
    }
  }

  /// Where the text of a string ``parseStringBytes()`` read is.
  enum StringBytes {
    /// The string has no escapes: its text is these bytes of the input.
    case inPlace(Range<Int>)
    /// The string had escapes: its text is all of `scratch`, until the next string is parsed.
    case unescaped
  }

  /// Parses a string at `p` (which is at the opening quote) without making a `String`: the same
  /// checks as ``parseString()``, for readers that only compare or copy the text's bytes.
  mutating func parseStringBytes() throws(DataReadError) -> StringBytes {
    let opening = p
    p += 1
    var segmentStart = p
    var escaped = false
    while true {
      p = JSONCursor.firstSpecialByte(in: bytes, from: p)
      guard p < bytes.count else {
        throw failure("unterminated string", at: opening)
      }
      let byte = bytes[p]
      if byte == UInt8(ascii: "\"") {
        break
      }
      if byte < 0x20 {
        throw failure("control character (byte \(hex(byte))) in string must be escaped", at: p)
      }
      if byte >= 0x80 {
        try skipUTF8Sequence()
        continue
      }
      if !escaped {
        escaped = true
        scratch.removeAll(keepingCapacity: true)
      }
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<p]))
      try appendEscape()
      segmentStart = p
    }
    let tail = segmentStart..<p
    p += 1
    guard escaped else { return .inPlace(tail) }
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail]))
    return .unescaped
  }

  /// The index of the first byte at or after `start` that a string cannot hold as it is (a
  /// quote, a backslash, a control character or the start of a multi-byte sequence), or the end:
  /// eight bytes at a time, since most strings are long runs of plain ASCII.
  @inline(__always)
  static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return start }
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let quotes = 0x22 &* ones
    let backslashes = 0x5C &* ones
    var p = start
    while p &+ 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
      let quote = word ^ quotes
      let backslash = word ^ backslashes
      // A byte is flagged when it is a quote or a backslash (zero after the XOR), below 0x20,
      // or has its high bit set; exact for the lowest flagged byte, which is all that is used.
      let flagged =
        ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- 0x20 &* ones) | word) & highBits
      if flagged != 0 { return p &+ flagged.trailingZeroBitCount &>> 3 }
      p &+= 8
    }
    while p < count {
      let byte = base[p]
      if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return p }
      p &+= 1
    }
    return count
  }

  /// Decodes the escape at `p` (a backslash) into `scratch` as UTF-8.
  private mutating func appendEscape() throws(DataReadError) {
    let start = p
    guard p + 1 < bytes.count else {
      throw failure("unterminated string", at: start)
    }
    let letter = bytes[p + 1]
    p += 2
    let simple: UInt8
    switch letter {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"):
      try appendUnicodeEscape(start: start)
      return
    case 0x21...0x7E:
      let text = String(Character(Unicode.Scalar(letter)))
      throw failure("invalid escape '\\\(text)' in string", at: start)
    default:
      throw failure(
        "invalid escape: backslash followed by byte \(hex(letter)) in string", at: start)
    }
    scratch.append(simple)
  }

  /// Decodes `\uXXXX` (and a following low surrogate escape, when needed).
  private mutating func appendUnicodeEscape(start: Int) throws(DataReadError) {
    let unit = try readHexQuad(escapeStart: start)
    var scalarValue = UInt32(unit)
    if unit >= 0xDC00 && unit <= 0xDFFF {
      throw failure("unpaired low surrogate in \\u escape", at: start)
    }
    if unit >= 0xD800 && unit <= 0xDBFF {
      guard
        p + 1 < bytes.count && bytes[p] == UInt8(ascii: "\\") && bytes[p + 1] == UInt8(ascii: "u")
      else {
        throw failure("high surrogate in \\u escape is not followed by a low surrogate", at: start)
      }
      let lowStart = p
      p += 2
      let low = try readHexQuad(escapeStart: lowStart)
      guard low >= 0xDC00 && low <= 0xDFFF else {
        throw failure("high surrogate in \\u escape is not followed by a low surrogate", at: start)
      }
      scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw failure("invalid \\u escape", at: start)
    }
    UTF8.encode(scalar) { scratch.append($0) }
  }

  /// Reads the four hex digits at `p`.
  private mutating func readHexQuad(escapeStart: Int) throws(DataReadError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard p < bytes.count else {
        throw failure("incomplete \\u escape", at: escapeStart)
      }
      let byte = bytes[p]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("\\u escape needs four hex digits", at: escapeStart)
      }
      value = value << 4 | UInt16(digit)
      p += 1
    }
    return value
  }

  /// Steps over one well-formed multi-byte UTF-8 sequence at `p` (Unicode Table 3-7).
  private mutating func skipUTF8Sequence() throws(DataReadError) {
    let lead = bytes[p]
    let length: Int
    var secondLow: UInt8 = 0x80
    var secondHigh: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondLow = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondHigh = 0x9F
    case 0xF0:
      length = 4
      secondLow = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondHigh = 0x8F
    default: throw failure("invalid UTF-8 byte \(hex(lead)) in string", at: p)
    }
    guard p + length <= bytes.count else {
      throw failure("UTF-8 sequence cut off by the end of input", at: p)
    }
    let second = bytes[p + 1]
    guard second >= secondLow && second <= secondHigh else {
      throw failure("invalid UTF-8 sequence starting with byte \(hex(lead)) in string", at: p)
    }
    for offset in 2..<length where bytes[p + offset] & 0xC0 != 0x80 {
      throw failure("invalid UTF-8 sequence starting with byte \(hex(lead)) in string", at: p)
    }
    p += length
  }

  /// An error at byte `offset`, with the line and byte column in the file.
  func failure(_ message: String, at offset: Int, hint: String? = nil) -> DataReadError {
    let offset = min(offset, bytes.count)
    var line = firstLine
    var lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    let column = offset - lineStart + (line == firstLine ? firstColumn : 1)
    return DataReadError(line: line, column: column, message: message, hint: hint)
  }

  /// A byte for messages: `'x'` when printable ASCII, otherwise `byte 0xNN`; at the end, `end of input`.
  func describeByte(at offset: Int) -> String {
    offset < bytes.count ? describeByte(bytes[offset]) : "end of input"
  }

  func describeByte(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "'"): return "\"'\""
    case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return "byte \(hex(byte))"
    }
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (byte < 0x10 ? "0" : "") + digits
  }
}
