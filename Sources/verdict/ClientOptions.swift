import Verdict

/// The `--set field=value` option of `eval` and `explain`.
enum SetOption {
  /// The assignments as cells by field name; a field the policy does not have, or one given
  /// twice, is a usage error (the first with a "did you mean", the second naming both values).
  static func cells(_ assignments: [String], for policy: Policy) throws(CommandFailure) -> [String: String] {
    var cells: [String: String] = [:]
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "=") else {
        throw CommandFailure(message: "--set takes field=value, not '\(assignment)'", exitCode: 2)
      }
      let name = String(assignment[..<equals]).trimmingSpaces
      guard policy.slot(ofField: name) != nil else {
        let known = policy.fields.map(\.name)
        let hint =
          policy.tableNames.contains(name)
          ? " ('\(name)' is a table: its records come from a file, not from --set)"
          : Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" }
            ?? (known.isEmpty ? " (it has no fields)" : " (its fields: \(known.joined(separator: ", ")))")
        throw CommandFailure(message: "the policy has no field '\(name)'\(hint)", exitCode: 2)
      }
      let value = CellReader.typedCell(assignment[assignment.index(after: equals)...])
      if let earlier = cells[name] {
        throw CommandFailure(
          message: "--set \(name) is given twice: '\(earlier)' and '\(value)' (give each field once)", exitCode: 2)
      }
      cells[name] = value
    }
    return cells
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
