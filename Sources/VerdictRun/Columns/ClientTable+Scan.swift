import Verdict
import VerdictData

/// One pass over a data file, shared by ``ClientTable/read(_:options:)``, which keeps the rows,
/// and ``DataFileSurvey``, which keeps none: the columns, and each column's number and date
/// format decided from all of its cells, as `verdict run` decides them from its sample.
extension ClientTable {
  /// Opens `path`, binds its columns (only the key column matters here: every column is read)
  /// and returns the source, its columns and the binder, or `nil` columns for a JSON file
  /// without a record. The file of a record `table` is first bound as `verdict run` binds it, so
  /// that a column it lacks (the `keyed by` column, a field's) is reported as there, every one of
  /// them at the policy's line, with `renderer`.
  static func open(
    _ path: String, options: DataReadOptions, table: RecordTable? = nil,
    renderer: DiagnosticRenderer = DiagnosticRenderer()
  ) throws(RunFailure) -> (source: any RecordSource, columns: [String]?, binder: ColumnBinder?, keyColumn: Int?) {
    guard path != "-" else { throw RunFailure(.usage, "standard input cannot be read as client data here") }
    let source = try SourceOpener.open(path, options: options)
    guard let columns = source.columns else { return (source, nil, nil, nil) }
    if let table {
      let tableBinder = ColumnBinder(policy: table.policy, keyColumn: table.keyColumn, renderer: renderer, table: table)
      _ = try SourceOpener.bind(source, path: path, binder: tableBinder, options: options)
    }
    let binder: ColumnBinder
    do {
      binder = ColumnBinder(policy: try Policy(""), keyColumn: options.keyColumn, renderer: DiagnosticRenderer())
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    let bound = try binder.bind(columns, source: source.name, numbers: source.numbers)
    // Every column is a slot; a JSON file's number tokens are written in the file's number
    // format (JSONRowReading), but the key's as they are.
    let formats = columns.indices.map { column in
      CellFormat(
        FieldInfo(name: columns[column], type: column == bound.keyColumn ? .text : nil), numbers: source.numbers)
    }
    source.binding = ColumnBinding(
      columns: columns, columnOfSlot: Array(columns.indices), keyColumn: bound.keyColumn, formats: formats)
    return (source, columns, binder, bound.keyColumn)
  }

  /// Reads every record of `path` once, calling `body` with each record, the file's columns and
  /// the key's column (`nil`: none), and returns the table without rows; a record `table`'s file is bound as
  /// ``open(_:options:table:renderer:)`` binds it. The date format is decided for the columns
  /// `datesOf` picks from the table, or for every column when it is `nil`.
  ///
  /// A file that breaks off keeps what was read and says why in ``unreadableTail``.
  static func scan(
    _ path: String, options: DataReadOptions, table: RecordTable? = nil,
    renderer: DiagnosticRenderer = DiagnosticRenderer(), datesOf: ((ClientTable) -> Set<Int>)?,
    _ body: (RowBuffer, [String], Int?) -> Void
  ) throws(RunFailure) -> ClientTable {
    let (source, columns, binder, keyColumn) = try open(path, options: options, table: table, renderer: renderer)
    var table = ClientTable(name: source.name, columns: [], keyColumn: nil, numbers: [], rows: [], options: options)
    guard let columns, let binder else { return table }
    table.columns = columns
    table.keyColumn = keyColumn
    let dated = datesOf?(table) ?? Set(columns.indices)
    let encoding = (source as? CSVRecordSource)?.encoding ?? .utf8
    let yearFirst = DateColumn.mayWriteYearFirst(encoding: encoding, columns: columns)
    var deciders = columns.indices.map {
      dated.contains($0) ? DateColumn.Decider(column: columns[$0], yearFirst: yearFirst) : nil
    }
    let buffer = RowBuffer(slots: columns.count)
    var tallies = columns.map { _ in DecimalMarkTally() }
    // Every column is read as the data decides (a policy's types are not known here).
    let undecided = CellFormat(
      FieldInfo(name: "", type: nil), numbers: NumberFormat(decimalMark: .undecided, grouping: options.grouping ?? .any)
    )
    // The formats are decided from the cells `verdict run` samples (LayoutDetector), so that
    // both read a file alike: `check --data` said a column's mark was ',' from a cell past the
    // run's sample, while the run read that column cell by cell.
    var rows = 0
    var dateCells = columns.map { _ in 0 }
    do {
      try source.forEachRow(buffer, binder: binder) { row in
        rows += 1
        if row.problem == nil, rows <= LayoutDetector.sampleSize {
          for column in columns.indices {
            let cell = row.cells[column]
            if !ClientTable.isDate(cell) { tallies[column].add(cell, line: row.line, as: undecided) }
            if !cell.isEmpty, deciders[column]?.isDecided == false, dateCells[column] < LayoutDetector.dateSampleSize {
              dateCells[column] += 1
              deciders[column]?.add(String(decoding: cell, as: UTF8.self), line: row.line)
            }
          }
        }
        body(row, columns, keyColumn)
      }
    } catch let failure as RunFailure {
      throw failure
    } catch let error as DataReadError {
      table.unreadableTail = SourceNotes.unreadableTail(source.name, error)
    } catch {
      throw RunFailure(.data, "\(error)")
    }
    table.footer = (source as? CSVRecordSource)?.footer
    table.decideNumbers(tallies, source: source)
    table.decideDates(deciders)
    return table
  }

  /// Sets each column's date format from its decider; a column without one reads the default
  /// forms.
  private mutating func decideDates(_ deciders: [DateColumn.Decider?]) {
    dateFormats = columns.indices.map { column in
      guard let decider = deciders[column] else { return nil }
      switch decider.decision {
      case .success(let format): return format
      case .failure(let ambiguity):
        dateProblems[column] = ambiguity
        return nil
      }
    }
  }

  /// Whether a cell reads as a date (`28.11.2026` has dots, but is no number).
  static func isDate(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    if case .success(.date) = CellReader().read(cell, as: CellFormat(FieldInfo(name: "", type: nil))) { return true }
    return false
  }
}
