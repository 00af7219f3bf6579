import VerdictData

/// A data file read record by record into a ``RowBuffer``: CSV, JSON, JSON Lines, or the spool
/// of standard input that a population pass leaves behind.
protocol RecordSource: AnyObject {
  /// The name for messages: the path, or `<stdin>`.
  var name: String { get }
  /// Whether numbers in the data use a decimal comma (German CSV).
  var decimalComma: Bool { get }
  /// The columns, when known before the first record: a CSV header, the keys of a JSON file's
  /// first record. `nil` for JSON read from standard input and for JSON files with no record.
  var columns: [String]? { get }
  /// The binding of columns to field slots; set before ``forEachRow(_:_:)``, or by the source
  /// itself through `binder` when the columns show up with the first record.
  var binding: ColumnBinding? { get set }

  /// Reads every record in file order into `row` and calls `body` for each.
  ///
  /// - Throws: `DataReadError` when the rest of the file cannot be read (after every earlier
  ///   record was delivered), ``RunFailure`` when a late binding fails, and whatever `body` throws.
  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws
}

/// Opens data files by format.
enum SourceOpener {
  /// Opens `path` (`-` for standard input) in the given format, reading what is needed to know
  /// its columns.
  static func open(_ path: String, format: InputFormat?, dialect: CSVDialectChoice) throws(RunFailure)
    -> any RecordSource
  {
    let format = format ?? InputFormat.guess(for: path)
    switch format {
    case .csv: return try CSVRecordSource(path: path, dialect: dialect)
    case .json: return try JSONRecordSource(path: path, layout: .array)
    case .jsonl: return try JSONRecordSource(path: path, layout: .lines)
    }
  }

  /// A message for a data file that cannot be opened or read at all.
  static func failure(_ path: String, _ error: DataReadError) -> RunFailure {
    if error.line == 0 { return RunFailure("verdict: \(error.message)") }
    return RunFailure(
      "\(path == "-" ? "<stdin>" : path):\(error.line): \(error.message)\(error.hint.map { " (hint: \($0))" } ?? "")")
  }
}
