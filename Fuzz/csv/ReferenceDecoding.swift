@testable import VerdictData

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

  /// `true` for little endian, `false` for big endian, when the 16-bit units in the first 1024
  /// bytes show that order's NUL pattern (``TextEncoding``'s rule 3): more than half of them, or
  /// the pattern of text in another script.
  static func nulPattern(_ bytes: [UInt8]) -> Bool? {
    let units = min(bytes.count, 1024) / 2
    let little = (0..<units).filter { bytes[2 * $0] != 0 && bytes[2 * $0 + 1] == 0 }.count
    let big = (0..<units).filter { bytes[2 * $0] == 0 && bytes[2 * $0 + 1] != 0 }.count
    if 2 * little > units { return true }
    if 2 * big > units { return false }
    // Another script's text: no unit of two NULs, a line break as a unit of its own, and at least
    // four units in all, and one in eight, with a NUL on one side, four for each on the other.
    guard !(0..<units).contains(where: { bytes[2 * $0] == 0 && bytes[2 * $0 + 1] == 0 }) else { return nil }
    let littleBreak = (0..<units).contains { bytes[2 * $0] == 0x0A && bytes[2 * $0 + 1] == 0 }
    let bigBreak = (0..<units).contains { bytes[2 * $0] == 0 && bytes[2 * $0 + 1] == 0x0A }
    if littleBreak, little >= 4, 8 * little >= units, little >= 4 * big { return true }
    if bigBreak, big >= 4, 8 * big >= units, big >= 4 * little { return false }
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
    case .windows1250: return utf8(bytes.map { $0 < 0x80 ? UInt32($0) : windows1250Upper[Int($0) - 0x80] })
    case .windows1251: return utf8(bytes.map { $0 < 0x80 ? UInt32($0) : windows1251Upper[Int($0) - 0x80] })
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
    case .shiftJIS, .eucJP, .gbk, .big5, .eucKR:
      return multiByte(bytes, as: encoding)
    case .macRoman:
      invariant(false, "Mac OS Roman is neither detected nor forced by this target")
      return nil
    }
  }

  /// An East Asian code page decoded by iconv in one call over the whole input; `nil` when the
  /// input holds a sequence that is no character or ends inside one.
  static func multiByte(_ bytes: [UInt8], as encoding: TextEncoding) -> [UInt8]? {
    guard let decoder = MultiByteDecoder(encoding), !bytes.isEmpty else { return [] }
    var output = [UInt8](repeating: 0, count: 4 * bytes.count)
    let (read, written, outcome) = bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { output in
        decoder.decode(input.baseAddress!, count: input.count, into: output.baseAddress!, capacity: output.count)
      }
    }
    guard outcome == .done, read == bytes.count else { return nil }
    return Array(output[..<written])
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

  /// Windows-1250's 0x80-0xFF, as Python's cp1250 codec decodes them (a byte it leaves undefined is its
  /// C1 control): a source apart from the reader's WHATWG indexes.
  static let windows1250Upper: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0083, 0x201E, 0x2026, 0x2020, 0x2021,
    0x0088, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0098, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,
    0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,
    0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
    0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
    0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
    0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
  ]

  /// Windows-1251's 0x80-0xFF, as Python's cp1251 codec decodes them (a byte it leaves undefined is its
  /// C1 control): a source apart from the reader's WHATWG indexes.
  static let windows1251Upper: [UInt32] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
  ]
}
