/// Scans one cell's bytes for the literal forms data exports use.
struct CellScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  /// How the cell's column writes numbers.
  let numbers: NumberFormat
  var start = 0
  var end: Int

  init(bytes: UnsafeBufferPointer<UInt8>, numbers: NumberFormat) {
    self.bytes = bytes
    self.numbers = numbers
    end = bytes.count
  }

  var isEmpty: Bool { start >= end }
  var string: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }

  /// The cell as text, or `nil` when its bytes are not valid UTF-8: a text value never holds a
  /// U+FFFD that was not in the file.
  var validText: String? {
    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
    // Fast path: ASCII is valid UTF-8, and `String(decoding:as:)` over a byte buffer copies it
    // without the generic validation `String(validating:as:)` goes through (which instantiated
    // type metadata on every text cell of a run: about 900 instructions a cell).
    if CellScanner.isASCII(text) { return String(decoding: text, as: UTF8.self) }
    return String(validating: text, as: UTF8.self)
  }

  /// Whether every byte is below 0x80, eight at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var highBits: UInt64 = 0
    var p = 0
    while p &+ 8 <= count {
      highBits |= UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
      p &+= 8
    }
    while p < count {
      highBits |= UInt64(base[p])
      p &+= 1
    }
    return highBits & 0x8080_8080_8080_8080 == 0
  }

  mutating func trim() {
    // Most cells start and end with something other than a space: an ASCII character, or the
    // first byte of another that is no direction mark.
    if start < end, bytes[start] > UInt8(ascii: " "), bytes[start] != 0xE2, bytes[start] != 0xD8,
      bytes[end - 1] > UInt8(ascii: " "), bytes[end - 1] < 0x80
    {
      return
    }
    while start < end {
      if CellScanner.isSpace(bytes[start]) {
        start += 1
      } else if let length = directionMarkLength(at: start) {
        start += length
      } else {
        break
      }
    }
    while end > start {
      if CellScanner.isSpace(bytes[end - 1]) {
        end -= 1
      } else if end - start >= 3, directionMarkLength(at: end - 3) == 3 {
        end -= 3
      } else if end - start >= 2, directionMarkLength(at: end - 2) == 2 {
        end -= 2
      } else {
        break
      }
    }
  }

  /// The length of the invisible direction mark at `index` of the cell, if one is there
  /// (``Value/directionMarkLength(_:at:end:)``).
  func directionMarkLength(at index: Int) -> Int? { Value.directionMarkLength(bytes, at: index, end: end) }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
  }

  /// `"fourty" is not a duration`, with `hint`; `kind` is the hint's kind when the hint quotes
  /// the cell (``CellError/hintKind``).
  func mismatch(_ expected: String, hint: String? = nil, kind: String? = nil) -> CellError {
    var error = CellError(message: "\(quoted) is not \(expected)", hint: hint)
    error.hintKind = kind
    return error
  }

  /// The cell quoted for a message, cut after 40 characters (`"1111…"`): a cell of megabytes
  /// (a column of digits run together, a whole document in one cell) was written out whole on
  /// standard error and again in the report.
  var quoted: String {
    let limit = 40
    // At most four bytes a character: the first 41 characters are in the first 164 bytes.
    let cut = min(end, start + 4 * (limit + 1))
    let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self)
    if cut == end, prefix.count <= limit { return Value.quote(prefix) }
    return Value.quote(String(prefix.prefix(limit)) + "…")
  }

  // MARK: - Forms

  /// A plain number: `45`, `-3`, `2.5`, `1,234.56` (or `1.234,56` with a decimal comma, `1'234.56`).
  func number() -> Value? {
    decimal(start, end)?.value
  }

  /// `20%`, or a bare number of percentage points.
  func percent() -> DecimalNumber? {
    percentagePoints()?.number(shiftingPointLeftBy: 2)
  }

  /// The number of percentage points in `20%`, `20 %` (a no-break space too, as in French) or `20`.
  func percentagePoints() -> ExactDecimal? {
    guard end > start, bytes[end - 1] == UInt8(ascii: "%") else { return decimal(start, end) }
    var last = end - 1
    while last > start, let width = spaceWidth(endingAt: last) { last -= width }
    return decimal(start, last)
  }

  /// Whether the first `count` bytes of `pattern` are at `offset` (within the trimmed cell).
  @inline(__always) func hasBytes(_ pattern: (UInt8, UInt8, UInt8), _ count: Int, at offset: Int) -> Bool {
    guard offset >= 0, offset + count <= end else { return false }
    if bytes[offset] != pattern.0 { return false }
    if count > 1, bytes[offset + 1] != pattern.1 { return false }
    if count > 2, bytes[offset + 2] != pattern.2 { return false }
    return true
  }

  /// The value a cell's text shows, for a field of unknown type; `nil` for text that is not valid
  /// UTF-8.
  func inferValue() -> Value? {
    if end - start == 4, hasBytes((UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u")), 3, at: start),
      bytes[start + 3] == UInt8(ascii: "e")
    {
      return .bool(true)
    }
    if end - start == 5, hasBytes((UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l")), 3, at: start),
      bytes[start + 3] == UInt8(ascii: "s"), bytes[start + 4] == UInt8(ascii: "e")
    {
      return .bool(false)
    }
    if let date = date(format: nil) { return .date(date) }
    if bytes[end - 1] == UInt8(ascii: "%"), let fraction = percent() { return .percent(fraction) }
    if let number = number() { return number }
    if CellScanner.isLetter(bytes[end - 1]), let span = duration(bareUnit: nil) { return .duration(span) }
    if let money = money(defaultCurrency: nil) { return .money(money) }
    // A number this format cannot settle is refused, not compared as text ("2.500" > "10.000").
    if isNumberOfAnotherReading { return nil }
    return validText.map { .text($0) }
  }

  /// Whether the cell is a number (or an amount) that this format leaves undecided (`1.250`),
  /// or reads only with the other decimal mark (`1.234,56` where the mark is the point).
  var isNumberOfAnotherReading: Bool {
    if hasAmbiguousNumber() { return true }
    let other: NumberFormat.DecimalMark
    switch numbers.decimalMark {
    case .point: other = .comma
    case .comma: other = .point
    case .undecided: return false
    }
    var scanner = CellScanner(bytes: bytes, numbers: NumberFormat(decimalMark: other, grouping: numbers.grouping))
    (scanner.start, scanner.end) = (start, end)
    return scanner.number() != nil || scanner.money(defaultCurrency: nil) != nil || scanner.percent() != nil
      || scanner.duration(bareUnit: nil) != nil
  }

  // MARK: - Pieces

  func text(_ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
  }

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  /// An exact decimal between two offsets, with thousands separators allowed between digit
  /// groups as the column's ``NumberFormat`` says (see `CellScanner+Numbers.swift`).
  func decimal(_ from: Int, _ to: Int) -> ExactDecimal? {
    if to - from <= 18, let plain = plainDecimal(from, to) { return plain }
    return groupedDecimal(from, to)
  }
}
