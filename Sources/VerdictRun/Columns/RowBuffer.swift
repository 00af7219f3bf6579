/// One record as a source read it, before conversion: where it is, what is wrong with it as a
/// whole (a ragged row, a malformed JSON line), the client's key and one cell per field slot.
///
/// Sources fill one reused buffer per record; the byte buffers point into the source's own
/// memory and are valid only while the record is being handled. A buffer is used by one thread,
/// so its properties are unchecked for exclusive access: checked, reading `problem` for each row
/// cost two calls into the runtime (150 instructions a row).
final class RowBuffer {
  /// The 1-based line the record starts on.
  @exclusivity(unchecked) var line = 0
  /// Why the whole record cannot be evaluated, or `nil`.
  @exclusivity(unchecked) var problem: String?
  /// Whether the record's problem is that its key cell is blank: it names no client, so unlike
  /// a record that cannot be read (which may be anyone's), it hides no client from the run
  /// history, which still records those missing from the data as having left.
  @exclusivity(unchecked) var namesNoClient = false
  /// For a JSON record's problem with one key (given twice, or spelled another way): that key,
  /// so that `check --data` can tell whether a run reads it. `nil` otherwise.
  @exclusivity(unchecked) var problemKey: String?
  /// The client's key (empty when there is no key column or the cell is empty).
  @exclusivity(unchecked) var key = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  /// The cell for each field slot of the policy; empty buffers are empty cells.
  let cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
  /// The source's bytes that hold every cell and the key, when it knows them (a CSV record read
  /// in place), so that the record can be copied in one piece; `nil` otherwise. A source that
  /// sets it clears it when it is done, so that the next source's rows do not inherit it.
  @exclusivity(unchecked) var bytes: UnsafeBufferPointer<UInt8>?

  /// With ``bytes``: the source's field table, ``fieldCount`` fields, and ``columns``, the field
  /// of each slot (-1 for none), when the source left ``cells`` unfilled for a consumer that
  /// ``readsFieldTable``; `nil` otherwise. A source that sets it clears it when it is done.
  @exclusivity(unchecked) var fieldTable: UnsafePointer<UnsafeBufferPointer<UInt8>>?
  /// The fields in ``fieldTable``.
  @exclusivity(unchecked) var fieldCount = 0
  /// The field of each slot in ``fieldTable`` (-1 for none).
  @exclusivity(unchecked) var columns = UnsafeBufferPointer<Int>(start: nil, count: 0)
  /// Whether the consumer takes a row's cells from ``fieldTable`` when it is set, so that a CSV
  /// source need not copy each field to ``cells`` first (a batch reader places them straight
  /// from the table: 141 instructions a row less for eleven columns).
  var readsFieldTable = false

  /// A buffer for a policy with `slots` fields.
  init(slots: Int) {
    cells = .allocate(capacity: max(1, slots))
    cells.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0))
  }

  deinit { cells.deallocate() }

  /// Marks every cell and the key empty, and the record without a problem.
  func clear() {
    for index in cells.indices { cells[index] = UnsafeBufferPointer(start: nil, count: 0) }
    key = UnsafeBufferPointer(start: nil, count: 0)
    bytes = nil
    fieldTable = nil
    problem = nil
    namesNoClient = false
    problemKey = nil
  }

  /// Fills ``cells`` from ``fieldTable``, as the source would have (an empty cell for a slot
  /// without a field), for a consumer that needs them after all. A policy without fields has
  /// one cell and no column (``cells`` is never empty): it stays empty.
  func fillCellsFromFieldTable() {
    guard let table = fieldTable else { return }
    for slot in cells.indices {
      let column = slot < columns.count ? columns[slot] : -1
      cells[slot] = column >= 0 && column < fieldCount ? table[column] : UnsafeBufferPointer(start: nil, count: 0)
    }
  }

  /// The number of field slots.
  var slotCount: Int { cells.count }
}
