import Verdict
import VerdictHistory

/// The verdicts the previous run gave that the run's policy no longer has: renamed (`fire` to
/// `drop`) or dropped. The history ranks a past verdict by the current policy's verdicts, by name,
/// and one the policy does not have as none of them (docs/history.md), so `times_flagged`,
/// `flagged_since` and `days_flagged` forget every client flagged with it: a rule such as
/// `times_flagged(30d) >= 3` stops firing for a month, and nothing said why. The summary says so
/// on the first run after the change, the one whose previous run gave them.
struct ForgottenVerdicts: Sendable {
  /// The day of the previous run.
  var day: CalendarDate
  /// The verdicts it gave that the policy does not have, most severe first (by that run's policy).
  var verdicts: [String]

  /// The verdicts the latest run of `history` before `today` gave that `policy` does not have;
  /// `nil` for none, for no earlier run, and for a policy that reads no history fact (its
  /// standings are `changed`, which the report shows).
  static func find(in history: History, before today: CalendarDate, policy: Policy) throws(HistoryError)
    -> ForgottenVerdicts?
  {
    guard !policy.historyFacts.isEmpty else { return nil }
    guard let previous = try history.latestRun(before: today) else { return nil }
    let gone = previous.info.verdicts.reversed().filter { verdict in
      (previous.counts[verdict] ?? 0) > 0 && !policy.verdicts.contains(verdict)
    }
    return gone.isEmpty ? nil : ForgottenVerdicts(day: previous.info.today, verdicts: gone)
  }

  /// The summary's line, without its newline.
  var warning: String {
    let names = verdicts.map { "'\($0)'" }.joined(separator: ", ")
    let one = verdicts.count == 1
    return "  warning: the run of \(day) gave \(one ? "a verdict" : "verdicts") the policy does not have (\(names)): "
      + "the history facts rank \(one ? "it" : "them") as none of its verdicts, so times_flagged and "
      + "flagged_since do not count the clients flagged with \(one ? "it" : "them") "
      + "(give a renamed verdict its old name to keep its history)"
  }
}
