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
  let shape: CSVRowShape
  /// Whether the records come from standard input, which is read once, in order.
  private let isStandardInput: Bool

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
    isStandardInput = path == "-"
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

  /// Whether the records can be split into fields by several threads (see ``CSVSplitting``): a
  /// file, not standard input, whose columns are bound.
  var splitsIntoRecords: Bool { !isStandardInput && binding != nil }

  /// Calls `body` with each record's bytes, its line and the blank lines before it (see
  /// ``CSVReader/forEachRecordText(_:)``).
  func forEachRecordText(_ body: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> Void) throws {
    try reader.forEachRecordText(body)
  }
}

/// Splits the records of a ``CSVPart`` into fields and copies them into a batch, as
/// ``CSVRecordSource/forEachRow(_:binder:_:)`` and ``Batch/add(_:)`` do for a file read on one
/// thread. One per thread.
final class CSVPartReading {
  private let reader: CSVPartReader
  private let shape: CSVRowShape
  /// The column of each field slot.
  private let columns: [Int]
  /// The key column, or -1.
  private let key: Int
  private let row: RowBuffer

  /// A reading of `source`'s records into rows of `slots` field slots.
  init(source: CSVRecordSource, binding: ColumnBinding, slots: Int) {
    reader = CSVPartReader(separator: source.reader.dialect.separator)
    shape = source.shape
    columns = binding.columnOfSlot
    key = binding.keyColumn ?? -1
    row = RowBuffer(slots: slots)
  }

  /// Adds the records of `part` to `batch` as rows.
  /// - Throws: `DataReadError` if the part's bytes are not records as the reading thread found them.
  func read(_ part: CSVPart, into batch: Batch) throws {
    part.load(into: reader)
    let loaded = reader.loaded
    let origin = batch.bytes.copy(loaded).start
    let shape = shape
    let key = key
    let row = row
    try columns.withUnsafeBufferPointer { columns in
      try reader.forEachRecord { record in
        row.line = record.position.line
        row.problem = shape.fits(record) ? nil : shape.problem(record)
        record.gather(columns, into: row.cells)
        row.key = record[key]
        batch.add(row, placedIn: loaded, at: origin)
      }
    }
  }
}
