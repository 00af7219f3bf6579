import Verdict

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
  /// Whether the rows' numbers are written with a decimal comma (German exports).
  @exclusivity(unchecked) var decimalComma = false
  /// The bytes of every cell, row after row and slot after slot.
  @exclusivity(unchecked) var cellBytes: [UInt8] = []
  /// Where each cell ends in ``cellBytes``: row `r`, slot `s` is entry `r × slotCount + s`, and
  /// starts where the entry before it ends.
  @exclusivity(unchecked) var cellEnds: [Int]
  /// The line each row starts on.
  @exclusivity(unchecked) var lines: [Int]
  /// Key bytes of all rows, one after another; row `i` spans `keyEnds[i-1]..<keyEnds[i]`.
  @exclusivity(unchecked) var keyBytes: [UInt8] = []
  /// Where each row's key ends in ``keyBytes``.
  @exclusivity(unchecked) var keyEnds: [Int]
  /// Rows that cannot be evaluated, in row order, with the reason.
  @exclusivity(unchecked) var problems: [(row: Int, message: String)] = []
  /// Notes about the source to print after this batch's rows (a file that could not be read to the end).
  @exclusivity(unchecked) var notes: [String] = []
  /// The rendered report rows (filled by an evaluating thread).
  let output = ByteBuffer(capacity: 1 << 18)
  /// Messages for standard error about rows of this batch, in row order (filled by an evaluating thread).
  @exclusivity(unchecked) var messages: [RowMessage] = []
  /// What this batch adds to the summary.
  @exclusivity(unchecked) var tally: Tally

  init(slotCount: Int, capacity: Int, verdictCount: Int) {
    self.slotCount = slotCount
    self.capacity = capacity
    cellEnds = Array(repeating: 0, count: max(1, slotCount * capacity))
    cellBytes.reserveCapacity(capacity * slotCount * 8)
    lines = Array(repeating: 0, count: capacity)
    keyEnds = Array(repeating: 0, count: capacity)
    keyBytes.reserveCapacity(capacity * 16)
    tally = Tally(verdictCount: verdictCount)
  }

  /// Empties the batch for reuse.
  func reset(sequence: Int, source: Int) {
    self.sequence = sequence
    self.source = source
    count = 0
    keyBytes.removeAll(keepingCapacity: true)
    cellBytes.removeAll(keepingCapacity: true)
    problems.removeAll(keepingCapacity: true)
    notes.removeAll(keepingCapacity: true)
    output.removeAll()
    messages.removeAll(keepingCapacity: true)
    tally.reset()
  }

  var isFull: Bool { count == capacity }

  /// Adds the cells of the row at `row` (the one being filled).
  func appendCells(_ cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>, row: Int) {
    for slot in 0..<slotCount {
      cellBytes.append(contentsOf: cells[slot])
      cellEnds[row * slotCount + slot] = cellBytes.count
    }
  }

  /// Marks the cells of the row at `row` empty (a row that is not evaluated).
  func appendEmptyCells(row: Int) {
    for slot in 0..<slotCount { cellEnds[row * slotCount + slot] = cellBytes.count }
  }

  /// Calls `body` with the bytes of the cell at `row`, `slot`.
  @inline(__always)
  func withCell<Result>(row: Int, slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let entry = row * slotCount + slot
    let start = entry == 0 ? 0 : cellEnds[entry - 1]
    let end = cellEnds[entry]
    return cellBytes.withUnsafeBufferPointer { bytes in body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
  }

  /// Calls `body` with the key bytes of `row`.
  func withKey<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let start = row == 0 ? 0 : keyEnds[row - 1]
    return keyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<keyEnds[row]])) }
  }
}

/// A message for standard error about one row.
struct RowMessage {
  /// The row in its batch.
  var row: Int
  /// `payment_delay: "fourty" is not a duration`.
  var text: String
  /// A hint to show with the first such message for a field.
  var hint: String?
  /// For evaluation errors: the diagnostic in the policy, shown in full the first time.
  var diagnostic: Diagnostic?
  /// The field whose cell was bad, to show its hint once.
  var field: String?
}
