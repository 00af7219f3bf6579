import Foundation
import Verdict
import VerdictData
import VerdictHistory

/// The latest run of a history, this day's included, when another policy file made it: one
/// history for two policies (a crontab's `VERDICT_HISTORY` set once for every job) mixes their
/// clients, each run recording the other policy's clients as having left (their standings,
/// cooldowns and stretches start again), and a run on the same day replaces the other's.
///
/// Policies are told apart by their file's name, not its folder (cron runs it by another path
/// than you do) nor its text (which you edit). A policy renamed is warned about once.
struct OtherPolicyRun {
  /// The day of that run.
  let day: CalendarDate
  /// The name of its policy file.
  let previous: String
  /// The name of this run's.
  let current: String

  /// The latest run of `history` up to `today` when its policy file has another name than
  /// `policy`'s; `nil` otherwise.
  static func find(in history: History, upTo today: CalendarDate, policy: Policy) throws(HistoryError)
    -> OtherPolicyRun?
  {
    let tomorrow = CalendarDate(daysSinceEpoch: min(today.daysSinceEpoch + 1, CalendarDate.last.daysSinceEpoch))
    guard let latest = try history.latestRun(before: tomorrow) else { return nil }
    let previous = fileName(latest.info.policyPath)
    let current = fileName(policy.source.name)
    guard previous != current else { return nil }
    return OtherPolicyRun(day: latest.info.today, previous: previous, current: current)
  }

  /// The last part of `path`.
  static func fileName(_ path: String) -> String {
    URL(fileURLWithPath: path).lastPathComponent
  }

  /// The summary's line, without its newline.
  var warning: String {
    "  warning: the history's run of \(day) was of the policy '\(MessageText.escaped(previous))', this one of "
      + "'\(MessageText.escaped(current))': runs of two policies in one history mix their clients (each records "
      + "the other's as having left, and a run on the same day replaces the other's); give each policy "
      + "a history of its own (--history, VERDICT_HISTORY)"
  }
}
