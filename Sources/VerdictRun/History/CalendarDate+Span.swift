import Verdict

extension CalendarDate {
  /// This date plus `span`, a part of a day counting as a whole day, as a run history counts a
  /// cooldown and the HTML report a notice; the last day the calendar has at most (a cooldown
  /// of thousands of years from 9999 ends there), the first at least. Never traps: the longest
  /// duration is more days than any date holds.
  func adding(wholeDaysOf span: TimeSpan) -> CalendarDate {
    let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(span.daysRoundedUp)
    if overflow || sum > CalendarDate.last.daysSinceEpoch { return .last }
    return CalendarDate(daysSinceEpoch: max(CalendarDate.first.daysSinceEpoch, sum))
  }
}

extension TimeSpan {
  /// The days the span covers, part of a day counting as a whole day (36 hours: 2 days).
  var daysRoundedUp: Int64 { seconds / 86_400 + (seconds % 86_400 > 0 ? 1 : 0) }
}
