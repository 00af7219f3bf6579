/// How the inside of a JSON string writes UTF-8 text: every byte as it is, but `"`, `\`, the
/// control characters and DEL, which are escaped (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX`).
///
/// Used for the explanation lines a JSON report takes already escaped (``LineBytes`` with
/// ``LineEscaping/json``). VerdictRun's `ByteBuffer` writes the same escapes for the rest of
/// the report in a loop of its own (see its `appendJSONEscapedValid`, on the hot path of every
/// JSON report); `JSONEscapingTests` holds the two to the same bytes.
enum JSONStringEscape {
  /// Whether `byte` is written escaped.
  @inline(__always)
  static func escapes(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
  }

  /// Where the first byte at or after `start` that ``escapes(_:)`` is in `bytes`, or
  /// `bytes.count`.
  @inline(__always)
  static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var index = start
    while index < count {
      // Eight bytes at a time: past a word whose bytes are all plain, or straight to the first
      // byte of it that needs a look (a quoted name in the middle of a text).
      if index + 8 <= count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let flags = lookFlags(word)
        guard flags != 0 else {
          index += 8
          continue
        }
        index += flags.trailingZeroBitCount >> 3
      }
      let byte = base[index]
      if escapes(byte) { return index }
      index += 1
    }
    return count
  }

  /// The escape of a byte that ``escapes(_:)``: its bytes, the first in the lowest bits, and how
  /// many there are: two (`\"`, `\\`, `\n`, `\r`, `\t`) or six (`\u00XX`).
  static func escape(_ byte: UInt8) -> (bytes: UInt64, count: Int) {
    let second: UInt8
    switch byte {
    case UInt8(ascii: "\""): second = UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): second = UInt8(ascii: "\\")
    case UInt8(ascii: "\n"): second = UInt8(ascii: "n")
    case UInt8(ascii: "\r"): second = UInt8(ascii: "r")
    case UInt8(ascii: "\t"): second = UInt8(ascii: "t")
    default:
      let prefix =
        UInt64(UInt8(ascii: "\\")) | UInt64(UInt8(ascii: "u")) << 8 | UInt64(UInt8(ascii: "0")) << 16
        | UInt64(UInt8(ascii: "0")) << 24
      return (prefix | UInt64(hexDigit(byte >> 4)) << 32 | UInt64(hexDigit(byte & 0xF)) << 40, 6)
    }
    return (UInt64(UInt8(ascii: "\\")) | UInt64(second) << 8, 2)
  }

  /// The high bit of each byte of `word` (the first byte in the lowest bits) that is not printable
  /// ASCII other than `"` and `\\`, or a spurious one above such a byte: the lowest bit set is
  /// always the first byte that needs a look. Zero when every byte is plain.
  @inline(__always)
  static func lookFlags(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // A byte's borrow reaches only the bytes above it, so the lowest flag of each is exact.
    func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let below0x20 = (word &- ones &* 0x20) & ~word & highs
    return (word & highs) | below0x20 | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
      | zeroBytes(word ^ (ones &* 0x7F))
  }

  /// The lowercase hexadecimal digit of `value` (below 16).
  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
