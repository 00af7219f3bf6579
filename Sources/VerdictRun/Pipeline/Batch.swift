import Verdict
import VerdictHistory

/// A batch of rows on its way from the reading thread to an evaluating thread and on to the
/// writer, reused from a pool so that the hot loop allocates nothing per row. Rows travel as the
/// bytes of their cells: converting them to values is left to the evaluating threads, so that
/// the reading thread, which cannot be split, does as little as possible.
final class Batch: @unchecked Sendable {
  /// Field slots per row.
  let slotCount: Int
  /// The most rows the batch holds.
  let capacity: Int
  /// The batch's place in the run; the writer writes batches in this order.
  @exclusivity(unchecked) var sequence = 0
  /// The index of the source the rows come from.
  @exclusivity(unchecked) var source = 0
  /// Rows filled.
  @exclusivity(unchecked) var count = 0
  /// How the source's cells are read, by field slot.
  @exclusivity(unchecked) var formats: [CellFormat] = []
  /// The line each row starts on, `capacity` entries. Owned by the batch (see `deinit`): an
  /// array's write checked that the array was not shared, a call for every row (10 instructions).
  let lines: UnsafeMutableBufferPointer<Int>
  /// Rows that cannot be evaluated, in row order, with the reason.
  @exclusivity(unchecked) var problems: [(row: Int, message: String)] = []
  /// Those of them whose key cell is blank (``RowBuffer/namesNoClient``), in row order.
  @exclusivity(unchecked) var rowsNamingNoClient: [Int] = []
  /// Notes about the source to print after this batch's rows (a file that could not be read to the end).
  @exclusivity(unchecked) var notes: [String] = []
  /// Notes about the source for the summary that are no failure (a footer left out: ``CSVFooter``).
  @exclusivity(unchecked) var remarks: [String] = []
  /// The rendered report rows (filled by an evaluating thread).
  let output = ByteBuffer(capacity: 1 << 18)
  /// Messages for standard error about rows of this batch, in row order (filled by an evaluating thread).
  @exclusivity(unchecked) var messages: [RowMessage] = []
  /// What this batch adds to the summary.
  @exclusivity(unchecked) var tally: Tally
  /// With a run history: each row, its client id in the history when the evaluating thread
  /// found one the recorder shares, and its outcome's code (`nil` for a row with an error), in
  /// row order, for the writer to record.
  @exclusivity(unchecked) var outcomes: [RecordedRow] = []
  /// For the HTML report: the values of each shown client who needs action, in row order, with
  /// its severity, so that the writer can explain those the page shows as cards.
  @exclusivity(unchecked) var actionClients: [(severity: Int, client: Client)] = []
  /// The rows' bytes: each record's cells copied from the source, usually in one piece.
  let bytes: BatchBytes
  /// Where each cell is in ``bytes``: row `r`, slot `s` is entry `r × stride + s`, and the row's
  /// key is entry `r × stride + slotCount`. Owned by the batch (see `deinit`).
  private let cells: UnsafeMutablePointer<CellSpan>
  /// Entries per row in ``cells``: the slots and the key.
  private let stride: Int
  /// Each row's ``DuplicateKeys/hash(ofKey:)``, made as the row is placed, on the reading thread.
  ///
  /// Why here: the reading thread has just split the key and has its bytes in its cache; the
  /// writing thread, checking keys for duplicates, loaded each row's key cell and bytes from
  /// another core's cache, a third of the check's time (`perf annotate`). It reads 8 bytes a
  /// row from here instead. Owned by the batch (see `deinit`).
  let keyHashes: UnsafeMutablePointer<UInt64>

  init(slotCount: Int, capacity: Int, verdictCount: Int) {
    self.slotCount = slotCount
    self.capacity = capacity
    stride = slotCount + 1
    // Zero bytes are empty spans and line 0, and pages of rows a small file never fills are
    // never touched (see ``ZeroedMemory``).
    cells = ZeroedMemory.allocate(CellSpan.self, count: stride * capacity)
    bytes = BatchBytes(capacity: capacity * (slotCount + 2) * 8)
    lines = UnsafeMutableBufferPointer(start: ZeroedMemory.allocate(Int.self, count: capacity), count: capacity)
    keyHashes = ZeroedMemory.allocate(UInt64.self, count: capacity)
    tally = Tally(verdictCount: verdictCount)
  }

