import ArgumentParser
import Foundation
import Verdict
import VerdictRun

/// `verdict check POLICY...`: report every error and warning in policies.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check policies for errors and warnings.",
    discussion: """
      With --data, the policy is also checked against a data file: a field without a column is \
      an error (a run would stop), cells that do not fit their field are a warning (those clients \
      would get the verdict 'error'), with the first few quoted.

      With --format json, standard output is one JSON array of every diagnostic: file, range \
      (1-based line and column of its start and its end), severity, code, message, hint and notes.

      Exit status: 0 no errors, 1 errors found (or warnings, with --strict), 2 a policy could not be read.
      """
  )

  @Argument(help: "Policy files to check.")
  var policies: [String]

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "How to report.")
  var format = TextOrJSON.text

  @Option(
    help: ArgumentHelp(
      "Also check the policy against a data file: missing columns, and cells that do not fit their fields.",
      valueName: "file"))
  var data: String?

  @OptionGroup(title: "Reading data")
  var reading: DataOptions

  func run() throws {
    var failed = false
    var unreadable = false
    var reported: [DiagnosticJSON] = []
    for path in policies {
      do throws(CommandFailure) {
        let source = try PolicyFile.read(path)
        var data = DataFindings()
        let diagnostics = try check(source, at: path, data: &data)
        if diagnostics.containsErrors || (strict && !diagnostics.isEmpty) || data.unreadable
          || (strict && !data.rows.isEmpty)
        {
          failed = true
        }
        switch format {
        case .json:
          reported += diagnostics.map { DiagnosticJSON($0, in: source) } + data.rows.map(DiagnosticJSON.init)
        case .text:
          Terminal.error(Terminal.diagnosticRenderer.render(diagnostics, in: source))
          if diagnostics.containsErrors || (strict && !diagnostics.isEmpty) {
            Terminal.error("\(path): \(PolicyFile.summary(of: diagnostics))\n")
          }
        }
      } catch {
        // A file that cannot be read is reported, and the others are still checked.
        Terminal.error(error.rendered)
        unreadable = true
      }
    }
    if format == .json { Terminal.out(DiagnosticJSON.render(reported)) }
    if unreadable { throw ExitCode(2) }
    if failed { throw ExitCode(1) }
  }

  /// The diagnostics of one file: a policy (with `--data`, against the data too), or a test file
  /// (`firing_test.verdict`), whose examples are checked against the policy beside it.
  /// `data.unreadable` is set when the data file breaks off (an unterminated quote): what a run
  /// would report as a file not read to the end, and exit 1 for.
  private func check(_ source: SourceFile, at path: String, data findings: inout DataFindings)
    throws(CommandFailure)
    -> [Diagnostic]
  {
    if path.hasSuffix("_test.verdict") {
      let policyPath = TestSuite.policyPath(of: path)
      guard FileManager.default.fileExists(atPath: policyPath) else {
        throw CommandFailure(message: "\(path) has no policy beside it: \(policyPath) does not exist", exitCode: 2)
      }
      guard let policy = Policy.compile(try PolicyFile.read(policyPath)).policy else {
        // The policy's errors are in another file; this one only says where to look.
        return [
          .error(
            "test-file-policy", "its policy, \(policyPath), has errors, so its examples cannot be checked",
            at: .at(0), hint: "see them with: verdict check \(policyPath)")
        ]
      }
      return policy.examples(in: source).diagnostics
    }
    var (policy, diagnostics) = Policy.compile(source)
    if let policy, format == .text, !policy.historyFacts.isEmpty {
      // Not a warning (a policy that reads the history is sound), but worth knowing.
      Terminal.error(
        "\(source.name): reads the run history (previous_verdict, times_flagged, …): those are missing "
          + "unless verdict run is given --history\n")
    }
    if let policy {
      for (table, path) in try tableFiles(of: policy) {
        diagnostics += try checkTable(table, file: path, data: &findings)
      }
      // Without a client file the clients are the tables' keys: one written two ways is two
      // clients, as a run's summary warns.
      if data == nil, let first = policy.tables.first, let lookalikes = try tableRecords(of: policy)?.lookalikeKeys {
        diagnostics.append(.warning(WarningCode.lookalikeKeys.rawValue, lookalikes, at: first.keyRange))
      }
    }
    if let policy, let data {
      let options = try reading.reading()
      let records = try tableRecords(of: policy)
      let given = Set(try reading.tableFiles().map(\.name))
      do throws(RunFailure) {
        // Read as a stream, twice: a file of any length takes little memory. With the tables'
        // files, their records' keys are looked up as it goes: records that match no client.
        let survey = try DataFileSurvey.read(
          data, options: options, policy: policy, examples: DataCheck.examples, meeting: records)
        let table = survey.layout
        diagnostics += DataCheck.diagnostics(for: policy, data: survey)
        // Without a key column the client file's own error (below) says where the table's file goes.
        if table.keyColumn != nil {
          diagnostics += DataCheck.uncheckedTables(of: policy, given: given, data: table)
        }
        // A client file without a key column matches no record at all: its error says so.
        if let records, let met = survey.met, let first = policy.tables.first, table.keyColumn != nil,
          let unmatched = records.unmatchedRecords(met: met, clientFile: table.name)
        {
          diagnostics.append(
            .warning(
              WarningCode.unmatchedRecords.rawValue, unmatched, at: first.keyRange,
              hint: "a run counts these records for no client: correct the keys, or give the file of their clients"))
        }
        if let first = policy.tables.first,
          let keyless = KeylessClients.problem(
            file: table.name, columns: table.columns, keyColumn: table.keyColumn, table: first)
        {
          diagnostics.append(.error("missing-column", keyless.message, at: first.keyRange, hint: keyless.hint))
        }
        if format == .text { Terminal.error(table.layoutSummary(for: policy) + "\n") }
        if format == .text, let footer = table.footer { Terminal.error(footer + "\n") }
        report(survey.rowErrors, of: table.name, records: false, into: &findings)
        report(survey.repeatedKeys, of: table.name, into: &findings)
        if let tail = table.unreadableTail {
          Terminal.error(tail + "\n")
          findings.unreadable = true
        }
      } catch {
        throw CommandFailure(error)
      }
    }
    return diagnostics
  }

  /// The records of `policy`'s tables when `--table` gives a file for each, read as a run reads
  /// them; `nil` without, or when one cannot be read (its survey says why).
  private func tableRecords(of policy: Policy) throws(CommandFailure) -> TableRecords? {
    let files = try reading.tableFiles()
    guard !policy.tables.isEmpty, files.count == policy.tables.count else { return nil }
    return try? TableRecords.read(
      for: policy, files: files, options: try reading.reading(), today: CalendarDate.today(),
      renderer: DiagnosticRenderer())
  }

  /// The tables `--table` gives files for, refusing a name the policy has no table of.
  private func tableFiles(of policy: Policy) throws(CommandFailure) -> [(RecordTable, String)] {
    try reading.tableFiles().map { (file) throws(CommandFailure) -> (RecordTable, String) in
      guard let table = policy.tables.first(where: { $0.name == file.name }) else {
        let names = policy.tables.map(\.name)
        let hint =
          Suggestion.closest(to: file.name, among: names).map { "did you mean '\($0)'?" }
          ?? (names.isEmpty ? "the policy declares no table" : "its tables are \(names.joined(separator: ", "))")
        throw CommandFailure(
          message: "--table \(file.name)=…: the policy has no table '\(file.name)' (\(hint))", exitCode: 2)
      }
      return (table, file.path)
    }
  }

  /// What a run would trip on in a table's file: its key column, and its fields' columns and
  /// cells, as for a client file.
  private func checkTable(_ table: RecordTable, file path: String, data findings: inout DataFindings)
    throws(CommandFailure)
    -> [Diagnostic]
  {
    var options = try reading.reading()
    options.keyColumn = nil
    do throws(RunFailure) {
      let survey = try DataFileSurvey.read(
        path, options: options, policy: table.policy, examples: DataCheck.examples, recordKey: table.keyColumn)
      let layout = survey.layout
      var diagnostics = DataCheck.diagnostics(for: table.policy, data: survey)
      if layout.column(named: table.keyColumn) == nil {
        diagnostics.append(
          .error(
            "missing-column", "\(layout.name) has no column '\(table.keyColumn)' to key table '\(table.name)' by",
            at: table.keyRange, hint: layout.hint(forMissingColumn: table.keyColumn)))
      }
      if format == .text { Terminal.error(layout.layoutSummary(for: table.policy) + "\n") }
      if format == .text, let footer = layout.footer { Terminal.error(footer + "\n") }
      report(survey.rowErrors, of: layout.name, records: true, into: &findings)
      if let tail = layout.unreadableTail {
        Terminal.error(tail + "\n")
        findings.unreadable = true
      }
      return diagnostics
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The rows of a data file a run reports as errors (`records`: a table's file, whose such
  /// records a run counts for no client): written after the file's summary for people, kept for
  /// the JSON array.
  private func report(_ errors: RowErrors, of file: String, records: Bool, into findings: inout DataFindings) {
    guard let finding = DataCheck.rowFinding(errors, file: file, records: records) else { return }
    switch format {
    case .text:
      Terminal.error(
        Terminal.diagnosticRenderer.render(.warning, finding.message, file: finding.file, line: finding.line))
    case .json: break
    }
    findings.rows.append(finding)
  }

  /// The client keys on more than one row of a client file, as a run's summary warns of them: at
  /// the first row that repeats one.
  private func report(_ repeated: RepeatedKeys, of file: String, into findings: inout DataFindings) {
    guard let sentence = repeated.sentence, let line = repeated.firstLine else { return }
    let finding = DataLineFinding(file: file, line: line, code: .duplicateKeys, message: sentence)
    if format == .text {
      Terminal.error(Terminal.diagnosticRenderer.render(.warning, finding.message, file: file, line: line))
    }
    findings.rows.append(finding)
  }
}
