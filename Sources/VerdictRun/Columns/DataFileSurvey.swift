import Verdict
import VerdictData

/// The cells of one field's column that do not fit the field: how many, and the first few.
package struct CellFailures: Sendable {
  /// One cell that does not fit.
  package struct Cell: Sendable {
    /// The line the cell's record starts on.
    package var line: Int
    /// The cell's text.
    package var text: String
    /// Why it does not fit.
    package var error: CellError
  }

  /// How many cells do not fit.
  package var count = 0
  /// The first of them, in file order.
  package var first: [Cell] = []

  mutating func add(line: Int, text: @autoclosure () -> String, error: CellError, keeping examples: Int) {
    count += 1
    if first.count < examples { first.append(Cell(line: line, text: text(), error: error)) }
  }
}

/// The rows of a data file that a run reports as errors whatever the policy reads in them: a row
/// with more or fewer cells than the header, a record that is not JSON, a row whose key cell is
/// blank. How many, and the first few.
package struct RowErrors: Sendable {
  /// One such row.
  package struct Row: Sendable {
    /// The line the record starts on.
    package var line: Int
    /// Why a run cannot evaluate it, as the run says.
    package var message: String
    /// The client it is surely about, whose error it is (a ragged row whose key is its first
    /// cell); `nil` when it names no client.
    package var client: String?
  }

  /// How many rows.
  package var count = 0
  /// The first of them, in file order.
  package var first: [Row] = []

  /// Counts one more row, at `line`, with the source's key for it (empty: none), keeping it
  /// when fewer than `examples` are kept.
  mutating func add(line: Int, message: String, client key: UnsafeBufferPointer<UInt8>, keeping examples: Int) {
    count += 1
    guard first.count < examples else { return }
    let client = AggregateStore.key(key)
    first.append(Row(line: line, message: message, client: client.isEmpty ? nil : client))
  }
}

