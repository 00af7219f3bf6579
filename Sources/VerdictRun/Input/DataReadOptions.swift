import Verdict
import VerdictData

/// How a data file is laid out.
package enum InputFormat: String, Sendable, CaseIterable {
  /// CSV with a header row (the dialect is detected or chosen with ``CSVDialectChoice``).
  case csv
  /// One JSON array of objects.
  case json
  /// JSON Lines: one object per line.
  case jsonl

  /// The format a path's extension names: `.json` is JSON, `.jsonl` and `.ndjson` JSON Lines,
  /// anything else (and `-`, standard input) CSV.
  package static func guess(for path: String) -> InputFormat {
    let lower = path.lowercased()
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    return .csv
  }
}

/// A preset of CSV field separator and number format.
package enum CSVDialectChoice: String, Sendable, CaseIterable {
  /// The separator detected from the header line, the decimal mark from each column's numbers.
  case auto
  /// `,` between fields, `1234.56` numbers.
  case standard
  /// `;` between fields, `1.234,56` numbers, as German spreadsheets export.
  case german
  /// Tab between fields, `1234.56` numbers.
  case tab
}

/// How `verdict run`, `check --data`, `explain`, `test --data` and the REPL read data files: one
/// set of options, so that every command reads a file the same way.
package struct DataReadOptions: Sendable, Equatable {
  /// The format of every input, or `nil` to go by each file's extension.
  package var inputFormat: InputFormat?
  /// The CSV preset; ``delimiter``, ``decimalMark`` and ``grouping`` override its parts.
  package var dialect: CSVDialectChoice = .auto
  /// The CSV field separator, or `nil` for the dialect's (detected from the header under `auto`).
  package var delimiter: UInt8?
  /// The decimal mark of every number column, or `nil` for the dialect's (detected from each
  /// column's cells under `auto`).
  package var decimalMark: NumberFormat.DecimalMark?
  /// The thousands separators allowed, or `nil` for any that is not the decimal mark.
  package var grouping: NumberFormat.Grouping?
  /// The text encoding of CSV files, or `nil` to detect it (a byte order mark, UTF-16's zero
  /// bytes, else UTF-8 when the start of the file is valid UTF-8, else an East Asian code page
  /// its characters show, else Windows-1252).
  package var encoding: TextEncoding?
  /// Lines to skip before the header (a bank export's account lines); blank lines before the
  /// header are always skipped.
  package var skipLines = 0
  /// The column that names clients; `nil` means the first of ``ColumnBinder/keyColumnNames`` the
  /// file has, else the file and line.
  package var keyColumn: String?

  /// Options that detect everything.
  package init() {}

  /// The decimal mark the options fix for CSV files, or `nil` when it is to be detected.
  var csvDecimalMark: NumberFormat.DecimalMark? {
    if let decimalMark { return decimalMark }
    // A thousands separator of '.' or ',' leaves the other for the decimal mark.
    if grouping == .point { return .comma }
    if grouping == .comma { return .point }
    switch dialect {
    case .auto: return nil
    case .standard, .tab: return .point
    case .german: return .comma
    }
  }

  /// The number format of a CSV column before detection: the one the options fix, or undecided.
  var csvNumbers: NumberFormat {
    NumberFormat(decimalMark: csvDecimalMark ?? .undecided, grouping: grouping ?? .any)
  }

  /// The number format of JSON files' cells: their strings are read as CSV cells are
  /// (`"1.250"` has two readings unless the options fix the mark), and their number tokens are
  /// written in this format's terms (``JSONNumberNotation``), so that they mean what JSON says.
  var jsonNumbers: NumberFormat { csvNumbers }

  /// The CSV field separator the options fix, or `nil` when it is to be detected.
  var csvDelimiter: UInt8? {
    if let delimiter { return delimiter }
    switch dialect {
    case .auto: return nil
    case .standard: return UInt8(ascii: ",")
    case .german: return UInt8(ascii: ";")
    case .tab: return UInt8(ascii: "\t")
    }
  }
}
