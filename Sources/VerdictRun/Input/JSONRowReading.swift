import Verdict
import VerdictData

/// Reads JSON records straight into a ``RowBuffer``: the cells of the keys a binding reads (its
/// columns, then the key column when it is not one of them), without a `String` per key or
/// value. One reading serves one thread: a file read serially has one, each thread that reads a
/// part of a JSON Lines file in parallel its own.
final class JSONRowReading {
  private let table: JSONKeyTable
  private let cells: JSONRecordCells
  /// The slot of the key column in ``table``, or `nil` when the data has no key column.
  private let keySlot: Int?
  /// The key's name, for the problem of a record whose key is blank.
  private let keyName: String?
  /// The cells of the last record, end to end (owned, see `deinit`; grown as records need).
  @exclusivity(unchecked) private var gathered: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var gatheredCapacity = 4096

  /// A reading of the keys `binding` binds, for rows of `slots` field slots.
  init(binding: ColumnBinding, slots: Int) {
    // A declared field the policy does not read may have no column (-1): its slot stays empty.
    var keys: [String?] = binding.columnOfSlot.map { binding.columns.indices.contains($0) ? binding.columns[$0] : nil }
    var keySlot: Int?
    keyName = binding.keyName
    if let keyName = binding.keyName {
      keySlot = keys.firstIndex { $0 == keyName }
      if keySlot == nil {
        keySlot = keys.count
        keys.append(keyName)
      }
    }
    table = JSONKeyTable(keys: keys)
    // A number token is written in its field's number format; a text field's (and the key's)
    // as written.
    let notations = keys.indices.map { slot -> JSONNumberNotation in
      guard slot < binding.formats.count, binding.formats[slot].type != .text else { return .point }
      switch binding.formats[slot].numbers.decimalMark {
      case .point: return .point
      case .comma: return .comma
      case .undecided: return .unambiguous
      }
    }
    cells = JSONRecordCells(slots: keys.count, notations: notations)
    cells.keySlot = keySlot ?? -1
    self.keySlot = keySlot
    gathered = .allocate(capacity: gatheredCapacity)
  }

  deinit { gathered.deallocate() }

