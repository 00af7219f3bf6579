import Testing

@testable import Verdict
@testable import VerdictRun

/// `DateColumn.Decider` reads a column one cell at a time for `verdict check --data`, keeping no
/// cells: it must decide exactly what the whole-column decision did, kept below as it was before
/// (`batchDecision`), with the same messages.
struct DateColumnStreamingTests {
  /// The decision as it was made from all cells at once.
  static func batchDecision(_ samples: [(line: Int, text: String)], column: String) -> Result<
    DateFormat?, DateColumn.Ambiguity
  > {
    // Cells no candidate reads are refused on their own rows and decide nothing.
    let samples = samples.filter { sample in DateFormat.candidates.contains { $0.date(sample.text) != nil } }
    let texts = samples.map(\.text).filter { !$0.utf8.allSatisfy(CellScanner.isSpace) }
    guard !texts.isEmpty else { return .success(nil) }
    var readings: [(format: DateFormat, dates: [CalendarDate])] = []
    // A two-digit year first is a candidate of East Asian files alone.
    for candidate in DateFormat.candidates where !candidate.writesShortYearFirst {
      var dates: [CalendarDate] = []
      for text in texts {
        guard let date = candidate.date(text) else { break }
        dates.append(date)
      }
      guard dates.count == texts.count, !readings.contains(where: { $0.dates == dates }) else { continue }
      readings.append((candidate, dates))
    }
    switch readings.count {
    case 0:
      return .success(nil)
    case 1:
      let format = readings[0].format
      let plain = CellFormat(FieldInfo(name: column, type: .date))
      var formatted = plain
      formatted.dateFormat = format
      let same = samples.allSatisfy { sample in
        var text = sample.text
        return text.withUTF8 { bytes in
          guard case .success(let date) = CellReader().read(bytes, as: plain) else { return false }
          return (try? CellReader().read(bytes, as: formatted).get()) == date
        }
      }
      return .success(same ? nil : format)
    default:
      let formats = readings.map(\.format)
      let example = samples.first { sample in Set(formats.map { $0.date(sample.text) }).count > 1 } ?? samples[0]
      let choices = formats.map { "format \(Value.quote($0.pattern))" }.joined(separator: " or ")
      return .failure(
        DateColumn.Ambiguity(
          message:
            "column '\(column)' has dates with two readings, such as \(Value.quote(example.text)) on line \(example.line)",
          hint: "declare the field's format: \(choices)"))
    }
  }

  static func describe(_ result: Result<DateFormat?, DateColumn.Ambiguity>) -> String {
    switch result {
    case .success(let format): "format \(format?.pattern ?? "default")"
    case .failure(let ambiguity): ambiguity.text
    }
  }

  /// Cells of every kind a date column meets: each candidate's forms, days that only some
  /// orders allow, blanks, times, and text that is no date.
  static let cells = [
    "2026-11-28", "2026/11/28", "28.11.2026", "28.11.26", "1/2/2026", "01/02/2026", "2/24/2026", "24/2/2026",
    "12/12/2025", "1/2/26", "2/24/26", "13/1/26", "01-02-2026", "02-24-2026", "24-02-2026", "2026-11-28T10:30",
    "2026-11-28 10:30:00Z", "05.05.2026", "5/5/2026", " ", "  ", "n/a", "2026-02-30", "31.04.2026", "2026-11-28 ",
    " 1/2/2026", "12/11/2026", "11/12/2026", "3/4/2025", "4/3/2025",
  ]

  @Test func decidesAsTheWholeColumnDid() {
    var state: UInt64 = 0xDA7E
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var outcomes: Set<String> = []
    for _ in 0..<4_000 {
      // Mostly one kind of date with a few others mixed in, so that columns are decided every way.
      let pool = (0..<(1 + next(4))).map { _ in Self.cells[next(Self.cells.count)] }
      let samples = (0..<(1 + next(12))).map { line in (line: line + 2, text: pool[next(pool.count)]) }
      let streamed = DateColumn.decide(samples, column: "due")
      let batch = Self.batchDecision(samples, column: "due")
      #expect(Self.describe(streamed) == Self.describe(batch), "\(samples.map(\.text))")
      outcomes.insert(Self.describe(streamed).components(separatedBy: " such as").first!)
    }
    // Every kind of decision was met: the default forms, a declared-looking format, ambiguity.
    #expect(outcomes.contains("format default"))
    #expect(outcomes.contains("format M/D/YYYY"))
    #expect(outcomes.contains { $0.hasPrefix("column 'due' has dates with two readings") })
  }

  @Test func theDetectorNamesTheFirstCellTwoReadingsDisagreeOn() {
    var detector = DateFormat.Detector()
    for cell in ["5/5/2026", " ", "1/2/2026", "3/4/2026"] { detector.add(cell) }
    guard case .ambiguous(let formats) = detector.detection else {
      Issue.record("expected two readings, got \(detector.detection)")
      return
    }
    #expect(formats.map(\.pattern) == ["D/M/YYYY", "M/D/YYYY"])
    #expect(detector.firstDisagreement(among: formats) == 2)
    detector.add("24/2/2026")
    #expect(detector.detection == .format(DateFormat(pattern: "D/M/YYYY")!))
    #expect(detector.firstDisagreement(among: [DateFormat(pattern: "M/D/YYYY")!]) == nil)
  }
}
