import VerdictData

/// The summary `verdict run` writes on standard error:
///
/// ```
/// 12 clients read, 11 evaluated, 1 row with errors
///   fire 5, review 2, talk 2, watch 1, keep 1
///   3 rule conditions could not be decided for missing data (in 2 clients)
/// ```
package struct RunSummary: Sendable {
  /// The counts.
  package var tally: Tally
  /// Verdict names, least severe first.
  package var verdicts: [String]
  /// The `--fail-on` verdict, if given.
  package var failOn: String?
  /// Row errors past the limit that were not written one by one.
  package var unshownErrors = 0
  /// Client keys that more than one row has, with how many rows have each.
  package var duplicateKeys: [(key: String, rows: Int)] = []
  /// Whether there were more keys than could be remembered for finding duplicates.
  package var duplicateKeysIncomplete = false
  /// Whether more client keys were repeated than ``duplicateKeys`` names.
  package var moreDuplicateKeys = false
  /// Records of the tables that no client was charged with.
  package var unmatchedRecords: UnmatchedRecords?
  /// Without a client file: the summary's line about the tables' keys that differ from another
  /// only in case, quotes or spaces (``LookalikeKeys``); empty when there are none.
  package var lookalikeKeys = ""
  /// With a history: the line about the previous run's verdicts that the policy no longer has
  /// (``ForgottenVerdicts``); empty when there are none.
  package var forgottenVerdicts = ""
  /// With a history: the line about its latest run being another policy's (``OtherPolicyRun``);
  /// empty when it is this one's.
  package var otherPolicyRun = ""
  /// Clients that `share`, `rank` and `percentile` left out: rows whose cells could not be read.
  package var populationLeftOut = 0
  /// A warning for each percent field whose values were all bare fractions (``PercentScale``).
  /// Not one that ``warns`` counts: half a percent is often meant, and `--quiet` stays silent.
  package var percentFractions: [String] = []
  /// Warnings of a lasting state of the data that ``warns`` does not count, so that `--quiet`
  /// stays silent on every run over the same file: clients named by their lines
  /// (``LineNamedClients``).
  package var quietWarnings: [String] = []
  /// A warning for each data file's column that the policy misreads by its header: a column
  /// naming each row's currency that no field reads while a money field reads bare amounts in one
  /// currency (``CurrencyColumn``), a column saying which side each amount is on that no field
  /// reads (``DebitCreditColumn``), a header naming another currency or duration unit than its
  /// field's (``HeaderUnits``). ``warns`` counts them, as every such row is misread.
  package var columnWarnings: [String] = []
  /// Warnings about what the run read and recorded beyond the columns, each a silent loss
  /// otherwise, so ``warns`` counts them: data without clients kept by the history, keys the
  /// export now writes another way, a table's file without records.
  package var dataWarnings: [String] = []
  /// A warning for each text the policy compares a field with that sampled rows write another way
  /// (``TextVariants``): ``warns`` counts it, as those rows silently do not match.
  package var textVariants: [String] = []

  /// Creates a summary.
  package init(
    tally: Tally, verdicts: [String], failOn: String? = nil, unshownErrors: Int = 0,
    duplicateKeys: [(key: String, rows: Int)] = []
  ) {
    self.tally = tally
    self.verdicts = verdicts
    self.failOn = failOn
    self.unshownErrors = unshownErrors
    self.duplicateKeys = duplicateKeys
  }

  /// The summary's lines, each ending with a newline.
  package var text: String {
    let tally = tally
    var first = "\(tally.read) client\(tally.read == 1 ? "" : "s") read, \(tally.evaluated) evaluated"
    first += ", \(tally.errors) row\(tally.errors == 1 ? "" : "s") with errors"
    var lines = [first]
    let counts = verdicts.indices.reversed().map { "\(verdicts[$0]) \(tally.verdicts[$0])" }
    lines.append("  " + counts.joined(separator: ", "))
    if tally.unknownRuleChecks > 0 {
      let checks = tally.unknownRuleChecks
      lines.append(
        "  \(checks) rule condition\(checks == 1 ? "" : "s") could not be decided for missing data "
          + "(in \(tally.clientsWithUnknownRules) client\(tally.clientsWithUnknownRules == 1 ? "" : "s"))")
    }
    if unshownErrors > 0 {
      lines.append(
        "  \(unshownErrors) more row error\(unshownErrors == 1 ? "" : "s") not listed above (see the report's error column)"
      )
    }
    if let repeated = RunSummary.duplicateKeysSentence(duplicateKeys, more: moreDuplicateKeys) {
      lines.append("  warning: \(repeated)")
    }
    if duplicateKeysIncomplete {
      let first = String(DuplicateKeys.capacity).reversed().enumerated()
        .map { $0.offset > 0 && $0.offset % 3 == 0 ? "\($0.element)," : "\($0.element)" }.reversed().joined()
      lines.append("  keys were checked for duplicates against the first \(first) keys only")
    }
    if tally.unrecorded > 0 {
      let count = tally.unrecorded
      lines.append(
        "  warning: \(count) client\(count == 1 ? " has" : "s have") no key, and the history records none of them: "
          + "they have no standing, and --changed shows them on every run (give the data a key column, --key)")
    }
    if populationLeftOut > 0 {
      // Their shares and ranks are of the other clients: say so, since the figures look whole.
      let rows = populationLeftOut
      lines.append(
        "  note: share, rank and percentile were measured without the \(rows) row\(rows == 1 ? "" : "s") "
          + "whose cells could not be read")
    }
    lines += percentFractions.map { "  " + $0 }
    lines += quietWarnings.map { "  " + $0 }
    lines += (columnWarnings + dataWarnings).map { "  " + $0 }
    lines += textVariants.map { "  " + $0 }
    if let unmatched = unmatchedRecords?.text, !unmatched.isEmpty {
      lines.append(String(unmatched.dropLast()))
    }
    if !lookalikeKeys.isEmpty { lines.append(String(lookalikeKeys.dropLast())) }
    if !forgottenVerdicts.isEmpty { lines.append(forgottenVerdicts) }
    if !otherPolicyRun.isEmpty { lines.append(otherPolicyRun) }
    if tally.unreadableTails > 0 {
      lines.append(
        "  \(tally.unreadableTails) data file\(tally.unreadableTails == 1 ? "" : "s") could not be read to the end")
    }
    if let failOn, tally.failOnHits > 0 {
      lines.append(
        "  \(tally.failOnHits) client\(tally.failOnHits == 1 ? "" : "s") at \(failOn) or worse (--fail-on \(failOn))")
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// What the summary says of client keys on more than one row, each with how many rows have it
  /// (`more`: more keys were repeated than are named); `nil` for none. `explain` and the REPL
  /// say the same.
  package static func duplicateKeysSentence(_ keys: [(key: String, rows: Int)], more: Bool) -> String? {
    guard !keys.isEmpty else { return nil }
    let shown = keys.prefix(5).map { "\(MessageText.escaped($0.key)) (\($0.rows) rows)" }.joined(separator: ", ")
    let count = more ? "more than \(keys.count)" : "\(keys.count)"
    return "\(count) client key\(count == "1" ? " is" : "s are") on more than one row: \(shown)"
      + (keys.count > 5 ? ", …" : "")
  }

  /// Whether the summary says something is wrong with the data, beyond the counts: records
  /// that match no client or name none that can be trusted, duplicate keys, files read in part,
  /// clients the history cannot follow. `--quiet` prints it then, though no client needs action:
  /// cron mails it, where a silent run would have judged clients on data it dropped.
  package var warns: Bool {
    status != .success || unshownErrors > 0 || !duplicateKeys.isEmpty || tally.unrecorded > 0
      || populationLeftOut > 0 || tally.unreadableTails > 0 || !(unmatchedRecords?.text.isEmpty ?? true)
      || !lookalikeKeys.isEmpty || !forgottenVerdicts.isEmpty || !otherPolicyRun.isEmpty || !columnWarnings.isEmpty
      || !dataWarnings.isEmpty
      || !textVariants.isEmpty
  }

  /// The exit status the counts call for.
  package var status: RunStatus {
    if failOn != nil && tally.failOnHits > 0 { return .failOn }
    if tally.errors > 0 || tally.unreadableTails > 0 || (unmatchedRecords?.keyless ?? 0) > 0 { return .rowErrors }
    return .success
  }
}
