/// Counts for the summary: records read, clients evaluated, verdicts, rows with errors.
public struct Tally: Sendable, Equatable {
  /// Records read (every record of every data file, good or bad).
  public var read = 0
  /// Clients evaluated without error.
  public var evaluated = 0
  /// Rows that could not be evaluated (bad cells, ragged rows, malformed records, evaluation errors).
  public var errors = 0
  /// Clients per verdict, indexed by severity (least severe first).
  public var verdicts: [Int]
  /// Rule conditions that were unknown because of missing data, over all clients.
  public var unknownRuleChecks = 0
  /// Clients with at least one such rule.
  public var clientsWithUnknownRules = 0
  /// Clients written to the report (after `--only` and `--quiet`).
  public var printed = 0
  /// Clients at the `--fail-on` verdict or a more severe one.
  public var failOnHits = 0
  /// Data files that could not be read to the end.
  public var unreadableTails = 0

  /// No counts, for a policy with `verdictCount` verdicts.
  public init(verdictCount: Int) {
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
  }
}
