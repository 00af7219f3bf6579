import Verdict
import VerdictData

/// Percent fields whose cells look written as fractions: `0.15` for 15%, as CRM exports and APIs
/// write rates and probabilities.
///
/// A bare number in a `percent` field is percentage points (`0.15` is 0.15%), as documented, so
/// a column of fractions reads as a hundredth of what it means, without a word. The run does not
/// guess which the export meant, as `0.5` may well be half a percent: it reads the cells as
/// documented, and the summary warns when every value of such a field was a bare number from -1
/// to 1, and some were not 0. A cell more than 1 in size, or written with `%`, says that the
/// export writes percentage points, and the field gets no warning; 1 says nothing, as a
/// probability of 1 is a whole (HubSpot's closed-won deals) as well as 1%.
package struct PercentScale: Sendable {
  /// What the cells of one client field read as a percent showed.
  struct Column: Sendable {
    /// The field's slot.
    let slot: Int
    /// Whether some cell was more than 1 in size, or written with `%`.
    var writesPoints = false
    /// The first cell read as a fraction other than 0: its value, source and line.
    var firstFraction: (value: DecimalNumber, source: Int, line: Int)?
  }

  /// The client fields the policy reads as percents.
  private(set) var columns: [Column]

  /// 1% and -1%: a percent value is the fraction it stands for (`0.15` written is 0.0015).
  private static let one = DecimalNumber("0.01")!
  private static let minusOne = DecimalNumber("-0.01")!

  /// The percent fields of `fields` that a rule reads.
  init(fields: [FieldInfo]) {
    columns = fields.indices.filter { fields[$0].type == .percent && fields[$0].isUsed }.map { Column(slot: $0) }
  }

  /// Whether the policy reads no percent field: nothing to note.
  var isEmpty: Bool { columns.isEmpty }

  /// Notes the percent values of row `row` of `batch`, read into `values` without a bad cell.
  @inline(never)
  mutating func add(_ row: Int, of batch: Batch, values: [Value]) {
    batch.withRow(row) { cells, bytes in
      for index in columns.indices where !columns[index].writesPoints {
        let slot = columns[index].slot
        guard case .percent(let number) = values[slot], !number.isZero else { continue }
        var end = cells[slot].end
        while end > cells[slot].start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") {
          end -= 1
        }
        let withSign = end > cells[slot].start && bytes[end - 1] == UInt8(ascii: "%")
        // What ``note(_:withSign:column:source:line:)`` does, written out: calling it here cost a
        // run 7 instructions a percent cell (callgrind, 50,000 rows of 3 percent fields).
        if withSign || !(PercentScale.minusOne <= number && number <= PercentScale.one) {
          columns[index].writesPoints = true
        } else if columns[index].firstFraction == nil {
          columns[index].firstFraction = (number, batch.source, batch.lines[row])
        }
      }
    }
  }

  /// Notes a percent value other than 0 of the field ``columns``[`index`], read from a cell on
  /// `line` of data file `source` (`withSign`: the cell ends with `%`), as ``add(_:of:values:)``
  /// notes a run's: for the commands that read a file otherwise (`explain`, `check --data`).
  mutating func note(_ number: DecimalNumber, withSign: Bool, column index: Int, source: Int, line: Int) {
    if withSign || !(PercentScale.minusOne <= number && number <= PercentScale.one) {
      columns[index].writesPoints = true
    } else if columns[index].firstFraction == nil {
      columns[index].firstFraction = (number, source, line)
    }
  }

  /// What every evaluator's notes show together: the earliest fraction of each field, by source
  /// and line, as evaluators take batches in any order.
  static func merged(_ scales: [PercentScale]) -> PercentScale? {
    guard var merged = scales.first else { return nil }
    for other in scales.dropFirst() {
      for index in merged.columns.indices {
        merged.columns[index].writesPoints = merged.columns[index].writesPoints || other.columns[index].writesPoints
        guard let theirs = other.columns[index].firstFraction else { continue }
        if let ours = merged.columns[index].firstFraction, (ours.source, ours.line) < (theirs.source, theirs.line) {
          continue
        }
        merged.columns[index].firstFraction = theirs
      }
    }
    return merged
  }

  /// A warning for each field whose every value was a bare fraction, naming `fields` by slot and
  /// the data files by `sources`.
  package func warnings(fields: [FieldInfo], sources: [String]) -> [String] {
    fractions.map { fraction in
      let name = fields[fraction.slot].name
      let read = "\(Value.percent(fraction.value))"
      let place =
        sources.indices.contains(fraction.source) ? "\(MessageText.escaped(sources[fraction.source])):" : "line "
      return "warning: every value of the percent field '\(name)' is a bare number between -1 and 1, "
        + "such as \(read.dropLast()) (\(place)\(fraction.line)), read as \(read): \(PercentScale.hint)"
    }
  }

  /// The fields whose every value was a bare fraction: each one's slot, and its first fraction
  /// other than 0 with its source and line.
  package var fractions: [(slot: Int, value: DecimalNumber, source: Int, line: Int)] {
    columns.compactMap { column in
      guard !column.writesPoints, let first = column.firstFraction else { return nil }
      return (column.slot, first.value, first.source, first.line)
    }
  }

  /// What to do about such a field.
  package static let hint =
    "if the export writes fractions (0.15 for 15%), declare the field a number and compare it with fractions such as 0.15"
}
