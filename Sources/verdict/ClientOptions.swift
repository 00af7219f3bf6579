import Verdict

/// The `--set field=value` option of `eval` and `explain`.
enum SetOption {
  /// The assignments as cells by field name; a field the policy does not have is a usage error
  /// with a "did you mean".
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
          Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" }
          ?? " (its fields: \(known.joined(separator: ", ")))"
        throw CommandFailure(message: "the policy has no field '\(name)'\(hint)", exitCode: 2)
      }
      cells[name] = String(assignment[assignment.index(after: equals)...])
    }
    return cells
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
