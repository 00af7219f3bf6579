/// A complete, strict RFC 8259 JSON parser for one document.
///
/// Rejects everything outside the grammar: trailing commas, leading zeros, `NaN`, single
/// quotes, comments, unescaped control characters, invalid UTF-8 and unpaired `\u` surrogates.
/// A leading UTF-8 byte order mark is skipped. Nesting deeper than `maxDepth` arrays and
/// objects is an error; parsing uses an explicit stack, so deep input never overflows the
/// call stack.
package enum JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  package static let maxDepth = 512

  /// Parses `bytes` as one JSON document.
  ///
  /// - Throws: `DataReadError` with the line and byte column of the first problem.
  package static func parse(_ bytes: [UInt8]) throws(DataReadError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(DataReadError) in
      var cursor = JSONCursor(buffer, line: 1, column: 1)
      return try cursor.parseDocument()
    }
  }
}

/// A position in JSON bytes with the grammar's parsing steps. Used by `JSONParser` for whole
/// documents and by `JSONRecordReader` for one record at a time.
struct JSONCursor {
  /// An array or object still open: what it holds so far and, for an object, the key whose value
  /// comes next. A struct changed in place on the stack: an enum frame popped, extended and pushed
  /// back copied its whole array for every element, so that 10^5 members took minutes.
  private struct Frame {
    var isArray: Bool
    var items: [JSONValue] = []
    var members: [JSONMember] = []
    var key = ""
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  var p = 0
  /// Reused buffer for strings with escapes.
  var scratch: [UInt8] = []
  /// The file line of `bytes[0]`.
  let firstLine: Int
  /// The file column of `bytes[0]`.
  let firstColumn: Int

  /// A cursor over `bytes`, whose first byte sits at `line` and `column` of the file.
  init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) {
    self.bytes = bytes
    self.firstLine = line
    self.firstColumn = column
  }

  var isAtEnd: Bool { p >= bytes.count }

