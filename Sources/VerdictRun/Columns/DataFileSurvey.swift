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
  }

  /// How many rows.
  package var count = 0
  /// The first of them, in file order.
  package var first: [Row] = []

  mutating func add(line: Int, message: String, keeping examples: Int) {
    count += 1
    if first.count < examples { first.append(Row(line: line, message: message)) }
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

  /// Surveys `path` (not standard input) for `policy`, keeping `examples` failing cells a field
  /// and `examples` rows with errors. `recordKey`: for a record table's file, the column that
  /// keys its records, whose blank cells a run counts for no client (a client file's key is
  /// `options.keyColumn`, or the file's first column).
  /// - Throws: ``RunFailure`` when the file cannot be opened, or `--key` names no column.
  package static func read(
    _ path: String, options: DataReadOptions = DataReadOptions(), policy: Policy, examples: Int,
    recordKey: String? = nil
  ) throws(RunFailure) -> DataFileSurvey {
    // The columns of date fields, declared formats too: the summary leaves out a column whose
    // own dates have two readings, as the table read into memory does.
    let datedColumns = { (table: ClientTable) in
      Set(policy.fields.filter { $0.isUsed && $0.type == .date }.compactMap(table.column))
    }
    var rowErrors = RowErrors()
    var keyIndex: Int??
    let layout = try ClientTable.scan(path, options: options, datesOf: datedColumns) { row, columns in
      if let problem = row.problem {
        rowErrors.add(line: row.line, message: problem, keeping: examples)
        return
      }
      if keyIndex == nil {
        // Matched as the run matches it (the table's `keyed by` and the header may differ in case).
        keyIndex = recordKey.flatMap { key in
          if case .found(let index) = HeaderIndex(columns).find(key) { index } else { nil }
        }
      }
      if let key = keyIndex ?? nil, ClientKey.isBlank(row.cells[key]) {
        rowErrors.add(line: row.line, message: ClientKey.blankProblem(column: columns[key]), keeping: examples)
      }
    }.deciding(for: policy)
    let checks = layout.cellChecks(for: policy)
    var failures: [Int: CellFailures] = [:]
    guard !checks.isEmpty else { return DataFileSurvey(layout: layout, failures: failures, rowErrors: rowErrors) }
    let (source, _, binder, _) = try ClientTable.open(path, options: options)
    guard let binder else { return DataFileSurvey(layout: layout, failures: failures, rowErrors: rowErrors) }
    let reader = CellReader()
    let buffer = RowBuffer(slots: layout.columns.count)
    do {
      try source.forEachRow(buffer, binder: binder) { row in
        guard row.problem == nil else { return }
        for check in checks {
          let cell = row.cells[check.column]
          guard case .failure(let error) = reader.read(cell, as: check.format) else { continue }
          failures[check.slot, default: CellFailures()].add(
            line: row.line, text: String(decoding: cell, as: UTF8.self), error: error, keeping: examples)
        }
      }
    } catch let failure as RunFailure {
      throw failure
    } catch is DataReadError {
      // The first pass stopped at the same record and recorded why in `unreadableTail`.
    } catch {
      throw RunFailure(.data, "\(error)")
    }
    return DataFileSurvey(layout: layout, failures: failures, rowErrors: rowErrors)
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
    for check in table.cellChecks(for: policy) {
      for row in rows where row.problem == nil && check.column < row.cells.count {
        guard case .failure(let error) = table.read(row, column: check.column, format: check.format) else { continue }
        failures[check.slot, default: CellFailures()].add(
          line: row.line, text: row.cells[check.column], error: error, keeping: examples)
      }
    }
    return failures
  }
}
