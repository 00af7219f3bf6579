/// Lists in data cells: a JSON array of texts, of numbers or of truth values, as CRM and API
/// exports give a client's tags or labels (`{"tags": ["vip", "slow payer"]}`, and the same text
/// in a CSV cell). The JSON readers hand an array over as one cell, its text as written.
///
/// Read exactly or refused: the items are all of one kind (a list holds values of one type), no
/// item is `null`, an array or an object, and a number is written out (no exponent).
extension CellScanner {
  /// The cell's items, or `nil` when the cell is not such an array.
  func list() -> [Value]? {
    var index = start
    guard index < end, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    var items: [Value] = []
    skipSpaces(&index)
    if index < end, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return index == end ? [] : nil
    }
    while true {
      guard let item = listItem(&index) else { return nil }
      if let first = items.first, first.type != item.type { return nil }
      items.append(item)
      skipSpaces(&index)
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return index == end ? items : nil
      }
      guard bytes[index] == UInt8(ascii: ",") else { return nil }
      index += 1
      skipSpaces(&index)
    }
  }

  /// The item at `index` (a string, a number, `true` or `false`), which moves past it.
  private func listItem(_ index: inout Int) -> Value? {
    guard index < end else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "\""): return listString(&index).map { .text($0) }
    case UInt8(ascii: "t"): return word("true", &index) ? .bool(true) : nil
    case UInt8(ascii: "f"): return word("false", &index) ? .bool(false) : nil
    default:
      let first = index
      while index < end, !"], \t\r\n".utf8.contains(bytes[index]) { index += 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self)
      // JSON's number grammar: no `+`, no leading zero, digits on each side of the point.
      guard Self.isJSONNumber(text), let number = DecimalNumber(text) else { return nil }
      return .decimal(number)
    }
  }

  /// Whether `text` is a JSON number without an exponent: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
  private static func isJSONNumber(_ text: String) -> Bool {
    var digits = Substring(text)
    if digits.first == "-" { digits = digits.dropFirst() }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
      whole == "0" || whole.first != "0"
    else { return false }
    guard parts.count == 2 else { return true }
    return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// The JSON string at `index` (at its opening quote), unescaped, which moves past it; `nil`
  /// when it is not valid: a control character inside, a bad escape, a lone surrogate.
  private func listString(_ index: inout Int) -> String? {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run = index
    func flush(_ upTo: Int) -> Bool {
      guard run < upTo else { return true }
      guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[run..<upTo]), as: UTF8.self)
      else { return false }
      scalars.append(contentsOf: text.unicodeScalars)
      return true
    }
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard flush(index) else { return nil }
        index += 1
        return String(scalars)
      }
      guard byte >= 0x20 else { return nil }
      guard byte == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      guard flush(index), index + 1 < end else { return nil }
      let escaped = bytes[index + 1]
      index += 2
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
      case UInt8(ascii: "b"): scalars.append("\u{8}")
      case UInt8(ascii: "f"): scalars.append("\u{C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        guard let scalar = escapedScalar(&index) else { return nil }
        scalars.append(scalar)
      default: return nil
      }
      run = index
    }
    return nil
  }

  /// The scalar of a `\u` escape whose four hex digits are at `index` (with the second half of
  /// a surrogate pair after them), which moves past it.
  private func escapedScalar(_ index: inout Int) -> Unicode.Scalar? {
    guard let high = hexUnit(&index) else { return nil }
    guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
    guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
      return nil
    }
    index += 2
    guard let low = hexUnit(&index), (0xDC00..<0xE000).contains(low) else { return nil }
    return Unicode.Scalar(0x1_0000 + ((high - 0xD800) << 10 | (low - 0xDC00)))
  }

  /// Four hex digits at `index`, which moves past them.
  private func hexUnit(_ index: inout Int) -> UInt32? {
    guard index + 4 <= end else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard let digit = Character(Unicode.Scalar(bytes[index + offset])).hexDigitValue else { return nil }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }

  /// Whether the ASCII `word` is at `index`, which then moves past it.
  private func word(_ word: StaticString, _ index: inout Int) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= end else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  private func skipSpaces(_ index: inout Int) {
    while index < end, CellScanner.isSpace(bytes[index]) { index += 1 }
  }
}
