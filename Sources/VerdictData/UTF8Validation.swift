extension TextEncoding {
  /// Whether `bytes` are well-formed UTF-8 (RFC 3629).
  ///
  /// Overlong forms (`C0 80`), UTF-16 surrogates (`ED A0 80`), code points above U+10FFFF,
  /// stray continuation bytes and sequences cut off at the end are all invalid. ASCII runs
  /// are checked 8 bytes at a time, so plain-ASCII cells cost about one load per 8 bytes.
  package static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    UTF8Validation.check(bytes) == .valid
  }
}

/// The UTF-8 well-formedness check behind `TextEncoding.isValidUTF8` and encoding detection.
enum UTF8Validation {
  /// The outcome of checking a run of bytes.
  enum Outcome: Equatable {
    /// Every sequence is complete and well-formed.
    case valid
    /// Well-formed, except that the last sequence is cut off by the end of the bytes; fine
    /// for a sample taken from the start of a longer input.
    case truncated
    /// Some sequence is ill-formed.
    case invalid
  }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// What one sequence starting at a byte of 0x80 or more is.
  enum Sequence: Equatable {
    /// A well-formed sequence of this many bytes.
    case valid(Int)
    /// Ill-formed; one byte to skip.
    case invalid
    /// Well-formed so far, but cut off by the end of the bytes.
    case truncated
  }

  /// Checks `bytes` from the start to the end.
  static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
    var index = 0
    while let next = nextNonASCII(bytes, from: index) {
      switch sequence(bytes, at: next) {
      case .valid(let length): index = next + length
      case .invalid: return .invalid
      case .truncated: return .truncated
      }
    }
    return .valid
  }

  /// Counts the multi-byte sequences of `bytes` that are well-formed and those that are not, and
  /// whether the last one is cut off by the end, for telling UTF-8 with a damaged byte from text
  /// in another encoding.
  static func tally(_ bytes: UnsafeBufferPointer<UInt8>) -> (wellFormed: Int, illFormed: Int, truncated: Bool) {
    var wellFormed = 0
    var illFormed = 0
    var index = 0
    while let next = nextNonASCII(bytes, from: index) {
      switch sequence(bytes, at: next) {
      case .valid(let length):
        wellFormed += 1
        index = next + length
      case .invalid:
        illFormed += 1
        index = next + 1
      case .truncated:
        return (wellFormed, illFormed, true)
      }
    }
    return (wellFormed, illFormed, false)
  }

  /// The index of the first byte of 0x80 or more at or after `start`, or `nil`. ASCII runs are
  /// skipped 32 bytes at a time, then 8.
  ///
  /// Why 32: every run's encoding detection tallies the first MiB of its file, which is ASCII in
  /// most exports; a word at a time that took about 9 million instructions (3 ms) before the
  /// first client, four words with one test about a third of that.
  @inline(__always)
  private static func nextNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var index = start
    while count - index >= 32 {
      let raw = UnsafeRawPointer(base + index)
      let low = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      let high =
        raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
      let words = low | high
      if words & highBits != 0 { break }
      index += 32
    }
    while index < count {
      if count - index >= 8 {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & highBits == 0 {
          index += 8
          continue
        }
      }
      if base[index] >= 0x80 { return index }
      index += 1
    }
    return nil
  }

  /// The sequence whose lead byte (0x80 or more) is at `index`.
  private static func sequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Sequence {
    let count = bytes.count
    let lead = bytes[index]
    let length: Int
    var secondLow: UInt8 = 0x80
    var secondHigh: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF:
      length = 2
    case 0xE0:
      length = 3
      secondLow = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF:
      length = 3
    case 0xED:
      length = 3
      secondHigh = 0x9F
    case 0xF0:
      length = 4
      secondLow = 0x90
    case 0xF1...0xF3:
      length = 4
    case 0xF4:
      length = 4
      secondHigh = 0x8F
    default:
      return .invalid
    }
    let present = min(length, count - index)
    for offset in 1..<present {
      let byte = bytes[index + offset]
      let low = offset == 1 ? secondLow : 0x80
      let high = offset == 1 ? secondHigh : 0xBF
      if byte < low || byte > high {
        return .invalid
      }
    }
    return present < length ? .truncated : .valid(length)
  }
}
