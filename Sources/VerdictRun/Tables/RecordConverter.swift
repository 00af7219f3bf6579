import Verdict

/// Converts a table's records to values, as ``RowConverter`` converts clients, remembering the
/// values of recent date and bool cells.
///
/// A table has many records per client and few distinct dates (an invoice export of ten million
/// rows over three years has about a thousand invoice dates), and reading a date is the dearest
/// part of a record. So each date column (and each bool column, of few distinct cells too) keeps
/// the cells it read lately in a small table, by their bytes: the same bytes in the same column
/// are the same value. Cells that do not read
/// are never remembered, so their errors come out as ``RowConverter``'s.
final class RecordConverter {
  /// How each field's cells are read, by slot (trivially copyable).
  private let formats: UnsafeMutablePointer<CellFormat>
  private let names: [String]
  private let reader = CellReader()
  /// The slots to convert: every field the table reads.
  private let slots: UnsafeMutableBufferPointer<Int>
  /// Whether a slot is a date or bool field, whose cells are remembered.
  private let isRemembered: UnsafeMutablePointer<Bool>
  private let dates: RecentCells
  /// The money fields whose records name their currency, settled once a record is read.
  private let currencies: RowCurrencies
  /// Whether there are any: asked on every record, where reading the array's count through the
  /// class would retain it (as ``RowConverter`` asks).
  private let settles: Bool

  init(fields: [FieldInfo], formats cellFormats: [CellFormat]) {
    formats = .allocate(capacity: max(1, fields.count))
    formats.initialize(from: cellFormats, count: fields.count)
    names = fields.map(\.name)
    let chosen = fields.indices.filter { fields[$0].isUsed }
    slots = .allocate(capacity: chosen.count)
    _ = slots.initialize(from: chosen)
    isRemembered = .allocate(capacity: max(1, fields.count))
    isRemembered.initialize(from: cellFormats.map { $0.type == .date || $0.type == .bool }, count: fields.count)
    dates = RecentCells(slots: fields.count)
    currencies = RowCurrencies(fields)
    settles = !currencies.isEmpty
  }

  deinit {
    formats.deallocate()
    slots.deallocate()
    isRemembered.deallocate()
  }

  /// Writes the record's values to `values` (one per slot, initialized); on a bad cell returns
  /// what is wrong with every bad cell, else `nil`. A bad cell's value is missing, so that the
  /// record still counts in the aggregates that do not read it (``AggregateReads``).
  func convert(_ row: RowBuffer, into values: UnsafeMutablePointer<Value>) -> [CellProblem]? {
    var problems: [CellProblem]?
    for slot in slots {
      let cell = row.cells[slot]
      let isRemembered = self.isRemembered[slot]
      if isRemembered, dates.find(cell, slot: slot, into: values + slot) { continue }
      if let error = reader.read(cell, as: formats[slot], into: values + slot) {
        problems = (problems ?? []) + [CellProblem(field: names[slot], slot: slot, error: error)]
      } else if isRemembered {
        dates.remember(cell, slot: slot, values[slot])
      }
    }
    if settles { currencies.settle(values, names: names, into: &problems) }
    return problems
  }
}

/// The values of the cells each column read lately, by their bytes (cells of up to 16
/// bytes), in a table of ``size`` entries a column.
private final class RecentCells {
  private static let size = 1 << 10
  private struct Entry {
    /// The cell's bytes, packed in two words, and their count (0 for an empty entry).
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count = 0
    var value = Value.missing
  }
  private let entries: UnsafeMutablePointer<Entry>
  private let capacity: Int

  init(slots: Int) {
    capacity = max(1, slots) * RecentCells.size
    entries = .allocate(capacity: capacity)
    entries.initialize(repeating: Entry(), count: capacity)
  }

  deinit {
    entries.deinitialize(count: capacity)
    entries.deallocate()
  }

  /// Writes the value of `cell` of `slot` to `value` if the cell was read before; `false` if not.
  @inline(__always)
  func find(_ cell: UnsafeBufferPointer<UInt8>, slot: Int, into value: UnsafeMutablePointer<Value>) -> Bool {
    guard let (low, high) = RecentCells.pack(cell) else { return false }
    let entry = entries + RecentCells.entry(low, high, cell.count, slot: slot)
    guard entry.pointee.count == cell.count, entry.pointee.low == low, entry.pointee.high == high else { return false }
    value.pointee = entry.pointee.value
    return true
  }

  /// Remembers that `cell` of `slot` reads as `value`.
  func remember(_ cell: UnsafeBufferPointer<UInt8>, slot: Int, _ value: Value) {
    guard let (low, high) = RecentCells.pack(cell) else { return }
    entries[RecentCells.entry(low, high, cell.count, slot: slot)] = Entry(
      low: low, high: high, count: cell.count, value: value)
  }

  /// The cell's bytes in two words; `nil` for an empty cell or one of more than 16 bytes. With
  /// the count, the words say what the bytes are: a cell of 8 to 16 bytes is read as its first
  /// eight and its last eight, which may overlap, so no byte past the cell is read.
  @inline(__always)
  private static func pack(_ cell: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
    guard let base = cell.baseAddress, cell.count > 0, cell.count <= 16 else { return nil }
    let raw = UnsafeRawPointer(base)
    if cell.count >= 8 {
      return (
        raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: cell.count &- 8, as: UInt64.self)
      )
    }
    var word: UInt64 = 0
    for index in 0..<cell.count { word |= UInt64(base[index]) << UInt64(index &* 8) }
    return (word, 0)
  }

  @inline(__always)
  private static func entry(_ low: UInt64, _ high: UInt64, _ count: Int, slot: Int) -> Int {
    let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
    return slot &* size &+ Int(truncatingIfNeeded: mixed >> 54)
  }
}