  deinit {
    ZeroedMemory.free(cells)
    ZeroedMemory.free(keyHashes)
    if let lines = lines.baseAddress { ZeroedMemory.free(lines) }
  }

  /// Empties the batch for reuse.
  func reset(sequence: Int, source: Int) {
    self.sequence = sequence
    self.source = source
    count = 0
    bytes.count = 0
    problems.removeAll(keepingCapacity: true)
    rowsNamingNoClient.removeAll(keepingCapacity: true)
    notes.removeAll(keepingCapacity: true)
    remarks.removeAll(keepingCapacity: true)
    output.removeAll()
    messages.removeAll(keepingCapacity: true)
    outcomes.removeAll(keepingCapacity: true)
    actionClients.removeAll(keepingCapacity: true)
    tally.reset()
  }

  var isFull: Bool { count == capacity }

  /// Copies a record into the next row: its key, and its cells unless `withCells` is false (a
  /// row that is not evaluated).
  func append(_ row: RowBuffer, withCells: Bool) {
    let index = count
    lines[index] = row.line
    keyHashes[index] = DuplicateKeys.hash(ofKey: row.key)
    count += 1
    let spans = cells + index * stride
    guard withCells else {
      for slot in 0..<slotCount { spans[slot] = CellSpan(start: 0, end: 0) }
      spans[slotCount] = bytes.copy(row.key)
      return
    }
    if let record = row.bytes, let table = row.fieldTable, row.columns.count == slotCount {
      if bytes.copy(
        record: record, fields: table, count: row.fieldCount, columns: row.columns, key: row.key, into: spans)
      {
        return
      }
      row.fillCellsFromFieldTable()
    } else if let record = row.bytes,
      bytes.copy(record: record, row.cells, slotCount: slotCount, key: row.key, into: spans)
    {
      return
    }
    bytes.copy(row.cells, slotCount: slotCount, key: row.key, into: spans)
  }

  /// Copies a record without a problem into the next row straight from a CSV scanner's table of
  /// its `count` fields, the field of slot `s` being `columns[s]` and the key field `key` (-1 for
  /// none), as ``add(_:)`` would from a row buffer holding that table; returns `false`, adding
  /// nothing, when the record's bytes are not copied in one piece
  /// (``BatchBytes/copy(record:fields:count:columns:key:into:)``), for the caller to add it
  /// through a row buffer.
  @inline(__always)
  func appendPlain(
    line: Int, record: UnsafeBufferPointer<UInt8>, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>, count: Int,
    columns: UnsafeBufferPointer<Int>, key: Int
  ) -> Bool {
    let index = self.count
    guard columns.count == slotCount,
      bytes.copy(
        record: record, fields: fields, count: count, columns: columns,
        key: key >= 0 ? fields[key] : UnsafeBufferPointer(start: nil, count: 0), into: cells + index * stride)
    else { return false }
    lines[index] = line
    keyHashes[index] = DuplicateKeys.hash(ofKey: key >= 0 ? fields[key] : UnsafeBufferPointer(start: nil, count: 0))
    self.count = index + 1
    return true
  }

