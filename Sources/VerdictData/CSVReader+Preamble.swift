/// What comes before a CSV header: Excel's `sep=;` line, lines a bank export puts above its table
/// (`--skip-lines`) and blank lines, which are never the header.
extension CSVReader {
  /// Consumes `count` lines, then every blank line (nothing but spaces, tabs, `,` and `;`), from
  /// the start of `window`, and returns how many lines were consumed. Lines are physical: a quote
  /// in a skipped line does not hide a line break.
  static func skipPreamble(_ count: Int, in window: ChunkWindow) throws(DataReadError) -> Int {
    var skipped = 0
    while skipped < count {
      guard try skipLine(in: window, onlyIfBlank: false) else { break }
      skipped += 1
    }
    while try skipLine(in: window, onlyIfBlank: true) {
      skipped += 1
    }
    return skipped
  }

  /// Consumes the line at the start of the window (with its LF, CRLF or CR) and returns `true`;
  /// returns `false`, consuming nothing, at the end of input or when `onlyIfBlank` and the line
  /// has other bytes than spaces, tabs, `,` and `;`.
  private static func skipLine(in window: ChunkWindow, onlyIfBlank: Bool) throws(DataReadError) -> Bool {
    var scanned = 0
    while true {
      let base = window.base
      var p = window.start + scanned
      while p < window.end {
        let byte = base[p]
        if byte == CSVRecordScanner.lineFeed || byte == CSVRecordScanner.carriageReturn { break }
        if onlyIfBlank && !isBlankByte(byte) { return false }
        p += 1
      }
      if p < window.end, base[p] == CSVRecordScanner.carriageReturn, p + 1 == window.end, !window.isAtEndOfInput {
        // A CR at the end of the buffer may be the first half of CRLF: read on before deciding.
        scanned = p - window.start
        guard try window.refill() else { throw longLine(window) }
        continue
      }
      if p < window.end {
        let next =
          base[p] == CSVRecordScanner.carriageReturn && p + 1 < window.end && base[p + 1] == CSVRecordScanner.lineFeed
          ? p + 2 : p + 1
        window.start = next
        return true
      }
      if window.isAtEndOfInput {
        // The last line without a line break: skip it only if it is blank text of a preamble.
        guard p > window.start, !onlyIfBlank else { return false }
        window.start = p
        return true
      }
      scanned = p - window.start
      guard try window.refill() else { throw longLine(window) }
    }
  }

  /// Consumes a first line `sep=X` (Excel's directive naming the separator, which Excel writes
  /// and users add so that Excel opens a file right) and returns `X`; `nil`, consuming nothing,
  /// when the window does not start with one. `X` is one byte: `;`, `,`, a tab or `|`.
  static func separatorDirective(in window: ChunkWindow) throws(DataReadError) -> UInt8? {
    try window.ensureAvailable(7)
    let base = window.base
    let start = window.start
    guard window.available >= 5,
      (0..<4).allSatisfy({ base[start + $0] | 0x20 == separatorKeyword[$0] }),
      [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: "|")].contains(base[start + 4])
    else { return nil }
    let separator = base[start + 4]
    let end = start + 5
    guard end == window.end || base[end] == CSVRecordScanner.lineFeed || base[end] == CSVRecordScanner.carriageReturn
    else { return nil }
    _ = try skipLine(in: window, onlyIfBlank: false)
    return separator
  }

  /// `sep=` in small letters (`=` is unchanged by the `| 0x20` that lowercases the letters).
  private static let separatorKeyword = Array("sep=".utf8)

  private static func isBlankByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
  }

  private static func longLine(_ window: ChunkWindow) -> DataReadError {
    DataReadError(
      line: 0, column: 0, message: "a line before the header is longer than \(window.maxCapacity >> 20) MiB")
  }
}
