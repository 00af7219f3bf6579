import Verdict
import VerdictData

/// Records from a CSV file with a header row; a row whose cells do not match the header's (see
/// ``CSVRowShape``) is reported as a problem rather than read from shifted columns.
final class CSVRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  /// The text encoding, given or detected.
  let encoding: TextEncoding
  /// The other code page the file looks written in, when it was detected as Windows-1252
  /// (``ByteSource/codePageLook``): the run warns.
  let codePageLook: CodePageLook?
  var binding: ColumnBinding?
  let columns: [String]?
  let reader: CSVReader
  /// The shape every row must have (``CSVRowShape``), which the layout's sample reads too.
  let shape: CSVRowShape
  /// The note on the lines of text that ended the file after a blank line and were left out
  /// (``CSVFooter``), once the file has been read; `nil` when it ended otherwise.
  private(set) var footer: String?

  /// Opens `path` and reads its header; the separator is detected unless the options fix it.
  init(path: String, options: DataReadOptions) throws(RunFailure) {
    let dialect = options.csvDelimiter.map { CSVDialect(separator: $0, decimalComma: false) }
    let rowsEndWithDelimiter: Bool
    do {
      let source = try ByteSource(path: path, encoding: options.encoding)
      reader = try CSVReader(source: source, dialect: dialect, skipLines: options.skipLines)
      name = source.name
      encoding = source.encoding
      codePageLook = source.codePageLook
      // The first rows, read again by a reader of their own: whether each ends with a delimiter
      // the header lacks (``CSVRowShape/rowsEndWithDelimiter(_:)``). Standard input cannot be
      // read twice: its rows are read as the header's.
      if path == "-" {
        rowsEndWithDelimiter = false
      } else {
        let again = try CSVReader(
          source: try ByteSource(path: path, encoding: options.encoding), dialect: reader.dialect,
          skipLines: options.skipLines)
        rowsEndWithDelimiter = CSVRowShape.rowsEndWithDelimiter(again)
      }
    } catch {
      throw SourceOpener.failure(path, error)
    }
    numbers = options.csvNumbers
    shape = CSVRowShape(
      header: reader.header, separator: reader.dialect.separator, rowsEndWithDelimiter: rowsEndWithDelimiter,
      readsStandardInput: path == "-")
    columns = shape.columns(of: reader.header)
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    try readRows(row, binder: binder, direct: false, batch: { nil }, body)
  }

  /// ``forEachRow(_:binder:_:)`` for the batch reader: `body` adds a row to the batch it fills,
  /// `batch` returns that batch; records of the common shape go into it directly, many records
  /// a call (``CSVRecordRun``), while it has rows in it and room for more.
  func forEachRow(
    _ row: RowBuffer, binder: ColumnBinder, batch: () -> Batch, _ body: (RowBuffer) throws -> Void
  ) throws {
    try readRows(row, binder: binder, direct: true, batch: { batch() }, body)
  }

  /// Reads every record into `row` for `body`, or, when `direct`, those of the common shape
  /// straight into `batch()` when it returns one.
  private func readRows(
    _ row: RowBuffer, binder: ColumnBinder, direct: Bool, batch: () -> Batch?, _ body: (RowBuffer) throws -> Void
  ) throws {
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
    // record (they were clients named by their line, every field missing). So are lines of
    // text after them (``CSVFooter``), which the file's end makes its footer.
    var emptyRows: [(line: Int, problem: String)] = []
    var footer = CSVFooter()
    // Said only of a file read to its end: one that breaks off did not end with the lines held.
    var readToTheEnd = false
    defer { self.footer = readToTheEnd ? footer.note(file: name) : nil }
    // Whether a record fit the header: in a file none of whose rows do (a separator other than
    // the header's), a line of one cell is a record like the others, no footer.
    var sawFittingRow = false
    // The key of the last row that named a client, which a subtotal row's key extends.
    let previous = PreviousKey()
    try slots.withUnsafeBufferPointer { slots in
      row.columns = slots
      func take(_ record: borrowing CSVRecord) throws {
        if CSVRecordSource.isEmpty(record) {
          // Said as what it is, a blank line, whatever its count of separators (a `;;` under a
          // header of two columns was "the row has 3 cells, the header has 2").
          let problem =
            record.count == 1 && !shape.fits(record)
            ? shape.problem(record)
            : record.count == 1 ? "the line is blank" : "the line is blank: it has no values, only separators"
          emptyRows.append((record.position.line, problem))
          return
        }
        if !emptyRows.isEmpty, sawFittingRow,
          footer.mayBeText(record, shape: shape) || footer.mayFollowRule(record, shape: shape)
        {
          footer.add(record)
          emptyRows.append((record.position.line, shape.problem(record)))
          return
        }
        if sawFittingRow, footer.rule == nil, CSVFooter.isRule(record, shape: shape) {
          footer.startRule(at: record)
          emptyRows.append((record.position.line, shape.problem(record)))
          return
        }
        footer = CSVFooter()
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
        if row.problem == nil { sawFittingRow = true }
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
        // A repeated header names no client either, whatever its key column.
        let trusted = row.problem == nil || (key == 0 && !shape.repeatsHeader(record))
        row.key = trusted ? record[key] : UnsafeBufferPointer(start: nil, count: 0)
        row.namesNoClient = false
        if let problem = CSVRecordSource.totalsProblem(record, key: key, trusted: row.key) {
          row.problem = problem
          row.namesNoClient = true
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        } else if row.problem == nil, key >= 0, ClientKey.isBlank(row.key) {
          row.problem = ClientKey.blankProblem(column: binding.columns[key])
          row.namesNoClient = true
          // Named by its line, as a row without a key column's are.
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        } else if row.problem == nil, key >= 0, TotalsRow.mayBeSubtotal(row.key),
          let problem = TotalsRow.subtotalProblem(row.key, after: previous.bytes)
        {
          row.problem = problem
          row.namesNoClient = true
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        } else if row.problem == nil, let problem = ClientKey.exponentProblem(row.key) {
          row.problem = problem
          row.namesNoClient = true
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        } else if row.problem == nil, !Batch.isASCII(row.key), !TextEncoding.isValidUTF8(row.key) {
          // A key is a name: one shown with replacement characters would be another client's
          // (the history, the tables and other files compare keys as they are).
          row.problem =
            "the key \(Value.quote(String(decoding: row.key, as: UTF8.self))) is not valid UTF-8 text "
            + "(the file is not UTF-8 throughout: give its encoding, such as --encoding windows-1252)"
          row.key = UnsafeBufferPointer(start: nil, count: 0)
        }
        if row.problem == nil, key >= 0 { previous.set(row.key) }
        row.bytes = record.bytes
        try body(row)
      }
      guard direct else {
        try reader.forEachRecord(take)
        readToTheEnd = true
        return
      }
      let plain = CSVPlainRows(shape: shape, key: key, columns: slots)
      let run = CSVRecordRun()
      while true {
        // A batch without rows, or a full one, takes its next row through `body`, which sets
        // its formats or hands it on.
        if emptyRows.isEmpty, let current = batch(), current.count > 0,
          reader.splitRun(into: run, limit: current.capacity - current.count) > 0
        {
          if try plain.add(run, to: current, previous: previous, else: take) { sawFittingRow = true }
        } else if try !reader.readRecord(take) {
          readToTheEnd = true
          break
        }
      }
    }
  }

  /// Why `record` is the export's totals row (see ``TotalsRow``), or `nil`: its `trusted` key is
  /// a totals label, or its first cell is one and its key cannot say otherwise (blank, not to be
  /// trusted in a ragged row, or no key column at all, as in a customer balance summary whose
  /// names' column has no header). Every row pays a look at its key's length and first byte.
  @inline(__always)
  private static func totalsProblem(
    _ record: borrowing CSVRecord, key: Int, trusted: UnsafeBufferPointer<UInt8>
  ) -> String? {
    if key >= 0, let first = trusted.first, TotalsRow.mayBeLabel(first: first, count: trusted.count),
      TotalsRow.isLabel(trusted)
    {
      return TotalsRow.problem(label: trusted, inKey: true)
    }
    guard key != 0, key < 0 || ClientKey.isBlank(trusted), TotalsRow.isLabel(record[0]) else { return nil }
    return TotalsRow.problem(label: record[0], inKey: false)
  }

  /// Whether every cell of `record` is empty, or spaces and tabs.
  @inline(__always)
  static func isEmpty(_ record: borrowing CSVRecord) -> Bool {
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
