import Verdict
import VerdictData

/// A whole data file read into memory as text cells, for tools that evaluate a policy that is
/// still changing (the REPL): cells stay text, to be read by whatever fields the policy has when
/// a client is evaluated. Opens CSV, JSON and JSON Lines files exactly as `verdict run` does.
public struct ClientTable: Sendable {
  /// One record of the file.
  public struct Row: Sendable {
    /// The 1-based line the record starts on.
    public var line: Int
    /// The client's key: the `id` column, else `name` (empty when there is neither).
    public var key: String
    /// One cell per column; an empty cell is a missing value.
    public var cells: [String]
    /// Why the record as a whole cannot be read (a ragged row, a malformed JSON line), or `nil`.
    public var problem: String?
  }

  /// The file's name for messages.
  public var name: String
  /// The columns, in file order.
  public var columns: [String]
  /// The column that names clients (`id`, else `name`), if any.
  public var keyColumn: Int?
  /// Whether numbers use a decimal comma (German CSV).
  public var decimalComma: Bool
  /// The records, in file order.
  public var rows: [Row]

  /// Reads every record of `path` (not standard input); the format is guessed from the extension
  /// unless given.
  ///
  /// - Throws: ``RunFailure`` when the file cannot be opened or read to the end.
  public static func read(_ path: String, format: InputFormat? = nil) throws(RunFailure) -> ClientTable {
    guard path != "-" else { throw RunFailure("verdict: standard input cannot be read as client data here") }
    let source = try SourceOpener.open(path, format: format, dialect: .auto)
    guard let columns = source.columns else {
      return ClientTable(name: source.name, columns: [], keyColumn: nil, decimalComma: false, rows: [])
    }
    let keyColumn = ["id", "name"].lazy.compactMap { wanted in
      columns.firstIndex { $0.lowercased() == wanted }
    }.first
    source.binding = ColumnBinding(columns: columns, columnOfSlot: Array(columns.indices), keyColumn: keyColumn)
    var table = ClientTable(
      name: source.name, columns: columns, keyColumn: keyColumn, decimalComma: source.decimalComma, rows: [])
    let buffer = RowBuffer(slots: columns.count)
    do {
      let binder = try ColumnBinder(policy: Policy(""), keyColumn: nil, renderer: DiagnosticRenderer())
      try source.forEachRow(buffer, binder: binder) { row in
        let cells = (0..<columns.count).map { String(decoding: row.cells[$0], as: UTF8.self) }
        table.rows.append(
          Row(line: row.line, key: String(decoding: row.key, as: UTF8.self), cells: cells, problem: row.problem))
      }
    } catch let failure as RunFailure {
      throw failure
    } catch let error as DataReadError {
      throw RunFailure(SourceNotes.unreadableTail(source.name, error))
    } catch {
      throw RunFailure("verdict: \(error)")
    }
    return table
  }
}