  /// Reads `record` into `row` and calls `body` with it: its cells, or, for a malformed record,
  /// the problem that says why (at the record's line and column).
  func read(_ record: JSONRecordText, into row: RowBuffer, _ body: (RowBuffer) throws -> Void) rethrows {
    do throws(DataReadError) {
      try record.cells(table, into: cells)
    } catch {
      return try JSONRowReading.report(record.explaining(error), into: row, body)
    }
    if let keySlot, let keyName, let kind = JSONRowReading.keyKind(cells.keyToken) {
      // Read as its text, `["C9"]` would be a client of its own, kept in the history. The record
      // may be any client's (the one in the array?), so it names none and hides none: before a
      // key given twice, whose problem would be charged to the client the key names.
      // Shown on one line: an array over several lines of a JSON file, its line breaks spaces.
      var written = String(decoding: cells.cells[keySlot], as: UTF8.self)
        .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
      if written.count > 40 { written = String(written.prefix(40)) + "…" }
      let problem = DataReadError(
        line: record.position.line, column: 0,
        message: "the record's \(Value.quote(keyName)) is \(kind) (\(MessageText.escaped(written))), "
          + "not a client's key: a key is a string or a number")
      return try JSONRowReading.report(problem, into: row, body)
    }
    // A key given twice or spelled another way is the record's problem, with that key
    // (``RowBuffer/problemKey``): the cells are read all the same, for a reader of every column
    // (the REPL's) whose policy may read none of that key, as a run, which reads only its
    // policy's, then reads the record.
    var keyProblem: (message: String, slot: Int, key: String)?
    if let slot = cells.repeatedSlot, let key = table.keys[slot] {
      // As a CSV header that names a column twice: which value is meant cannot be known.
      keyProblem = (
        "the record has the key \(Value.quote(key)) more than once; which value is meant cannot be known", slot, key
      )
    } else if let (slot, written) = cells.otherSpelling, let key = table.keys[slot] {
      // Read by its exact key, the value would be missing without a word.
      keyProblem = (
        "the record writes the key \(Value.quote(key)) as \(Value.quote(written)); "
          + "its value would be read as missing: write the key alike in every record", slot, key
      )
    }
    row.line = record.position.line
    row.problem = nil
    // The cells lie in the record's text, the arena of unescaped strings and the program's
    // literals: gathered into one buffer, the batch copies them in one piece, from memory
    // that is all theirs.
    let cells = self.cells.cells
    var total = 0
    for slot in 0..<cells.count { total &+= cells[slot].count }
    if total > gatheredCapacity {
      gathered.deallocate()
      gatheredCapacity = max(total, gatheredCapacity * 2)
      gathered = .allocate(capacity: gatheredCapacity)
    }
    var offset = 0
    for slot in 0..<cells.count {
      let cell = cells[slot]
      if let from = cell.baseAddress, cell.count > 0 { (gathered + offset).initialize(from: from, count: cell.count) }
      let copy = UnsafeBufferPointer(start: gathered + offset, count: cell.count)
      offset &+= cell.count
      if slot < row.slotCount { row.cells[slot] = copy }
      if slot == keySlot { row.key = copy }
    }
    if keySlot == nil { row.key = UnsafeBufferPointer(start: nil, count: 0) }
    // A blank key names no client whatever else the record repeats (unless what it repeats is
    // the key itself): before the repeated key, whose problem a reader of every column (the
    // REPL's) may then set aside for a policy that reads none of it, evaluating a client of
    // no name where a run, reading only the policy's keys, refuses the row.
    if let keyName, keyProblem?.slot != keySlot, ClientKey.isBlank(row.key) {
      row.clear()
      row.line = record.position.line
      row.problem = ClientKey.blankProblem(column: keyName)
      row.namesNoClient = true
      return try body(row)
    }
    // A totals label or a number a spreadsheet rounded names no client either, as in CSV.
    if keyName != nil, keyProblem == nil, let problem = ClientKey.namesNoClient(row.key) {
      row.clear()
      row.line = record.position.line
      row.problem = problem
      row.namesNoClient = true
      return try body(row)
    }
    if let keyProblem {
      row.bytes = nil
      row.namesNoClient = false
      row.problem = keyProblem.message
      row.problemKey = keyProblem.key
      row.key = clientKey(unless: keyProblem.slot)
      return try body(row)
    }
    row.bytes = UnsafeBufferPointer(start: gathered, count: total)
    try body(row)
  }

  /// What a client key whose JSON value starts with `token` is, when it is no string or number
  /// (see ``JSONRecordCells/keyToken``); `nil` for a string, a number, or no key. A `null` key
  /// is a blank one (an empty cell), which names no client.
  @inline(__always)
  private static func keyKind(_ token: UInt8) -> String? {
    switch token {
    case UInt8(ascii: "["): "an array"
    case UInt8(ascii: "{"): "an object"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
    case _: nil
    }
  }

  /// The record's client key, read: unless the record's problem is in the key itself (the
  /// key's slot is `slot`), the record is surely that client's, and its problem is charged to it
  /// rather than counted for nobody. Empty without a key column.
  private func clientKey(unless slot: Int) -> UnsafeBufferPointer<UInt8> {
    guard let keySlot, keySlot != slot else { return UnsafeBufferPointer(start: nil, count: 0) }
    return cells.cells[keySlot]
  }

  /// Calls `body` with `row` emptied and carrying `error` as its problem, and `key` as its key
  /// (empty when the record's client is not known); `problemKey`: the record's key the problem is
  /// about (``RowBuffer/problemKey``).
  static func report(
    _ error: DataReadError, into row: RowBuffer,
    key: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0), about problemKey: String? = nil,
    _ body: (RowBuffer) throws -> Void
  ) rethrows {
    row.clear()
    row.line = error.line
    row.problem = error.column > 0 ? "column \(error.column): \(error.message)" : error.message
    row.key = key
    row.problemKey = problemKey
    try body(row)
  }
}
