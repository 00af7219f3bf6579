/// Counts for the summary: records read, clients evaluated, verdicts, rows with errors.
package struct Tally: Sendable, Equatable {
  /// Records read (every record of every data file, good or bad).
  package var read = 0
  /// Clients evaluated without error.
  package var evaluated = 0
  /// Rows that could not be evaluated (bad cells, ragged rows, malformed records, evaluation errors).
  package var errors = 0
  /// Clients per verdict, indexed by severity (least severe first).
  package var verdicts: [Int]
  /// Rule conditions that were unknown because of missing data, over all clients.
  package var unknownRuleChecks = 0
  /// Clients with at least one such rule.
  package var clientsWithUnknownRules = 0
  /// Clients written to the report (after `--only` and `--quiet`).
  package var printed = 0
  /// Clients at the `--fail-on` verdict or a more severe one.
  package var failOnHits = 0
  /// Data files that could not be read to the end.
  package var unreadableTails = 0
  /// Clients without a key evaluated in a run with a history, which records none of them.
  package var unrecorded = 0
  /// Rows with errors that have no key, whose client cannot be known.
  package var errorsWithoutKey = 0

  /// Whether every client of the data was read and named: a file read to the end, no row error
  /// without a key, and a row at all. Only then did a client missing from the run leave the
  /// data: an export that came out as its header alone (or `[]`) left everyone.
  package var readsEveryClient: Bool { unreadableTails == 0 && errorsWithoutKey == 0 && read > 0 }

  /// No counts, for a policy with `verdictCount` verdicts.
  package init(verdictCount: Int) {
    verdicts = Array(repeating: 0, count: verdictCount)
  }

  /// Sets every count to zero.
  mutating func reset() {
    self = Tally(verdictCount: verdicts.count)
  }

  /// Adds another tally's counts.
  mutating func add(_ other: Tally) {
    read += other.read
    evaluated += other.evaluated
    errors += other.errors
    for index in verdicts.indices where index < other.verdicts.count { verdicts[index] += other.verdicts[index] }
    unknownRuleChecks += other.unknownRuleChecks
    clientsWithUnknownRules += other.clientsWithUnknownRules
    printed += other.printed
    failOnHits += other.failOnHits
    unreadableTails += other.unreadableTails
    unrecorded += other.unrecorded
    errorsWithoutKey += other.errorsWithoutKey
  }
}
