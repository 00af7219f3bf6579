import Verdict
import VerdictData

extension ClientTable {
  /// How the file was read, in one line for `verdict check --data`, so that a user can see what was
  /// detected: `clients.csv: CSV with ';' between fields, header on line 3; decimal mark:
  /// outstanding ','; no decimals in payment_delay`.
  package func layoutSummary(for policy: Policy) -> String {
    var parts: [String] = []
    if let delimiter {
      let shown = delimiter == UInt8(ascii: "\t") ? "tab" : "'\(String(decoding: [delimiter], as: UTF8.self))'"
      var csv = "CSV (\(encoding?.rawValue ?? "utf-8")) with \(shown) between fields"
      if linesBeforeHeader > 0 { csv += ", header on line \(linesBeforeHeader + 1)" }
      parts.append(csv)
    } else {
      parts.append("JSON")
    }
    var decided: [String] = []
    var whole: [String] = []
    for field in policy.fields where field.isUsed && field.type?.isNumeric ?? true {
      guard let column = column(for: field), numberProblems[column] == nil else { continue }
      let label = columns[column] == field.name ? field.name : "\(field.name) (\(Value.quote(columns[column])))"
      if let note = ClientTable.describe(numbers[column].decimalMark, numberSources[column]) {
        decided.append("\(label) \(note)")
      } else {
        whole.append(label)
      }
    }
    if !decided.isEmpty { parts.append("decimal mark: " + decided.joined(separator: ", ")) }
    if !whole.isEmpty { parts.append("no decimals in " + whole.joined(separator: ", ")) }
    var dates: [String] = []
    for field in policy.fields where field.isUsed && field.type == .date {
      guard let column = column(for: field), dateProblems[column] == nil else { continue }
      if let declared = field.dateFormat {
        dates.append("\(field.name) \(declared.pattern) (declared)")
      } else if let detected = dateFormats.indices.contains(column) ? dateFormats[column] : nil {
        dates.append("\(field.name) \(detected.pattern)")
      } else {
        dates.append("\(field.name) YYYY-MM-DD or DD.MM.YYYY")
      }
    }
    if !dates.isEmpty { parts.append("dates: " + dates.joined(separator: ", ")) }
    return "\(name): " + parts.joined(separator: "; ")
  }

  /// `'.' (seen in its cells)`, or `nil` when no cell showed a decimal mark.
  private static func describe(_ mark: NumberFormat.DecimalMark, _ source: DecimalMarkSource) -> String? {
    let shown: String
    switch mark {
    case .point: shown = "'.'"
    case .comma: shown = "','"
    case .undecided: return nil
    }
    switch source {
    case .option: return shown + " (as asked)"
    case .cells: return shown
    case .otherColumns: return shown + " (as in the other columns)"
    case .undecided: return nil
    }
  }
}
