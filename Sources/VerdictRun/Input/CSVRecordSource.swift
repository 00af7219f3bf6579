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
    defer {
      row.bytes = nil
      row.fieldTable = nil
      row.columns = UnsafeBufferPointer(start: nil, count: 0)
    }
    // Rows of nothing but separators and spaces (a spreadsheet's `;;` tail, a line of spaces)
    // are held back as blank lines are: dropped at the end of the file, an error row before a
    // record (they were clients named by their line, every field missing).
    var emptyRows: [(line: Int, problem: String)] = []
    try slots.withUnsafeBufferPointer { slots in
      row.columns = slots
      try reader.forEachRecord { record in
        if CSVRecordSource.isEmpty(record) {
          // Said as what it is, a blank line, whatever its count of separators (a `;;` under a
          // header of two columns was "the row has 3 cells, the header has 2").
          let problem =
            record.count == 1 && !shape.fits(record)
            ? shape.problem(record) : "the line is blank: it has no values, only separators"
          emptyRows.append((record.position.line, problem))
          return
        }
        if !emptyRows.isEmpty {
          for (line, problem) in emptyRows {
            row.clear()
            row.line = line
            row.problem = problem
            try body(row)
          }
          emptyRows.removeAll()
        }
        row.line = record.position.line
        row.problem = shape.fits(record) ? nil : shape.problem(record)
        if row.readsFieldTable, row.problem == nil, record.bytes != nil {
          // The consumer places the cells from the field table itself (see RowBuffer).
          row.fieldTable = record.fieldTable
          row.fieldCount = record.count
        } else {
          row.fieldTable = nil
          record.gather(slots, into: row.cells)
        }
        // A ragged row (a separator lost or added, a quote out of place) names its client only
        // when the key is its first cell, which no lost or extra separator moves; past it, a
        // shifted cell would be taken for another client's key (charged with the row's records,
        // kept in the history in the place of the client that is in fact missing).
        row.key = row.problem == nil || key == 0 ? record[key] : UnsafeBufferPointer(start: nil, count: 0)
        row.namesNoClient = false
        if row.problem == nil, key >= 0, ClientKey.isBlank(row.key) {
          row.problem = ClientKey.blankProblem(column: binding.columns[key])
          row.namesNoClient = true
          // Named by its line, as a row without a key column's are.
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        } else if row.problem == nil, !Batch.isASCII(row.key), !TextEncoding.isValidUTF8(row.key) {
          // A key is a name: one shown with replacement characters would be another client's
          // (the history, the tables and other files compare keys as they are).
          row.problem =
            "the key \(Value.quote(String(decoding: row.key, as: UTF8.self))) is not valid UTF-8 text "
            + "(the file is not UTF-8 throughout: give its encoding, such as --encoding windows-1252)"
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        }
        row.bytes = record.bytes
        try body(row)
      }
    }
  }

  /// Whether every cell of `record` is empty, or spaces and tabs.
  @inline(__always)
  private static func isEmpty(_ record: borrowing CSVRecord) -> Bool {
    // Nearly every record starts with a key or a value: one byte says it is not empty.
    if let first = record[0].first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") { return false }
    return isEmptyRest(record)
  }

  private static func isEmptyRest(_ record: borrowing CSVRecord) -> Bool {
    for index in 0..<record.count {
      for byte in record[index] where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
    }
    return true
  }
}
