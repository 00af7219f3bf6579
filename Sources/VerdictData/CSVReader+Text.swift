/// Reading a CSV file on several threads: this reader's thread only finds where each record ends
/// (``CSVReader/forEachRecordText(_:)``) and hands the records' bytes on; other threads split
/// them into fields with a ``CSVPartReader`` each.
extension CSVReader {
  /// Calls `body` once per data record (after the header), in file order, with the record's bytes
  /// (its line break included), the line it starts on and the blank lines right before it, which
  /// ``forEachRecord(_:)`` gives as records of one empty field. Blank lines at the end of the file
  /// are left out, as ``forEachRecord(_:)`` leaves them out; errors are its errors, thrown after
  /// the same records.
  ///
  /// The bytes are valid only during the call. Errors thrown by `body` stop reading and are
  /// rethrown unchanged.
  /// - Throws: `DataReadError` for malformed input (see the type's documentation).
  package func forEachRecordText(
    _ body: (_ record: UnsafeBufferPointer<UInt8>, _ line: Int, _ blankLinesBefore: Int) throws -> Void
  ) throws {
    var blankLines = 0
    while true {
      switch try scanner.next(splitting: false) {
      case .endOfInput:
        return
      case .blank:
        blankLines += 1
      case .record(let line, _):
        let window = scanner.window
        let bytes = UnsafeBufferPointer(
          start: window.base + scanner.recordStart, count: window.start - scanner.recordStart)
        try body(bytes, line, blankLines)
        blankLines = 0
      }
    }
  }
}

/// Splits the records that ``CSVReader/forEachRecordText(_:)`` found, copied end to end, into
/// fields: the records ``CSVReader/forEachRecord(_:)`` gives, with the same fields, lines and
/// quote flaws. One per thread.
package final class CSVPartReader {
  private let scanner: CSVRecordScanner
  private let blankField: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

  /// A reader of records whose fields `separator` separates.
  package init(separator: UInt8) {
    let window = ChunkWindow(source: ByteSource(bytes: []), maxCapacity: CSVReader.maxRecordBytes)
    scanner = CSVRecordScanner(window: window, separator: separator)
    blankField = .allocate(capacity: 1)
    blankField.initialize(to: UnsafeBufferPointer(start: nil, count: 0))
  }

  deinit { blankField.deallocate() }

  /// The bytes of the last ``load(_:firstLine:)``, where the fields of its records lie unless
  /// they were unescaped (a quoted field with `""`, or text after its closing quote); valid until
  /// the next load.
  package var loaded: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: scanner.window.base, count: scanner.window.end)
  }

  /// Takes a copy of `bytes`, records end to end whose first starts on line `firstLine`: each
  /// blank line among them (`\r\n`) stands for a blank line before a record.
  package func load(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
    scanner.load(bytes)
    scanner.line = firstLine
  }

  /// Takes `count` bytes of records at `buffer` (of `capacity` bytes), as ``load(_:firstLine:)``
  /// takes a copy, and hands back a buffer of the reader's own in their place.
  package func load(
    exchanging buffer: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, count: Int, firstLine: Int
  ) {
    scanner.load(exchanging: &buffer, capacity: &capacity, count: count)
    scanner.line = firstLine
  }

  /// Calls `body` once per record of the loaded bytes, in order; a blank line is a record of one
  /// empty field. The record and its field buffers are valid only during the call.
  /// - Throws: `DataReadError` if the bytes are not records as ``CSVReader/forEachRecordText(_:)``
  ///   finds them; whatever `body` throws.
  package func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
    while true {
      switch try scanner.next() {
      case .endOfInput:
        return
      case .blank(let line):
        try body(CSVRecord(position: RecordPosition(line: line), count: 1, fields: UnsafePointer(blankField)))
      case .record(let line, let count):
        try body(
          CSVRecord(
            position: RecordPosition(line: line), count: count, fields: UnsafePointer(scanner.fields),
            bytes: scanner.recordBytes, flawCode: scanner.flaw))
      }
    }
  }
}
