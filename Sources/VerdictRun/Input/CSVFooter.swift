import Verdict
import VerdictData

/// Lines of text that end a CSV file after a blank line, as report exports sign off:
/// Salesforce's `"Confidential Information - Do Not Distribute"` and its copyright line. Each is
/// one cell under a header of several columns, so each was an error row, a client named by its
/// line, and every run of such an export exited 1.
///
/// Such a line is held back as a blank line is: when the file ends after it (and any other such
/// lines and blank lines), the lines are the file's footer, left out with a note in the summary;
/// when a record follows, each is the error row it always was.
///
/// A line of dashes (`-----`, `=====`) starts a footer as a blank line does, and the lines after
/// it may have separators, as Alipay's statement ends: `共4条记录`, `已收入:2笔,6200.50元`, …, each
/// short of the header's columns.
struct CSVFooter {
  /// The lines of text held back since the last record: how many, and the first.
  private(set) var count = 0
  private var first: (line: Int, text: String)?
  /// The line of dashes the held lines follow, if they do.
  private(set) var rule: Int?
  /// How many of the held lines of text came before the line of dashes (after a blank line).
  private var beforeRule = 0

  /// The most lines a footer has: a report signs off in a few, a statement's summary in a few more.
  static let longest = 5
  static let longestAfterRule = 10

  /// Whether `record` is a line of dashes: one cell of at least three `-`, `=`, `_` or `*`
  /// alone, spaces around them aside, where the header has more than one column (in a file of
  /// one column it is a record like the others).
  static func isRule(_ record: borrowing CSVRecord, shape: CSVRowShape) -> Bool {
    guard record.count == 1, shape.columnCount > 1 else { return false }
    var marks = 0
    for byte in record[0] {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "*"): marks += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
      default: return false
      }
    }
    return marks >= 3
  }

  /// Starts the footer at `record`, a line of dashes (``isRule(_:)``) after the file's records.
  mutating func startRule(at record: borrowing CSVRecord) {
    rule = record.position.line
    beforeRule = count
  }

  /// Whether `record`, after a line of dashes, may be a footer's line: it does not fit the header.
  func mayFollowRule(_ record: borrowing CSVRecord, shape: CSVRowShape) -> Bool {
    rule != nil && count - beforeRule < Self.longestAfterRule && !shape.fits(record)
  }

  /// Whether `record`, after a blank line, may be a footer's line: a single cell of words (a
  /// space in it) where the header has more than one column, and no record written with another
  /// separator (two exports joined end to end, the second with `;`) or without its empty cells
  /// (`C9`, a last row whose trailing columns were left off).
  func mayBeText(_ record: borrowing CSVRecord, shape: CSVRowShape) -> Bool {
    guard count < Self.longest, record.count == 1, shape.columnCount > 1 else { return false }
    let cell = record[0]
    guard cell.contains(UInt8(ascii: " ")) else { return false }
    for separator in [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"), UInt8(ascii: ",")] {
      if cell.count(where: { $0 == separator }) >= shape.columnCount - 1 { return false }
    }
    return true
  }

  /// Holds back `record`, a line that ``mayBeText(_:shape:)``.
  mutating func add(_ record: borrowing CSVRecord) {
    count += 1
    if first == nil { first = (record.position.line, String(decoding: record[0], as: UTF8.self)) }
  }

  /// The summary's note on the footer of `file` when the file ended with one, else `nil`.
  func note(file: String) -> String? {
    if let rule, beforeRule == 0 {
      let lines = count == 1 ? "a line" : "\(count) lines"
      let after = count == 0 ? "" : " and \(lines) after it"
      return "note: \(MessageText.escaped(file)):\(rule): the file ends with a line of dashes\(after), not records: "
        + "left out"
    }
    guard let first else { return nil }
    // Lines of text after a blank line, then a line of dashes: the note starts at the text (it
    // said "a line of dashes and a line after it" of the text before it).
    let count = rule == nil ? count : count + 1
    let quoted = Value.quote(first.text.count > 40 ? String(first.text.prefix(40)) + "…" : first.text)
    let lines = count == 1 ? "a line" : "\(count) lines"
    return "note: \(MessageText.escaped(file)):\(first.line): the file ends with \(lines) of text after a blank "
      + "line, not records (\(quoted)): left out"
  }
}