/// `verdict check --data` over a file of any size: the file is read twice as a stream, keeping
/// no row. The first pass decides how each column writes its numbers and dates from the cells
/// `verdict run` samples, as ``ClientTable/read(_:options:)`` does; the second reads each cell a field of the
/// policy uses with that format, counting those that do not fit and keeping the first few.
package struct DataFileSurvey: Sendable {
  /// The file's columns and how their cells are read; its ``ClientTable/rows`` are empty.
  package var layout: ClientTable
  /// For each field slot of the policy whose column has cells that do not fit the field.
  package var failures: [Int: CellFailures]
  /// The rows a run reports as errors, whatever their cells.
  package var rowErrors = RowErrors()
  /// What the percent fields' cells show: fractions such as `0.15` throughout a column.
  package var percentScale: PercentScale
  /// Text cells of the first rows written another way than the texts the policy compares them with.
  package var textVariants: TextVariants
  /// Client keys on more than one row (a client file's; a table's records repeat keys by design).
  package var repeatedKeys = RepeatedKeys()
  /// The keys of `records` (``read(_:options:policy:examples:recordKey:meeting:)``) that the
  /// client file's rows name, for the records that match no client.
  package var met: TableRecords.MetKeys?

  /// Surveys `path` (not standard input) for `policy`, keeping `examples` failing cells a field
  /// and `examples` rows with errors. `recordKey`: for a record table's file, the column that
  /// keys its records (`keyed by`), by which the file is read when it has it, as a run reads it
  /// (a client file's key is `options.keyColumn`, or its `id`, `name`, `client` or `customer` column).
  /// - Throws: ``RunFailure`` when the file cannot be opened, or `--key` names no column.
  /// `records`: the policy's tables read, whose keys the client file's rows are looked up in
  /// (``met``).
  package static func read(
    _ path: String, options: DataReadOptions = DataReadOptions(), policy: Policy, examples: Int,
    recordKey: String? = nil, meeting records: TableRecords? = nil
  ) throws(RunFailure) -> DataFileSurvey {
    var options = options
    // Without its key column (an error `check` reports), a table's file is read keyed as a client
    // file is, whose key's blank cells are then nobody's problem.
    var keyedByRecordKey = false
    if let recordKey, let columns = try ClientTable.open(path, options: options).columns,
      case .found = HeaderIndex(columns).find(recordKey)
    {
      options.keyColumn = recordKey
      keyedByRecordKey = true
    }
    // The columns of date fields, declared formats too: the summary leaves out a column whose
    // own dates have two readings, as the table read into memory does.
    let datedColumns = { (table: ClientTable) in
      Set(policy.fields.filter { $0.isUsed && $0.type == .date }.compactMap(table.column))
    }
    var rowErrors = RowErrors()
    var repeated = RepeatedKeys()
    var met = records.map(TableRecords.MetKeys.init)
    let read = readColumnNames(of: policy, recordKey: recordKey)
    let layout = try ClientTable.scan(path, options: options, datesOf: datedColumns) { row, columns, sourceKey in
      if recordKey == nil { repeated.add(row.key, line: row.line) }
      met?.meet(row.key)
      guard let problem = row.problem else { return }
      if recordKey != nil, !keyedByRecordKey, row.namesNoClient { return }
      // A JSON record that gives a key twice, or spells it another way, is a problem only when
      // the run reads that key: a field's, or the client's.
      if let key = row.problemKey, key != sourceKey.map({ columns[$0] }),
        !read.contains(where: { HeaderIndex([key]).find($0) == .found(0) })
      {
        return
      }
      // Whose error it is: the source gives a problem row the key it is sure of, as in a run.
      rowErrors.add(line: row.line, message: problem, client: row.key, keeping: examples)
    }.deciding(for: policy)
    // A JSON file whose records spell a read key two ways is refused by a run before it reads a
    // record: so it is here.
    if [.json, .jsonl].contains(options.inputFormat ?? InputFormat.guess(for: path)) {
      try SourceOpener.refuseKeysSpelledTwoWays(
        layout.columns, source: layout.name,
        binder: ColumnBinder(policy: policy, keyColumn: options.keyColumn, renderer: DiagnosticRenderer()))
    }
    let checks = layout.cellChecks(for: policy)
    var failures: [Int: CellFailures] = [:]
    var scale = PercentScale(fields: policy.fields)
    var variants = TextVariants(policy)
    var survey = DataFileSurvey(
      layout: layout, failures: [:], rowErrors: rowErrors, percentScale: scale, textVariants: variants,
      repeatedKeys: repeated, met: met)
    guard !checks.isEmpty else { return survey }
    let (source, _, binder, _) = try ClientTable.open(path, options: options)
    guard let binder else { return survey }
    let reader = CellReader()
    let buffer = RowBuffer(slots: layout.columns.count)
    // The percent fields' values of a row, noted as a run notes them: when no cell of the row fails.
    let percentColumns = Dictionary(uniqueKeysWithValues: scale.columns.enumerated().map { ($1.slot, $0) })
    var percents: [(value: Value, check: Int, column: Int)] = []
    // A row's values by slot, when amounts take their row's currency, which is settled as a run
    // settles it (the amount's cell is the one refused), or texts are compared.
    let keepsValues = !policy.rowCurrencies.isEmpty || variants.isSampling
    var values = [Value](repeating: .missing, count: keepsValues ? policy.fields.count : 0)
    let checkOfSlot = Dictionary(checks.enumerated().map { ($1.slot, $0) }, uniquingKeysWith: { first, _ in first })
    do {
      try source.forEachRow(buffer, binder: binder) { row in
        guard row.problem == nil else { return }
        var fits = true
        percents.removeAll(keepingCapacity: true)
        for (index, check) in checks.enumerated() {
          let cell = row.cells[check.column]
          switch reader.read(cell, as: check.format) {
          case .success(let value):
            if let column = percentColumns[check.slot] { percents.append((value, index, column)) }
            if !values.isEmpty { values[check.slot] = value }
          case .failure(let error):
            fits = false
            if !values.isEmpty { values[check.slot] = .missing }
            failures[check.slot, default: CellFailures()].add(
              line: row.line, text: String(decoding: cell, as: UTF8.self), error: error, keeping: examples)
          }
        }
        policy.rowCurrencies.settle(&values) { slot, error in
          fits = false
          let cell = checkOfSlot[slot].map { String(decoding: row.cells[checks[$0].column], as: UTF8.self) } ?? ""
          failures[slot, default: CellFailures()].add(line: row.line, text: cell, error: error, keeping: examples)
        }
        guard fits else { return }
        if variants.isSampling {
          values.withUnsafeBufferPointer { variants.note($0.baseAddress!, source: 0, line: row.line) }
        }
        for percent in percents {
          let cell = row.cells[checks[percent.check].column]
          scale.note(percent.value, cell: cell, column: percent.column, line: row.line)
        }
      }
    } catch let failure as RunFailure {
      throw failure
    } catch is DataReadError {
      // The first pass stopped at the same record and recorded why in `unreadableTail`.
    } catch {
      throw RunFailure(.data, "\(error)")
    }
    survey.failures = failures
    survey.percentScale = scale
    survey.textVariants = variants
    return survey
  }
}

