/// How the history packs lists of numbers into blobs: each number as an unsigned LEB128 varint
/// (7 bits a byte, low bits first, the high bit set on every byte but the last), so the small
/// numbers it mostly stores (id steps, outcome ids, key lengths) take one byte each.
enum PackedNumbers {
  /// Appends `value` to `bytes`.
  @inline(__always)
  static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// Writes `value` into `bytes` at `offset`, which has room for it (10 bytes at most); returns
  /// the offset past it.
  @inline(__always)
  static func write(_ value: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
    var value = value
    var offset = offset
    while value >= 0x80 {
      bytes[offset] = UInt8(truncatingIfNeeded: value) | 0x80
      value >>= 7
      offset += 1
    }
    bytes[offset] = UInt8(value)
    return offset + 1
  }

  /// Appends a signed `value`, zigzag-coded (0, -1, 1, -2, … as 0, 1, 2, 3, …).
  @inline(__always)
  static func append(signed value: Int64, to bytes: inout [UInt8]) {
    append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
  }
}

/// Reads the numbers of a packed blob one after the other; `nil` once a number runs past the end
/// or past 64 bits (a damaged blob), so a reader never traps on what it finds in a file.
struct PackedReader {
  private let bytes: UnsafeRawBufferPointer
  private var offset = 0

  /// Reads `bytes`, which must stay valid while the reader is used.
  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// Whether every byte was read.
  var isAtEnd: Bool { offset == bytes.count }

  /// The next number.
  @inline(__always)
  mutating func next() -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }

  /// The next signed number (zigzag-coded).
  @inline(__always)
  mutating func nextSigned() -> Int64? {
    guard let raw = next() else { return nil }
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }
}
