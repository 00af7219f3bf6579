/// Converts the raw bytes of a non-UTF-8 input to UTF-8 while a `ByteSource` is read.
///
/// Raw bytes are read into one reused buffer of the source's chunk size (plus room for an
/// incomplete UTF-16 unit or surrogate pair left over from the previous read) and decoded
/// straight into the caller's buffer. A character whose UTF-8 form does not fit in the rest
/// of the caller's buffer is written partly; the remaining bytes wait in `pending` for the
/// next call. Nothing is allocated per read.
final class Transcoder {
  /// What the raw bytes are.
  enum Decoding: Equatable {
    /// Windows-1252, as the WHATWG Encoding Standard maps it.
    case windows1252
    /// ISO-8859-1: byte value = code point.
    case latin1
    /// Another single-byte code page: the code points of its bytes from 0x80 up
    /// (``CodePageTables``).
    case codePage([UInt32])
    /// UTF-16 in the given byte order.
    case utf16(UTF16ByteOrder)
    /// An East Asian code page (``MultiByteDecoder``).
    case multiByte(TextEncoding)
  }

  /// The input's encoding.
  let decoding: Decoding

  /// The raw buffer; undecoded bytes are `raw[rawStart..<rawEnd]`.
  let raw: UnsafeMutablePointer<UInt8>
  /// The most raw bytes one read from the source asks for.
  private let readSize: Int
  /// The first raw byte not yet decoded.
  var rawStart = 0
  /// One past the last raw byte read.
  private(set) var rawEnd = 0
  /// Whether the source reported the end of its raw bytes.
  private(set) var rawAtEnd = false
  /// How many raw bytes of the input lie before `raw[0]`, for byte offsets in messages.
  private(set) var rawBytesBefore = 0

  /// UTF-8 bytes of a character that did not fit in the caller's buffer, first byte lowest.
  private var pending: UInt32 = 0
  /// How many bytes `pending` holds (0 to 3).
  private var pendingCount = 0

  /// Whether no character has been decoded yet (a UTF-16 byte order mark is dropped there).
  var atStart = true
  /// The 1-based line of the next character in the UTF-8 output, for UTF-16 errors.
  var line = 1
  /// The 1-based byte column of the next character in the UTF-8 output, for UTF-16 errors.
  var column = 1
  /// Whether the last character was a CR (a following LF does not start another line).
  var afterCarriageReturn = false

  /// For a ``Decoding/codePage(_:)``, the code points of its 128 bytes from 0x80 up, where the
  /// decoding loop reads them without an array's checks; `nil` for the other decodings.
  private let upper: UnsafeMutablePointer<UInt32>?

  /// For a ``Decoding/multiByte(_:)``, its decoder; `nil` for the other decodings, and when the
  /// C library cannot decode the code page (the first read then says so).
  let multiByte: MultiByteDecoder?

  /// The most bytes an incomplete UTF-16 tail can keep in the raw buffer between reads.
  private static let tailRoom = 4

  /// Creates a transcoder that reads at most `readSize` raw bytes at a time.
  init(decoding: Decoding, readSize: Int) {
    self.decoding = decoding
    self.readSize = max(1, readSize)
    self.raw = .allocate(capacity: self.readSize + Transcoder.tailRoom)
    if case .codePage(let table) = decoding {
      let upper = UnsafeMutablePointer<UInt32>.allocate(capacity: 128)
      // A byte the table does not reach (it has 128: `CodePageTables`) is its Latin-1 character.
      for index in 0..<128 { upper[index] = index < table.count ? table[index] : UInt32(0x80 + index) }
      self.upper = upper
    } else {
      upper = nil
    }
    if case .multiByte(let encoding) = decoding {
      multiByte = MultiByteDecoder(encoding)
    } else {
      multiByte = nil
    }
  }

  deinit {
    raw.deallocate()
    upper?.deallocate()
  }

