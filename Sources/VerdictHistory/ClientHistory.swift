import Verdict

/// What the history knows of one client before a run: its latest outcome, how long it has had
/// that verdict, and its severity at each earlier run.
///
/// A client left out of a run's data is not in that run: it has no severity there, and it
/// breaks a stretch of the same verdict. Its latest outcome is still the one it had when last
/// seen.
package struct ClientHistory: Sendable {
  private let log: ChangeLog
  private let span: Range<Int>
  /// The verdict at the latest run before today that included the client.
  package let lastVerdict: String
  /// That verdict's severity (its index in that run's verdicts, least severe first).
  package let lastSeverity: Int
  /// The rule that decided that verdict; `nil` for the `otherwise` verdict.
  package let lastRule: String?
  /// That outcome's clauses as text, by clause name (`cooldown`, …).
  package let clauses: [String: String]
  /// The day of the latest run before today that included the client.
  package let lastDay: CalendarDate
  /// The first run day of the unbroken stretch of runs up to `lastDay` in which the client had
  /// `lastVerdict` (a change of rule or clauses does not break it; a run without the client does).
  package let verdictSince: CalendarDate

  init?(log: ChangeLog, span: Range<Int>) {
    // A departure row only ever follows a present one, so the latest outcome is the last row or
    // the one before it.
    guard let last = span.last else { return nil }
    let latest = log.verdicts[last] >= 0 ? last : last - 1
    guard latest >= span.lowerBound, log.verdicts[latest] >= 0 else { return nil }
    self.log = log
    self.span = span
    lastVerdict = log.verdictNames[Int(log.verdicts[latest])]
    lastSeverity = Int(log.severities[latest])
    lastRule = log.rules[latest] >= 0 ? log.ruleNames[Int(log.rules[latest])] : nil
    clauses = log.clauseSets[Int(log.clauses[latest])]
    if latest == last {
      lastDay = log.runDays.last ?? CalendarDate(daysSinceEpoch: Int64(log.days[latest]))
    } else {
      // Seen last at the run just before the one it was missing from.
      let departure = CalendarDate(daysSinceEpoch: Int64(log.days[last]))
      let index = log.runDays.firstIndex(atOrAfter: departure)
      lastDay = index > 0 ? log.runDays[index - 1] : CalendarDate(daysSinceEpoch: Int64(log.days[latest]))
    }
    var first = latest
    while first > span.lowerBound, log.verdicts[first - 1] == log.verdicts[latest] { first -= 1 }
    verdictSince = CalendarDate(daysSinceEpoch: Int64(log.days[first]))
  }

  /// Whether the client was in the latest run before today.
  package var wasInLatestRun: Bool { lastDay == log.runDays.last }

  /// The client's severity at the run on `day`; `nil` when no run was recorded that day or the
  /// client was not in it.
  package func severity(on day: CalendarDate) -> Int? {
    let index = log.runDays.firstIndex(atOrAfter: day)
    guard index < log.runDays.count, log.runDays[index] == day, let row = row(on: day) else { return nil }
    return log.verdicts[row] >= 0 ? Int(log.severities[row]) : nil
  }

  /// The client's verdict at the run on `day`; `nil` when no run was recorded that day or the
  /// client was not in it.
  package func verdict(on day: CalendarDate) -> String? {
    guard severity(on: day) != nil, let row = row(on: day) else { return nil }
    return log.verdictNames[Int(log.verdicts[row])]
  }

  /// On how many run days from `day` on (all before today) the client had a verdict of at least
  /// `severity`.
  package func timesFlagged(atLeast severity: Int, since day: CalendarDate) -> Int {
    var count = 0
    for row in span where log.verdicts[row] >= 0 && Int(log.severities[row]) >= severity {
      let from = Swift.max(Int64(log.days[row]), day.daysSinceEpoch)
      let upTo = row + 1 < span.upperBound ? Int64(log.days[row + 1]) : Int64.max
      guard from < upTo else { continue }
      let first = log.runDays.firstIndex(atOrAfter: CalendarDate(daysSinceEpoch: from))
      let end =
        upTo == Int64.max ? log.runDays.count : log.runDays.firstIndex(atOrAfter: CalendarDate(daysSinceEpoch: upTo))
      count += end - first
    }
    return count
  }

  /// The client's row in effect on `day`: its latest change at or before it.
  private func row(on day: CalendarDate) -> Int? {
    var low = span.lowerBound
    var high = span.upperBound
    while low < high {
      let middle = (low + high) / 2
      if Int64(log.days[middle]) <= day.daysSinceEpoch { low = middle + 1 } else { high = middle }
    }
    return low > span.lowerBound ? low - 1 : nil
  }
}

extension [CalendarDate] {
  /// The index of the first date at or after `day` in these sorted dates (`count` when none).
  func firstIndex(atOrAfter day: CalendarDate) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < day { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
