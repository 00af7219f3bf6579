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
  /// The line each row starts on.
  @exclusivity(unchecked) var lines: [Int]
  /// Rows that cannot be evaluated, in row order, with the reason.
  @exclusivity(unchecked) var problems: [(row: Int, message: String)] = []
  /// Those of them whose key cell is blank (``RowBuffer/namesNoClient``), in row order.
  @exclusivity(unchecked) var rowsNamingNoClient: [Int] = []
  /// Notes about the source to print after this batch's rows (a file that could not be read to the end).
  @exclusivity(unchecked) var notes: [String] = []
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

  init(slotCount: Int, capacity: Int, verdictCount: Int) {
    self.slotCount = slotCount
    self.capacity = capacity
    stride = slotCount + 1
    cells = .allocate(capacity: stride * capacity)
    cells.initialize(repeating: CellSpan(start: 0, end: 0), count: stride * capacity)
    bytes = BatchBytes(capacity: capacity * (slotCount + 2) * 8)
    lines = Array(repeating: 0, count: capacity)
    tally = Tally(verdictCount: verdictCount)
  }

  deinit { cells.deallocate() }

  /// Empties the batch for reuse.
  func reset(sequence: Int, source: Int) {
    self.sequence = sequence
    self.source = source
    count = 0
    bytes.count = 0
    problems.removeAll(keepingCapacity: true)
    rowsNamingNoClient.removeAll(keepingCapacity: true)
    notes.removeAll(keepingCapacity: true)
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
    count += 1
    let spans = cells + index * stride
    guard withCells else {
      for slot in 0..<slotCount { spans[slot] = CellSpan(start: 0, end: 0) }
      spans[slotCount] = bytes.copy(row.key)
      return
    }
    if let record = row.bytes, bytes.copy(record: record, row.cells, slotCount: slotCount, key: row.key, into: spans) {
      return
    }
    bytes.copy(row.cells, slotCount: slotCount, key: row.key, into: spans)
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
  var hints: [(field: String, hint: String)] = []
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

/// The bytes of a batch's rows in one growable buffer, which the batch owns and reuses.
final class BatchBytes {
  /// The buffer, `capacity` bytes, of which the first `count` are in use. Owned (see `deinit`).
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes in use.
  var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The first byte, valid until the buffer is next written to.
  var start: UnsafePointer<UInt8> { UnsafePointer(base) }

  /// The bytes of `span`, valid until the buffer is next written to.
  @inline(__always)
  func buffer(_ span: CellSpan) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base + span.start, count: span.end &- span.start)
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private func grow(_ needed: Int) {
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = max(needed, capacity * 2)
  }

  /// Appends one cell's bytes and returns where they went.
  func copy(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
    let start = count
    guard let source = cell.baseAddress, cell.count > 0 else { return CellSpan(start: start, end: start) }
    reserve(cell.count)
    (base + start).initialize(from: source, count: cell.count)
    count += cell.count
    return CellSpan(start: start, end: count)
  }

  /// Appends the bytes of a whole record, which hold its `slotCount` cells and its key, in one
  /// piece, writing where each cell went to `spans` (the key last). Returns `false`, having
  /// appended nothing, when the record holds much more than the cells (columns the policy does
  /// not read) or a cell lies outside it; ``copy(_:slotCount:key:into:)`` then copies the cells.
  func copy(
    record: UnsafeBufferPointer<UInt8>, _ cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>,
    slotCount: Int, key: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutablePointer<CellSpan>
  ) -> Bool {
    guard let from = record.baseAddress else { return false }
    let origin = count
    let width = record.count
    reserve(width)
    (base + origin).initialize(from: from, count: width)
    // Addresses are compared as integers only to find each cell's offset in the record; a cell
    // without bytes (nil) comes out far outside it and is placed as an empty cell.
    let low = UInt(bitPattern: from)
    var total = 0
    var inside = true
    @inline(__always) func place(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
      let offset = UInt(bitPattern: cell.baseAddress) &- low
      guard offset <= UInt(width), offset &+ UInt(cell.count) <= UInt(width) else {
        inside = inside && cell.count == 0
        return CellSpan(start: origin, end: origin)
      }
      total &+= cell.count
      let start = origin &+ Int(offset)
      return CellSpan(start: start, end: start &+ cell.count)
    }
    for slot in 0..<slotCount { spans[slot] = place(cells[slot]) }
    spans[slotCount] = place(key)
    guard inside, width <= 2 * total + 256 else { return false }
    count += width
    return true
  }

  /// Appends a record's `slotCount` cells and its key, writing where each went to `spans` (the
  /// key last). The cells of a record usually lie together in the source's buffer, so they are
  /// copied in one piece with whatever lies between them; cells that lie apart (a quoted cell
  /// unescaped into the scanner's scratch buffer) are copied one by one.
  func copy(
    _ cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>, slotCount: Int,
    key: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutablePointer<CellSpan>
  ) {
    // Addresses are compared as integers only to find the smallest piece of memory holding them all.
    var low = UInt.max
    var high: UInt = 0
    var total = 0
    func widen(_ cell: UnsafeBufferPointer<UInt8>) {
      guard let start = cell.baseAddress, cell.count > 0 else { return }
      let address = UInt(bitPattern: start)
      low = min(low, address)
      high = max(high, address + UInt(cell.count))
      total += cell.count
    }
    for slot in 0..<slotCount { widen(cells[slot]) }
    widen(key)
    let width = high &- low
    guard total > 0, width <= UInt(2 * total + 256), let from = UnsafePointer<UInt8>(bitPattern: low) else {
      for slot in 0..<slotCount { spans[slot] = copy(cells[slot]) }
      spans[slotCount] = copy(key)
      return
    }
    let origin = count
    reserve(Int(width))
    (base + origin).initialize(from: from, count: Int(width))
    count += Int(width)
    func place(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
      guard let start = cell.baseAddress, cell.count > 0 else { return CellSpan(start: origin, end: origin) }
      let offset = origin + Int(UInt(bitPattern: start) &- low)
      return CellSpan(start: offset, end: offset + cell.count)
    }
    for slot in 0..<slotCount { spans[slot] = place(cells[slot]) }
    spans[slotCount] = place(key)
  }
}