  /// ``appendPlain(line:record:fields:count:columns:key:)`` for a record whose bytes were copied
  /// already, with those of the records around it (``BatchBytes/append(block:)``, which gave
  /// `shift`): each cell is placed at its address moved by `shift`, nothing is copied.
  ///
  /// Why: copying each record by itself cost a `memcpy` call, a check of room and the check that
  /// every cell lies in the record: the reading thread took 1,007 instructions a row so, 910 with
  /// the run copied in one piece (in 2 KiB pieces) and placed thus.
  @inline(__always)
  func appendPlain(
    line: Int, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>, count: Int, columns: UnsafeBufferPointer<Int>,
    key: Int, shift: Int, everyColumn: Bool
  ) {
    let index = self.count
    let spans = cells + index * stride
    let origin = Int(bitPattern: fields[0].baseAddress) &+ shift
    if everyColumn {
      // Every slot's column is one of the record's `count` fields (the caller knows): no check
      // a slot (31 instructions a row for nine slots, measured).
      for slot in 0..<slotCount {
        let cell = fields[columns[slot]]
        let start = Int(bitPattern: cell.baseAddress) &+ shift
        BatchBytes.place(spans + slot, start, start &+ cell.count)
      }
    } else {
      placeCells(fields, count: count, columns: columns, shift: shift, origin: origin, into: spans)
    }
    if key >= 0 {
      let cell = fields[key]
      let start = Int(bitPattern: cell.baseAddress) &+ shift
      BatchBytes.place(spans + slotCount, start, start &+ cell.count)
      keyHashes[index] = DuplicateKeys.hash(ofKey: cell)
    } else {
      BatchBytes.place(spans + slotCount, origin, origin)
      keyHashes[index] = 0
    }
    lines[index] = line
    self.count = index + 1
  }

  /// Places the cells of slots whose column may be outside the record's `count` fields (-1, no
  /// column): such a cell is empty, at `origin`.
  @inline(__always)
  private func placeCells(
    _ fields: UnsafePointer<UnsafeBufferPointer<UInt8>>, count: Int, columns: UnsafeBufferPointer<Int>, shift: Int,
    origin: Int, into spans: UnsafeMutablePointer<CellSpan>
  ) {
    for slot in 0..<slotCount {
      let column = columns[slot]
      if UInt(bitPattern: column) < UInt(bitPattern: count) {
        let cell = fields[column]
        let start = Int(bitPattern: cell.baseAddress) &+ shift
        BatchBytes.place(spans + slot, start, start &+ cell.count)
      } else {
        BatchBytes.place(spans + slot, origin, origin)
      }
    }
  }

  /// Copies one record into the next row, with its problem if it has one; converting it is the
  /// evaluating thread's job.
  func add(_ row: RowBuffer) {
    if let problem = row.problem {
      problems.append((count, problem))
      if row.namesNoClient { rowsNamingNoClient.append(count) }
      append(row, withCells: false)
    } else {
      append(row, withCells: true)
    }
  }

  /// Calls `body` with where the cells of `row` are, by slot, and the bytes they are in.
  @inline(__always)
  func withRow<Result>(_ row: Int, _ body: (UnsafePointer<CellSpan>, UnsafePointer<UInt8>) -> Result) -> Result {
    body(cells + row * stride, bytes.start)
  }

  /// The key bytes of `row`, valid until the batch is next reset or appended to.
  func key(_ row: Int) -> UnsafeBufferPointer<UInt8> {
    bytes.buffer(cells[row * stride + slotCount])
  }

  /// Calls `body` with the key bytes of `row`.
  func withKey<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(bytes.buffer(cells[row * stride + slotCount]))
  }
}

/// A message for standard error about one row.
struct RowMessage {
  /// The row in its batch.
  var row: Int
  /// `payment_delay: "fourty" is not a duration`.
  var text: String
  /// For bad cells: each bad field's hint, to show the first time it comes for the field.
  var hints: [FieldHint] = []
  /// For evaluation errors: the diagnostic in the policy, shown in full the first time.
  var diagnostic: Diagnostic?
  /// Where the message is, when standard error names that place instead of the row's
  /// (`invoices.csv:644`, a damaged record of a client whose row is its first record).
  var place: String?
}

extension EvaluationError {
  /// The message a client's row error gives for a failed evaluation in `policy` (a table's own,
  /// for a record's fold): with its place in the policy, `division by zero (p.verdict:4:12)`.
  func rowMessage(in policy: Policy) -> String {
    "\(message) (\(policy.source.name):\(policy.source.location(of: range.start)))"
  }
}

/// Where a cell's bytes are in a batch's ``BatchBytes``.
typealias CellSpan = CellRange
