import Verdict
import VerdictData

/// Decides the date format of a column from its cells, for a date field whose policy declares
/// none: `2/24/2011` is month first, `31/03/2019` day first, and a column whose every date could
/// be either (`01/02/2026`) is refused, with the `format` to declare.
enum DateColumn {
  /// A column whose dates have two readings: what to say, and the `format` to declare.
  struct Ambiguity: Error {
    var message: String
    var hint: String

    /// The message with its hint on a second line, as `verdict run` prints it.
    var text: String { "\(message)\n  hint: \(hint)" }
  }

  /// The format to read the column with, `nil` for the default forms (ISO and `28.11.2026`, or
  /// cells no candidate reads, which then fail one by one), or the ambiguity that stops a run.
  ///
  /// `yearFirst`: whether the file may write a two-digit year first (``mayWriteYearFirst(encoding:columns:)``).
  static func decide(
    _ samples: [(line: Int, text: String)], column: String, yearFirst: Bool = false
  ) -> Result<DateFormat?, Ambiguity> {
    var decider = Decider(column: column, yearFirst: yearFirst)
    for sample in samples { decider.add(sample.text, line: sample.line) }
    return decider.decision
  }

  /// Whether a file may write a two-digit year first (`24/01/15`), as Japanese, Chinese and
  /// Korean exports do: read in their code pages, or with a header in their scripts.
  static func mayWriteYearFirst(encoding: TextEncoding, columns: [String]) -> Bool {
    switch encoding {
    case .shiftJIS, .eucJP, .gbk, .big5, .eucKR: return true
    case .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16: break
    }
    // Kana, the common ideographs, Hangul syllables.
    let scripts: [ClosedRange<UInt32>] = [0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
    return columns.contains { header in
      header.unicodeScalars.contains { scalar in scripts.contains { $0.contains(scalar.value) } }
    }
  }

  /// ``decide(_:column:yearFirst:)`` one cell at a time, keeping at most a few dozen cells whatever the
  /// length of the column: for `verdict check --data`, which reads a file as a stream.
  struct Decider {
    let column: String
    private var detector: DateFormat.Detector
    private let reader = CellReader()
    private let plain: CellFormat
    /// The first cell, and the cells on which two formats first read different days, by their
    /// place among the cells: the cells an ambiguity may quote.
    private var first: (line: Int, text: String)?
    private var quotable: [Int: (line: Int, text: String)] = [:]
    private var added = 0
    /// For each of the candidate formats, whether it read a cell other than the default forms
    /// do (it then stops being compared).
    private var differsFromPlain = [Bool](repeating: false, count: DateFormat.candidates.count)

    /// A decider for the column called `column` that has seen no cell; `yearFirst` as
    /// ``DateColumn/decide(_:column:yearFirst:)`` has it.
    init(column: String, yearFirst: Bool = false) {
      self.column = column
      detector = DateFormat.Detector(yearFirst: yearFirst)
      plain = CellFormat(FieldInfo(name: column, type: .date))
    }

    /// Whether more cells can change nothing: no format reads them all (the default forms will).
    var isDecided: Bool { detector.isSettledOnNone }

    /// Adds the column's next (non-empty) cell, from line `line`.
    mutating func add(_ text: String, line: Int) {
      if first == nil { first = (line, text) }
      if detector.add(text) { quotable[added] = (line, text) }
      added += 1
      // A cell no format reads is refused on its own row, and decides nothing.
      guard !detector.leftOutLast else { return }
      // Whether the default forms already read the cell as each remaining format does.
      var text = text
      var plainValue: Result<Value, CellError>?
      for index in DateFormat.candidates.indices where detector.reads(candidate: index) && !differsFromPlain[index] {
        var formatted = plain
        formatted.dateFormat = DateFormat.candidates[index]
        let same = text.withUTF8 { bytes in
          let known = plainValue ?? reader.read(bytes, as: plain)
          plainValue = known
          guard case .success(let date) = known else { return false }
          return (try? reader.read(bytes, as: formatted).get()) == date
        }
        if !same { differsFromPlain[index] = true }
      }
    }

    /// What ``decide(_:column:)`` decides from the cells added so far.
    var decision: Result<DateFormat?, Ambiguity> {
      switch detector.detection {
      case .none:
        return .success(nil)
      case .format(let format):
        // The default forms read these cells already, on their fast path.
        let differs = DateFormat.candidates.firstIndex(of: format).map { differsFromPlain[$0] } ?? true
        return .success(differs ? format : nil)
      case .ambiguous(let formats):
        guard let example = detector.firstDisagreement(among: formats).flatMap({ quotable[$0] }) ?? first else {
          return .success(nil)  // not reached: formats that disagree read some cell
        }
        let choices = formats.map { "format \(Value.quote($0.pattern))" }.joined(separator: " or ")
        return .failure(
          Ambiguity(
            message:
              "column '\(column)' has dates with two readings, such as \(Value.quote(example.text)) on line \(example.line)",
            hint: "declare the field's format: \(choices)"))
      }
    }
  }
}
