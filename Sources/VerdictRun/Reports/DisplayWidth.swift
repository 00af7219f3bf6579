/// How many terminal columns text takes, the way terminals draw it (as `wcwidth` counts): one
/// a character, none for combining marks and invisible format characters, two for East Asian
/// wide characters and emoji. `Bäckerei` is 8 columns whether its `ä` is one scalar or `a` and
/// a combining diaeresis; `東京` is 4.
///
/// Text is UTF-8 bytes; a byte that does not begin a valid sequence counts as one column (it
/// shows as a replacement character).
enum DisplayWidth {
  /// The columns `bytes` takes as a table cell: line breaks and tabs become spaces, other
  /// control characters drop out.
  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Most cells are printable ASCII, one column a byte: told eight bytes at a time.
    if isPrintableASCII(bytes) { return bytes.count }
    var width = 0
    var index = 0
    while index < bytes.count {
      let (scalar, length) = decode(bytes, at: index)
      width += columns(scalar)
      index += length
    }
    return width
  }

  /// Whether every byte is printable ASCII (0x20 to 0x7E), each taking one column.
  static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    if count >= 4, count < 8 {
      // Four to seven bytes, as most client keys: the first four and the last four in one word
      // (overlapping), told at once. A byte at a time, a key of six bytes cost 65 instructions
      // a shown row in the table (callgrind, the shared benchmark).
      let first = UInt64(raw.loadUnaligned(as: UInt32.self))
      let last = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
      return isPrintableASCII(word: first | last << 32)
    }
    var index = 0
    while index &+ 8 <= count {
      if !isPrintableASCII(word: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return false }
      index &+= 8
    }
    while index < count {
      let byte = base[index]
      if byte < 0x20 || byte > 0x7E { return false }
      index &+= 1
    }
    return true
  }

  /// Whether each of the eight bytes of `word` is printable ASCII (0x20 to 0x7E).
  @inline(__always)
  private static func isPrintableASCII(word: UInt64) -> Bool {
    // A byte is below 0x20 when subtracting 0x20 borrows into its high bit, and is 0x7F or
    // above when adding 1 does (or it had the high bit already).
    let low = (word &- 0x2020_2020_2020_2020) & ~word
    let high = word | ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x0101_0101_0101_0101)
    return (low | high) & 0x8080_8080_8080_8080 == 0
  }

  /// The columns `text` takes as a table cell.
  static func of(_ text: String) -> Int {
    var copy = text
    return copy.withUTF8 { of($0) }
  }

  /// The length in bytes of the longest start of `bytes` that takes at most `width` columns,
  /// with the columns it takes. Zero-width scalars after the last one that fits stay with it,
  /// so a combining mark is not cut from its letter.
  static func prefix(of bytes: UnsafeBufferPointer<UInt8>, fitting width: Int) -> (length: Int, width: Int) {
    var used = 0
    var index = 0
    while index < bytes.count {
      let (scalar, length) = decode(bytes, at: index)
      let next = columns(scalar)
      if used + next > width { break }
      used += next
      index += length
    }
    return (index, used)
  }

  /// How much of `bytes` a table column `width` wide shows: all of it when it fits, else the
  /// longest start that leaves one column for `…` (without spaces at its end), with `isCut` set.
  /// `width` is the columns the shown part takes, `…` not included.
  static func fit(_ bytes: UnsafeBufferPointer<UInt8>, in width: Int) -> (length: Int, width: Int, isCut: Bool) {
    let whole = prefix(of: bytes, fitting: width)
    if whole.length == bytes.count { return (whole.length, whole.width, false) }
    var (length, used) = prefix(of: bytes, fitting: max(0, width - 1))
    while length > 0, bytes[length - 1] == UInt8(ascii: " ") {
      length -= 1
      used -= 1
    }
    return (length, used, true)
  }

  /// The scalar at `index` (or `nil` for a byte that begins no valid sequence) and its length.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
    guard length > 0, index + length <= bytes.count else { return (nil, 1) }
    var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return (nil, 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= shortest, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
    return (scalar, length)
  }

  /// The columns one scalar takes; `nil` (an invalid byte) takes one.
  static func columns(_ scalar: Unicode.Scalar?) -> Int {
    guard let scalar else { return 1 }
    let value = scalar.value
    if value < 0x7F { return value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D ? 1 : 0 }
    if value < 0xA0 { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul vowels and finals join the syllable
    return isWide(value) ? 2 : 1
  }

  private static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wide.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wide[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// East Asian Wide and Fullwidth characters and wide emoji, in order.
  private static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18D08, 0x1B000...0x1B2FF, 0x1F004...0x1F004,
    0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
    0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]
}
