import Verdict

/// The clients of a run given only record tables: the keys that appear in the tables, as rows
/// with no cells. Keys are read from the table where each first appears, in the order they
/// appear there, and each row's line is that first record's line.
final class TableClientSource: RecordSource {
  let name: String
  let numbers = NumberFormat.point
  let columns: [String]? = []
  var binding: ColumnBinding?
  private let store: AggregateStore
  private let table: Int32

  /// The clients whose first record is in table `table`, read from the file `name`.
  init(store: AggregateStore, table: Int, name: String, fields: [FieldInfo]) {
    self.store = store
    self.table = Int32(table)
    self.name = name
    binding = ColumnBinding(
      columns: [], columnOfSlot: Array(repeating: -1, count: fields.count), keyColumn: nil,
      formats: fields.map { CellFormat($0) })
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    let firsts = store.firstRecords
    for (client, first) in firsts.enumerated() where first.table == table {
      row.clear()
      row.line = Int(first.line)
      var key = store.keys[client]
      try key.withUTF8 { bytes in
        row.key = bytes
        try body(row)
      }
    }
  }
}
