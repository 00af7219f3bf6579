import VerdictData

/// Records from a CSV file with a header row; a row whose cells do not match the header's (see
/// ``CSVRowShape``) is reported as a problem rather than read from shifted columns.
final class CSVRecordSource: RecordSource {
  let name: String
  let decimalComma: Bool
  var binding: ColumnBinding?
  let columns: [String]?
  private let reader: CSVReader
  private let shape: CSVRowShape

  /// Opens `path` and reads its header; the dialect is detected unless chosen.
  init(path: String, dialect choice: CSVDialectChoice) throws(RunFailure) {
    let dialect: CSVDialect? =
      switch choice {
      case .auto: nil
      case .standard: .standard
      case .german: .german
      case .tab: .tabSeparated
      }
    do {
      let source = try ByteSource(path: path)
      reader = try CSVReader(source: source, dialect: dialect)
      name = source.name
    } catch {
      throw SourceOpener.failure(path, error)
    }
    decimalComma = reader.dialect.decimalComma
    shape = CSVRowShape(header: reader.header, separator: reader.dialect.separator)
    columns = shape.columns(of: reader.header)
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    let binding = try binding ?? binder.bind(columns ?? [], source: name)
    self.binding = binding
    let shape = shape
    let slots = binding.columnOfSlot
    let key = binding.keyColumn ?? -1
    defer { row.bytes = nil }
    try slots.withUnsafeBufferPointer { slots in
      try reader.forEachRecord { record in
        row.line = record.position.line
        row.problem = shape.fits(record) ? nil : shape.problem(record)
        for slot in 0..<slots.count {
          row.cells[slot] = record[slots[slot]]
        }
        row.key = record[key]
        row.bytes = record.bytes
        try body(row)
      }
    }
  }
}
