import Verdict
import VerdictData

/// Records from a CSV file with a header row; rows whose width differs from the header's are
/// reported as problems (extra cells that are all empty, as some exports write, are allowed).
final class CSVRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  /// The text encoding, given or detected.
  let encoding: TextEncoding
  var binding: ColumnBinding?
  let reader: CSVReader

  var columns: [String]? { reader.header }

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
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    let binding = try binding ?? binder.bind(reader.header, source: name, numbers: numbers)
    self.binding = binding
    let width = binding.columns.count
    let slots = binding.columnOfSlot
    let key = binding.keyColumn ?? -1
    defer { row.bytes = nil }
    try slots.withUnsafeBufferPointer { slots in
      try reader.forEachRecord { record in
        row.line = record.position.line
        row.problem = nil
        if record.count != width {
          row.problem = CSVRecordSource.raggedProblem(record, width: width)
        }
        for slot in 0..<slots.count {
          row.cells[slot] = record[slots[slot]]
        }
        row.key = record[key]
        row.bytes = record.bytes
        try body(row)
      }
    }
  }

  /// Why a row of the wrong width cannot be read, or `nil` when only empty cells are extra.
  static func raggedProblem(_ record: borrowing CSVRecord, width: Int) -> String? {
    if record.count > width {
      var extraIsEmpty = true
      for index in width..<record.count where !record[index].allSatisfy({ $0 == UInt8(ascii: " ") }) {
        extraIsEmpty = false
        break
      }
      if extraIsEmpty { return nil }
    }
    if record.count == 1 && record[0].isEmpty { return "the line is blank; the header has \(width) columns" }
    return "the row has \(record.count) cell\(record.count == 1 ? "" : "s"), the header has \(width)"
  }
}
