import VerdictData

/// What a row of a CSV file must look like to be read, so that no cell is ever read from the wrong
/// column: exactly as many cells as the header, and no quote out of place (see
/// `CSVRecord.quoteFlaw`), which would mean the row was split where its writer did not mean it.
///
/// Two layouts are tolerated besides that. A delimiter at the end of every line, header included,
/// as some exports write: the header's last cell is then empty; it names no column, and every
/// row must have the header's number of cells with its last one empty (nothing, or spaces). And
/// a delimiter at the end of every row but not of the header, as bank statements write them
/// (Chase's: `DEBIT,01/16/2024,ACME,-45.00,ACH_DEBIT,1234.56,,` under seven columns): known
/// from the file's first rows (``CSVRowShape/rowsEndWithDelimiter(_:)``), every row must then
/// have one cell more than the header, that last one empty. In either, a row with one cell more
/// or less, or with something in that last cell, is an error like any other ragged row: which
/// of its cells belongs to which column cannot be known.
struct CSVRowShape: Sendable {
  /// The header's cells (trimmed), counting the empty one after a trailing delimiter.
  let header: [String]
  /// The header's cells, counting the empty one after a trailing delimiter.
  let cellCount: Int
  /// Whether the header ends with a delimiter (its last cell empty), and so must every row.
  let endsWithDelimiter: Bool
  /// Whether every row ends with a delimiter the header does not end with: a row has one cell
  /// more than the header, and that last one is empty.
  let rowsEndWithDelimiter: Bool
  /// How many cells a row has: the header's, and one more when ``rowsEndWithDelimiter``.
  let rowCellCount: Int
  /// Whether the rows come from standard input, which is not read twice to find whether they
  /// all end with a delimiter: a row's message then says how to have them read so.
  let readsStandardInput: Bool
  /// The field separator, for messages.
  let separator: UInt8
  /// The header's cells as UTF-8, to know a row that repeats the header (``repeatsHeader(_:)``).
  private let headerBytes: [[UInt8]]
  /// The header's first cell as UTF-8 (``mayRepeatHeader(_:)``).
  private let firstHeader: [UInt8]

  /// The shape a header gives; `header` holds its cells trimmed of spaces. `rowsEndWithDelimiter`:
  /// the file's rows end with a delimiter the header lacks (``rowsEndWithDelimiter(_:)``).
  init(header: [String], separator: UInt8, rowsEndWithDelimiter: Bool = false, readsStandardInput: Bool = false) {
    self.readsStandardInput = readsStandardInput
    self.header = header
    cellCount = header.count
    endsWithDelimiter = header.count >= 2 && header[header.count - 1].isEmpty
    self.rowsEndWithDelimiter = rowsEndWithDelimiter && !endsWithDelimiter
    rowCellCount = cellCount + (self.rowsEndWithDelimiter ? 1 : 0)
    self.separator = separator
    headerBytes = header.map { Array($0.utf8) }
    firstHeader = headerBytes.first ?? []
  }

  /// The columns: the header's cells without the empty one after a trailing delimiter.
  func columns(of header: [String]) -> [String] {
    endsWithDelimiter ? Array(header.dropLast()) : header
  }

  /// The number of columns with a name.
  var columnCount: Int { endsWithDelimiter ? cellCount - 1 : cellCount }

  /// Whether `record` has the shape every row must have; cheap enough to call for every row.
  @inline(__always)
  func fits(_ record: borrowing CSVRecord) -> Bool {
    guard record.count == rowCellCount && !record.hasQuoteFlaw else { return false }
    if mayRepeatHeader(record[0]), repeatsHeader(record) { return false }
    return !(endsWithDelimiter || rowsEndWithDelimiter) || CSVRowShape.isBlank(record[rowCellCount - 1])
  }

  /// Whether a row whose first cell is `first` may repeat the header: the header's first cell,
  /// with a byte order mark before it or spaces around it (`id ,n` under `id,n`) or without.
  /// A length comparison for nearly every row, and for a longer cell one look at its first and
  /// last byte, before ``repeatsHeader(_:)`` compares the cells.
  @inline(__always)
  func mayRepeatHeader(_ first: UnsafeBufferPointer<UInt8>) -> Bool {
    if first.count == firstHeader.count { return first.elementsEqual(firstHeader) }
    guard first.count > firstHeader.count,
      first[0] == 0xEF || first[0] == UInt8(ascii: " ") || first[first.count &- 1] == UInt8(ascii: " ")
    else { return false }
    return CSVRowShape.trimmed(first, first: true).elementsEqual(firstHeader)
  }

  /// Whether `record` is the header again, cell for cell (spaces around a cell, and a byte order
  /// mark before the first, aside), as exports joined end to end (`cat jan.csv feb.csv`) leave
  /// it: it is no client's row, and read as one it would be a client named by a column's name.
  func repeatsHeader(_ record: borrowing CSVRecord) -> Bool {
    guard record.count == cellCount else { return false }
    for index in 0..<cellCount {
      guard CSVRowShape.trimmed(record[index], first: index == 0).elementsEqual(headerBytes[index]) else {
        return false
      }
    }
    return true
  }

