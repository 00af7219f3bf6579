/// The CSV grammar `CSVReader` documents, written out plainly and slowly, as the pollution test's
/// account of which records a file holds: where each starts and what its cells are.
///
/// A record starting with a line break is a blank line; a cell starting with `"` is quoted up to
/// a `"` not followed by another (`""` is a quote) and may hold separators and line breaks,
/// and bytes after its closing quote up to the separator are kept; LF, CRLF and a lone CR end a
/// line. Blank lines at the end are dropped, as are those just before a quote that never closes.
/// A quote inside a cell that does not start with one, or anything but spaces after a closing
/// quote, is a flaw of the record (its cells are read all the same).
enum ReferenceCSV {
  /// One record.
  struct Record {
    /// The 1-based line it starts on.
    var line: Int
    /// Its cells, unescaped.
    var cells: [[UInt8]]
    /// Whether it is a blank line.
    var isBlank: Bool
    /// Whether a quote is out of place.
    var hasQuoteFlaw = false
  }

  /// The records of a file, and the line of a quote that never closes, if there is one.
  struct Parse {
    var records: [Record] = []
    var unterminatedQuoteLine: Int?
  }

  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// The separator `CSVReader` takes for a file: the most frequent of `,`, `;` and tab outside
  /// quotes on its first line (`;` over tab, `,` on a tie or when there is none).
  static func separator(of bytes: [UInt8]) -> UInt8 {
    var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
    var quoted = false
    for byte in bytes.dropFirst(headerStart(of: bytes).index) {
      if byte == quote { quoted.toggle() }
      if !quoted && (byte == lineFeed || byte == carriageReturn) { break }
      if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
    }
    let commas = counts[UInt8(ascii: ",")]!
    let semicolons = counts[UInt8(ascii: ";")]!
    let tabs = counts[UInt8(ascii: "\t")]!
    if semicolons > commas && semicolons >= tabs { return UInt8(ascii: ";") }
    if tabs > commas && tabs > semicolons { return UInt8(ascii: "\t") }
    return UInt8(ascii: ",")
  }

  static func startsWithByteOrderMark(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

  /// Where the header starts, and its line: after a byte-order mark and after every blank line
  /// (nothing but spaces, tabs, `,` and `;`) that a line break ends, as the documentation says.
  static func headerStart(of bytes: [UInt8]) -> (index: Int, line: Int) {
    var index = startsWithByteOrderMark(bytes) ? 3 : 0
    var line = 1
    while true {
      var end = index
      while end < bytes.count,
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: ";")].contains(bytes[end])
      {
        end += 1
      }
      guard end < bytes.count, bytes[end] == lineFeed || bytes[end] == carriageReturn else { return (index, line) }
      index = bytes[end] == carriageReturn && end + 1 < bytes.count && bytes[end + 1] == lineFeed ? end + 2 : end + 1
      line += 1
    }
  }

  /// The records of `bytes`, split at `separator`.
  static func parse(_ bytes: [UInt8], separator: UInt8) -> Parse {
    var result = Parse()
    var (index, line) = headerStart(of: bytes)
    /// Steps over the line break at `index`.
    func endLine() {
      if bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
      index += 1
      line += 1
    }
    records: while index < bytes.count {
      let start = line
      if bytes[index] == lineFeed || bytes[index] == carriageReturn {
        endLine()
        result.records.append(Record(line: start, cells: [[]], isBlank: true))
        continue
      }
      var cells: [[UInt8]] = []
      var flawed = false
      while true {
        var cell: [UInt8] = []
        let isQuoted = index < bytes.count && bytes[index] == quote
        if isQuoted {
          let quoteLine = line
          index += 1
          while true {
            guard index < bytes.count else {
              result.unterminatedQuoteLine = quoteLine
              break records
            }
            let byte = bytes[index]
            if byte == quote {
              if index + 1 < bytes.count && bytes[index + 1] == quote {
                cell.append(quote)
                index += 2
                continue
              }
              index += 1
              break
            }
            if byte == lineFeed
              || (byte == carriageReturn && (index + 1 == bytes.count || bytes[index + 1] != lineFeed))
            {
              line += 1
            }
            cell.append(byte)
            index += 1
          }
        }
        let tailStart = cell.count
        while index < bytes.count && bytes[index] != separator && bytes[index] != lineFeed
          && bytes[index] != carriageReturn
        {
          cell.append(bytes[index])
          index += 1
        }
        let tail = cell[tailStart...]
        flawed = flawed || (isQuoted ? tail.contains { $0 != UInt8(ascii: " ") } : tail.contains(quote))
        cells.append(cell)
        if index == bytes.count { break }
        if bytes[index] == separator {
          index += 1
          continue
        }
        endLine()
        break
      }
      result.records.append(Record(line: start, cells: cells, isBlank: false, hasQuoteFlaw: flawed))
    }
    while result.records.last?.isBlank == true { result.records.removeLast() }
    return result
  }
}
