import Verdict
import VerdictData

/// Which column feeds each field slot of the policy, which one names the client, and how each
/// field's cells are read in this source.
struct ColumnBinding: Sendable {
  /// The source's columns.
  let columns: [String]
  /// The column index for each field slot; -1 for a field nothing reads that has no column.
  let columnOfSlot: [Int]
  /// The column that names clients, if any.
  let keyColumn: Int?
  /// How each slot's cells are read: the field's type and unit, and the column's number format
  /// (detected from the data for CSV files, see ``LayoutDetector``).
  var formats: [CellFormat]
  /// How the file writes money and dates, for the HTML report (sampled by ``LayoutDetector``
  /// when the report is HTML; plain otherwise).
  var notation = DataNotation.plain

  /// The key column's name.
  var keyName: String? { keyColumn.map { columns[$0] } }
}

/// Checks a data source's columns against the fields a policy uses, before any row is evaluated:
/// a missing column is an error with a "did you mean" from the header.
final class ColumnBinder: Sendable {
  let policy: Policy
  let requestedKey: String?
  let renderer: DiagnosticRenderer
  /// The record table whose `keyed by` names the key column, when the source is a table's file:
  /// a missing key column is then the policy's mistake or the file's, shown at the clause, not
  /// an option's.
  let table: RecordTable?

  init(policy: Policy, keyColumn: String?, renderer: DiagnosticRenderer, table: RecordTable? = nil) {
    self.policy = policy
    self.requestedKey = keyColumn
    self.renderer = renderer
    self.table = table
  }

  /// Binds `columns` of the source `name`, whose numbers are written as `numbers` (and may be
  /// JSON number tokens when `jsonNumbers`: see ``CellFormat/readsJSONNumbers``), or explains
  /// every column that is missing or ambiguous.
  func bind(
    _ columns: [String], source name: String, numbers: NumberFormat, jsonNumbers: Bool = false
  ) throws(RunFailure) -> ColumnBinding {
    let header = HeaderIndex(columns)
    var problems: [RunFailure] = []
    var slots: [Int] = []
    for field in policy.fields {
      let wanted = field.columnName
      switch header.find(wanted) {
      case .found(let index):
        slots.append(index)
        continue
      case .duplicated(let indices):
        problems.append(
          RunFailure(
            .data,
            located:
              "\(MessageText.escaped(name)): \(ColumnBinder.describe(indices, of: columns, matching: wanted)); which one should '\(field.name)' read?"
          ))
      case .missing where !field.isUsed:
        break
      case .missing:
        let diagnostic = Diagnostic.error(
          "missing-column", "\(MessageText.escaped(name)) has no column '\(wanted)'", at: field.range,
          hint: ColumnBinder.hint(for: field, wanted: wanted, among: columns, in: policy))
        problems.append(
          RunFailure(.data, located: renderer.render(diagnostic, in: policy.source).trimmingTrailingNewlines))
      }
      slots.append(-1)
    }
    let key = keyColumn(header, source: name, problems: &problems)
    guard problems.isEmpty else { throw RunFailure(gathering: problems) }
    let formats = policy.fields.map { field in
      var format = CellFormat(field, numbers: numbers)
      format.readsJSONNumbers = jsonNumbers
      return format
    }
    return ColumnBinding(columns: columns, columnOfSlot: slots, keyColumn: key, formats: formats)
  }

  private func keyColumn(_ header: HeaderIndex, source name: String, problems: inout [RunFailure]) -> Int? {
    if let requested = requestedKey {
      switch header.find(requested) {
      case .found(let index): return index
      case .duplicated(let indices):
        problems.append(
          RunFailure(
            .data,
            "\(MessageText.escaped(name)): \(ColumnBinder.describe(indices, of: header.columns, matching: requested)) "
              + (table.map { "(the key of table '\($0.name)')" } ?? "(--key)")))
      case .missing:
        if let table {
          let diagnostic = Diagnostic.error(
            "missing-column",
            "\(MessageText.escaped(name)) has no column '\(MessageText.escaped(requested))' to key table '\(table.name)' by",
            at: table.keyRange,
            hint: ColumnBinder.hint(for: requested, among: header.columns))
          problems.append(
            RunFailure(.data, located: renderer.render(diagnostic, in: policy.source).trimmingTrailingNewlines))
        } else {
          problems.append(
            RunFailure(
              .data,
              "\(MessageText.escaped(name)) has no column '\(MessageText.escaped(requested))' for --key (\(ColumnBinder.hint(for: requested, among: header.columns)))"
            ))
        }
      }
      return nil
    }
    for wanted in ColumnBinder.keyColumnNames {
      if case .found(let index) = header.find(wanted) { return index }
    }
    return nil
  }

  /// The columns that name clients without `--key`, the first found in this order (in any
  /// letter case and with any spaces): a freelancer's own sheet heads its first column
  /// `Client`, an accounting tool's customer list `Customer`, `Customer ID` or `Customer Name`.
  static let keyColumnNames = [
    "id", "name", "client id", "customer id", "client", "customer", "client name", "customer name",
  ]

