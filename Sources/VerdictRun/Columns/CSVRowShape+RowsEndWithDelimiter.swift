import VerdictData

/// Finding the layout of a file whose rows end with a delimiter its header lacks, as bank
/// statements write them (see ``CSVRowShape``).
extension CSVRowShape {
  /// How many of a file's first rows decide it.
  static let delimiterSampleSize = 100

  /// Whether the rows that `reader` gives after its header end with a delimiter the header does
  /// not: at least two rows, and every one of the first ``delimiterSampleSize`` with exactly one
  /// cell more than the header, that last one empty (nothing, or spaces). Blank lines (nothing
  /// but separators and spaces) say nothing either way, nor does a line of one cell after one
  /// (a footer's: ``CSVFooter``); one row of another width says no, as a lone row with an empty
  /// cell too many is a ragged row (a separator added), not a habit.
  ///
  /// Rows whose first cells count 1, 2, 3, … say no as well: a header without a name for the
  /// rows' numbers (R's `write.table` writes one) over rows whose last column happens to be
  /// empty has the same widths, and read as a trailing delimiter every cell would be one column
  /// off.
  static func rowsEndWithDelimiter(_ reader: CSVReader) -> Bool {
    let header = reader.header
    guard !header.isEmpty, !(header.count >= 2 && header[header.count - 1].isEmpty) else { return false }
    var rows = 0
    var habit = true
    var numbered = true
    var afterBlank = false
    struct Enough: Error {}
    do {
      try reader.forEachRecord { record in
        if CSVRecordSource.isEmpty(record) {
          afterBlank = true
          return
        }
        // A line of text after a blank line may be the file's footer (``CSVFooter``): no row.
        if afterBlank, record.count == 1, header.count > 1 { return }
        afterBlank = false
        guard record.count == header.count + 1, isBlank(record[header.count]) else {
          habit = false
          throw Enough()
        }
        if numbered { numbered = isNumber(rows + 1, record[0]) }
        rows += 1
        if rows == delimiterSampleSize { throw Enough() }
      }
    } catch {
      // Enough rows, or a file that breaks off: the run reports that where it happens.
    }
    return habit && rows >= 2 && !numbered
  }

  /// Whether `cell` is the whole number `number` written in ASCII digits.
  static func isNumber(_ number: Int, _ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    cell.elementsEqual(String(number).utf8)
  }
}
