import VerdictData

/// The text encodings as `TextEncoding`'s documentation describes them, decoded the plain way:
/// detection by its five rules, and each encoding to UTF-8 in one pass over the whole input.
enum ReferenceDecoding {
  /// The encoding detection picks for `bytes` (the whole input, shorter than the 1 MiB sample).
  static func detect(_ bytes: [UInt8]) -> TextEncoding {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || nulPattern(bytes) != nil {
      return .utf16
    }
    // Rules 4 and 5: UTF-8 unless ill-formed sequences outnumber well-formed multi-byte ones
    // (a character cut off at the very end counts as ill-formed; the whole input is the sample).
    let (wellFormed, illFormed, cutAtEnd) = tally(bytes)
    return illFormed + (cutAtEnd ? 1 : 0) > wellFormed ? .windows1252 : .utf8
  }

  /// Multi-byte UTF-8 sequences counted from the Unicode table of well-formed byte sequences:
  /// well-formed ones, ill-formed lead or continuation bytes (each counted once, reading on
  /// from the next byte), and whether the input ends inside a sequence that was well-formed so far.
  static func tally(_ bytes: [UInt8]) -> (wellFormed: Int, illFormed: Int, cutAtEnd: Bool) {
    var (wellFormed, illFormed) = (0, 0)
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0x80 else {
        index += 1
        continue
      }
      // The allowed range of the second byte, and the sequence's length, by lead byte.
      let second: ClosedRange<UInt8>
      let length: Int
      switch lead {
      case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
      case 0xE0: (second, length) = (0xA0...0xBF, 3)
      case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
      case 0xED: (second, length) = (0x80...0x9F, 3)
      case 0xF0: (second, length) = (0x90...0xBF, 4)
      case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
      case 0xF4: (second, length) = (0x80...0x8F, 4)
      default:
        illFormed += 1
        index += 1
        continue
      }
      var valid = true
      var offset = 1
      while offset < length {
        guard index + offset < bytes.count else { return (wellFormed, illFormed, true) }
        let byte = bytes[index + offset]
        if !(offset == 1 ? second : 0x80...0xBF).contains(byte) {
          valid = false
          break
        }
        offset += 1
      }
      if valid {
        wellFormed += 1
        index += length
      } else {
        illFormed += 1
        index += 1
      }
    }
    return (wellFormed, illFormed, false)
  }

  /// `true` for little endian, `false` for big endian, when more than half of the 16-bit units
  /// in the first 1024 bytes show that order's NUL pattern.
  static func nulPattern(_ bytes: [UInt8]) -> Bool? {
    let units = min(bytes.count, 1024) / 2
    let little = (0..<units).filter { bytes[2 * $0] != 0 && bytes[2 * $0 + 1] == 0 }.count
    let big = (0..<units).filter { bytes[2 * $0] == 0 && bytes[2 * $0 + 1] != 0 }.count
    if 2 * little > units { return true }
    if 2 * big > units { return false }
    return nil
  }

  /// Whether `bytes` are UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// The UTF-8 a source reading `bytes` in `encoding` hands out, or `nil` when the input is not
  /// valid in it (UTF-16 only: an unpaired surrogate or an odd byte at the end).
  static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> [UInt8]? {
    switch encoding {
    case .utf8: return bytes
    case .latin1: return utf8(bytes.map { UInt32($0) })
    case .windows1252:
      return utf8(bytes.map { byte in (0x80..<0xA0).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte) })
    case .utf16:
      var body = bytes[...]
      var littleEndian = nulPattern(bytes) ?? true
      if bytes.starts(with: [0xFF, 0xFE]) {
        littleEndian = true
      } else if bytes.starts(with: [0xFE, 0xFF]) {
        littleEndian = false
      }
      guard body.count % 2 == 0 else { return nil }
      var units: [UInt16] = []
      while let first = body.popFirst(), let second = body.popFirst() {
        units.append(littleEndian ? UInt16(second) << 8 | UInt16(first) : UInt16(first) << 8 | UInt16(second))
      }
      var scalars: [UInt32] = []
      var index = 0
      while index < units.count {
        let unit = units[index]
        if (0xDC00..<0xE000).contains(unit) { return nil }
        if (0xD800..<0xDC00).contains(unit) {
          guard index + 1 < units.count, (0xDC00..<0xE000).contains(units[index + 1]) else { return nil }
          scalars.append(0x1_0000 + (UInt32(unit - 0xD800) << 10 | UInt32(units[index + 1] - 0xDC00)))
          index += 2
        } else {
          scalars.append(UInt32(unit))
          index += 1
        }
      }
      // A byte order mark as the first character is dropped.
      if scalars.first == 0xFEFF { scalars.removeFirst() }
      return utf8(scalars)
    }
  }

  static func utf8(_ scalars: [UInt32]) -> [UInt8] {
    var result: [UInt8] = []
    for value in scalars {
      UTF8.encode(Unicode.Scalar(value)!) { result.append($0) }
    }
    return result
  }

  /// Windows-1252's 0x80-0x9F, as the WHATWG Encoding Standard maps them (the five undefined
  /// bytes are their C1 controls).
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
