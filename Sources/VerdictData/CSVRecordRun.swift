/// Records split in one call by the word-at-a-time split (``CSVRecordScanner/attemptUnquoted()``),
/// their fields back to back in one table, for a caller that reads millions of records: it
/// crosses into this module once for a run of records rather than once a record, and finds each
/// record's fields and bytes in stored properties it reads directly.
///
/// The fields point into the reader's window and are valid until the reader is next asked for a
/// record (``CSVReader/splitRun(into:limit:)`` or ``CSVReader/readRecord(_:)``).
package final class CSVRecordRun {
  /// The most records one run holds.
  package static let recordCapacity = 256
  /// The most fields one run holds; a record that does not fit in what is left ends the run.
  static let fieldCapacity = 4096
  /// The fewest fields left for which another record is tried.
  static let fieldsTried = 64

  /// The records of the last run.
  package internal(set) var count = 0
  /// The line of the first record: record `r` is on line `firstLine + r` (a record the split
  /// takes has no line break inside).
  package internal(set) var firstLine = 0
  /// Every record's fields, back to back.
  package let fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
  /// Record `r`'s fields are `fields[fieldEnds[r - 1]..<fieldEnds[r]]` (from 0 for the first).
  package let fieldEnds: UnsafeMutablePointer<Int>
  /// Record `r`'s bytes, from its first byte to the end of its last field, which they all lie in.
  package let bytes: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

  /// An empty run.
  package init() {
    fields = .allocate(capacity: Self.fieldCapacity)
    fieldEnds = .allocate(capacity: Self.recordCapacity)
    bytes = .allocate(capacity: Self.recordCapacity)
  }

  deinit {
    fields.deallocate()
    fieldEnds.deallocate()
    bytes.deallocate()
  }

  /// Calls `body` with record `r` as ``CSVReader/forEachRecord(_:)`` would have given it.
  package func withRecord(_ r: Int, _ body: (borrowing CSVRecord) throws -> Void) rethrows {
    let start = r == 0 ? 0 : fieldEnds[r - 1]
    try body(
      CSVRecord(
        position: RecordPosition(line: firstLine + r), count: fieldEnds[r] - start, fields: fields + start,
        bytes: bytes[r]))
  }
}

extension CSVReader {
  /// Splits up to `limit` of the next records into `run`, as ``readRecord(_:)`` would give them,
  /// while the word-at-a-time split takes them; returns how many (also `run.count`). None when
  /// blank lines or a record are held back, or the next record is not the split's (quotes out of
  /// the way, a blank line, the end of the window): ``readRecord(_:)`` then reads it.
  ///
  /// Why: the batch reader took each record through `forEachRecord`'s closure and its own, with a
  /// row buffer in between (about 360 instructions a row besides the split and the copy).
  package func splitRun(into run: CSVRecordRun, limit: Int) -> Int {
    run.count = 0
    guard heldRecord == nil, pendingBlankLines == 0 else { return 0 }
    let window = scanner.window
    run.firstLine = scanner.line
    let limit = min(limit, CSVRecordRun.recordCapacity)
    var used = 0
    var taken = 0
    while taken < limit, window.available > 0, CSVRecordRun.fieldCapacity - used >= CSVRecordRun.fieldsTried {
      guard
        case .complete(let count) = scanner.attemptUnquoted(
          into: run.fields + used, capacity: CSVRecordRun.fieldCapacity - used)
      else { break }
      used += count
      run.fieldEnds[taken] = used
      // Always set by a complete split.
      run.bytes[taken] = scanner.recordBytes ?? UnsafeBufferPointer(start: nil, count: 0)
      taken += 1
    }
    run.count = taken
    return taken
  }
}
