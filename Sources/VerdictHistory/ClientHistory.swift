import Verdict

/// What the history knows of one client before a run: its latest outcome, how long it has had
/// that verdict, and its severity at each earlier run.
///
/// A client left out of a run's data is not in that run: it has no severity there, and it
/// breaks a stretch of the same verdict. Its latest outcome is still the one it had when last
/// seen.
package struct ClientHistory: Sendable {
  private let log: ChangeLog
  private let client: Int
  private let span: Range<Int>
  /// The client's latest change with an outcome (the last, or the one before a departure).
  private let latest: Int
  /// Each outcome's severity in the verdicts of the policy asking
  /// (``HistoryFacts/ranked(by:)``), by outcome id; `nil` for the severities the runs recorded.
  private let ranks: [Int]?

  init?(log: ChangeLog, client: Int, ranks: [Int]? = nil) {
    self.ranks = ranks
    let span = Int(log.starts[client])..<Int(log.starts[client + 1])
    // A departure row only ever follows a present one, so the latest outcome is the last row or
    // the one before it.
    guard let last = span.last else { return nil }
    let latest = log.changeOutcomes[last] >= 0 ? last : last - 1
    guard latest >= span.lowerBound, log.changeOutcomes[latest] >= 0 else { return nil }
    self.log = log
    self.client = client
    self.span = span
    self.latest = latest
  }

  private var outcome: Int { Int(log.changeOutcomes[latest]) }

  /// The id of the latest outcome in the history.
  var outcomeID: Int { outcome }

  /// The verdict at the latest run before today that included the client.
  package var lastVerdict: String { log.outcomes[outcome].verdict }
  /// That verdict's severity (its index in that run's verdicts, least severe first; in the
  /// policy's, for facts ``HistoryFacts/ranked(by:)``).
  package var lastSeverity: Int { severity(ofOutcome: outcome) }
  /// The rule that decided that verdict; `nil` for the `otherwise` verdict.
  package var lastRule: String? { log.outcomes[outcome].rule }
  /// That outcome's clauses as text, by clause name (`cooldown`, …).
  package var clauses: [String: String] { log.outcomes[outcome].clauses }

  /// The day of the latest run before today that included the client.
  package var lastDay: CalendarDate {
    if latest == span.upperBound - 1 {
      return log.runDays.last ?? day(of: latest)
    }
    // Seen last at the run just before the one it was missing from.
    let index = log.runDays.firstIndex(atOrAfter: day(of: span.upperBound - 1))
    return index > 0 ? log.runDays[index - 1] : day(of: latest)
  }

  /// The day of the latest run before today that judged the client: `lastDay`, unless that run
  /// kept it with its outcome without judging it (its row was an error, or past where the data
  /// broke off), then the run before that judged it.
  package var lastJudgedDay: CalendarDate { log.lastJudgedDay(of: client, atOrBefore: lastDay) }

  /// The first run day of the unbroken stretch of runs up to `lastDay` in which the client had
  /// `lastVerdict` (a change of rule or clauses does not break it; a run without the client does).
  package var verdictSince: CalendarDate {
    day(of: log.stretchStart(of: latest, from: span.lowerBound))
  }

  /// Whether the client was in the latest run before today.
  package var wasInLatestRun: Bool { lastDay == log.runDays.last }

  /// The client's severity at the run on `day`; `nil` when no run was recorded that day or the
  /// client was not in it.
  package func severity(on day: CalendarDate) -> Int? {
    let index = log.runDays.firstIndex(atOrAfter: day)
    guard index < log.runDays.count, log.runDays[index] == day, let row = row(on: day) else { return nil }
    let code = Int(log.changeOutcomes[row])
    return code >= 0 ? severity(ofOutcome: code) : nil
  }

  /// The client's verdict at the run on `day`; `nil` when no run was recorded that day or the
  /// client was not in it.
  package func verdict(on day: CalendarDate) -> String? {
    guard severity(on: day) != nil, let row = row(on: day) else { return nil }
    return log.outcomes[Int(log.changeOutcomes[row])].verdict
  }

  /// The rule that decided the client's verdict at the run on `day`; `nil` when the `otherwise`
  /// verdict did, when no run was recorded that day, or when the client was not in it.
  package func rule(on day: CalendarDate) -> String? {
    guard severity(on: day) != nil, let row = row(on: day) else { return nil }
    return log.outcomes[Int(log.changeOutcomes[row])].rule
  }

  /// On how many run days from `day` on (all before today) the client had a verdict of at least
  /// `severity`.
  package func timesFlagged(atLeast severity: Int, since day: CalendarDate) -> Int {
    var count = 0
    for row in span {
      let code = Int(log.changeOutcomes[row])
      guard code >= 0, self.severity(ofOutcome: code) >= severity else { continue }
      let from = Swift.max(Int64(log.changeDays[row]), day.daysSinceEpoch)
      let upTo = row + 1 < span.upperBound ? Int64(log.changeDays[row + 1]) : Int64.max
      guard from < upTo else { continue }
      let first = log.runDays.firstIndex(atOrAfter: CalendarDate(daysSinceEpoch: from))
      let end =
        upTo == Int64.max ? log.runDays.count : log.runDays.firstIndex(atOrAfter: CalendarDate(daysSinceEpoch: upTo))
      count += end - first
    }
    return count
  }

  private func severity(ofOutcome code: Int) -> Int { ranks?[code] ?? log.outcomes[code].severity }

  /// The client's row in effect on `day`: its latest change at or before it.
  private func row(on day: CalendarDate) -> Int? {
    var low = span.lowerBound
    var high = span.upperBound
    while low < high {
      let middle = (low + high) / 2
      if Int64(log.changeDays[middle]) <= day.daysSinceEpoch { low = middle + 1 } else { high = middle }
    }
    return low > span.lowerBound ? low - 1 : nil
  }

  private func day(of row: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: Int64(log.changeDays[row])) }

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
