import Verdict

/// The percent fractions of a data file read by the commands that are not a run (`explain`, the
/// REPL, `check --data`), noted as a run notes them, so that they warn as its summary does.
extension PercentScale {
  /// What the rows of `table` in memory show of `policy`'s percent fields: those of the rows a
  /// run evaluates, that is without a problem or a cell that does not fit its field.
  package init(_ table: ClientTable, for policy: Policy) {
    self.init(fields: policy.fields)
    guard !isEmpty else { return }
    let located = columns.map { table.column(for: policy.fields[$0.slot]) }
    for row in table.rows where row.problem == nil {
      let read = table.record(row, for: policy)
      guard read.problem == nil else { continue }
      for (index, column) in located.enumerated() {
        guard let column, column < row.cells.count else { continue }
        var cell = row.cells[column]
        cell.withUTF8 { note(read.record.values[columns[index].slot], cell: $0, column: index, line: row.line) }
      }
    }
  }

  /// Notes the value a cell of the field ``columns``[`index`] on `line` was read as, in the file
  /// of source 0: a run's one data file.
  mutating func note(_ value: Value, cell: UnsafeBufferPointer<UInt8>, column index: Int, line: Int) {
    guard case .percent(let number) = value, !number.isZero else { return }
    var end = cell.count
    while end > 0, cell[end - 1] == UInt8(ascii: " ") || cell[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    note(number, withSign: end > 0 && cell[end - 1] == UInt8(ascii: "%"), column: index, source: 0, line: line)
  }
}
