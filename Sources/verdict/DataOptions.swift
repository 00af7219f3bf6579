import ArgumentParser
import Verdict
import VerdictData
import VerdictRun

/// How data files are read: the options `run`, `check --data`, `explain`, `test --data` and
/// `repl --data` share, so that every command reads a file the same way.
struct DataOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Read every data file in this format (default: by extension).", valueName: "format"))
  var inputFormat: InputFormat?

  @Option(
    help: ArgumentHelp(
      "A CSV preset: auto (detect), standard (',' 1234.56), german (';' 1.234,56) or tab.", valueName: "dialect"))
  var dialect = CSVDialectChoice.auto

  @Option(
    help: ArgumentHelp(
      "The CSV field separator: ',', ';', tab, '|' or any one character (default: detected from the header).",
      valueName: "char"))
  var delimiter: String?

  @Option(
    help: ArgumentHelp(
      "The decimal mark of numbers: '.' or ',' (default: detected from each column's numbers).", valueName: "mark"))
  var decimal: String?

  @Option(
    help: ArgumentHelp(
      "The thousands separator: ',', '.', \"'\", space or none (default: any but the decimal mark).",
      valueName: "separator"))
  var thousands: String?

  @Option(
    help: ArgumentHelp(
      "The CSV file's encoding (default: detected).", valueName: "encoding"))
  var encoding: TextEncoding?

  @Option(help: ArgumentHelp("Lines to skip before the CSV header (a bank export's preamble).", valueName: "n"))
  var skipLines = 0

  @Option(
    help: ArgumentHelp(
      "The column that names clients (default: 'id', else 'name', 'client' or 'customer').", valueName: "column"))
  var key: String?

  @Option(
    name: .customLong("table"),
    help: ArgumentHelp(
      "The file of one of the policy's record tables (repeat for each table).", valueName: "table=file"))
  var tables: [String] = []

  /// The `--table NAME=FILE` options.
  /// - Throws: ``CommandFailure`` (exit 2) for one without `=`, a name or a file.
  func tableFiles() throws(CommandFailure) -> [TableFile] {
    try tables.map { (option) throws(CommandFailure) -> TableFile in
      guard let equals = option.firstIndex(of: "="), equals != option.startIndex,
        option.index(after: equals) != option.endIndex
      else {
        throw CommandFailure(
          message: "--table takes NAME=FILE, the table's name in the policy and its file, not '\(option)'",
          exitCode: 2)
      }
      return TableFile(
        name: String(option[..<equals]).trimmingSpaces, path: String(option[option.index(after: equals)...]))
    }
  }

  /// The options as the runner takes them.
  /// - Throws: ``CommandFailure`` (exit 2) for a value an option does not take.
  func reading() throws(CommandFailure) -> DataReadOptions {
    var options = DataReadOptions()
    options.inputFormat = inputFormat
    options.dialect = dialect
    options.delimiter = try delimiter.map(DataOptions.delimiterByte)
    options.decimalMark = try decimal.map { (mark) throws(CommandFailure) in
      switch mark {
      case ".": return .point
      case ",": return .comma
      default:
        throw CommandFailure(message: "--decimal takes '.' or ',', not '\(mark)'", exitCode: 2)
      }
    }
    options.grouping = try thousands.map(DataOptions.grouping)
    if let mark = options.decimalMark, let grouping = options.grouping,
      grouping == .point && mark == .point || grouping == .comma && mark == .comma
    {
      throw CommandFailure(message: "--thousands and --decimal cannot both be '\(decimal ?? "")'", exitCode: 2)
    }
    guard skipLines >= 0 else {
      throw CommandFailure(message: "--skip-lines takes a number of lines, not \(skipLines)", exitCode: 2)
    }
    options.skipLines = skipLines
    options.encoding = encoding
    options.keyColumn = key
    return options
  }

  private static func delimiterByte(_ text: String) throws(CommandFailure) -> UInt8 {
    switch text {
    case "tab", "\\t", "\t": return UInt8(ascii: "\t")
    case "\"", "\n", "\r":
      throw CommandFailure(message: "--delimiter cannot be a quote or a line break", exitCode: 2)
    default:
      guard text.utf8.count == 1, let byte = text.utf8.first else {
        throw CommandFailure(
          message: "--delimiter takes one character (',', ';', '|') or 'tab', not '\(text)'", exitCode: 2)
      }
      return byte
    }
  }

  private static func grouping(_ text: String) throws(CommandFailure) -> NumberFormat.Grouping {
    switch text {
    case ",": return .comma
    case ".": return .point
    case "'", "’": return .apostrophe
    case " ", "space": return .space
    case "none", "": return NumberFormat.Grouping.none
    default:
      throw CommandFailure(message: "--thousands takes ',', '.', \"'\", space or none, not '\(text)'", exitCode: 2)
    }
  }
}