extension DataFileSurvey {
  /// The columns a run over a file reads for `policy`: its used fields' and, for a record
  /// table's file, `recordKey`.
  private static func readColumnNames(of policy: Policy, recordKey: String?) -> [String] {
    policy.fields.filter(\.isUsed).map(\.columnName) + (recordKey.map { [$0] } ?? [])
  }
}

extension ClientTable {
  /// The cells `verdict check --data` reads for `policy`: for each used field with a column and
  /// a type, unless the column's numbers or dates cannot be decided (reported instead), the
  /// field's slot, its column and how the column's cells are read.
  func cellChecks(for policy: Policy) -> [(slot: Int, column: Int, format: CellFormat)] {
    var checks: [(slot: Int, column: Int, format: CellFormat)] = []
    for (slot, field) in policy.fields.enumerated() where field.isUsed {
      guard let column = column(for: field), field.type != nil else { continue }
      if numberProblems[column] != nil, field.type?.isNumeric ?? true { continue }
      if field.type == .date, field.dateFormat == nil, dateProblems[column] != nil { continue }
      checks.append((slot, column, format(column: column, for: field)))
    }
    return checks
  }

  /// What ``DataFileSurvey`` finds, from the rows in memory: for `verdict test --data`, which
  /// keeps them for the population functions.
  package func cellFailures(for policy: Policy, examples: Int) -> [Int: CellFailures] {
    var failures: [Int: CellFailures] = [:]
    let table = deciding(for: policy)
    let checks = table.cellChecks(for: policy)
    // Row by row, as a run reads them: a row's amounts are settled with its currency once its
    // cells are read (a cell that does not read is missing, as in a run), and each column's
    // failures come in line order.
    var values = [Value](repeating: .missing, count: policy.rowCurrencies.isEmpty ? 0 : policy.fields.count)
    for row in rows where row.problem == nil {
      for check in checks {
        guard check.column < row.cells.count else {
          if !values.isEmpty { values[check.slot] = .missing }
          continue
        }
        switch table.read(row, column: check.column, format: check.format) {
        case .success(let value):
          if !values.isEmpty { values[check.slot] = value }
        case .failure(let error):
          if !values.isEmpty { values[check.slot] = .missing }
          failures[check.slot, default: CellFailures()].add(
            line: row.line, text: row.cells[check.column], error: error, keeping: examples)
        }
      }
      policy.rowCurrencies.settle(&values) { slot, error in
        let cell = checks.first { $0.slot == slot }.map { row.cells[$0.column] } ?? ""
        failures[slot, default: CellFailures()].add(line: row.line, text: cell, error: error, keeping: examples)
      }
    }
    return failures
  }
}
