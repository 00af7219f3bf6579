import Verdict

/// The cells of one column, counted by what they say about the column's decimal mark; and the
/// decision drawn from them, alone or with the other columns of the file.
struct DecimalMarkTally {
  /// Cells showing a decimal point, a decimal comma, or two readings.
  var points = 0
  var commas = 0
  var ambiguous = 0
  /// The first cell of each kind, with its line, for messages.
  var firstPoint: (line: Int, text: String)?
  var firstComma: (line: Int, text: String)?
  var firstAmbiguous: (line: Int, text: String)?

  /// Counts one cell of a column read in `format` (whose decimal mark is what is being decided).
  /// A cell counts only when it reads, with the mark it shows, as a value of the format's type (a
  /// number, money, percent or duration when the data decides the type): a refused cell such as
  /// `n/a 0.5` or `1.234.56` is its own row's error, and must not decide how every other cell of
  /// the column is read.
  ///
  /// In a money column of a currency without decimals (the yen, the won), a cell of two readings
  /// (`￥120,000`) shows its mark groups thousands: the other is the decimal mark.
  mutating func add(_ cell: UnsafeBufferPointer<UInt8>, line: Int, as format: CellFormat) {
    var evidence = NumberFormat.evidence(in: cell)
    if evidence == .ambiguous, format.type == .money, format.currency?.hasNoMinorUnit == true {
      evidence = .mark(NumberFormat.wholeUnitsMark(ofAmbiguous: cell))
    }
    switch evidence {
    case .none, .mark(.undecided): return
    case .mark(let mark):
      guard Self.reads(cell, as: format, mark: mark) else { return }
    case .ambiguous:
      guard Self.reads(cell, as: format, mark: .point) || Self.reads(cell, as: format, mark: .comma) else { return }
    }
    switch evidence {
    case .none: return
    case .mark(.point):
      points += 1
      if firstPoint == nil { firstPoint = (line, String(decoding: cell, as: UTF8.self)) }
    case .mark(.comma):
      commas += 1
      if firstComma == nil { firstComma = (line, String(decoding: cell, as: UTF8.self)) }
    case .mark(.undecided): return
    case .ambiguous:
      ambiguous += 1
      if firstAmbiguous == nil { firstAmbiguous = (line, String(decoding: cell, as: UTF8.self)) }
    }
  }

  /// Whether `cell` reads as a value of `format`'s type, or as a number of some kind when the data
  /// decides the type, with `mark` as the decimal mark.
  private static func reads(_ cell: UnsafeBufferPointer<UInt8>, as format: CellFormat, mark: NumberFormat.DecimalMark)
    -> Bool
  {
    var format = format
    format.numbers = NumberFormat(decimalMark: mark, grouping: format.numbers.grouping)
    guard case .success(let value) = CellReader().read(cell, as: format) else { return false }
    switch value {
    case .int, .decimal, .duration, .percent, .money: return true
    case .missing, .bool, .date, .text, .list: return false
    }
  }

  /// The mark the column's own cells show, when they show one and only one.
  var ownMark: NumberFormat.DecimalMark? {
    if points > 0 && commas == 0 { return .point }
    if commas > 0 && points == 0 { return .comma }
    return nil
  }

  /// Whether the column shows both marks.
  var isMixed: Bool { points > 0 && commas > 0 }
}

/// How a column's decimal mark was decided, for `verdict check --data`.
enum DecimalMarkSource: Equatable {
  /// By `--decimal` or `--dialect`.
  case option
  /// By the column's own cells.
  case cells
  /// By the other columns of the file (the column's own cells had none or two readings).
  case otherColumns
  /// Not decided by any cell of the column: no cell showed a mark or needed one. (The column may
  /// still read the mark of the other columns.)
  case undecided
}

/// One column's decision.
struct DecimalMarkDecision {
  var mark: NumberFormat.DecimalMark
  var source: DecimalMarkSource
}

extension DecimalMarkTally {
  /// Decides every column's mark from the tallies of one file: a column's own cells first, else
  /// the mark every other deciding column of the file agrees on. A column that shows both marks,
  /// or has cells with two readings and nothing to settle them, is a problem named in the result.
  ///
  /// With `grouping` that groups thousands with neither `.` nor `,` (`--thousands none`, `'` or
  /// `space`), a cell such as `1.250` has one reading, 1.25: it is read cell by cell, not a
  /// problem.
  ///
  /// Only the columns `counting` marks (all when `nil`) show the file's mark to the others: those
  /// a policy reads as numbers, as `verdict run` samples only those.
  static func decide(
    _ tallies: [(column: String, tally: DecimalMarkTally)], grouping: NumberFormat.Grouping = .any,
    counting: [Bool]? = nil
  ) -> (decisions: [DecimalMarkDecision], problems: [DecimalMarkProblem]) {
    let marksGroup = grouping == .any
    let own = Set(tallies.indices.filter { counting?[$0] ?? true }.compactMap { tallies[$0].tally.ownMark })
    let fileMark = own.count == 1 ? own.first : nil
    var decisions: [DecimalMarkDecision] = []
    var problems: [DecimalMarkProblem] = []
    for (index, (column, tally)) in tallies.enumerated() {
      if tally.isMixed, let point = tally.firstPoint, let comma = tally.firstComma {
        problems.append(
          DecimalMarkProblem(
            index: index,
            message:
              "column '\(column)' writes numbers both with a decimal point (\(Value.quote(point.text)), line \(point.line)) and with a decimal comma (\(Value.quote(comma.text)), line \(comma.line))",
            example: nil))
        decisions.append(DecimalMarkDecision(mark: .undecided, source: .undecided))
      } else if let mark = tally.ownMark {
        decisions.append(DecimalMarkDecision(mark: mark, source: .cells))
      } else if !marksGroup {
        decisions.append(DecimalMarkDecision(mark: .undecided, source: .undecided))
      } else if let fileMark, tally.ambiguous > 0 {
        // Cells with two readings read the mark the file's other columns show.
        decisions.append(DecimalMarkDecision(mark: fileMark, source: .otherColumns))
      } else if let example = tally.firstAmbiguous {
        problems.append(
          DecimalMarkProblem(
            index: index,
            message:
              "column '\(column)' has numbers with two readings, such as \(Value.quote(example.text)) on line \(example.line): is the decimal mark '.' or ','?",
            example: example.text))
        decisions.append(DecimalMarkDecision(mark: .undecided, source: .undecided))
      } else {
        decisions.append(DecimalMarkDecision(mark: .undecided, source: .undecided))
      }
    }
    return (decisions, problems)
  }
}

/// A column whose decimal mark the file does not settle: its position among the columns, the
/// message, and a cell with two readings, for the hint.
struct DecimalMarkProblem: Equatable {
  let index: Int
  let message: String
  let example: String?

  /// How to settle the file's marks, with the two readings of `problems`' last example.
  static func hint(for problems: [DecimalMarkProblem]) -> String {
    NumberFormat.decimalMarkHint(example: problems.last { $0.example != nil }?.example, scope: "file")
  }
}
