/// Finding the format of a column of dates from its cells, for data whose policy declares none.
extension DateFormat {
  /// What ``detect(_:)`` found in a column's cells.
  public enum Detection: Sendable, Hashable {
    /// One format reads every cell (or several do, reading every cell as the same day).
    case format(DateFormat)
    /// Several formats read every cell but some cell as different days, such as `01/02/2026`
    /// under `D/M/YYYY` and `M/D/YYYY`: one format for each reading, in the order of
    /// ``candidates``. More cells may tell them apart (`13/02/2026` is only `D/M/YYYY`).
    case ambiguous([DateFormat])
    /// No candidate reads every cell, or no cell has any text.
    case none
  }

  /// The formats ``detect(_:)`` tries, in order of preference: `YYYY-MM-DD`, `YYYY/MM/DD`,
  /// `DD.MM.YYYY`, `DD.MM.YY`, `D/M/YYYY`, `M/D/YYYY`, `D/M/YY`, `M/D/YY`, `DD-MM-YYYY` and
  /// `MM-DD-YYYY`.
  public static let candidates: [DateFormat] = [
    DateFormat(order: .yearMonthDay, separator: .dash, yearDigits: 4),
    DateFormat(order: .yearMonthDay, separator: .slash, yearDigits: 4),
    DateFormat(order: .dayMonthYear, separator: .dot, yearDigits: 4),
    DateFormat(order: .dayMonthYear, separator: .dot, yearDigits: 2),
    DateFormat(order: .dayMonthYear, separator: .slash, yearDigits: 4, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .monthDayYear, separator: .slash, yearDigits: 4, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .dayMonthYear, separator: .slash, yearDigits: 2, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .monthDayYear, separator: .slash, yearDigits: 2, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .dayMonthYear, separator: .dash, yearDigits: 4),
    DateFormat(order: .monthDayYear, separator: .dash, yearDigits: 4),
  ]

  /// The format of a column whose cells are `samples`: among the ``candidates``, those that read
  /// every sample with text (spaces around it ignored, empty samples skipped) as a day that
  /// exists, with an optional valid time after it.
  ///
  /// - One such format: ``Detection/format(_:)``.
  /// - Several that read every sample as the same day: the first of them, as a format.
  /// - Several that read some sample as different days: ``Detection/ambiguous(_:)``.
  /// - None, or no sample with text: ``Detection/none``.
  ///
  /// ```swift
  /// DateFormat.detect(["2/1/2013", "2/24/2013"])  // .format(M/D/YYYY): 24 is no month
  /// DateFormat.detect(["01/02/2026"])             // .ambiguous([D/M/YYYY, M/D/YYYY])
  /// ```
  public static func detect(_ samples: [String]) -> Detection {
    let texts = samples.filter { !$0.utf8.allSatisfy(CellScanner.isSpace) }
    guard !texts.isEmpty else { return .none }
    // One format for each way of reading the samples, the first format that reads them so.
    var readings: [(format: DateFormat, dates: [CalendarDate])] = []
    for candidate in candidates {
      var dates: [CalendarDate] = []
      dates.reserveCapacity(texts.count)
      for text in texts {
        guard let date = candidate.date(text) else { break }
        dates.append(date)
      }
      guard dates.count == texts.count, !readings.contains(where: { $0.dates == dates }) else { continue }
      readings.append((candidate, dates))
    }
    switch readings.count {
    case 0: return .none
    case 1: return .format(readings[0].format)
    default: return .ambiguous(readings.map(\.format))
    }
  }
}
