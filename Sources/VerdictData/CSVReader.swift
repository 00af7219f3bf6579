/// A streaming RFC 4180 CSV reader that hands out fields as byte buffers.
///
/// The reader never creates a `String` per field: each record's fields point into a reused
/// 1 MiB read buffer (a quoted field's `""` unescaped in place there, or in a reused scratch
/// buffer for records the word-at-a-time split does not take).
/// Memory stays bounded by the largest record, whatever the file size (about 10 MB of
/// resident memory for a 1 GB file). Not thread-safe: use one reader per thread.
///
/// Accepted input:
/// - The first record is the header. A UTF-8 byte order mark before it is skipped.
/// - Fields are separated by the dialect's separator; records end with LF, CRLF or a lone CR.
/// - A field that starts with `"` is quoted: it may contain separators, line breaks and `""`
///   (one literal quote). Bytes between the closing quote and the next separator are appended
///   literally (`"ab"c` reads as `abc`), as most spreadsheet tools do.
/// - A quote inside an unquoted field is an ordinary byte: `ab"c` reads as `ab"c`.
/// - Both are out of place in RFC 4180 and often mean that a quote or a separator was lost or
///   added, splitting the record where its writer did not: `CSVRecord.quoteFlaw` names the first
///   such field (spaces alone after a closing quote are not a flaw).
/// - The last record may or may not end with a line break.
/// - Blank lines at the end of the file are ignored. A blank line followed by more records
///   is kept as a record with one empty field, so line-based counts stay honest and the
///   caller can report it like any other ragged row.
///
/// Errors: an unterminated quoted field, a record longer than 16 MiB, or one with more than
/// 65,536 fields throws a `DataReadError` from `forEachRecord`. Every record before it has
/// already been delivered; reading stops there, because the rest of the file cannot be split
/// into records reliably. Ragged rows are not errors: compare `CSVRecord.count` with `header`.
package final class CSVReader {
  /// The largest record (and header line) the reader accepts, in bytes.
  package static let maxRecordBytes = 16 << 20

  /// The header cells, with surrounding ASCII spaces trimmed.
  package let header: [String]

  /// The dialect in use: the one passed to `init`, or the one detected from the header line.
  package let dialect: CSVDialect

  /// The lines skipped before the header: those asked for, and blank ones.
  package let linesBeforeHeader: Int

  let scanner: CSVRecordScanner
  private let blankField: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
  private(set) var pendingBlankLines = 0
  private var nextBlankLine = 0
  private(set) var heldRecord: (line: Int, count: Int)?

  /// Opens a reader and reads the header row.
  ///
  /// - Parameters:
  ///   - source: The bytes to read.
  ///   - dialect: The layout, or `nil` to detect it from the header line (see `CSVDialect.detect`).
  ///   - skipLines: Lines to skip before the header, such as the account lines above a bank
  ///     export's table. Blank lines before the header are skipped as well, always.
  /// - Throws: `DataReadError` if the file is empty, its header row is blank, or reading fails.
  package convenience init(source: ByteSource, dialect: CSVDialect? = nil, skipLines: Int = 0) throws(DataReadError) {
    try self.init(source: source, dialect: dialect, skipLines: skipLines, maxRecordBytes: CSVReader.maxRecordBytes)
  }

  /// Opens a reader with a custom record size limit (tests use small limits).
  init(source: ByteSource, dialect: CSVDialect?, skipLines: Int = 0, maxRecordBytes: Int) throws(DataReadError) {
    let window = ChunkWindow(source: source, maxCapacity: maxRecordBytes)
    try window.ensureAvailable(3)
    if window.available >= 3 && window.base[window.start] == 0xEF
      && window.base[window.start + 1] == 0xBB && window.base[window.start + 2] == 0xBF
    {
      window.start += 3
    }
    // Excel's `sep=;` line names the separator; it counts as one of `skipLines`, so that a
    // command that skipped it by hand reads the same header.
    let directive = try CSVReader.separatorDirective(in: window)
    let directiveLines = directive == nil ? 0 : 1
    let skipped = try directiveLines + CSVReader.skipPreamble(max(0, skipLines - directiveLines), in: window)
    self.linesBeforeHeader = skipped
    let detected: CSVDialect
    if let dialect {
      detected = dialect
    } else if let directive {
      detected = CSVDialect.separated(by: directive)
    } else {
      detected = try CSVReader.detectDialect(in: window)
    }
    let dialect = detected
    let scanner = CSVRecordScanner(window: window, separator: dialect.separator)
    scanner.line = skipped + 1
    switch try scanner.next() {
    case .endOfInput:
      if skipped > 0 {
        throw DataReadError(
          line: skipped, column: 0, message: "no header row after \(skipped) line\(skipped == 1 ? "" : "s")",
          hint: skipLines > 0 ? "--skip-lines \(skipLines) skips the whole file" : nil)
      }
      throw DataReadError(line: 1, column: 1, message: "file is empty; expected a header row")
    case .blank(let line):
      throw DataReadError(line: line, column: 1, message: "header row is empty")
    case .record(_, let count):
      header = (0..<count).map { CSVReader.trimmedString(scanner.fields[$0]) }
    }
    self.dialect = dialect
    self.scanner = scanner
    self.blankField = .allocate(capacity: 1)
    blankField.initialize(to: UnsafeBufferPointer(start: nil, count: 0))
  }

  deinit {
    blankField.deallocate()
  }

  /// Calls `body` once per data record (after the header), in file order.
  ///
  /// The record and its field buffers are valid only during the call. Errors thrown by `body`
  /// stop reading and are rethrown unchanged.
  /// - Throws: `DataReadError` for malformed input (see the type's documentation), after every
  ///   earlier record has been delivered.
  package func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
    while try readRecord(body) {}
  }

  /// Calls `body` with the next data record, as ``forEachRecord(_:)`` does for each; `false`, not
  /// calling it, when there is none left.
  package func readRecord(_ body: (borrowing CSVRecord) throws -> Void) throws -> Bool {
    guard let (line, count, fields, bytes, flaw) = try nextRecord() else { return false }
    try body(
      CSVRecord(
        position: RecordPosition(line: line), count: count, fields: UnsafePointer(fields), bytes: bytes,
        flawCode: flaw)
    )
    return true
  }

  /// The next record, with blank lines held back until a later record shows they are not trailing.
  private func nextRecord() throws(DataReadError) -> (
    line: Int, count: Int, fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>,
    bytes: UnsafeBufferPointer<UInt8>?, flaw: Int
  )? {
    if let held = heldRecord {
      if pendingBlankLines > 0 {
        return takeBlankRecord()
      }
      heldRecord = nil
      return (held.line, held.count, scanner.fields, scanner.recordBytes, scanner.flaw)
    }
    while true {
      switch try scanner.next() {
      case .endOfInput:
        pendingBlankLines = 0
        return nil
      case .blank(let line):
        if pendingBlankLines == 0 {
          nextBlankLine = line
        }
        pendingBlankLines += 1
      case .record(let line, let count):
        guard pendingBlankLines == 0 else {
          heldRecord = (line, count)
          return takeBlankRecord()
        }
        return (line, count, scanner.fields, scanner.recordBytes, scanner.flaw)
      }
    }
  }

  private func takeBlankRecord() -> (
    line: Int, count: Int, fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>,
    bytes: UnsafeBufferPointer<UInt8>?, flaw: Int
  ) {
    pendingBlankLines -= 1
    nextBlankLine += 1
    return (nextBlankLine - 1, 1, blankField, nil, -1)
  }

  /// Buffers the whole first line (quotes may hide line breaks) and detects the dialect from it.
  private static func detectDialect(in window: ChunkWindow) throws(DataReadError) -> CSVDialect {
    var scanned = 0
    var quoted = false
    while true {
      let base = window.base
      var p = window.start + scanned
      while p < window.end {
        let byte = base[p]
        if byte == CSVRecordScanner.quote {
          quoted.toggle()
        } else if !quoted
          && (byte == CSVRecordScanner.lineFeed || byte == CSVRecordScanner.carriageReturn)
        {
          break
        }
        p += 1
      }
      if p < window.end || window.isAtEndOfInput {
        let line = UnsafeBufferPointer(start: base + window.start, count: p - window.start)
        return CSVDialect.detect(headerLine: line)
      }
      scanned = p - window.start
      guard try window.refill() else {
        throw DataReadError(
          line: 1, column: 0, message: "header line is longer than \(window.maxCapacity >> 20) MiB")
      }
    }
  }

  private static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let space = UInt8(ascii: " ")
    guard let first = bytes.firstIndex(where: { $0 != space }),
      let last = bytes.lastIndex(where: { $0 != space })
    else {
      return ""
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
  }
}
