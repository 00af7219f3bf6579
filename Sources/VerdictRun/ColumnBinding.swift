import Verdict

/// Which column feeds each field slot of the policy, and which one names the client.
struct ColumnBinding: Sendable {
  /// The source's columns.
  let columns: [String]
  /// The column index for each field slot.
  let columnOfSlot: [Int]
  /// The column that names clients, if any.
  let keyColumn: Int?

  /// The key column's name.
  var keyName: String? { keyColumn.map { columns[$0] } }
}

/// Checks a data source's columns against the fields a policy uses, before any row is evaluated:
/// a missing column is an error with a "did you mean" from the header.
final class ColumnBinder: Sendable {
  let policy: Policy
  let requestedKey: String?
  let renderer: DiagnosticRenderer

  init(policy: Policy, keyColumn: String?, renderer: DiagnosticRenderer) {
    self.policy = policy
    self.requestedKey = keyColumn
    self.renderer = renderer
  }

  /// Binds `columns` of the source `name`, or explains every column that is missing or ambiguous.
  func bind(_ columns: [String], source name: String) throws(RunFailure) -> ColumnBinding {
    var firstIndex: [String: Int] = [:]
    var duplicates: [String: [Int]] = [:]
    for (index, column) in columns.enumerated() {
      if let first = firstIndex[column] {
        duplicates[column, default: [first]].append(index)
      } else {
        firstIndex[column] = index
      }
    }
    var problems: [String] = []
    var slots: [Int] = []
    for field in policy.fields {
      if let indices = duplicates[field.name] {
        let places = indices.map { String($0 + 1) }.joined(separator: ", ")
        problems.append(
          "\(name): the column '\(field.name)' appears more than once in the header (columns \(places)); which one should '\(field.name)' read?\n"
        )
      } else if let index = firstIndex[field.name] {
        slots.append(index)
        continue
      } else {
        let diagnostic = Diagnostic.error(
          "missing-column", "\(name) has no column '\(field.name)'", at: field.range,
          hint: ColumnBinder.hint(for: field.name, among: columns))
        problems.append(renderer.render(diagnostic, in: policy.source))
      }
      slots.append(-1)
    }
    let key = keyColumn(columns, firstIndex, source: name, problems: &problems)
    guard problems.isEmpty else { throw RunFailure(problems.joined().trimmingTrailingNewlines) }
    return ColumnBinding(columns: columns, columnOfSlot: slots, keyColumn: key)
  }

  private func keyColumn(_ columns: [String], _ index: [String: Int], source name: String, problems: inout [String])
    -> Int?
  {
    if let requested = requestedKey {
      if let found = index[requested] { return found }
      problems.append(
        "verdict: \(name) has no column '\(requested)' for --key (\(ColumnBinder.hint(for: requested, among: columns)))\n"
      )
      return nil
    }
    for wanted in ["id", "name"] {
      if let found = columns.firstIndex(where: { $0.lowercased() == wanted }) { return found }
    }
    return nil
  }

  /// `did you mean 'payment_delay'?`, or the columns there are.
  static func hint(for name: String, among columns: [String]) -> String {
    if let close = Suggestion.closest(to: name, among: columns) { return "did you mean '\(close)'?" }
    if columns.isEmpty { return "the data has no columns" }
    if columns.count == 1, let separator = [";", "\t", ","].first(where: { columns[0].contains($0) }) {
      let dialect = separator == ";" ? "german" : separator == "\t" ? "tab" : "standard"
      return "the header looks separated by '\(separator == "\t" ? "\\t" : separator)': try --dialect \(dialect)"
    }
    let shown = columns.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
    return "its columns are \(shown)\(columns.count > 12 ? ", …" : "")"
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
