import Verdict
import VerdictData

/// Records from a JSON array of objects or from JSON Lines. The keys of the first good record
/// stand for a header (so a misspelt field is caught before any row is evaluated); later records
/// may leave keys out, which makes those cells missing. Scalars become cell text: strings as they
/// are, numbers as written, `true`/`false`, `null` an empty cell, nested arrays and objects their
/// JSON text.
final class JSONRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  let columns: [String]?
  var binding: ColumnBinding?
  private let reader: JSONRecordReader

  /// Opens `path`; for a file (not standard input), reads ahead to its first good record for the
  /// columns.
  init(path: String, layout: JSONRecordReader.Layout, numbers: NumberFormat) throws(RunFailure) {
    self.numbers = numbers
    do {
      let source = try ByteSource(path: path)
      name = source.name
      reader = JSONRecordReader(source: source, layout: layout)
      columns = path == "-" ? nil : try JSONRecordSource.peekColumns(path: path, layout: layout)
    } catch let error as DataReadError {
      throw SourceOpener.failure(path, error)
    } catch {
      throw RunFailure(.data, located: "\(path): \(error)")
    }
  }

  private struct FoundFirstRecord: Error {
    var keys: [String]
  }

  /// The keys of the first well-formed record, or `nil` when there is none.
  private static func peekColumns(path: String, layout: JSONRecordReader.Layout) throws -> [String]? {
    let reader = JSONRecordReader(source: try ByteSource(path: path), layout: layout)
    do {
      try reader.forEachRecord { _, members in
        throw FoundFirstRecord(keys: members.map(\.key))
      } onError: { _ in
      }
    } catch let found as FoundFirstRecord {
      return found.keys
    }
    return nil
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    // Each record is read straight into the cells of the keys the policy reads (the binding's
    // columns, then the key column when it is not one of them): no `String` per key or value.
    var reading = binding.map { JSONRecordSource.table(for: $0, slots: row.slotCount) }
    var gathered: [UInt8] = []
    defer { row.bytes = nil }
    func report(_ error: DataReadError) throws {
      row.clear()
      row.line = error.line
      row.problem = error.column > 0 ? "column \(error.column): \(error.message)" : error.message
      try body(row)
    }
    try reader.forEachRecordText { record in
      do {
        if reading == nil {
          let bound = try binder.bind(try record.members().map(\.key), source: name, numbers: numbers)
          binding = bound
          reading = JSONRecordSource.table(for: bound, slots: row.slotCount)
        }
        guard let (table, cells, keySlot) = reading else { return }
        try record.cells(table, into: cells)
        row.line = record.position.line
        row.problem = nil
        // The cells lie in the record's text, the arena of unescaped strings and the program's
        // literals: gathered into one buffer, the batch copies them in one piece, from memory
        // that is all theirs.
        gathered.removeAll(keepingCapacity: true)
        for slot in 0..<cells.cells.count { gathered.append(contentsOf: cells.cells[slot]) }
        try gathered.withUnsafeBufferPointer { bytes in
          var offset = 0
          func next(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
            defer { offset += cells.cells[slot].count }
            return UnsafeBufferPointer(rebasing: bytes[offset..<offset + cells.cells[slot].count])
          }
          for slot in 0..<cells.cells.count {
            let cell = next(slot)
            if slot < row.slotCount { row.cells[slot] = cell }
            if slot == keySlot { row.key = cell }
          }
          if keySlot == nil { row.key = UnsafeBufferPointer(start: nil, count: 0) }
          row.bytes = bytes
          try body(row)
        }
      } catch let error as DataReadError {
        try report(error)
      }
    } onError: { error in
      try report(error)
    }
  }

  /// The keys to read for `binding`: slot `s` is the column of the policy's slot `s`, and the
  /// key column follows unless it is one of them; with the cells to read them into and the
  /// key's slot.
  private static func table(
    for binding: ColumnBinding, slots: Int
  ) -> (JSONKeyTable, JSONRecordCells, keySlot: Int?) {
    // A declared field the policy does not read may have no column (-1): its slot stays empty.
    var keys: [String?] = binding.columnOfSlot.map { binding.columns.indices.contains($0) ? binding.columns[$0] : nil }
    var keySlot: Int?
    if let keyName = binding.keyName {
      keySlot = keys.firstIndex { $0 == keyName }
      if keySlot == nil {
        keySlot = keys.count
        keys.append(keyName)
      }
    }
    return (JSONKeyTable(keys: keys), JSONRecordCells(slots: keys.count), keySlot)
  }
}
