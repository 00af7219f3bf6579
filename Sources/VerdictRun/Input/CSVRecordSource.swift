import Verdict
import VerdictData

/// Records from a CSV file with a header row; a row whose cells do not match the header's (see
/// ``CSVRowShape``) is reported as a problem rather than read from shifted columns.
final class CSVRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  /// The text encoding, given or detected.
  let encoding: TextEncoding
  var binding: ColumnBinding?
  let columns: [String]?
  let reader: CSVReader
  private let shape: CSVRowShape

  /// Opens `path` and reads its header; the separator is detected unless the options fix it.
  init(path: String, options: DataReadOptions) throws(RunFailure) {
    let dialect = options.csvDelimiter.map { CSVDialect(separator: $0, decimalComma: false) }
    do {
      let source = try ByteSource(path: path, encoding: options.encoding)
      reader = try CSVReader(source: source, dialect: dialect, skipLines: options.skipLines)
      name = source.name
      encoding = source.encoding
    } catch {
      throw SourceOpener.failure(path, error)
    }
    numbers = options.csvNumbers
    shape = CSVRowShape(header: reader.header, separator: reader.dialect.separator)
    columns = shape.columns(of: reader.header)
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    let binding = try binding ?? binder.bind(columns ?? [], source: name, numbers: numbers)
    self.binding = binding
    let shape = shape
    let slots = binding.columnOfSlot
    let key = binding.keyColumn ?? -1
    defer { row.bytes = nil }
    try slots.withUnsafeBufferPointer { slots in
      try reader.forEachRecord { record in
        row.line = record.position.line
        row.problem = shape.fits(record) ? nil : shape.problem(record)
        record.gather(slots, into: row.cells)
        row.key = record[key]
        row.bytes = record.bytes
        try body(row)
      }
    }
  }
}
