/// Judges what `verdict run` made of a damaged export, record by record of the file (as
/// ``ReferenceCSV`` splits it): every record must be in the report, on its line and in order, or
/// be after a reported quote that never closes; a record whose cells do not line up with the
/// header (or, when the first rows all end with a delimiter the header lacks, with the header
/// and that delimiter), or with a quote out of place, must be an error; a clean client's row must be kept; and
/// no row may get a verdict unless its cells are exactly its client's clean row.
enum PollutionOracle {
  /// One client of the report.
  struct ReportRow {
    var client: String
    var verdict: String
    var reason: String?
    /// The line of `source`.
    var line: Int
  }

  /// What a run gave.
  struct Outcome {
    var status: Int32
    var rows: [ReportRow]
    var standardError: String
  }

  /// What is wrong with `outcome` for a run over `bytes` (the file `name`); empty when nothing.
  static func problems(
    _ bytes: [UInt8], name: String, dialect: CleanExport.Dialect, cleanRows: [String: [String]], outcome: Outcome
  ) -> [String] {
    let separator = ReferenceCSV.separator(of: bytes)
    let parse = ReferenceCSV.parse(bytes, separator: separator)
    // Blank lines before the header are skipped (``ReferenceCSV/headerStart(of:)``).
    let records = parse.records[...]
    guard let headerRecord = records.first, !headerRecord.isBlank else {
      return refused(outcome, because: "the file has no header")
    }
    let header = headerRecord.cells.map { text($0).trimmingSpaces }
    let endsWithDelimiter = header.count >= 2 && header.last == ""
    let columns = endsWithDelimiter ? Array(header.dropLast()) : header
    var place: [String: Int] = [:]
    for name in CleanExport.columns {
      guard columns.filter({ $0 == name }).count == 1 else {
        return refused(outcome, because: "the header \(header) does not have the column '\(name)' once")
      }
      place[name] = columns.firstIndex(of: name)!
    }
    var found: [String] = []
    let data = Array(records.dropFirst())
    // Rows that all end with a delimiter the header lacks (a header that lost its trailing one):
    // the reader takes the layout from the first 100 rows that hold anything, at least two, unless
    // their first cells count 1, 2, 3, ….
    let sample = data.filter { record in !record.cells.allSatisfy { $0.allSatisfy { $0 == 32 || $0 == 9 } } }
      .prefix(100)
    let rowsEndWithDelimiter =
      !endsWithDelimiter && sample.count >= 2
      && sample.allSatisfy { $0.cells.count == header.count + 1 && text($0.cells.last!).allSatisfy { $0 == " " } }
      && !sample.enumerated().allSatisfy { text($1.cells[0]) == String($0 + 1) }
    let rowCells = header.count + (rowsEndWithDelimiter ? 1 : 0)
    guard outcome.rows.count == data.count, zip(outcome.rows, data).allSatisfy({ $0.line == $1.line }) else {
      return ["the report's rows are on lines \(outcome.rows.map(\.line)), the file's records on \(data.map(\.line))"]
    }
    if let line = parse.unterminatedQuoteLine,
      !outcome.standardError.split(separator: "\n").contains(where: {
        $0.hasPrefix("\(name):\(line): column ") && $0.contains(": unterminated quoted field")
      })
    {
      found.append("the quote opened on line \(line) that never closes is not reported")
    }
    let failed = parse.unterminatedQuoteLine != nil || outcome.rows.contains { $0.verdict == "error" }
    if outcome.status != (failed ? 1 : 0) {
      found.append("exit status \(outcome.status), expected \(failed ? 1 : 0)")
    }
    for (row, record) in zip(outcome.rows, data) {
      let lined =
        record.cells.count == rowCells && !record.hasQuoteFlaw
        && (!(endsWithDelimiter || rowsEndWithDelimiter) || text(record.cells.last!).allSatisfy { $0 == " " })
      guard lined else {
        if row.verdict != "error" {
          found.append("line \(row.line): a record that does not line up was read as \(row.verdict)")
        }
        continue
      }
      let cells = CleanExport.columns.map { text(record.cells[place[$0]!]).trimmingCellSpace }
      let clean = cleanRows[cells[0]]?.map(\.trimmingCellSpace)
      let exact = clean == cells
      if row.verdict == "error" && exact && separator == dialect.separator {
        found.append("line \(row.line): the clean row of \(cells[0]) was refused")
      } else if row.verdict != "error" && (!exact || row.verdict != "keep" || row.reason ?? "" != cells[1]) {
        found.append("line \(row.line): the cells \(cells) were read as \(row.verdict) \(row.reason ?? "")")
      }
    }
    return found
  }

  /// Problems with `outcome` for a file that must be refused as a whole (exit status 2).
  static func refused(_ outcome: Outcome, because reason: String) -> [String] {
    guard outcome.status != 2 || !outcome.rows.isEmpty else { return [] }
    return ["\(reason), yet the run ended with \(outcome.status) and \(outcome.rows.count) clients"]
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
  /// Without ASCII spaces around it, as header cells are read.
  var trimmingSpaces: String { trimming { $0 == " " } }

  /// Without the spaces, tabs and line breaks around it, as data cells are read.
  var trimmingCellSpace: String { trimming { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" } }

  func trimming(_ isSpace: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
