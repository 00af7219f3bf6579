import Verdict
import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A data file read record by record into a ``RowBuffer``: CSV, JSON, JSON Lines, or the spool
/// of standard input that a population pass leaves behind.
protocol RecordSource: AnyObject {
  /// The name for messages: the path, or `<stdin>`.
  var name: String { get }
  /// How the source's numbers are written, before any column's own format is detected.
  var numbers: NumberFormat { get }
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
  static func open(_ path: String, options: DataReadOptions) throws(RunFailure) -> any RecordSource {
    try refuseStream(path)
    let format = options.inputFormat ?? InputFormat.guess(for: path)
    switch format {
    case .csv: return try CSVRecordSource(path: path, options: options)
    case .json: return try JSONRecordSource(path: path, layout: .array, numbers: options.jsonNumbers)
    case .jsonl: return try JSONRecordSource(path: path, layout: .lines, numbers: options.jsonNumbers)
    }
  }

  /// Binds an opened source's columns, when it knows them, and decides how a CSV file's columns
  /// write their numbers.
  static func prepare(
    _ source: any RecordSource, path: String, binder: ColumnBinder, options: DataReadOptions,
    learnsNotation: Bool = false
  ) throws(RunFailure) {
    guard let binding = try bind(source, path: path, binder: binder, options: options) else { return }
    source.binding = binding
    guard let csv = source as? CSVRecordSource else { return }
    try LayoutDetector(policy: binder.policy, options: options, learnsNotation: learnsNotation).detect(csv, path: path)
  }

  /// An opened source's columns bound by `binder`, or `nil` when the source does not know them
  /// yet (a JSON file without a record).
  /// - Throws: ``RunFailure`` for every column that is missing or ambiguous, with a hint when the
  ///   header seems to be on a later line.
  static func bind(
    _ source: any RecordSource, path: String, binder: ColumnBinder, options: DataReadOptions
  ) throws(RunFailure) -> ColumnBinding? {
    guard let columns = source.columns else { return nil }
    if source is JSONRecordSource { try refuseKeysSpelledTwoWays(columns, source: source.name, binder: binder) }
    do throws(RunFailure) {
      return try binder.bind(
        columns, source: source.name, numbers: source.numbers, jsonNumbers: source is JSONRecordSource)
    } catch {
      // A JSON file named otherwise (`export.json.txt`) is read as CSV: its "columns" are the
      // pieces of its first record, and a did-you-mean over them helps no one.
      if source is CSVRecordSource, let first = columns.first?.first, first == "{" || first == "[" {
        let (kind, format) =
          first == "{" ? ("JSON Lines (an object on each line)", "jsonl") : ("JSON (an array)", "json")
        throw RunFailure(
          .data,
          "\(source.name): its first line is not a CSV header: the file looks like \(kind), read as CSV by its name",
          hint: "read it with --input-format \(format)")
      }
      guard let csv = source as? CSVRecordSource,
        let line = HeaderProbe.headerLine(
          in: path, encoding: options.encoding, separator: csv.reader.dialect.separator,
          wanted: binder.policy.fields.filter(\.isUsed).map(\.columnName)),
        line > csv.reader.linesBeforeHeader + 1
      else { throw error }
      throw error.hinting(
        "\(source.name) seems to have its header on line \(line): skip the lines above it with --skip-lines \(line - 1)"
      )
    }
  }

  /// Refuses a JSON file whose records write the key of one of the fields two ways
  /// (`"Outstanding"` in one, `"outstanding"` in another): a record is read by the exact key, so
  /// the value under the other spelling would be missing without a word.
  static func refuseKeysSpelledTwoWays(
    _ keys: [String], source name: String, binder: ColumnBinder
  ) throws(RunFailure) {
    var problems: [RunFailure] = []
    for field in binder.policy.fields where field.isUsed {
      let folded = HeaderIndex.folded(field.columnName)
      let spellings = keys.filter { HeaderIndex.folded($0) == folded }
      guard spellings.count > 1 else { continue }
      let listed = spellings.map { Value.quote($0) }.joined(separator: " and ")
      problems.append(
        RunFailure(
          .data,
          "\(name): its records write the key of field '\(field.name)' as \(listed); "
            + "a record would be read by one spelling only",
          hint: "write the key alike in every record"))
    }
    guard problems.isEmpty else { throw RunFailure(gathering: problems) }
  }

  /// Refuses a named pipe or a process substitution (`<(…)`, a pipe at `/dev/fd/63`) given as
  /// a data file's path: a data file is opened more than once (its layout is learned first),
  /// and a pipe's second opening found it empty or waited forever. Standard input (`-`) is read
  /// once and is the way to give such data.
  static func refuseStream(_ path: String) throws(RunFailure) {
    var status = stat()
    guard path != "-", stat(path, &status) == 0 else { return }
    let kind: String
    switch status.st_mode & S_IFMT {
    case S_IFIFO: kind = "a pipe"
    case S_IFSOCK: kind = "a socket"
    default: return
    }
    throw RunFailure(
      .data, "'\(path)' is \(kind), which can be read only once; a data file is read more than once",
      hint: "save the data to a file first, or give it on standard input: … | verdict run POLICY -")
  }

  /// A message for a data file that cannot be opened or read at all.
  static func failure(_ path: String, _ error: DataReadError) -> RunFailure {
    if error.line == 0 { return RunFailure(.data, error.message, hint: error.hint) }
    return RunFailure(.data, located: SourceNotes.located(path == "-" ? "<stdin>" : path, error))
  }
}