  /// `cell` without the spaces around it, and for the `first` cell of a row without a byte order
  /// mark before them: what is compared with the header's cell.
  private static func trimmed(_ cell: UnsafeBufferPointer<UInt8>, first: Bool) -> Slice<UnsafeBufferPointer<UInt8>> {
    var start = 0
    var end = cell.count
    if first, end >= 3, cell[0] == 0xEF, cell[1] == 0xBB, cell[2] == 0xBF { start = 3 }
    while start < end, cell[start] == UInt8(ascii: " ") { start += 1 }
    while end > start, cell[end - 1] == UInt8(ascii: " ") { end -= 1 }
    return cell[start..<end]
  }

  /// Why `record`, which does not ``fits(_:)``, cannot be read.
  func problem(_ record: borrowing CSVRecord) -> String {
    if !record.hasQuoteFlaw, repeatsHeader(record) {
      return "the row repeats the header, as files joined end to end leave it: delete the line"
    }
    let width = widthProblem(record)
    guard let flaw = record.quoteFlaw else { return width ?? "" }
    // Only a row as wide as the header has its cells under the header's names.
    let named = width == nil && !header[flaw.field].isEmpty
    let cell = "cell \(flaw.field + 1)" + (named ? " (\(header[flaw.field]))" : "")
    let quote: String
    switch flaw.kind {
    case .quoteInUnquotedField:
      if CSVRowShape.isFormula(record[flaw.field]) {
        // `="0042"` is no lost quote: an export for Excel keeps leading zeros so. Reading the
        // text inside would take the file for what a spreadsheet makes of it, a guess.
        let written = String(decoding: CSVRowShape.trimmed(record[flaw.field], first: false), as: UTF8.self)
        let formula = "\(cell) is the spreadsheet formula \(MessageText.escaped(written)), not the text in it"
        guard let width else {
          return formula + " (export plain CSV, or remove the =\" before each value and the \" after it)"
        }
        return "\(width); \(formula)"
      }
      quote = "\(cell) has a quote but does not start with one"
    case .textAfterClosingQuote:
      quote = "\(cell) goes on after its closing quote"
    }
    guard let width else {
      return quote + "; a quote or a separator may be missing (a quote inside a cell is written \"\" in a quoted cell)"
    }
    return "\(width); \(quote)"
  }

  /// Whether a cell is written `="…"` (spaces around it aside), as exports meant for Excel write
  /// a value that must stay text (`="0042"`, whose zeros a number would lose), with each quote
  /// inside doubled.
  private static func isFormula(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    let cell = trimmed(cell, first: false)
    guard cell.count >= 3, cell.first == UInt8(ascii: "="), cell[cell.startIndex + 1] == UInt8(ascii: "\""),
      cell.last == UInt8(ascii: "\"")
    else { return false }
    var index = cell.startIndex + 2
    while index < cell.endIndex - 1 {
      // A lone quote inside is not the formula form: `="a"b"` lost a quote or gained one.
      if cell[index] == UInt8(ascii: "\"") {
        guard index + 1 < cell.endIndex - 1, cell[index + 1] == UInt8(ascii: "\"") else { return false }
        index += 1
      }
      index += 1
    }
    return true
  }

  /// Why `record` has not the header's cells, or `nil` when it has.
  private func widthProblem(_ record: borrowing CSVRecord) -> String? {
    if record.count == rowCellCount
      && (!(endsWithDelimiter || rowsEndWithDelimiter) || CSVRowShape.isBlank(record[rowCellCount - 1]))
    {
      return nil
    }
    if record.count == 1 && record[0].isEmpty {
      return "the line is blank; the header has \(columnCount) column\(columnCount == 1 ? "" : "s")"
    }
    let cells = "\(record.count) cell\(record.count == 1 ? "" : "s")"
    let shown = separator == UInt8(ascii: "\t") ? "\\t" : String(UnicodeScalar(separator))
    if rowsEndWithDelimiter {
      let rows = "the file's rows have \(rowCellCount), the header's \(cellCount) columns and a trailing '\(shown)'"
      if record.count == rowCellCount { return "the row has \(cells) and the last is not empty; \(rows)" }
      return "the row has \(cells); \(rows)"
    }
    guard endsWithDelimiter else {
      let trailing = record.count == cellCount + 1 && record[cellCount].isEmpty
      let input = readsStandardInput ? "; on standard input rows are read as the header says: give the file's path" : ""
      return "the row has \(cells), the header has \(cellCount)"
        + (trailing ? " (the row ends with '\(shown)', the header does not\(input))" : "")
    }
    let header = "the header has \(cellCount) (\(columnCount) columns and a trailing '\(shown)')"
    if record.count == cellCount { return "the row has \(cells) and the last is not empty, \(header)" }
    return "the row has \(cells), \(header)"
  }

  /// Whether a cell holds nothing but spaces, as the header's cells are trimmed.
  static func isBlank(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    cell.allSatisfy { $0 == UInt8(ascii: " ") }
  }
}
