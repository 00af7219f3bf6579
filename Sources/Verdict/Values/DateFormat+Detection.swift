/// Finding the format of a column of dates from its cells, for data whose policy declares none.
extension DateFormat {
  /// What ``detect(_:)`` found in a column's cells.
  package enum Detection: Sendable, Hashable {
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
  /// `YYYY.MM.DD` (Korean banks), `DD.MM.YYYY`, `DD.MM.YY`, `D/M/YYYY`, `M/D/YYYY`, `D/M/YY`, `M/D/YY`, `DD-MM-YYYY`,
  /// `MM-DD-YYYY`, and a month's name with a two-digit year as spreadsheets and Oracle write it:
  /// `D-MMM-YY` (`3-Dec-24`) and `D MMM YY`; and last, the year first with two digits, as
  /// Japanese, Chinese and Korean exports write it, `YY/M/D` and `YY.MM.DD`, tried only in their
  /// files (``Detector/init(yearFirst:)``). (Dates in words with four-digit years need no format:
  /// the default forms read them.)
  package static let candidates: [DateFormat] = [
    DateFormat(order: .yearMonthDay, separator: .dash, yearDigits: 4),
    DateFormat(order: .yearMonthDay, separator: .slash, yearDigits: 4),
    DateFormat(order: .yearMonthDay, separator: .dot, yearDigits: 4),
    DateFormat(order: .dayMonthYear, separator: .dot, yearDigits: 4),
    DateFormat(order: .dayMonthYear, separator: .dot, yearDigits: 2),
    DateFormat(order: .dayMonthYear, separator: .slash, yearDigits: 4, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .monthDayYear, separator: .slash, yearDigits: 4, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .dayMonthYear, separator: .slash, yearDigits: 2, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .monthDayYear, separator: .slash, yearDigits: 2, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .dayMonthYear, separator: .dash, yearDigits: 4),
    DateFormat(order: .monthDayYear, separator: .dash, yearDigits: 4),
    DateFormat(order: .dayMonthYear, separator: .dash, yearDigits: 2, monthWidth: 3, dayWidth: 1),
    DateFormat(order: .dayMonthYear, separator: .space, yearDigits: 2, monthWidth: 3, dayWidth: 1),
    DateFormat(order: .yearMonthDay, separator: .slash, yearDigits: 2, monthWidth: 1, dayWidth: 1),
    DateFormat(order: .yearMonthDay, separator: .dot, yearDigits: 2),
  ]

  /// Whether the format writes a two-digit year first (`YY/M/D`): a candidate of
  /// ``Detector/init(yearFirst:)``'s alone.
  var writesShortYearFirst: Bool { order == .yearMonthDay && yearDigits == 2 }

  /// The format of a column whose cells are `samples`: among the ``candidates``, those that read
  /// every sample with text (spaces around it ignored, empty samples skipped, and samples no
  /// candidate reads, which are refused on their own) as a day that exists, with an optional
  /// valid time after it.
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
  package static func detect(_ samples: [String], yearFirst: Bool = false) -> Detection {
    var detector = Detector(yearFirst: yearFirst)
    for sample in samples { detector.add(sample) }
    return detector.detection
  }

  /// ``detect(_:)`` one sample at a time, keeping no sample: the same detection from the same
  /// samples, for a column read as a stream. It tracks which candidates read every sample so
  /// far, and which pairs of them read every sample as the same day.
  package struct Detector: Sendable {
    private static let count = DateFormat.candidates.count
    /// Whether each candidate read every sample with text so far.
    private var alive = [Bool](repeating: true, count: count)
    /// Whether each candidate is tried at all (``init(yearFirst:)``).
    private var enabled = [Bool](repeating: true, count: count)
    /// For candidates `i` and `j`, at `i * count + j`: the first sample they read as different
    /// days (its place among the samples added, from 0), or `nil` while they agree.
    private var disagreement = [Int?](repeating: nil, count: count * count)
    /// How many samples were added; and whether any had text.
    private var added = 0
    private var hasText = false
    /// Each candidate's reading of the sample being added (kept to spare an allocation a sample).
    private var dates = [CalendarDate?](repeating: nil, count: count)
    /// Whether the last sample added was left out: blank, or read by no candidate.
    package private(set) var leftOutLast = false

    /// A detector that has seen no sample. With `yearFirst`, a two-digit year may come first, as
    /// Japanese, Chinese and Korean exports write it (`24/01/15` is 15 January 2024 there): such a
    /// column then reads two ways, and is ambiguous. Elsewhere `24/01/15` is day first, and
    /// taking it for year first would make every column of two-digit years ambiguous.
    package init(yearFirst: Bool = false) {
      if !yearFirst {
        for (index, format) in DateFormat.candidates.enumerated() where format.writesShortYearFirst {
          alive[index] = false
          enabled[index] = false
        }
      }
    }

    /// Adds the next sample of the column (an empty or blank one changes nothing). Returns
    /// whether two candidates that read every sample so far read this one as different days for
    /// the first time: the only samples ``firstDisagreement(among:)`` can name.
    @discardableResult
    package mutating func add(_ sample: String) -> Bool {
      defer { added += 1 }
      leftOutLast = true
      guard !sample.utf8.allSatisfy(CellScanner.isSpace) else { return false }
      guard alive.contains(true) else {
        hasText = true
        return false
      }
      for index in 0..<Self.count where alive[index] { dates[index] = DateFormat.candidates[index].date(sample) }
      // A cell no candidate reads (`03/04/2026 10:00 AM`, `n/a`) is refused on its own row; it
      // must not leave every other cell of the column without a format.
      if !(0..<Self.count).contains(where: { alive[$0] && dates[$0] != nil }),
        !(0..<Self.count).contains(where: { enabled[$0] && DateFormat.candidates[$0].date(sample) != nil })
      {
        return false
      }
      hasText = true
      leftOutLast = false
      for index in 0..<Self.count where alive[index] && dates[index] == nil { alive[index] = false }
      var fresh = false
      for first in 0..<Self.count where alive[first] {
        for second in (first + 1)..<Self.count where alive[second] && dates[first] != dates[second] {
          guard disagreement[first * Self.count + second] == nil else { continue }
          disagreement[first * Self.count + second] = added
          fresh = true
        }
      }
      return fresh
    }

    /// Whether candidate `index` (of ``candidates``) reads every sample with text so far.
    package func reads(candidate index: Int) -> Bool { alive[index] }

    /// Whether the detection is ``Detection/none`` whatever samples come next: some sample had
    /// text, and no candidate read them all.
    package var isSettledOnNone: Bool { hasText && !alive.contains(true) }

    /// What ``detect(_:)`` would find in the samples added so far.
    package var detection: Detection {
      guard hasText else { return .none }
      // One candidate for each way of reading the samples: the first that reads them so.
      var readings: [Int] = []
      for index in 0..<Self.count where alive[index] {
        if !readings.contains(where: { disagreement[$0 * Self.count + index] == nil }) { readings.append(index) }
      }
      switch readings.count {
      case 0: return .none
      case 1: return .format(DateFormat.candidates[readings[0]])
      default: return .ambiguous(readings.map { DateFormat.candidates[$0] })
      }
    }

    /// The first sample (its place among the samples added, from 0) that two of `formats` read
    /// as different days, or `nil` when they agree on every sample so far or are not candidates
    /// that read them all.
    package func firstDisagreement(among formats: [DateFormat]) -> Int? {
      let indices = formats.compactMap { DateFormat.candidates.firstIndex(of: $0) }.filter { alive[$0] }.sorted()
      var first: Int?
      for (position, low) in indices.enumerated() {
        for high in indices[(position + 1)...] {
          guard let found = disagreement[low * Self.count + high] else { continue }
          first = min(first ?? found, found)
        }
      }
      return first
    }
  }
}
