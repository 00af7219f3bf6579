import Verdict
import VerdictData

/// A whole data file read into memory as text cells, for tools that evaluate a policy that is
/// still changing (the REPL) or look at clients one by one (`explain`, `check --data`): cells stay
/// text, to be read by whatever fields the policy has when a client is evaluated. Opens CSV, JSON
/// and JSON Lines files with the same options, column matching and number formats as `verdict run`.
package struct ClientTable: Sendable {
  /// One record of the file.
  package struct Row: Sendable {
    /// The 1-based line the record starts on.
    package var line: Int
    /// The client's key: the key column's cell (empty when there is no key column).
    package var key: String
    /// One cell per column; an empty cell is a missing value.
    package var cells: [String]
    /// Why the record as a whole cannot be read (a ragged row, a malformed JSON line), or `nil`.
    package var problem: String?
    /// For a JSON record's problem with one key (given twice, or spelled another way): that key,
    /// the column's name. A policy that reads neither that column nor the client's key reads the
    /// record, as a run does (``RowBuffer/problemKey``).
    package var problemKey: String?
    /// The bytes of the cells that are not valid UTF-8, by column (their ``cells`` text has U+FFFD):
    /// read from these bytes, such a cell is refused where text is wanted, as `verdict run` does.
    var invalidCells: [Int: [UInt8]] = [:]

    /// A record: its line, key, cells, and what is wrong with it as a whole.
    package init(line: Int, key: String, cells: [String], problem: String?) {
      self.line = line
      self.key = key
      self.cells = cells
      self.problem = problem
    }
  }

  /// The file's name for messages.
  package var name: String
  /// The columns, in file order.
  package var columns: [String] {
    didSet { header = HeaderIndex(columns) }
  }
  /// The columns by name, made once: every client's record looks up the column of each field,
  /// and making it for each look-up cost as much as reading the cells.
  private var header: HeaderIndex
  /// The column that names clients (`--key`, else `id`, `name`, `client` or `customer`), if any.
  package var keyColumn: Int?
  /// How each column writes its numbers, decided from all of its cells as `verdict run` decides
  /// from its sample.
  package var numbers: [NumberFormat]
  /// The records, in file order.
  package var rows: [Row]
  /// Why the file could not be read to the end (the records before it are in ``rows``), or `nil`.
  package var unreadableTail: String?
  /// The note on the lines of text that ended the file and were left out (``CSVFooter``), or `nil`.
  package var footer: String?
  /// Columns whose decimal mark cannot be decided (both marks, or numbers with two readings).
  var numberProblems: [Int: DecimalMarkProblem] = [:]
  /// How each column's decimal mark was decided.
  var numberSources: [DecimalMarkSource] = []
  /// What each column's cells say about its decimal mark, when the cells decide it (a CSV file
  /// without `--decimal`): a policy's marks are decided from the columns it reads
  /// (``deciding(for:)``).
  private var tallies: [DecimalMarkTally] = []
  /// The CSV field separator, or `nil` for JSON.
  var delimiter: UInt8?
  /// Whether the cells may be JSON number tokens (a JSON file's), read as a run reads them
  /// (``CellFormat/readsJSONNumbers``).
  var readsJSONNumbers = false
  /// Lines skipped before the CSV header.
  var linesBeforeHeader = 0
  /// Whether the CSV file's rows end with a delimiter its header lacks (``CSVRowShape``).
  var rowsEndWithDelimiter = false
  /// The CSV file's text encoding.
  var encoding: TextEncoding?
  /// The other code page the CSV file looks written in, when it was detected as Windows-1252
  /// (``CodePageLook``).
  package var codePageLook: CodePageLook?
  /// The date format detected for each column, `nil` for the default forms (or no dates).
  var dateFormats: [DateFormat?] = []
  /// Columns of dates with two readings.
  var dateProblems: [Int: DateColumn.Ambiguity] = [:]
  /// The options the file was read with.
  package let options: DataReadOptions

  /// A table of `columns` and `rows`, read with `options`.
  init(
    name: String, columns: [String], keyColumn: Int?, numbers: [NumberFormat], rows: [Row], options: DataReadOptions
  ) {
    self.name = name
    self.columns = columns
    self.keyColumn = keyColumn
    self.numbers = numbers
    self.rows = rows
    self.options = options
    header = HeaderIndex(columns)
  }

  /// The name of the client in `row`: its key, or the file and line (`clients.csv:3`) when the
  /// file has no key column or the key cell is empty, as `verdict run` names it.
  package func clientName(_ row: Row) -> String {
    row.key.isEmpty ? "\(name):\(row.line)" : row.key
  }

  /// The values of `row` for `policy`'s fields, read as ``read(_:column:for:)`` reads them, or
  /// what is wrong with its cells (`nil` values). Only the fields the policy reads are read,
  /// unless `everyField` (a listing of the records shows every column the table declares).
  /// Also returns the slots whose cells could not be read (`badSlots`, missing in the record).
  package func record(_ row: Row, for policy: Policy, everyField: Bool = false)
    -> (record: Client, problem: String?, badSlots: [Int])
  {
    var values = [Value](repeating: .missing, count: policy.fields.count)
    var problems: [String] = []
    var badSlots: [Int] = []
    for (slot, field) in policy.fields.enumerated() where everyField || field.isUsed {
      guard let column = column(for: field), column < row.cells.count else { continue }
      switch read(row, column: column, for: field) {
      case .success(let value): values[slot] = value
      case .failure(let error):
        problems.append("\(field.name): \(error.message)")
        badSlots.append(slot)
      }
    }
    policy.rowCurrencies.settle(&values) { slot, error in
      problems.append("\(policy.fields[slot].name): \(error.message)")
      badSlots.append(slot)
    }
    return (Client(values: values), problems.isEmpty ? nil : problems.joined(separator: "; "), badSlots)
  }

  /// The column with the header `name`, matched as `verdict run` matches headers, or `nil`.
  package func column(named name: String) -> Int? {
    if case .found(let index) = header.find(name) { return index }
    return nil
  }

  /// A hint for a column `name` this file lacks: the nearest header, or the headers it has.
  package func hint(forMissingColumn name: String) -> String {
    ColumnBinder.hint(for: name, among: columns)
  }

  /// The column `field` reads, matched as `verdict run` matches it; `nil` when there is none.
  package func column(for field: FieldInfo) -> Int? {
    if case .found(let index) = header.find(field.columnName) { return index }
    return nil
  }

  /// Why the decimal mark of `column` cannot be decided, if it cannot.
  package func numberProblem(_ column: Int) -> String? { numberProblems[column]?.message }

  /// Why the date format of `column` cannot be decided (two readings), and the hint, if it cannot.
  package func dateProblem(_ column: Int) -> (message: String, hint: String)? {
    dateProblems[column].map { ($0.message, $0.hint) }
  }

  /// The hint for a field of `policy` that has no column: a near column, as the policy can name it.
  package func hint(forMissing field: FieldInfo, in policy: Policy) -> String {
    ColumnBinder.hint(for: field, wanted: field.columnName, among: columns, in: policy)
  }

  /// Checks the file against `policy` as `verdict run` does before evaluating anyone: every field
  /// the policy reads needs one column, and its numbers one decimal mark.
  /// - Throws: ``RunFailure`` with the same message `verdict run` gives.
  package func check(against policy: Policy, renderer: DiagnosticRenderer) throws(RunFailure) {
    guard !columns.isEmpty else { return }
    let numberProblems = deciding(for: policy).numberProblems
    let binder = ColumnBinder(policy: policy, keyColumn: options.keyColumn, renderer: renderer)
    let binding = try binder.bind(columns, source: name, numbers: .point)
    var dates: [RunFailure] = []
    var numbers: [RunFailure] = []
    var shown: [DecimalMarkProblem] = []
    for (slot, field) in policy.fields.enumerated() where field.isUsed {
      let column = binding.columnOfSlot[slot]
      guard column >= 0 else { continue }
      if field.type?.isNumeric ?? true, let problem = numberProblems[column] {
        numbers.append(RunFailure(.data, located: "\(name): \(problem.message)"))
        shown.append(problem)
      }
      if field.type == .date, field.dateFormat == nil, let problem = dateProblems[column] {
        dates.append(RunFailure(.data, located: "\(name): \(problem.text)"))
      }
    }
    if let last = numbers.popLast() { numbers.append(last.hinting(DecimalMarkProblem.hint(for: shown))) }
    guard dates.isEmpty && numbers.isEmpty else { throw RunFailure(gathering: dates + numbers) }
  }

  /// Reads every record of `path` (not standard input) with `options`; the file of a record
  /// `table` (keyed by its `keyed by` column) has its columns checked for the table first, as
  /// `verdict run` checks them, its diagnostics drawn with `renderer`.
  ///
  /// A file that breaks off (an unterminated quote) keeps the records before it and says why in
  /// ``unreadableTail``, as `verdict run` evaluates those records.
  /// - Throws: ``RunFailure`` when the file cannot be opened, `--key` names no column, or the
  ///   `table`'s key or a column a field of it reads is missing.
  package static func read(
    _ path: String, options: DataReadOptions = DataReadOptions(), table recordTable: RecordTable? = nil,
    renderer: DiagnosticRenderer = DiagnosticRenderer()
  ) throws(RunFailure) -> ClientTable {
    var rows: [Row] = []
    var table = try scan(path, options: options, table: recordTable, renderer: renderer, datesOf: nil) {
      row, names, _ in
      let columns = names.count
      let cells = (0..<columns).map { String(decoding: row.cells[$0], as: UTF8.self) }
      // The key without the spaces around it, as a run names the client (a quoted key with
      // spaces after its closing quote, `"Acme"  `, kept them here).
      var record = Row(
        line: row.line, key: String(decoding: AggregateStore.trimmed(row.key), as: UTF8.self), cells: cells,
        problem: row.problem)
      record.problemKey = row.problemKey
      for column in 0..<columns where !TextEncoding.isValidUTF8(row.cells[column]) {
        record.invalidCells[column] = Array(row.cells[column])
      }
      rows.append(record)
    }
    table.rows = rows
    return table
  }

  /// Reads the cell of `column` in `row` as a value of `field`, with the column's number format
  /// and, for a date field without a declared format, the column's detected one: as `verdict run`
  /// reads it (a cell that is not UTF-8 is refused as text, as there).
  package func read(_ row: Row, column: Int, for field: FieldInfo) -> Result<Value, CellError> {
    read(row, column: column, format: format(column: column, for: field))
  }

  /// Reads the cell of `column` in `row` in `format`, from its bytes when they are not UTF-8.
  func read(_ row: Row, column: Int, format: CellFormat) -> Result<Value, CellError> {
    if let bytes = row.invalidCells[column] {
      return bytes.withUnsafeBufferPointer { CellReader().read($0, as: format) }
    }
    var text = row.cells[column]
    return text.withUTF8 { CellReader().read($0, as: format) }
  }

  /// How ``read(_:column:for:)`` reads the cells of `column` for `field`.
  func format(column: Int, for field: FieldInfo) -> CellFormat {
    var format = CellFormat(field, numbers: numbers.indices.contains(column) ? numbers[column] : .point)
    format.readsJSONNumbers = readsJSONNumbers
    if format.dateFormat == nil, dateFormats.indices.contains(column) { format.dateFormat = dateFormats[column] }
    return format
  }

  /// Sets each column's number format from its tally, or from the options when they fix it.
  mutating func decideNumbers(_ tallies: [DecimalMarkTally], source: any RecordSource) {
    readsJSONNumbers = source is JSONRecordSource
    guard let csv = source as? CSVRecordSource else {
      numbers = columns.map { _ in source.numbers }
      numberSources = columns.map { _ in .option }
      return
    }
    delimiter = csv.reader.dialect.separator
    encoding = csv.encoding
    codePageLook = csv.codePageLook
    linesBeforeHeader = csv.reader.linesBeforeHeader
    rowsEndWithDelimiter = csv.shape.rowsEndWithDelimiter
    guard options.csvDecimalMark == nil else {
      numbers = columns.map { _ in source.numbers }
      numberSources = columns.map { _ in .option }
      return
    }
    self.tallies = tallies
    decideMarks(counting: nil)
  }

  /// This table with its decimal marks decided as `verdict run` decides them for `policy`: a
  /// column with two readings takes the mark of the other columns the policy reads as numbers,
  /// not of a column it never reads (a memo's `Version 2.1`, a fee no rule uses).
  package func deciding(for policy: Policy) -> ClientTable {
    deciding(counting: countedColumns(for: policy))
  }

  /// The columns whose marks show the file's to the others when `policy` reads the file: those
  /// of the fields it reads as numbers, money, percents or durations.
  package func countedColumns(for policy: Policy) -> [Bool] {
    var counted = [Bool](repeating: false, count: columns.count)
    for field in policy.fields where field.isUsed && field.type?.isNumeric ?? true {
      if let column = column(for: field) { counted[column] = true }
    }
    return counted
  }

  /// This table with its decimal marks decided from the columns `counted` marks
  /// (``countedColumns(for:)``).
  package func deciding(counting counted: [Bool]) -> ClientTable {
    guard !tallies.isEmpty else { return self }
    var table = self
    table.decideMarks(counting: counted)
    return table
  }

  /// Sets each column's number format from the tallies, the file's mark shown by the columns
  /// `counting` marks (every column when `nil`).
  private mutating func decideMarks(counting: [Bool]?) {
    let grouping = options.grouping ?? .any
    let (decisions, problems) = DecimalMarkTally.decide(
      Array(zip(columns, tallies)), grouping: grouping, counting: counting)
    numbers = decisions.map { NumberFormat(decimalMark: $0.mark, grouping: grouping) }
    numberSources = decisions.map(\.source)
    numberProblems = [:]
    for problem in problems { numberProblems[problem.index] = problem }
  }
}
