import VerdictData

/// What reading a CSV file gives: the header, the data records and the error that stopped it.
struct CSVReading: Equatable {
  /// One data record: its line and its fields' bytes.
  struct Record: Equatable {
    var line: Int
    var fields: [[UInt8]]
  }

  var header: [String] = []
  var separator: UInt8 = 0
  var linesBeforeHeader = 0
  var records: [Record] = []
  var error: DataReadError?
}

/// CSV as `CSVReader`'s documentation describes it, read the slow and plain way: the whole input
/// at once, one byte at a time, no chunks and no scratch buffers.
struct ReferenceCSV {
  let bytes: [UInt8]
  var p = 0
  var line = 1
  /// Where the text starts: after a byte order mark.
  var textStart = 0

  static let quote = UInt8(ascii: "\"")
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Reads `bytes` as `CSVReader(source:dialect:skipLines:)` would; `separator` nil detects it.
  static func read(_ bytes: [UInt8], separator: UInt8?, skipLines: Int) -> CSVReading {
    var reader = ReferenceCSV(bytes)
    var result = CSVReading()
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      reader.p = 3
      reader.textStart = 3
    }
    let skipped = reader.skipPreamble(skipLines)
    let chosen = separator ?? CSVDialect.detect(headerLine: reader.headerLine()).separator
    reader.line = skipped + 1
    switch reader.next(chosen) {
    case .failure(let error):
      result.error = error
      return result
    case .success(.end):
      result.error =
        skipped > 0
        ? DataReadError(
          line: skipped, column: 0, message: "no header row after \(skipped) line\(skipped == 1 ? "" : "s")",
          hint: skipLines > 0 ? "--skip-lines \(skipLines) skips the whole file" : nil)
        : DataReadError(line: 1, column: 1, message: "file is empty; expected a header row")
      return result
    case .success(.blank(let line)):
      result.error = DataReadError(line: line, column: 1, message: "header row is empty")
      return result
    case .success(.record(_, let fields)):
      result.separator = chosen
      result.linesBeforeHeader = skipped
      result.header = fields.map { field in
        let trimmed = field.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
        return String(decoding: Array(trimmed), as: UTF8.self)
      }
    }
    // Blank lines count as records with one empty field only when a record follows them.
    var blankLines: [Int] = []
    while true {
      switch reader.next(chosen) {
      case .failure(let error):
        result.error = error
        return result
      case .success(.end):
        return result
      case .success(.blank(let line)):
        blankLines.append(line)
      case .success(.record(let line, let fields)):
        result.records += blankLines.map { CSVReading.Record(line: $0, fields: [[]]) }
        blankLines = []
        result.records.append(CSVReading.Record(line: line, fields: fields))
      }
    }
  }

  /// Skips `count` lines, then every line of nothing but spaces, tabs, commas and semicolons
  /// that ends in a line break.
  mutating func skipPreamble(_ count: Int) -> Int {
    var skipped = 0
    while skipped < count, p < bytes.count {
      while p < bytes.count, !isLineBreak(bytes[p]) { p += 1 }
      skipLineBreak()
      skipped += 1
    }
    while true {
      var q = p
      while q < bytes.count, [0x20, 0x09, 0x2C, 0x3B].contains(bytes[q]) { q += 1 }
      guard q < bytes.count, isLineBreak(bytes[q]) else { return skipped }
      p = q
      skipLineBreak()
      skipped += 1
    }
  }

  /// The header's first line up to a line break outside quotes, for detecting the separator.
  func headerLine() -> ArraySlice<UInt8> {
    var quoted = false
    var q = p
    while q < bytes.count {
      if bytes[q] == ReferenceCSV.quote {
        quoted.toggle()
      } else if !quoted, isLineBreak(bytes[q]) {
        break
      }
      q += 1
    }
    return bytes[p..<q]
  }

  enum Outcome {
    case record(line: Int, fields: [[UInt8]])
    case blank(line: Int)
    case end
  }

  func isLineBreak(_ byte: UInt8) -> Bool { byte == ReferenceCSV.lineFeed || byte == ReferenceCSV.carriageReturn }

  /// Steps over LF, CRLF or a lone CR at `p`, if there is one.
  mutating func skipLineBreak() {
    guard p < bytes.count, isLineBreak(bytes[p]) else { return }
    if bytes[p] == ReferenceCSV.carriageReturn, p + 1 < bytes.count, bytes[p + 1] == ReferenceCSV.lineFeed { p += 1 }
    p += 1
  }

  /// The start of the physical line holding `offset` (lines end at LF, CRLF or a lone CR); the
  /// first line starts after the byte order mark, which takes no column.
  func lineStart(of offset: Int) -> Int {
    var q = offset
    while q > textStart, !isLineBreak(bytes[q - 1]) { q -= 1 }
    return q
  }

  /// The next record, blank line or the end.
  mutating func next(_ separator: UInt8) -> Result<Outcome, DataReadError> {
    guard p < bytes.count else { return .success(.end) }
    let recordLine = line
    if isLineBreak(bytes[p]) {
      skipLineBreak()
      line += 1
      return .success(.blank(line: recordLine))
    }
    var fields: [[UInt8]] = []
    while true {
      var field: [UInt8] = []
      if p < bytes.count, bytes[p] == ReferenceCSV.quote {
        let quoteAt = p
        let quoteLine = line
        p += 1
        while true {
          guard p < bytes.count else {
            return .failure(
              DataReadError(
                line: quoteLine, column: quoteAt - lineStart(of: quoteAt) + 1, message: "unterminated quoted field",
                hint: "the quote opened here is never closed; write a quote inside a quoted field as \"\""))
          }
          let byte = bytes[p]
          if byte == ReferenceCSV.quote {
            if p + 1 < bytes.count, bytes[p + 1] == ReferenceCSV.quote {
              field.append(byte)
              p += 2
              continue
            }
            p += 1
            break
          }
          if byte == ReferenceCSV.lineFeed
            || (byte == ReferenceCSV.carriageReturn && p + 1 < bytes.count && bytes[p + 1] != ReferenceCSV.lineFeed)
          {
            line += 1
          }
          field.append(byte)
          p += 1
        }
      }
      while p < bytes.count, bytes[p] != separator, !isLineBreak(bytes[p]) {
        field.append(bytes[p])
        p += 1
      }
      fields.append(field)
      if fields.count > 1 << 16 {
        return .failure(
          DataReadError(
            line: recordLine, column: 0, message: "record has more than \(1 << 16) fields",
            hint: "check the separator; this does not look like a table"))
      }
      if p == bytes.count { return .success(.record(line: recordLine, fields: fields)) }
      if bytes[p] == separator {
        p += 1
        continue
      }
      skipLineBreak()
      line += 1
      return .success(.record(line: recordLine, fields: fields))
    }
  }
}
