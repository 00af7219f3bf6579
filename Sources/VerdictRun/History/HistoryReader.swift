import Foundation
import Verdict
import VerdictHistory

/// What `verdict explain` and the REPL read of a run history, without recording.
package final class HistoryReader: @unchecked Sendable {
  private let past: PastRuns
  /// The facts ranked by a policy's verdicts, for the last list of verdicts asked with.
  private var ranked: (verdicts: [String], facts: HistoryFacts)?
  /// The history's file, as it was named.
  package let path: String

  /// Reads what the history at `path` knows before `today`.
  /// - Throws: ``RunFailure`` for a missing file, or one that is not a readable Verdict history.
  package init(path: String, today: CalendarDate) throws(RunFailure) {
    // A link to nothing is said to be one (History.openForReading), not to be no history.
    guard FileManager.default.fileExists(atPath: path) || History.isLink(path) else {
      throw RunFailure(.history, "there is no history at \(path) (verdict run --history creates one)")
    }
    self.path = path
    do throws(HistoryError) {
      past = try PastRuns(history: try History.openForReading(path: path), today: today)
    } catch {
      throw RunFailure.history(error)
    }
  }

  /// The day the history is read as of: its runs before this day count.
  package var today: CalendarDate { past.today }

  /// Writes `policy`'s history facts about `key` into `client`.
  package func fill(_ client: inout Client, key: String, policy: Policy) {
    // The facts ranked by the policy's verdicts, once for each list of verdicts (the REPL's
    // policy changes as it is typed).
    let facts: HistoryFacts
    if let ranked, ranked.verdicts == policy.verdicts {
      facts = ranked.facts
    } else {
      facts = past.facts.ranked(by: policy.verdicts)
      ranked = (policy.verdicts, facts)
    }
    // Keys are recorded without the spaces and tabs around them, as a run reads them.
    past.fill(&client, history: facts.client(ClientKey.trimmed(key)), policy: policy)
  }
}
