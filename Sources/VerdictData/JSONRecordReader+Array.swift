/// The `array` layout: streams the elements of one top-level JSON array.
///
/// Each element's extent is found by a light scan that tracks strings and bracket depth; only
/// then is the element parsed strictly. So a malformed element whose brackets balance is a
/// record error, and the scan carries on with the next element.
extension JSONRecordReader {
  func readArray(_ body: (JSONRecordText) throws -> Void) throws {
    try window.ensureAvailable(3)
    if window.available >= 3 && window.base[window.start] == 0xEF
      && window.base[window.start + 1] == 0xBB && window.base[window.start + 2] == 0xBF
    {
      window.start += 3
    }
    try skipWhitespace()
    guard let first = peek() else {
      throw structureError("file is empty; expected a JSON array of records: [{…}, {…}]")
    }
    guard first == UInt8(ascii: "[") else {
      var error = structureError("expected '[' at the start of a JSON array file")
      // The hint must not replace the error: a first object too long or cut off gets the plain one.
      if first == UInt8(ascii: "{") { error.hint = (try? objectHint()) ?? JSONRecordReader.jsonLinesHint }
      throw error
    }
    window.start += 1
    try skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      window.start += 1
      return try expectEndOfInput()
    }
    while true {
      guard let first = peek() else {
        throw structureError("unexpected end of input; expected an array element")
      }
      if first == UInt8(ascii: "]") {
        throw structureError("unexpected ']' after ','; trailing commas are not allowed")
      }
      let elementLine = line
      let elementColumn = column(of: window.start)
      let length = try scanElement()
      let element = UnsafeBufferPointer(start: window.base + window.start, count: length)
      try deliver(element, line: elementLine, column: elementColumn, body)
      window.start += length
      try skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","):
        window.start += 1
        try skipWhitespace()
      case UInt8(ascii: "]"):
        window.start += 1
        return try expectEndOfInput()
      case nil:
        throw structureError("unexpected end of input; expected ',' or ']' after array element")
      default:
        throw structureError("expected ',' or ']' after array element")
      }
    }
  }

  /// Finds the end of the element at `window.start`, refilling the window as needed.
  ///
  /// An array or object ends at its matching bracket; a scalar ends at whitespace, `,`, `]`
  /// or `}`. Line breaks inside the element advance `line`.
  /// - Returns: The element's length in bytes from `window.start`.
  private func scanElement() throws(DataReadError) -> Int {
    let startLine = line
    let startColumn = column(of: window.start)
    var q = window.start
    var depth = 0
    var inString = false
    var escaped = false
    while true {
      let base = window.base
      while q < window.end {
        let byte = base[q]
        if inString {
          if escaped {
            escaped = false
          } else if byte == UInt8(ascii: "\\") {
            escaped = true
          } else if byte == UInt8(ascii: "\"") {
            inString = false
            if depth == 0 {
              return q + 1 - window.start
            }
          } else if byte == UInt8(ascii: "\n") {
            startNewLine(at: q + 1)
          }
        } else {
          switch byte {
          case UInt8(ascii: "\""):
            inString = true
          case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if depth == 0 {
              return q - window.start
            }
            depth -= 1
            if depth == 0 {
              return q + 1 - window.start
            }
          case UInt8(ascii: ","), 0x20, 0x09, 0x0D, 0x0A:
            if depth == 0 {
              return q - window.start
            }
            if byte == 0x0A {
              startNewLine(at: q + 1)
            }
          default:
            break
          }
        }
        q += 1
      }
      if window.isAtEndOfInput {
        if depth == 0 && !inString {
          return q - window.start
        }
        throw DataReadError(
          line: startLine, column: startColumn, message: "array element starting here is cut off by the end of the file"
        )
      }
      let scanned = q - window.start
      guard try window.refill() else {
        throw DataReadError(
          line: startLine, column: startColumn, message: "array element is longer than \(window.maxCapacity >> 20) MiB")
      }
      q = window.start + scanned
    }
  }

  /// Consumes JSON whitespace, counting lines, until a non-space byte or the end of input.
  private func skipWhitespace() throws(DataReadError) {
    while true {
      let base = window.base
      while window.start < window.end {
        switch base[window.start] {
        case 0x20, 0x09, 0x0D:
          window.start += 1
        case 0x0A:
          window.start += 1
          startNewLine(at: window.start)
        default:
          return
        }
      }
      if window.isAtEndOfInput {
        return
      }
      _ = try window.refill()
    }
  }

  private func expectEndOfInput() throws(DataReadError) {
    try skipWhitespace()
    if peek() != nil {
      throw structureError("unexpected data after the top-level array")
    }
  }

  private func peek() -> UInt8? {
    window.start < window.end ? window.base[window.start] : nil
  }

  private func startNewLine(at offset: Int) {
    line += 1
    lineStartOffset = window.bytesBefore + offset
  }

  private func column(of offset: Int) -> Int {
    window.bytesBefore + offset - lineStartOffset + 1
  }

  /// The hint for a file that starts with an object rather than an array: an API's list wrapped
  /// in an object (`{"object":"list","data":[{…}, {…}]}`) names the key that holds the records;
  /// otherwise one object per line is JSON Lines. Only on this error's path: the first object is
  /// scanned and parsed (up to 16 MiB of it).
  private func objectHint() throws -> String {
    let length = try scanElement()
    guard length <= 16 << 20,
      case .object(let members) = try? JSONParser.parse(
        Array(UnsafeBufferPointer(start: window.base + window.start, count: length)))
    else { return JSONRecordReader.jsonLinesHint }
    guard let holder = Self.records(in: members) else {
      // One object and nothing after it is one record, not a file of records one a line.
      let rest = UnsafeBufferPointer(
        start: window.base + window.start + length, count: window.end - window.start - length)
      return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        ? "the file holds one object, where an array of records belongs: write [ ] around the records"
        : JSONRecordReader.jsonLinesHint
    }
    let path =
      holder.keys.map { key in
        let key = MessageText.escaped(key)
        let isName =
          key.first.map { !$0.isNumber } ?? false
          && key.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return isName ? ".\(key)" : ".[\"\(key)\"]"
      }.joined() + "[]"
    let named = holder.keys.reversed().map { "\"\(MessageText.escaped($0))\"" }.joined(separator: " in ")
    // jq before 1.7 reads numbers as doubles: an ID of 16 digits or more may come out rounded.
    let longNumbers =
      Self.hasLongNumber(holder.records)
      ? " with jq 1.7 or later, as earlier ones round numbers of 16 digits or more such as long IDs" : ""
    return "the records seem to be the array in the key \(named) of one object; Verdict reads an array "
      + "of records, or one record per line: take them out first (jq -c '\(path)' FILE > records.jsonl"
      + "\(longNumbers))"
      + (Self.nextPage(in: members).map {
        "; but \($0) says more records follow: the file is one page of "
          + "the list, so fetch every page and take the records out of each"
      } ?? "")
  }

  /// The hint for a file of objects one a line given as an array file.
  static let jsonLinesHint = "for one object per line, read the file as JSON Lines"

  private func structureError(_ message: String, hint: String? = nil) -> DataReadError {
    DataReadError(line: line, column: column(of: window.start), message: message, hint: hint)
  }
}
