import Verdict
import VerdictData

/// The rows of a CSV file that go into a batch without a ``RowBuffer``: as many cells as the
/// header (a file whose header or rows end with a separator has none taken here), the first
/// cell not starting with a space or a tab (so not a blank line of separators), and a key cell,
/// when there is a key column, that starts with a printable ASCII byte and is ASCII throughout
/// (so neither blank nor invalid UTF-8) and is no totals label, subtotal's key or number in exponent notation,
/// and a first cell not as long as the header's (so not the header again). Every other row goes
/// through the source's general path, which sees what is wrong with it.
struct CSVPlainRows {
  /// The header's cells, or -1 when the header or every row ends with a separator (whose rows
  /// are not taken here).
  let cellCount: Int
  /// The key's column, or -1.
  let key: Int
  /// The column of each field slot (-1 for none).
  let columns: UnsafeBufferPointer<Int>
  /// Whether every slot has a column, and so a field in a plain record.
  let everyColumn: Bool
  /// The header's shape: a record that may repeat the header is not plain.
  let shape: CSVRowShape

  init(shape: CSVRowShape, key: Int, columns: UnsafeBufferPointer<Int>) {
    cellCount = shape.endsWithDelimiter || shape.rowsEndWithDelimiter ? -1 : shape.cellCount
    self.key = key
    self.columns = columns
    everyColumn = columns.allSatisfy { $0 >= 0 && $0 < shape.cellCount }
    self.shape = shape
  }

  /// Adds the records of `run` to `batch`, which has room for them all; from the first that is
  /// not plain (or whose bytes the batch would not copy in one piece) on, passes them to `take`
  /// instead, which may hand the batch on. Returns whether it added any (each fits the header).
  ///
  /// The run's bytes go into the batch in one piece when they are no more than 256 a record (a
  /// record's own copy allows as much slack beside its cells: see ``BatchBytes``); otherwise each
  /// record is copied by itself.
  ///
  /// `previous` is set to the key of the last record added here, for the general path's record
  /// after it (a subtotal row's key extends the key above it: ``TotalsRow/subtotalProblem(_:after:)``).
  @inline(__always)
  func add(
    _ run: CSVRecordRun, to batch: Batch, previous: PreviousKey, else take: (borrowing CSVRecord) throws -> Void
  ) throws -> Bool {
    let records = run.count
    let first = run.bytes[0].baseAddress
    let last = run.bytes[records &- 1]
    let end = Int(bitPattern: last.baseAddress) &+ last.count
    let block = UnsafeBufferPointer(start: first, count: end &- Int(bitPattern: first))
    let whole = block.count <= 256 &* records && columns.count == batch.slotCount
    let shift = whole ? batch.bytes.append(block: block) : 0
    var start = 0
    for index in 0..<records {
      let fieldEnd = run.fieldEnds[index]
      let fields = run.fields + start
      let count = fieldEnd &- start
      start = fieldEnd
      if isPlain(fields, count: count, end: end) {
        if whole {
          batch.appendPlain(
            line: run.firstLine &+ index, fields: fields, count: count, columns: columns, key: key, shift: shift,
            everyColumn: everyColumn)
          continue
        }
        if batch.appendPlain(
          line: run.firstLine &+ index, record: run.bytes[index], fields: fields, count: count, columns: columns,
          key: key)
        {
          continue
        }
      }
      if index > 0 { setPrevious(previous, from: run, record: index &- 1) }
      for rest in index..<run.count { try run.withRecord(rest, take) }
      return index > 0
    }
    if records > 0 { setPrevious(previous, from: run, record: records &- 1) }
    return records > 0
  }

  /// Sets `previous` to the key of plain record `record` of `run`: once a run, not a row.
  private func setPrevious(_ previous: PreviousKey, from run: CSVRecordRun, record: Int) {
    guard key >= 0 else { return }
    let start = record == 0 ? 0 : run.fieldEnds[record &- 1]
    previous.set(run.fields[start &+ key])
  }

  /// Whether the record whose `count` fields are `fields` is plain (see the type); its bytes and
  /// readable ones after them go on to the address `end`.
  @inline(__always)
  private func isPlain(_ fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>, count: Int, end: Int) -> Bool {
    guard count == cellCount, let first = fields[0].first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
      !shape.mayRepeatHeader(fields[0])
    else { return false }
    // Without a key column, a first cell that may be a totals label goes the general path too.
    guard key >= 0 else {
      return !(TotalsRow.mayBeLabel(first: first, count: fields[0].count) && TotalsRow.isLabel(fields[0]))
    }
    let cell = fields[key]
    guard let start = cell.baseAddress, cell.count > 0, start[0] > 0x20, start[0] < 0x80 else { return false }
    // A key that may be a totals label (`Total`) is looked at closer; a row whose key is one
    // goes through the source's general path, which says what it is.
    if TotalsRow.mayBeLabel(first: start[0], count: cell.count), TotalsRow.isLabel(cell) { return false }
    // So is one that may be a number a spreadsheet rounded (`7.01235E+18`).
    if ClientKey.mayBeExponent(cell) { return false }
    // A key of up to eight bytes with eight readable from its start is checked in one word: the
    // byte loop of `Batch.isASCII` took 38 instructions a row for the benchmark's keys.
    // So is one that may be a spreadsheet's subtotal (`Hartmann Total`), which the row above
    // says: a key with a space inside, the word checked only then (a look at both ends of every
    // key cost the benchmark's rows 37 instructions, the compiler's spills included).
    if cell.count <= 8, Int(bitPattern: start) &+ 8 <= end {
      let word = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
      let mask = cell.count == 8 ? UInt64.max : (1 &<< UInt64(cell.count &* 8)) &- 1
      let bytes = UInt64(littleEndian: word) & mask
      guard bytes & 0x8080_8080_8080_8080 == 0 else { return false }
      // A space is a zero byte once every byte is XORed with one; the bytes past the key are 0x20.
      let spaced = bytes ^ 0x2020_2020_2020_2020
      guard (spaced &- 0x0101_0101_0101_0101) & ~spaced & 0x8080_8080_8080_8080 != 0 else { return true }
      return !TotalsRow.mayBeSubtotal(cell)
    }
    return Batch.isASCII(cell) && !TotalsRow.mayBeSubtotal(cell)
  }
}
