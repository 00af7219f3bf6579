/// One damaged copy of the clean export: how it was written, row by row, before it is joined into
/// the bytes of a file. Each data line starts as the clean row's cells in the file's dialect and
/// may then take one kind of damage (see ``DamageGenerator``).
struct DamagedExport {
  /// One line of the file, or several when a quoted cell holds line breaks.
  struct Line {
    /// The cells as written, quotes included.
    var cells: [String]
    /// What joins the cells (the file's separator, unless the line was damaged).
    var separator: String
    /// The line break after the line: `\n`, `\r\n` or `\r`.
    var ending: String
    /// Whether this is a clean, undamaged data row (a place where the file may be cut).
    var isCleanRow = false

    /// The line's text, without its line break.
    var text: String { cells.joined(separator: separator) }
  }

  /// The dialect the data rows are written in.
  var dialect: CleanExport.Dialect
  /// The lines in order: preamble, header, rows.
  var lines: [Line] = []
  /// Whether the clean file ends every line, header included, with a delimiter.
  var endsLinesWithDelimiter = false
  /// A UTF-8 byte order mark before the first line.
  var byteOrderMark = false
  /// Whether the last line ends with a line break.
  var finalLineBreak = true
  /// Blank lines after the last line.
  var blankLinesAtEnd = 0
  /// Cut the file after this many bytes (nil: not cut).
  var cut: Int?
  /// What was done, for messages.
  var damage: [String] = []

  /// The file's bytes.
  var bytes: [UInt8] {
    var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    for (index, line) in lines.enumerated() {
      bytes += Array(line.text.utf8)
      if index < lines.count - 1 || finalLineBreak { bytes += Array(line.ending.utf8) }
    }
    for _ in 0..<blankLinesAtEnd { bytes += Array("\n".utf8) }
    if let cut { return Array(bytes.prefix(cut)) }
    return bytes
  }

  /// Where the line at `index` starts in ``bytes``.
  func offset(ofLine index: Int) -> Int {
    var offset = byteOrderMark ? 3 : 0
    for line in lines[..<index] { offset += line.text.utf8.count + line.ending.utf8.count }
    return offset
  }

  /// A cell as a spreadsheet writes it: in quotes (with `""` for a quote) when it holds the
  /// separator, a quote or a line break, or when `always` is set.
  static func written(_ cell: String, separator: Character, always: Bool = false) -> String {
    let special: Set<Character> = [separator, "\"", "\n", "\r", "\r\n"]
    guard always || cell.contains(where: { special.contains($0) }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The clean cells of every client by key, as the file's dialect writes them, in the clean
  /// column order.
  var cleanRows: [String: [String]] {
    var rows: [String: [String]] = [:]
    for (index, client) in CleanExport.clients.enumerated() {
      rows[client.id] = CleanExport.cells(of: client, index: index, in: dialect)
    }
    return rows
  }
}
