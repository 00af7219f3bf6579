import Verdict

/// A growable byte buffer that report writers render into, so that writing a row allocates
/// nothing: no `String` per field, no array per row. Reused across batches with ``removeAll()``.
package final class ByteBuffer {
  // A buffer is used by one thread at a time, so run-time exclusivity checks are pure cost on
  // the hot path: they are off for its storage.

  /// The bytes written so far.
  @exclusivity(unchecked) package fileprivate(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  /// Dates `appendDate` wrote, as the two words it stored, in four places by the day's last two
  /// bits (reports repeat a few dates: today, the day a verdict began, when its cooldown ends).
  @exclusivity(unchecked) var recentDates: [(day: Int64, head: UInt64, tail: UInt64)] = Array(
    repeating: (.min, 0, 0), count: 4)

  /// Creates an empty buffer with room for `capacity` bytes.
  package init(capacity: Int = 1 << 16) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written so far; valid until the next change to the buffer.
  package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// The bytes as text (for tests and small outputs).
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Forgets the bytes, keeping the memory.
  package func removeAll() { count = 0 }

  /// Drops the first `n` bytes (the JSON writer uses it for the comma before the first object).
  package func removeFirst(_ n: Int) {
    let n = min(n, count)
    (base).update(from: base + n, count: count - n)
    count -= n
  }

  @inline(__always) private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private func grow(_ needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Appends the first `used` bytes of `word` in memory order (at most eight): all eight are
  /// stored at once, unaligned, and only those count.
  @inline(__always) func append(word: UInt64, used: Int) {
    reserve(8)
    UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
    count += used
  }

  /// Appends one byte.
  @inline(__always) package func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends bytes.
  @inline(__always) package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Appends the bytes of an array.
  @inline(__always) package func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  /// Appends a string's UTF-8 bytes as they are. (Named apart from ``append(_:)-(StaticString)``
  /// so that literals take the allocation-free static path.)
  package func appendText(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a static ASCII string.
  @inline(__always) package func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends `n` spaces.
  ///
  /// Eight at a time, as whole words, into room for up to seven more than are kept: the padding of
  /// a table's columns is a few spaces each, for which a call to `memset` cost more than the
  /// stores (four paddings a table row took 183 instructions; a whole table row, with printable
  /// cells copied whole and no padding written before an empty reason, went from 880 to 663).
  @inline(__always) package func appendSpaces(_ n: Int) {
    guard n > 0 else { return }
    reserve(n &+ 7)
    var at = UnsafeMutableRawPointer(base + count)
    var left = n
    repeat {
      at.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
      at += 8
      left &-= 8
    } while left > 0
    count += n
  }

  // MARK: - Escaping

  /// Appends bytes as the inside of a JSON string: quotes, backslashes, control characters and
  /// the line and paragraph separators (U+2028, U+2029) escaped; invalid UTF-8 repaired with
  /// U+FFFD.
  package func appendJSONEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    let startCount = count
    if appendJSONEscapedValid(bytes), !ByteBuffer.isValidUTF8(bytes) {
      // Rare: write it again from the repaired text.
      count = startCount
      var repaired = String(decoding: bytes, as: UTF8.self)
      repaired.withUTF8 { _ = appendJSONEscapedValid($0) }
    }
  }

  /// Escapes runs of plain bytes by copying them whole; returns whether any byte was non-ASCII.
  ///
  /// The escapes are ``JSONStringEscape``'s (the explanation lines' JSON escaping), written out
  /// here again: a call into that module for every run costs a plain run about 0.4% of its
  /// instructions. `JSONEscapingTests` holds the two to the same bytes, but for U+2028 and
  /// U+2029, escaped here alone: an explanation quotes the data's texts as a policy writes them,
  /// with those two as `\u{2028}`, `\u{2029}` already.
  @discardableResult
  private func appendJSONEscapedValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    reserve(bytes.count)
    guard let start = bytes.baseAddress else { return false }
    var nonASCII = false
    var runStart = 0
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight bytes at a time: past a word whose bytes are all plain, or straight to the first
      // byte of it that needs a look (a quoted name in the middle of a text).
      if index + 8 <= count {
        let word = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
        let flags = ByteBuffer.lookFlags(word)
        guard flags != 0 else {
          index += 8
          continue
        }
        index += flags.trailingZeroBitCount >> 3
      }
      let byte = bytes[index]
      index += 1
      if byte >= 0x80 {
        nonASCII = true
        // U+2028 and U+2029 (E2 80 A8, E2 80 A9): valid in a JSON string, but a line break to
        // JavaScript before ES2019 and to Python's splitlines, which cut a JSON Lines record.
        guard byte == 0xE2, index + 1 < count, bytes[index] == 0x80, bytes[index + 1] & 0xFE == 0xA8 else { continue }
        append(UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1]))
        if bytes[index + 1] == 0xA8 { append("\\u2028") } else { append("\\u2029") }
        index += 2
        runStart = index
        continue
      }
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
      append(UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1]))
      runStart = index
      switch byte {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case UInt8(ascii: "\n"): append("\\n")
      case UInt8(ascii: "\r"): append("\\r")
      case UInt8(ascii: "\t"): append("\\t")
      default:
        append("\\u00")
        append(ByteBuffer.hexDigit(byte >> 4))
        append(ByteBuffer.hexDigit(byte & 0xF))
      }
    }
    append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    return nonASCII
  }

  /// The high bit of each byte of `word` (the first byte in the lowest bits) that is not printable
  /// ASCII other than `"` and `\\`, or a spurious one above such a byte: the lowest bit set is
  /// always the first byte that needs a look. Zero when every byte is plain.
  @inline(__always) static func lookFlags(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // A byte's borrow reaches only the bytes above it, so the lowest flag of each is exact.
    func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let below0x20 = (word &- ones &* 0x20) & ~word & highs
    return (word & highs) | below0x20 | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
      | zeroBytes(word ^ (ones &* 0x7F))
  }

  /// Appends a string as a quoted JSON string.
  package func appendJSONString(_ text: String) {
    var text = text
    append(UInt8(ascii: "\""))
    text.withUTF8 { _ = appendJSONEscapedValid($0) }
    append(UInt8(ascii: "\""))
  }

  /// Appends bytes as one RFC 4180 CSV field, quoted when it holds a comma, quote or line break.
  package func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>) {
    var needsQuotes = false
    for byte in bytes
    where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
    {
      needsQuotes = true
      break
    }
    guard needsQuotes else { return append(bytes) }
    append(UInt8(ascii: "\""))
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { append(UInt8(ascii: "\"")) }
      append(byte)
    }
    append(UInt8(ascii: "\""))
  }

  /// Appends a string as one CSV field.
  package func appendCSVField(_ text: String) {
    var text = text
    text.withUTF8 { appendCSVField($0) }
  }

  /// Appends bytes for a table cell: line breaks and tabs become spaces, the other scalars that
  /// drive a terminal (``Value/drivesTerminal(_:)``: control characters, C1 ones too, and
  /// bidirectional formatting characters) are dropped, so one client stays on one line and a
  /// name cannot turn the text after it around.
  package func appendTableCell(_ bytes: UnsafeBufferPointer<UInt8>) {
    // Most cells (keys, rule names, reasons) are printable ASCII, which the loop below keeps byte
    // for byte: told eight bytes at a time and copied whole (a key of five bytes: 168
    // instructions before, 96 after).
    if DisplayWidth.isPrintableASCII(bytes) { return append(bytes) }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t") {
        append(UInt8(ascii: " "))
      } else if byte < 0x80 {
        // Printable ASCII, most of every cell, is kept without a call (in ASCII, what drives a
        // terminal is a control character or DEL).
        if byte >= 0x20 && byte != 0x7F { append(byte) }
      } else {
        // A byte that begins no valid sequence is kept, one byte at a time, as before.
        let (scalar, length) = DisplayWidth.decode(bytes, at: index)
        if !(scalar.map { Value.drivesTerminal($0.value) } ?? false) {
          append(UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        }
        index += length
        continue
      }
      index += 1
    }
  }

  /// The number of terminal columns a table cell shows (see ``DisplayWidth``: combining marks
  /// take none, wide characters two; control characters drop out).
  package static func displayWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    DisplayWidth.of(bytes)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
}

extension ByteBuffer {
  /// Keeps only the first `length` bytes.
  package func truncate(to length: Int) {
    count = min(count, max(0, length))
  }

  /// Drops spaces at the end.
  package func trimTrailingSpaces() {
    while count > 0, base[count &- 1] == UInt8(ascii: " ") { count &-= 1 }
  }
}
