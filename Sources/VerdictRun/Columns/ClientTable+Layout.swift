import Verdict
import VerdictData

extension ClientTable {
  /// How the file was read, in one line for `verdict check --data`, so that a user can see what was
  /// detected: `clients.csv: CSV with ';' between fields, header on line 3; decimal mark:
  /// outstanding ','; no decimals in payment_delay`.
  package func layoutSummary(for policy: Policy) -> String {
    deciding(for: policy).summary(for: policy)
  }

  /// ``layoutSummary(for:)`` of a table whose marks are decided for `policy`.
  private func summary(for policy: Policy) -> String {
    var parts: [String] = []
    if let delimiter {
      let shown = delimiter == UInt8(ascii: "\t") ? "tab" : "'\(String(decoding: [delimiter], as: UTF8.self))'"
      var csv = "CSV (\(encoding?.rawValue ?? "utf-8")) with \(shown) between fields"
      if linesBeforeHeader > 0 { csv += ", header on line \(linesBeforeHeader + 1)" }
      if rowsEndWithDelimiter { csv += ", each row ending with \(shown) after the header's columns" }
      parts.append(csv)
    } else {
      // A JSON number has a decimal point; strings are read cell by cell unless an option fixes
      // the mark, and a column's mark is not detected from its cells.
      let mark = numbers.first?.decimalMark ?? .undecided
      parts.append(
        mark == .undecided
          ? "JSON (numbers with a decimal point; strings read each by its own mark)"
          : "JSON (numbers with a decimal point; strings with a decimal \(mark == .comma ? "comma" : "point"), as asked)"
      )
      return "\(name): " + (parts + dateSummary(for: policy)).joined(separator: "; ")
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
    return "\(name): " + (parts + dateSummary(for: policy)).joined(separator: "; ")
  }

  /// How the dates of the policy's date fields are read, as ``layoutSummary(for:)`` says it.
  private func dateSummary(for policy: Policy) -> [String] {
    var dates: [String] = []
    for field in policy.fields where field.isUsed && field.type == .date {
      guard let column = column(for: field), dateProblems[column] == nil else { continue }
      if let declared = field.dateFormat {
        dates.append("\(field.name) \(declared.pattern) (declared)")
      } else if let detected = dateFormats.indices.contains(column) ? dateFormats[column] : nil {
        dates.append("\(field.name) \(detected.pattern)")
      } else {
        dates.append("\(field.name) YYYY-MM-DD, DD.MM.YYYY, in words or with 年 月 日")
      }
    }
    return dates.isEmpty ? [] : ["dates: " + dates.joined(separator: ", ")]
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
