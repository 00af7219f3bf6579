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
    run.firstLine = scanner.line
    run.count = scanner.splitRun(into: run, limit: min(limit, CSVRecordRun.recordCapacity))
    return run.count
  }
}

/// Many records in one pass: the word-at-a-time split of ``attemptUnquoted()``, going on from
/// each record's line break to the next record rather than returning.
extension CSVRecordScanner {
  /// Splits the records from `window.start` on, each as ``attemptUnquoted()`` would, their fields
  /// back to back in `run`'s table, up to `limit` records; returns how many, having moved
  /// `window.start` and ``line`` past them. Stops before the first record ``attemptUnquoted()``
  /// would leave to ``attempt()``, and before a record with fewer than
  /// ``CSVRecordRun/fieldsTried`` fields left in the table; that record is untouched.
  ///
  /// Why: a call of ``attemptUnquoted()`` a record (its window, its constants, its outcome, the
  /// run's bookkeeping) cost about 60 instructions a record beside the split itself; here the
  /// split of each record (``splitRecord(at:base:end:separator:ends:into:capacity:)``, the one both use) is
  /// inlined into the loop, and the window and line are moved once for the run.
  func splitRun(into run: CSVRecordRun, limit: Int) -> Int {
    let base = window.base
    let end = window.end
    let separator = self.separator
    let ends = PlatformFieldEnds(separator: separator, quote: Self.quote)
    let fields = run.fields
    let fieldEnds = run.fieldEnds
    let records = run.bytes
    let capacity = CSVRecordRun.fieldCapacity
    var taken = 0
    // Fields of the records taken.
    var used = 0
    var recordStart = window.start
    while taken < limit, recordStart < end, capacity &- used >= CSVRecordRun.fieldsTried,
      let record = splitRecord(
        at: recordStart, base: base, end: end, separator: separator, ends: ends, into: fields + used,
        capacity: capacity &- used)
    {
      records[taken] = UnsafeBufferPointer(start: base + recordStart, count: record.lineBreak &- recordStart)
      used &+= record.count
      fieldEnds[taken] = used
      taken &+= 1
      recordStart = record.next
    }
    if taken > 0 {
      window.start = recordStart
      line &+= taken
      flaw = -1
      recordBytes = records[taken &- 1]
    }
    return taken
  }
}
