import Verdict

extension RecordTable {
  /// Whether a file headed `columns` has what the table reads: the column it is keyed by and a
  /// column for each field it reads. Such a file given as the client file is most likely the
  /// table's own, given in the wrong place.
  package func hasColumns(of columns: [String]) -> Bool {
    let header = HeaderIndex(columns)
    guard case .found = header.find(keyColumn) else { return false }
    return policy.fields.filter(\.isUsed).allSatisfy { field in
      if case .found = header.find(field.columnName) { return true }
      return false
    }
  }
}
