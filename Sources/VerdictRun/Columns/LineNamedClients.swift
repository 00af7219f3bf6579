import VerdictData

/// The summary's warning for a client file that has no key column (no `--key`, none of the
/// columns ``ColumnBinder/keyColumnNames`` lists): its clients are named by file and line (`billing.csv:3`), names that change
/// when a row moves. Accounting exports do this: a customer balance summary's names stand in a
/// column with no header. The warning names the file's first column, where exports put the
/// name, as the `--key` to try.
enum LineNamedClients {
  /// The warning for `file`, whose columns are `columns` and whose key column is `keyColumn`;
  /// `nil` when it has a key column.
  static func warning(columns: [String], keyColumn: Int?, file: String) -> String? {
    guard keyColumn == nil, let first = columns.first else { return nil }
    let shown = first.isEmpty ? "whose header is empty" : "'\(MessageText.escaped(first))'"
    return "warning: \(MessageText.escaped(file)) has no \(keyNames) column, so its "
      + "clients are named by their lines: name the column that names them with --key, such as the first column, "
      + "\(shown): --key \(quoted(first))"
  }

  /// The key columns' names of one word (``ColumnBinder/keyColumnNames``, whose others are these
  /// with ` id` or ` name`): `'id', 'name', 'client' or 'customer'`.
  private static var keyNames: String {
    let names = ColumnBinder.keyColumnNames.filter { !$0.contains(" ") }.map { "'\($0)'" }
    return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
  }

  /// `name` as a shell argument: as it is when it has only letters, digits, `_` and `-`, else in
  /// double quotes.
  private static func quoted(_ name: String) -> String {
    let plain =
      !name.isEmpty
      && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789_-".unicodeScalars.contains($0) }
    guard !plain else { return name }
    var escaped = ""
    for character in name {
      if "\\\"$`".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return "\"\(escaped)\""
  }
}
