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
    defer { self.footer = footer.note(file: name) }
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
        if !emptyRows.isEmpty, CSVFooter.mayBeText(record, shape: shape) {
          footer.add(record)
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
        row.bytes = record.bytes
        try body(row)
      }
      guard direct else {
        try reader.forEachRecord(take)
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
          try plain.add(run, to: current, else: take)
        } else if try !reader.readRecord(take) {
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

/// The rows of a CSV file that go into a batch without a ``RowBuffer``: as many cells as the
/// header (a file whose header or rows end with a separator has none taken here), the first
/// cell not starting with a space or a tab (so not a blank line of separators), and a key cell,
/// when there is a key column, that starts with a printable ASCII byte and is ASCII throughout
/// (so neither blank nor invalid UTF-8) and is no totals label or number in exponent notation,
/// and a first cell not as long as the header's (so not
/// the header again). Every other row goes through the source's general path, which sees what
/// is wrong with it.
struct CSVPlainRows {
  /// The header's cells, or -1 when the header or every row ends with a separator (whose rows
  /// are not taken here).
  let cellCount: Int
  /// The key's column, or -1.
  let key: Int
  /// The column of each field slot (-1 for none).
  let columns: UnsafeBufferPointer<Int>
  /// Whether every slot has a column, and so a field in a plain record.
  let everyColumn: Bool
  /// The header's shape: a record that may repeat the header is not plain.
  let shape: CSVRowShape

  init(shape: CSVRowShape, key: Int, columns: UnsafeBufferPointer<Int>) {
    cellCount = shape.endsWithDelimiter || shape.rowsEndWithDelimiter ? -1 : shape.cellCount
    self.key = key
    self.columns = columns
    everyColumn = columns.allSatisfy { $0 >= 0 && $0 < shape.cellCount }
    self.shape = shape
  }

  /// Adds the records of `run` to `batch`, which has room for them all; from the first that is
  /// not plain (or whose bytes the batch would not copy in one piece) on, passes them to `take`
  /// instead, which may hand the batch on.
  ///
  /// The run's bytes go into the batch in one piece when they are no more than 256 a record (a
  /// record's own copy allows as much slack beside its cells: see ``BatchBytes``); otherwise each
  /// record is copied by itself.
  @inline(__always)
  func add(_ run: CSVRecordRun, to batch: Batch, else take: (borrowing CSVRecord) throws -> Void) throws {
    let records = run.count
    let first = run.bytes[0].baseAddress
    let last = run.bytes[records &- 1]
    let end = Int(bitPattern: last.baseAddress) &+ last.count
    let block = UnsafeBufferPointer(start: first, count: end &- Int(bitPattern: first))
    let whole = block.count <= 256 &* records && columns.count == batch.slotCount
    let shift = whole ? batch.bytes.append(block: block) : 0
    var start = 0
    for index in 0..<records {
      let fieldEnd = run.fieldEnds[index]
      let fields = run.fields + start
      let count = fieldEnd &- start
      start = fieldEnd
      if isPlain(fields, count: count, end: end) {
        if whole {
          batch.appendPlain(
            line: run.firstLine &+ index, fields: fields, count: count, columns: columns, key: key, shift: shift,
            everyColumn: everyColumn)
          continue
        }
        if batch.appendPlain(
          line: run.firstLine &+ index, record: run.bytes[index], fields: fields, count: count, columns: columns,
          key: key)
        {
          continue
        }
      }
      for rest in index..<run.count { try run.withRecord(rest, take) }
      return
    }
  }

  /// Whether the record whose `count` fields are `fields` is plain (see the type); its bytes and
  /// readable ones after them go on to the address `end`.
  @inline(__always)
  private func isPlain(_ fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>, count: Int, end: Int) -> Bool {
    guard count == cellCount, let first = fields[0].first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
      !shape.mayRepeatHeader(fields[0])
    else { return false }
    // Without a key column, a first cell that may be a totals label goes the general path too.
    guard key >= 0 else {
      return !(TotalsRow.mayBeLabel(first: first, count: fields[0].count) && TotalsRow.isLabel(fields[0]))
    }
    let cell = fields[key]
    guard let start = cell.baseAddress, cell.count > 0, start[0] > 0x20, start[0] < 0x80 else { return false }
    // A key that may be a totals label (`Total`) is looked at closer; a row whose key is one
    // goes through the source's general path, which says what it is.
    if TotalsRow.mayBeLabel(first: start[0], count: cell.count), TotalsRow.isLabel(cell) { return false }
    // So is one that may be a number a spreadsheet rounded (`7.01235E+18`).
    if ClientKey.mayBeExponent(cell) { return false }
    // A key of up to eight bytes with eight readable from its start is checked in one word: the
    // byte loop of `Batch.isASCII` took 38 instructions a row for the benchmark's keys.
    if cell.count <= 8, Int(bitPattern: start) &+ 8 <= end {
      let word = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
      let mask = cell.count == 8 ? UInt64.max : (1 &<< UInt64(cell.count &* 8)) &- 1
      return UInt64(littleEndian: word) & mask & 0x8080_8080_8080_8080 == 0
    }
    return Batch.isASCII(cell)
  }
}