  /// Writes up to `count` bytes of UTF-8 to `destination`, reading raw bytes from `source`.
  ///
  /// - Returns: The number of bytes written; 0 only at the end of the input.
  /// - Throws: `DataReadError` for invalid UTF-16 or a failed read.
  func read(
    into destination: UnsafeMutablePointer<UInt8>, count: Int, from source: ByteSource
  ) throws(DataReadError) -> Int {
    var written = 0
    while pendingCount > 0 && written < count {
      destination[written] = UInt8(truncatingIfNeeded: pending)
      pending >>= 8
      pendingCount -= 1
      written += 1
    }
    while written < count {
      switch decoding {
      case .windows1252:
        written = decodeSingleByte(into: destination, from: written, to: count, windows1252: true)
      case .latin1:
        written = decodeSingleByte(into: destination, from: written, to: count, windows1252: false)
      case .codePage:
        written = decodeSingleByte(into: destination, from: written, to: count, upper: upper.unsafelyUnwrapped)
      case .utf16(let order):
        written = try decodeUTF16(into: destination, from: written, to: count, order: order)
      case .multiByte(let encoding):
        written = try decodeMultiByte(encoding, into: destination, from: written, to: count)
      }
      // Return what is decoded rather than wait for more input (standard input may be slow).
      if written > 0 || rawAtEnd {
        break
      }
      try refill(from: source)
    }
    return written
  }

  /// Keeps the undecoded tail, moved to the front, and reads more raw bytes behind it.
  private func refill(from source: ByteSource) throws(DataReadError) {
    let kept = rawEnd - rawStart
    if rawStart > 0 {
      if kept > 0 {
        raw.update(from: raw + rawStart, count: kept)
      }
      rawBytesBefore += rawStart
      rawStart = 0
      rawEnd = kept
    }
    let count = try source.readRaw(into: UnsafeMutableRawPointer(raw + rawEnd), count: readSize)
    if count == 0 {
      rawAtEnd = true
    }
    rawEnd += count
  }

  /// Writes `scalar` as UTF-8 at `destination[output]`, keeping what does not fit before
  /// `limit` in `pending`. The caller makes sure `output < limit`.
  @inline(__always)
  func emit(_ scalar: UInt32, into destination: UnsafeMutablePointer<UInt8>, at output: inout Int, limit: Int) {
    let bytes: UInt32
    let length: Int
    if scalar < 0x80 {
      bytes = scalar
      length = 1
    } else if scalar < 0x800 {
      bytes = (0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8
      length = 2
    } else if scalar < 0x1_0000 {
      bytes = (0xE0 | scalar >> 12) | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16
      length = 3
    } else {
      bytes =
        (0xF0 | scalar >> 18) | (0x80 | scalar >> 12 & 0x3F) << 8 | (0x80 | scalar >> 6 & 0x3F) << 16
        | (0x80 | scalar & 0x3F) << 24
      length = 4
    }
    emit(utf8: bytes, length: length, into: destination, at: &output, limit: limit)
  }

  /// Follows the line and column of the UTF-8 output past `code`, a character or a byte of one,
  /// that takes `width` bytes of UTF-8 (byte columns, as the CSV reader counts them), for errors.
  @inline(__always)
  func advance(past code: UInt32, width: Int) {
    if code == 0x0A {
      line += afterCarriageReturn ? 0 : 1
      column = 1
      afterCarriageReturn = false
    } else if code == 0x0D {
      line += 1
      column = 1
      afterCarriageReturn = true
    } else {
      column += width
      afterCarriageReturn = false
    }
  }

  /// Writes the first `length` bytes of `bytes` (lowest first) at `destination[output]`,
  /// keeping what does not fit before `limit` in `pending`. The caller makes sure
  /// `output < limit`, so that at most three wait.
  @inline(__always)
  func emit(
    utf8 bytes: UInt32, length: Int, into destination: UnsafeMutablePointer<UInt8>, at output: inout Int, limit: Int
  ) {
    var bytes = bytes
    var length = length
    while length > 0 && output < limit {
      destination[output] = UInt8(truncatingIfNeeded: bytes)
      bytes >>= 8
      length -= 1
      output += 1
    }
    pending = bytes
    pendingCount = length
  }

  /// The number of bytes `scalar` takes in UTF-8.
  @inline(__always)
  static func utf8Length(of scalar: UInt32) -> Int {
    scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x1_0000 ? 3 : 4
  }
}
