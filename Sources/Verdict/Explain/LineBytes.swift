/// The bytes of an explanation line as it is written, and values written into it as
/// ``ExplanationBuilder/display(_:unit:)`` shows them, without making a string for each.
///
/// Memory of its own, grown as needed and kept from one line to the next: appending a few bytes
/// is a copy, not a call into the array's machinery. Used by one thread at a time.
///
/// With ``LineEscaping/json`` the line is written as the inside of a JSON string: what is
/// appended as bytes must be escaped already (the policy's texts, prepared once) or need no
/// escape (the literals and numbers written here); text made at run time (``appendText(_:)``,
/// a text value) is escaped as it is appended.
final class LineBytes {
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// How many bytes the line has.
  @exclusivity(unchecked) private(set) var count = 0
  /// Digits being put together, from the end: room for the longest number (39 digits).
  let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 48)
  /// Where the digits start in ``digits``; they end at 48.
  @exclusivity(unchecked) var digitStart = 48

  /// How the line is written.
  let escaping: LineEscaping

  init(escaping: LineEscaping = .none) {
    self.escaping = escaping
    capacity = 256
    base = .allocate(capacity: capacity)
  }

  deinit {
    base.deallocate()
    digits.deallocate()
  }

  /// The line so far.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Starts the next line.
  func removeAll() { count = 0 }

  /// Drops the bytes past the first `count`.
  func truncate(to count: Int) { self.count = Swift.min(self.count, count) }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(count + 1) }
    base[count] = byte
    count += 1
  }

  @inline(__always)
  func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  @inline(__always)
  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let start = bytes.baseAddress else { return }
    if count + bytes.count > capacity { grow(count + bytes.count) }
    LineBytes.copy(start, count: bytes.count, to: base + count)
    count += bytes.count
  }

  func append(_ slice: ArraySlice<UInt8>) {
    slice.withUnsafeBufferPointer { append($0) }
  }

  /// A comparison's operator, as ``Comparison/rawValue`` writes it (which needs no escape).
  func append(_ comparison: Comparison) {
    switch comparison {
    case .equal: append("==")
    case .notEqual: append("!=")
    case .less: append(UInt8(ascii: "<"))
    case .lessEqual: append("<=")
    case .greater: append(UInt8(ascii: ">"))
    case .greaterEqual: append(">=")
    }
  }

  /// Text made at run time, escaped as ``escaping`` says; literals take
  /// ``append(_:)-(StaticString)``.
  func appendText(_ text: String) {
    var text = text
    text.withUTF8 { appendEscaped($0) }
  }

  /// Bytes made at run time, escaped as ``escaping`` says.
  func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    switch escaping {
    case .none: append(bytes)
    case .json:
      var start = 0
      while true {
        let next = JSONStringEscape.nextEscape(in: bytes, from: start)
        append(UnsafeBufferPointer(rebasing: bytes[start..<next]))
        guard next < bytes.count else { return }
        appendEscape(of: bytes[next])
        start = next + 1
      }
    }
  }

  /// The escape of a byte that ``JSONStringEscape/escapes(_:)``.
  func appendEscape(of byte: UInt8) {
    let (escape, count) = JSONStringEscape.escape(byte)
    for place in 0..<count { append(UInt8(truncatingIfNeeded: escape >> (8 * place))) }
  }

  /// A quotation mark, escaped as ``escaping`` says.
  func appendQuotationMark() {
    switch escaping {
    case .none: append(UInt8(ascii: "\""))
    case .json: append("\\\"")
    }
  }

  /// Room for at least `needed` bytes.
  private func grow(_ needed: Int) {
    let larger = Swift.max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

}