  /// `the column 'amount' appears more than once in the header (columns 2, 5)`, or for columns
  /// that match a name but for case and spaces, `the columns 'Amount', 'amount' (2, 5) all match 'amount'`.
  static func describe(_ indices: [Int], of columns: [String], matching wanted: String) -> String {
    // A header may repeat a name thousands of times: the message names the first few.
    let places = Suggestion.listing(indices.map { String($0 + 1) })
    let names = indices.map { MessageText.escaped(columns[$0]) }
    if Set(names).count == 1 {
      return "the column '\(names[0])' appears more than once in the header (columns \(places))"
    }
    return
      "the columns \(Suggestion.listing(names.map { "'\($0)'" })) (\(places)) all match '\(MessageText.escaped(wanted))'"
  }

  /// The hint for a field without a column: a near column, as the user can write it.
  static func hint(for field: FieldInfo, wanted: String, among columns: [String], in policy: Policy) -> String {
    guard let close = HeaderIndex.closest(to: wanted, among: columns), separatorHint(columns) == nil else {
      return hint(for: wanted, among: columns)
    }
    if HeaderIndex.isName(close) && wanted == field.name {
      return "did you mean '\(MessageText.escaped(close))'?"
    }
    return
      "did you mean the column \(Value.quote(close))? read it with: \(policy.declaration(of: field, readingColumn: close))"
  }

  /// For a header read as one column that holds a separator: the `--delimiter` to try.
  private static func separatorHint(_ columns: [String]) -> String? {
    guard columns.count == 1, let separator = [";", "\t", ",", "|"].first(where: { columns[0].contains($0) }) else {
      return nil
    }
    let option = separator == "\t" ? "tab" : separator
    return "the header looks separated by '\(separator == "\t" ? "\\t" : separator)': try --delimiter '\(option)'"
  }

  /// `did you mean 'payment_delay'?`, or the columns there are.
  static func hint(for name: String, among columns: [String]) -> String {
    if let separator = separatorHint(columns) { return separator }
    if let close = HeaderIndex.closest(to: name, among: columns) {
      return "did you mean '\(MessageText.escaped(close))'?"
    }
    if columns.isEmpty { return "the data has no columns" }
    let shown = columns.prefix(12).map { "'\(MessageText.escaped($0))'" }.joined(separator: ", ")
    if looksLikeRecord(columns) {
      return "its first line (\(shown)\(columns.count > 12 ? ", …" : "")) looks like a record, not a header: "
        + "the file seems to have no header row; add a line above it that names the columns"
    }
    return "its columns are \(shown)\(columns.count > 12 ? ", …" : "")"
  }

  /// Whether a header's cells look like a record's, as a file without a header row gives them
  /// (a bank's `"01/16/2024","-45.00","*","","ACME CORP"`, ABN AMRO's `123456789⇥EUR⇥20240105⇥
  /// 1000,00`): both a date (in any order of its parts, or `YYYYMMDD`) and an amount with
  /// decimals (after a point or a comma) among them, and numbers, amounts or dates in half the
  /// cells that hold anything at least. A header repeats one kind where a record mixes them: a
  /// pivot table's years or month ends (`Customer,2024-01-31,2024-02-29`), an aging report's
  /// buckets (`30d,60d`) or rates (`10%,20%`) are headers.
  static func looksLikeRecord(_ columns: [String]) -> Bool {
    let filled = columns.filter { !$0.isEmpty }
    guard filled.count >= 2 else { return false }
    var values = 0
    var dates = false
    var decimals = false
    for cell in filled {
      // A date in any order of its parts (`01/16/2024`, `16-01-24`), read or not without a format.
      let parts = cell.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
      if parts.count == 3,
        parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
      {
        values += 1
        dates = true
        continue
      }
      if isCompactDate(cell) {
        values += 1
        dates = true
        continue
      }
      guard let value = recordValue(cell) else { continue }
      switch value {
      case .int, .duration, .percent: values += 1
      case .decimal, .money:
        values += 1
        decimals = true
      case .date:
        values += 1
        dates = true
      case .missing, .bool, .text, .list: break
      }
    }
    return dates && decimals && values * 2 >= filled.count
  }

  /// A header's cell read as a record's would be, with a decimal point or else a decimal comma
  /// (`1000,00`): the file's marks are not known yet. `nil` when it reads as neither.
  private static func recordValue(_ cell: String) -> Value? {
    var text: Value?
    for numbers in [NumberFormat.point, .comma] {
      var bytes = Array(cell.utf8)
      let read = bytes.withUnsafeMutableBufferPointer {
        CellReader().read(UnsafeBufferPointer($0), as: CellFormat(FieldInfo(name: "", type: nil), numbers: numbers))
      }
      guard case .success(let value) = read else { continue }
      if case .text = value {
        text = value
        continue
      }
      return value
    }
    return text
  }

  /// Whether `cell` is a date written `YYYYMMDD` in this century or the last (`20240105`).
  private static func isCompactDate(_ cell: String) -> Bool {
    guard cell.utf8.count == 8, cell.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }), let number = Int(cell)
    else { return false }
    let (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
    return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