  /// Parses one value that fills the input, apart from whitespace and a leading byte order mark.
  mutating func parseDocument() throws(DataReadError) -> JSONValue {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      p = 3
    }
    skipWhitespace()
    let value = try parseValue(depth: 0)
    try expectEnd(after: "the JSON value")
    return value
  }

  /// Fails unless only whitespace remains.
  mutating func expectEnd(after what: String) throws(DataReadError) {
    skipWhitespace()
    if !isAtEnd {
      throw failure("unexpected \(describeByte(at: p)) after \(what)", at: p)
    }
  }

  mutating func skipWhitespace() {
    while p < bytes.count {
      switch bytes[p] {
      case 0x20, 0x0A, 0x0D, 0x09:
        p += 1
      default:
        return
      }
    }
  }

  /// Parses a value at `p`; `depth` counts the arrays and objects already open around it.
  mutating func parseValue(depth: Int) throws(DataReadError) -> JSONValue {
    var stack: [Frame] = []
    while true {
      skipWhitespace()
      guard p < bytes.count else {
        throw failure("unexpected end of input; expected a value", at: p)
      }
      var value: JSONValue
      switch bytes[p] {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        guard depth + stack.count < JSONParser.maxDepth else {
          throw failure(
            "arrays and objects nested deeper than \(JSONParser.maxDepth) levels", at: p)
        }
        let isArray = bytes[p] == UInt8(ascii: "[")
        p += 1
        skipWhitespace()
        if p < bytes.count && bytes[p] == UInt8(ascii: isArray ? "]" : "}") {
          p += 1
          value = isArray ? .array([]) : .object([])
        } else if isArray {
          stack.append(Frame(isArray: true))
          continue
        } else {
          stack.append(Frame(isArray: false, key: try parseKey(afterComma: false)))
          continue
        }
      case UInt8(ascii: "\""):
        value = .string(try parseString())
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        value = .number(try parseNumber())
      default:
        value = try parseLiteral()
      }
      while let top = stack.indices.last {
        skipWhitespace()
        let next: UInt8 = p < bytes.count ? bytes[p] : 0
        if stack[top].isArray {
          stack[top].items.append(value)
          if next == UInt8(ascii: ",") {
            p += 1
          } else if next == UInt8(ascii: "]") {
            p += 1
            value = .array(stack.removeLast().items)
            continue
          } else {
            throw failure("expected ',' or ']' after array element", at: p)
          }
        } else {
          let key = stack[top].key
          stack[top].members.append(JSONMember(key: key, value: value))
          if next == UInt8(ascii: ",") {
            p += 1
            stack[top].key = try parseKey(afterComma: true)
          } else if next == UInt8(ascii: "}") {
            p += 1
            value = .object(stack.removeLast().members)
            continue
          } else {
            throw failure("expected ',' or '}' after object member", at: p)
          }
        }
        break
      }
      if stack.isEmpty {
        return value
      }
    }
  }

  /// Parses `"key"` and the `:` after it; `p` is just inside `{` or just after `,`.
  mutating func parseKey(afterComma: Bool) throws(DataReadError) -> String {
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: "\"") else {
      let expected = afterComma ? "a string key after ','" : "a string key or '}'"
      throw failure("expected \(expected) in object", at: p)
    }
    let key = try parseString()
    skipWhitespace()
    guard p < bytes.count && bytes[p] == UInt8(ascii: ":") else {
      throw failure("expected ':' after object key", at: p)
    }
    p += 1
    return key
  }

  /// Parses a number and returns its literal text.
  mutating func parseNumber() throws(DataReadError) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[try parseNumberBytes()]), as: UTF8.self)
  }

  /// Parses a number and returns where its literal text is in the input.
  mutating func parseNumberBytes() throws(DataReadError) -> Range<Int> {
    let start = p
    if bytes[p] == UInt8(ascii: "-") {
      p += 1
    }
    guard p < bytes.count && isDigit(bytes[p]) else {
      throw failure("expected a digit in number", at: p)
    }
    if bytes[p] == UInt8(ascii: "0") {
      p += 1
      if p < bytes.count && isDigit(bytes[p]) {
        throw failure("numbers must not have leading zeros", at: start)
      }
    } else {
      skipDigits()
    }
    if p < bytes.count && bytes[p] == UInt8(ascii: ".") {
      p += 1
      guard p < bytes.count && isDigit(bytes[p]) else {
        throw failure("expected a digit after '.' in number", at: p)
      }
      skipDigits()
    }
    if p < bytes.count && (bytes[p] == UInt8(ascii: "e") || bytes[p] == UInt8(ascii: "E")) {
      p += 1
      if p < bytes.count && (bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-")) {
        p += 1
      }
      guard p < bytes.count && isDigit(bytes[p]) else {
        throw failure("expected a digit in number exponent", at: p)
      }
      skipDigits()
    }
    return start..<p
  }

  mutating func parseLiteral() throws(DataReadError) -> JSONValue {
    let byte = bytes[p]
    if byte == UInt8(ascii: "t") && matches("true") {
      p += 4
      return .bool(true)
    }
    if byte == UInt8(ascii: "f") && matches("false") {
      p += 5
      return .bool(false)
    }
    if byte == UInt8(ascii: "n") && matches("null") {
      p += 4
      return .null
    }
    if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
      throw failure(
        "invalid literal; the only words JSON allows are true, false and null", at: p,
        hint: byte == UInt8(ascii: "N") || byte == UInt8(ascii: "I")
          ? "NaN and Infinity are not JSON numbers" : nil)
    }
    throw failure(
      "unexpected \(describeByte(at: p)); expected a value", at: p,
      hint: byte == UInt8(ascii: "'") ? "JSON strings use double quotes" : nil)
  }

  private func matches(_ word: StaticString) -> Bool {
    var index = p
    for byte in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
      guard index < bytes.count && bytes[index] == byte else {
        return false
      }
      index += 1
    }
    return true
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private mutating func skipDigits() {
    while p < bytes.count && isDigit(bytes[p]) {
      p += 1
    }
  }
}
