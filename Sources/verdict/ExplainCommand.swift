import ArgumentParser
import Foundation
import Verdict
import VerdictData
import VerdictREPL
import VerdictRun

/// `verdict explain POLICY [DATA] (--client NAME... | --all)`: why clients get their verdicts.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain why clients get their verdicts: every rule, the values behind it, the winner.",
    discussion: """
      For each client: the verdict, the rule that gave it and why it won (strategy, severity, \
      order), the clauses, then every rule with the facts behind its outcome: the comparisons \
      that held for a rule that matched (payment_delay 42d > 30d (by 12d)), the nearest miss for \
      one that did not (revisions 5, needs > 5), the missing values for one that could not be \
      evaluated. --tree shows each rule's whole condition with the value of every part.

      Clients come from DATA (CSV, JSON or JSON Lines, read whole: for large files use \
      verdict run --explain), chosen by name or id with --client (a unique prefix will do) or \
      all of them with --all; --set gives values by hand, on top of the chosen client or alone.

      Exit status: 0 explained, 1 a client's data could not be read or its evaluation failed, \
      2 the policy, the command line or a client's name is wrong.
      """
  )

  @Argument(help: "The policy file.")
  var policy: String

  @Argument(help: "The data file the clients are in.")
  var data: String?

  @Option(name: .customLong("client"), help: ArgumentHelp("A client to explain, by name or id.", valueName: "name"))
  var clients: [String] = []

  @Flag(help: "Explain every client in the data file.")
  var all = false

  @Option(name: .customLong("set"), help: ArgumentHelp("A field's value, by hand.", valueName: "field=value"))
  var assignments: [String] = []

  @Flag(help: "Show every rule's whole condition with the value of each part.")
  var tree = false

  @Option(name: [.customShort("f"), .long], help: ArgumentHelp("How to report.", valueName: "format"))
  var format = TextOrJSON.text

  @OptionGroup(title: "Reading data")
  var reading: DataOptions

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  @OptionGroup(title: "Run history")
  var history: HistoryOptions

  func validate() throws {
    let hasClients = data != nil || !reading.tables.isEmpty
    if !hasClients, all || !clients.isEmpty {
      throw ValidationError("--client and --all choose clients from a data file; give one after the policy")
    }
    if all, !clients.isEmpty { throw ValidationError("--all and --client cannot be used together") }
    if hasClients, !all, clients.isEmpty {
      throw ValidationError("say which clients to explain: --client NAME or --all")
    }
  }

  func run() throws {
    let policy = try PolicyFile.compile(policy)
    let overrides = try SetOption.cells(assignments, for: policy)
    var context = EvaluationContext()
    if let today { context.today = try TodayOption.parse(today) }
    var book = ClientBook()
    var unreadableTail: String?
    // As a run's summary says it: any client's figures may lack these records.
    var uncountedRecords: String?
    if let data {
      let table = try table(data, for: policy)
      unreadableTail = table.unreadableTail
      book.load(table)
    }
    if !policy.tables.isEmpty {
      let (files, options) = (try reading.tableFiles(), try reading.reading())
      let records: TableRecords
      do throws(RunFailure) {
        records = try TableRecords.read(
          for: policy, files: files, options: options, today: context.today, renderer: Terminal.diagnosticRenderer)
      } catch {
        throw CommandFailure(error)
      }
      if data == nil { book.load(records) } else { book.attach(records) }
      uncountedRecords = records.uncountedRecords
    }
    if data != nil || !policy.tables.isEmpty { context.population = book.population(for: policy) }
    // As a run's summary warns, without changing the exit status: keys on more than one row (of
    // which `--client` explains the first), percent fields written as fractions, records charged
    // to no client (a key misspelt in one file), keys written two ways.
    let warnings = book.warnings(for: policy)
    var pastRuns: HistoryReader?
    if !policy.historyFacts.isEmpty, let path = try history.path(environment: ProcessInfo.processInfo.environment) {
      do throws(RunFailure) { pastRuns = try HistoryReader(path: path, today: context.today) } catch {
        throw CommandFailure(error)
      }
    }
    let targets: [Int?] = all ? book.entries.indices.map { $0 } : try chosen(in: book, for: policy)
    var reports = ExplainReports(policy: policy, json: format == .json, tree: tree)
    for index in targets {
      let name = index.map { book.entries[$0].reportName }
      if let index, let problem = book.problem(at: index, for: policy) {
        reports.fail(name, "cannot be evaluated: \(problem)")
        continue
      }
      do throws(CellProblem) {
        var client = try book.client(at: index, for: policy, overrides: overrides, onlyFieldsRead: true)
        pastRuns?.fill(&client, key: index.map { book.entries[$0].key } ?? "", policy: policy)
        var whatIf = context
        whatIf.population = book.population(context.population, for: policy, whatIf: overrides, at: index)
        reports.add(policy.explain(client, in: whatIf), client: name)
      } catch {
        reports.fail(name, error.message)
      }
    }
    reports.finish()
    // As `verdict run`: the clients before the break are explained, and the break is reported.
    if let unreadableTail { Terminal.error(unreadableTail + "\n") }
    for warning in warnings { Terminal.error(warning + "\n") }
    if let uncountedRecords { Terminal.error("warning: \(uncountedRecords)\n") }
    if reports.failed || unreadableTail != nil || uncountedRecords != nil {
      throw CommandFailure(message: "", exitCode: 1)
    }
  }

  /// The data file, checked against the policy as `verdict run` checks it (exit 2 when a field
  /// it reads has no column); a file that breaks off keeps the clients before the break.
  private func table(_ path: String, for policy: Policy) throws(CommandFailure) -> ClientTable {
    let options = try reading.reading()
    do throws(RunFailure) {
      let table = try ClientTable.read(path, options: options).deciding(for: policy)
      try table.check(against: policy, renderer: Terminal.diagnosticRenderer)
      if let keyless = KeylessClients.failure(
        file: table.name, columns: table.columns, keyColumn: table.keyColumn, table: policy.tables.first)
      {
        throw keyless
      }
      return table
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The clients named by `--client`, in the order given; `[nil]` (the client built by `--set`)
  /// when there is no data file.
  private func chosen(in book: ClientBook, for policy: Policy) throws(CommandFailure) -> [Int?] {
    guard data != nil || !reading.tables.isEmpty else { return [nil] }
    var indices: [Int?] = []
    for name in clients {
      switch book.find(name) {
      case .success(let index): indices.append(index)
      case .failure(.ambiguous(let names)):
        let listed = names.prefix(8).map(MessageText.escaped).joined(separator: ", ") + (names.count > 8 ? ", …" : "")
        throw CommandFailure(message: "--client '\(MessageText.escaped(name))' could be \(listed)", exitCode: 2)
      case .failure(.unknown(let suggestion)):
        let hint = suggestion.map { " (did you mean '\(MessageText.escaped($0))'?)" } ?? ""
        throw CommandFailure(
          message: "no client is called '\(MessageText.escaped(name))'\(hint)\(unnamedRows(in: book, for: policy))",
          exitCode: 2)
      }
    }
    return indices
  }

  /// For a client not found: the rows that cannot be read and name no client (a ragged row
  /// whose key column is not the first, a malformed JSON record), one of which may be the
  /// client's, so that the hint of a similar name is not taken for the whole story.
  private func unnamedRows(in book: ClientBook, for policy: Policy) -> String {
    let unnamed = book.entries.indices.filter {
      book.entries[$0].key.isEmpty && book.problem(at: $0, for: policy) != nil
    }
    guard let first = unnamed.first else { return "" }
    let rows =
      unnamed.count == 1
      ? "a row that cannot be read names no client" : "\(unnamed.count) rows that cannot be read name no client"
    return
      "; \(rows) and may be theirs: \(MessageText.escaped(book.entries[first].reportName))\(unnamed.count > 1 ? ", …" : "")"
  }
}
