import Verdict

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
  static func decide(_ samples: [(line: Int, text: String)], column: String) -> Result<DateFormat?, Ambiguity> {
    switch DateFormat.detect(samples.map(\.text)) {
    case .none:
      return .success(nil)
    case .format(let format):
      // The default forms read these cells already, on their fast path.
      let plain = CellFormat(FieldInfo(name: column, type: .date))
      var formatted = plain
      formatted.dateFormat = format
      let reader = CellReader()
      let same = samples.allSatisfy { sample in
        var text = sample.text
        return text.withUTF8 { bytes in
          guard case .success(let date) = reader.read(bytes, as: plain) else { return false }
          return (try? reader.read(bytes, as: formatted).get()) == date
        }
      }
      return .success(same ? nil : format)
    case .ambiguous(let formats):
      let example = samples.first { sample in Set(formats.map { $0.date(sample.text) }).count > 1 } ?? samples[0]
      let choices = formats.map { "format \(Value.quote($0.pattern))" }.joined(separator: " or ")
      return .failure(
        Ambiguity(
          message:
            "column '\(column)' has dates with two readings, such as \(Value.quote(example.text)) on line \(example.line)",
          hint: "declare the field's format: \(choices)"))
    }
  }
}
