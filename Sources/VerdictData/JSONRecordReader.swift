#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads record objects from a JSON data file, streaming, one record at a time.
///
/// Two layouts are supported:
/// - `array`: the file is one top-level array of objects, `[{...}, {...}]`.
/// - `lines`: JSON Lines, one object per line (LF or CRLF); blank lines are skipped.
///
/// Errors come in two kinds:
/// - Record errors (a malformed or over-long line in JSON Lines, a malformed but
///   bracket-balanced element of the array, or an element that is not an object) go to the
///   `onError` callback, and reading continues with the next record, so one bad row never
///   loses the others.
/// - Structure errors (the file does not start with `[`, an element is cut off by the end of
///   the file, a missing `,` between elements, data after the closing `]`, a record larger than
///   16 MiB in the array layout, or an I/O failure) are thrown from `forEachRecord`, after
///   every earlier record has been delivered.
///
/// Keys that repeat within an object: the last value wins, at the position of the first key.
package final class JSONRecordReader {
  /// How records are laid out in the file.
  package enum Layout: Sendable, Equatable {
    /// One top-level JSON array whose elements are the record objects.
    case array
    /// JSON Lines: one record object per line; blank lines are skipped.
    case lines
  }

  /// The largest record (one line, or one array element) accepted, in bytes.
  package static let maxRecordBytes = 16 << 20

  /// The layout this reader expects.
  package let layout: Layout

  let window: ChunkWindow
  /// The physical line of `window.start` (array layout).
  var line = 1
  /// The absolute file offset where `line` starts (array layout).
  var lineStartOffset = 0

  /// Creates a reader for `source` in the given layout. Nothing is read until `forEachRecord`.
  package convenience init(source: ByteSource, layout: Layout) {
    self.init(source: source, layout: layout, maxRecordBytes: JSONRecordReader.maxRecordBytes)
  }

  /// Creates a reader with a custom record size limit (tests use small limits).
  init(source: ByteSource, layout: Layout, maxRecordBytes: Int) {
    self.layout = layout
    self.window = ChunkWindow(source: source, maxCapacity: maxRecordBytes)
  }

  /// Calls `body` for each record object, in file order, and `onError` for each bad record.
  ///
  /// - Parameters:
  ///   - body: Receives the position of the object's `{` and its members in file order.
  ///   - onError: Receives record errors (see the type's documentation); reading continues
  ///     afterwards. Throw from it to stop.
  /// - Throws: Structure errors as `DataReadError`, and anything `body` or `onError` throws.
  package func forEachRecord(
    _ body: (RecordPosition, JSONRecordMembers) throws -> Void,
    onError: (DataReadError) throws -> Void
  ) throws {
    try forEachRecordText(
      { record in
        let members: Result<JSONRecordMembers, DataReadError> = Result { () throws(DataReadError) in
          try record.members()
        }
        switch members {
        case .success(let members): try body(record.position, members)
        case .failure(let error): try onError(error)
        }
      }, onError: onError)
  }

  /// Calls `body` with the text of each record object, in file order, to be read as members or
  /// as cells, and `onError` for each record the reader itself finds bad (a line too long).
  ///
  /// - Parameters:
  ///   - body: Receives each record's text, valid only during the call. A record that turns
  ///     out malformed when `body` reads it is `body`'s to report; reading continues.
  ///   - onError: Receives the record errors the reader finds; throw from it to stop.
  /// - Throws: Structure errors as `DataReadError`, and anything `body` or `onError` throws.
  package func forEachRecordText(
    _ body: (JSONRecordText) throws -> Void,
    onError: (DataReadError) throws -> Void
  ) throws {
    switch layout {
    case .lines:
      try readLines(body, onError: onError)
    case .array:
      try readArray(body)
    }
  }

  /// Hands the record object `bytes` to `body`.
  func deliver(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int, _ body: (JSONRecordText) throws -> Void
  ) throws {
    try body(
      JSONRecordText(
        position: RecordPosition(line: line), bytes: bytes, column: column,
        skippingByteOrderMark: layout == .lines))
  }

  private func readLines(
    _ body: (JSONRecordText) throws -> Void,
    onError: (DataReadError) throws -> Void
  ) throws {
    try forEachLine({ text, line in try deliver(text, line: line, column: 1, body) }, onError: onError)
  }

  /// Calls `body` with each line of a JSON Lines file that is not blank, and its line number,
  /// in file order, and `onError` for each line too long to read (which is skipped). A line's
  /// bytes end before its line feed (a carriage return before it stays), valid only during the
  /// call; each is one record's text, to be read with ``JSONRecordText/init(line:bytes:)``
  /// there or after copying it.
  /// - Throws: `DataReadError` when the input cannot be read, and anything `body` or `onError`
  ///   throws.
  package func forEachLine(
    _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void,
    onError: (DataReadError) throws -> Void
  ) throws {
    let lineFeed = UInt8(ascii: "\n")
    var lineNumber = 1
    var searched = 0
    var skippingLongLine = false
    while true {
      let base = window.base
      var p = window.start + searched
      if p < window.end, let found = memchr(base + p, Int32(lineFeed), window.end - p) {
        p += UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(base + p)
      } else {
        p = max(p, window.end)
      }
      if p < window.end || window.isAtEndOfInput {
        let text = UnsafeBufferPointer(start: base + window.start, count: p - window.start)
        if !skippingLongLine && !isBlank(text) {
          try body(text, lineNumber)
        }
        if p == window.end {
          return
        }
        skippingLongLine = false
        window.start = p + 1
        lineNumber += 1
        searched = 0
        continue
      }
      searched = p - window.start
      if skippingLongLine {
        window.start = window.end
        searched = 0
      }
      if try !window.refill() {
        try onError(
          DataReadError(
            line: lineNumber, column: 0,
            message: "line is longer than \(window.maxCapacity >> 20) MiB; skipped"))
        skippingLongLine = true
        window.start = window.end
        searched = 0
      }
    }
  }

  private func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
  }
}
