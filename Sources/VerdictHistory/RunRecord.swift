import Foundation
import Verdict

/// What a run tells the history about itself when it starts recording.
package struct RunInfo: Sendable, Equatable {
  /// The run's `today`: the day it judges. One record per day; a later run of the same day
  /// replaces it.
  package var today: CalendarDate
  /// When the run started (wall clock).
  package var startedAt: Date
  /// The policy file as given on the command line.
  package var policyPath: String
  /// A hash of the policy's content, to tell when the policy changed between runs.
  package var policyHash: String
  /// The client data files as given on the command line (`-` for standard input).
  package var dataFiles: [String]
  /// The policy's verdicts, least severe first: a verdict's severity is its index here.
  package var verdicts: [String]
  /// The index in `verdicts` of the `otherwise` verdict.
  package var otherwiseIndex: Int

  /// Creates a run's description.
  package init(
    today: CalendarDate, startedAt: Date, policyPath: String, policyHash: String, dataFiles: [String],
    verdicts: [String], otherwiseIndex: Int
  ) {
    self.today = today
    self.startedAt = startedAt
    self.policyPath = policyPath
    self.policyHash = policyHash
    self.dataFiles = dataFiles
    self.verdicts = verdicts
    self.otherwiseIndex = otherwiseIndex
  }
}

/// One client's outcome in a run, as recorded.
package struct ClientOutcome: Sendable, Equatable {
  /// The client's key (the value of the policy's key column).
  package var key: String
  /// The verdict's name.
  package var verdict: String
  /// The verdict's index in the run's verdicts, least severe first.
  package var severity: Int
  /// The name of the rule that decided the verdict; `nil` for the `otherwise` verdict.
  package var rule: String?
  /// The verdict's clauses as text, by clause name: `notice`, `cooldown`, `reason`, `refer`,
  /// `hold`, `meet`.
  package var clauses: [String: String]

  /// Creates an outcome.
  package init(key: String, verdict: String, severity: Int, rule: String?, clauses: [String: String] = [:]) {
    self.key = key
    self.verdict = verdict
    self.severity = severity
    self.rule = rule
    self.clauses = clauses
  }
}

/// A run as the history keeps it, for `verdict history`.
package struct RecordedRun: Sendable, Equatable {
  /// The run's description, as given when it started.
  package var info: RunInfo
  /// How many clients got each verdict, as given when it was committed.
  package var counts: [String: Int]
  /// How many clients could not be judged, as given when it was committed.
  package var errors: Int
  /// How many clients the run recorded: the distinct keys judged, or kept with their earlier
  /// outcome (a known client whose row is an error). A new client whose only row is an error is
  /// not recorded, and a key on two rows is one client, so this can be less than the verdict
  /// counts and the errors, which count rows.
  package var clients: Int
  /// How many clients' outcomes differed from the run before: new clients, changed outcomes, and
  /// clients that were no longer in the data.
  package var changes: Int
}

/// One change in a client's timeline: from the run on `day` on, the client had this outcome.
package struct TimelineEntry: Sendable, Equatable {
  /// The day of the run where the change was seen.
  package var day: CalendarDate
  /// The verdict from that run on; `nil` when the client was no longer in the run's data.
  package var verdict: String?
  /// The verdict's severity (its index in that run's verdicts); `nil` with `verdict`.
  package var severity: Int?
  /// The rule that decided it; `nil` for the `otherwise` verdict and when the client left.
  package var rule: String?
  /// The verdict's clauses as text, by clause name (empty when it had none).
  package var clauses: [String: String]

  /// Whether the client was in the data from this run on.
  package var isPresent: Bool { verdict != nil }
}
