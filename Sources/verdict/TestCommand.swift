import ArgumentParser
import Foundation
import Verdict
import VerdictREPL
import VerdictRun

/// `verdict test PATH...`: run the `example` statements of policies and their `_test.verdict` files.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the examples written for policies and report those that fail.",
    discussion: """
      An example is a client and the outcome the policy should give it:

        example "late and picky" { payment_delay: 45d, revisions: 7 } expect fire notice 30d

      Examples live in the policy itself or in NAME_test.verdict beside NAME.verdict. A PATH is \
      a policy, a test file (its policy is found beside it) or a folder, searched for both \
      (except in hidden folders such as .git; a policy with neither a test file nor an example \
      is skipped). \
      Fields an example does not give are missing; clauses the expectation does not name are not \
      checked. Each failing example is printed with what was expected, what the policy gave and \
      the explanation; then a summary line: N passed, N failed.

      share, rank and percentile measure an example's client as one more client of the data \
      file that a `data "FILE"` line in the example's own file names (relative to that file); \
      --data names one for every example instead. A policy that uses them is first checked \
      against the data, as verdict check --data does: a missing column is an error, cells that \
      do not fit are a warning.

      Exit status: 0 every example passed, 1 some failed (or there were none), 2 a policy or a \
      test file has errors (or its data cannot be read, or lacks a column a policy needs).
      """
  )

  @Argument(help: "Policies, test files or folders.")
  var paths: [String]

  @Flag(help: "Report, for each rule, how many examples made it match and how many made it win.")
  var coverage = false

  @Option(
    help: ArgumentHelp(
      "Measure share, rank and percentile in every example against the clients of this data file.", valueName: "file"))
  var data: String?

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  @OptionGroup(title: "Reading data")
  var reading: DataOptions

  func run() throws {
    var context = EvaluationContext()
    if let today { context.today = try TodayOption.parse(today) }
    let suites = try TestSuite.find(paths)
    var data = TestData(reading: reading)
    if let path = self.data { try data.readGiven(path) }
    let tableFiles = try reading.tableFiles()
    var report = TestReport(showsCoverage: coverage)
    var tablesUsed: Set<String> = []
    for suite in suites {
      guard let (policy, examples) = suite.load() else {
        report.brokenFiles += 1
        continue
      }
      var records: TableRecords?
      if !tableFiles.isEmpty, !policy.tables.isEmpty {
        guard let read = try self.records(for: policy, from: tableFiles, context: context) else {
          report.brokenFiles += 1
          continue
        }
        records = read
        tablesUsed.formUnion(policy.tables.map(\.name))
      }
      // Each data set's population is built (and sorted) once for the policy, and shared by
      // its examples: each is measured as one more client.
      var populations: [String: Population] = [:]
      var fitsData = true
      var measured: Set<String> = []
      for example in examples {
        guard let path = data.path(for: example), !measured.contains(path) else { continue }
        measured.insert(path)
        switch try data.clients(at: path, namedBy: example.source.name) {
        case .clients(let table, var clients):
          guard fits(policy, table) else {
            fitsData = false
            continue
          }
          // Measured without their records, every client had the aggregates of none: share()
          // of a sum was 100% for each example. As `verdict run`, the tables need their files.
          let measuresAggregates = policy.populationNeeds.contains { $0.field >= policy.fields.count }
          if records == nil, measuresAggregates {
            let names = policy.tables.map { "--table \($0.name)=FILE" }.joined(separator: " ")
            Terminal.error(
              "\(policy.source.name): its examples are measured against \(path), whose clients' records "
                + "are in the policy's tables: give them with \(names)\n")
            fitsData = false
            continue
          }
          if let records {
            if let keyless = KeylessClients.problem(
              file: table.name, columns: table.columns, keyColumn: table.keyColumn, table: policy.tables.first)
            {
              Terminal.error(RunFailure(.data, keyless.message, hint: keyless.hint).message + "\n")
              fitsData = false
              continue
            }
            clients.attach(records)
          }
          populations[path] = clients.population(for: policy)
        case .unreadable, nil:
          fitsData = false
        }
      }
      guard fitsData else {
        report.brokenFiles += 1
        continue
      }
      // Without a data file, the policy's tables alone give the clients.
      let tablePopulation = records.flatMap { records in
        var clients = ClientBook()
        clients.load(records)
        return clients.population(for: policy)
      }
      let results = examples.map { example in
        let population = data.path(for: example).map { populations[$0] } ?? tablePopulation
        return policy.run(example, in: context, population: population)
      }
      report.add(results, of: policy)
    }
    report.finish()
    for file in tableFiles where !tablesUsed.contains(file.name) && report.brokenFiles == 0 {
      throw CommandFailure(
        message: "--table \(file.name)=…: no policy tested has a table '\(file.name)'", exitCode: 2)
    }
    if report.brokenFiles > 0 { throw CommandFailure(message: "", exitCode: 2) }
    if report.failed > 0 || report.passed == 0 { throw CommandFailure(message: "", exitCode: 1) }
  }

  /// The records of `policy`'s tables, from the `--table` files that name them, for measuring
  /// its population functions; `nil` (with the reason printed) when a table has no file or a
  /// file cannot be read.
  private func records(for policy: Policy, from files: [TableFile], context: EvaluationContext)
    throws(CommandFailure) -> TableRecords?
  {
    let mine = files.filter { file in policy.tables.contains { $0.name == file.name } }
    let options = try reading.reading()
    do throws(RunFailure) {
      return try TableRecords.read(
        for: policy, files: mine, options: options, today: context.today,
        renderer: Terminal.diagnosticRenderer)
    } catch {
      Terminal.error("\(policy.source.name): \(error.message)\n")
      return nil
    }
  }

  /// Whether the clients of `table` can be measured for `policy`'s population functions, as
  /// `verdict check --data` finds: a missing column is an error (the population would leave out
  /// every client), printed, and makes the policy broken; cells that do not fit are warnings
  /// (those clients are left out), printed. A policy that measures nothing does not use the data.
  private func fits(_ policy: Policy, _ table: ClientTable) -> Bool {
    guard !policy.populationNeeds.isEmpty else { return true }
    let diagnostics = DataCheck.diagnostics(for: policy, data: table)
    Terminal.error(Terminal.diagnosticRenderer.render(diagnostics, in: policy.source))
    return !diagnostics.containsErrors
  }
}
