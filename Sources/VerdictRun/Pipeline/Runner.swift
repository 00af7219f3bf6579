import Foundation
import Verdict
import VerdictData

/// How a run ended.
package struct RunResult: Sendable {
  /// The exit status.
  package var status: RunStatus
  /// The counts (empty when the run stopped before evaluating).
  package var tally: Tally
}

/// `verdict run`: evaluates a policy over every client of one or more data files and writes a
/// report, row errors and a summary.
///
/// Data files are checked against the policy first (every field needs a column), then read by
/// one thread that converts batches of rows, evaluated by one thread per processor and written in
/// order by the calling thread. Memory stays bounded by the batches in flight, not by the files.
package final class Runner {
  private let policy: Policy
  private let configuration: RunConfiguration
  private let renderer: DiagnosticRenderer
  private let standardError: @Sendable (String) -> Void
  private let binder: ColumnBinder

  /// Prepares a run; `standardError` receives row errors, the summary and failures.
  package init(
    policy: Policy, configuration: RunConfiguration, diagnosticRenderer: DiagnosticRenderer = DiagnosticRenderer(),
    standardError: @escaping @Sendable (String) -> Void
  ) {
    self.policy = policy
    self.configuration = configuration
    self.renderer = diagnosticRenderer
    self.standardError = standardError
    binder = ColumnBinder(policy: policy, keyColumn: configuration.reading.keyColumn, renderer: diagnosticRenderer)
  }

  /// Runs, writing the report to standard output or the configured file.
  package func run() -> RunResult {
    do throws(RunFailure) {
      return try runChecked()
    } catch {
      standardError(error.message + "\n")
      return RunResult(status: .usage, tally: Tally(verdictCount: policy.verdicts.count))
    }
  }

  private func runChecked() throws(RunFailure) -> RunResult {
    let options = try RunOptions(policy: policy, configuration: configuration)
    // Spools of standard input that killed runs left behind; those beside the report go when
    // the report's temporary file is made.
    StaleTemporaryFiles.remove(in: StaleTemporaryFiles.temporaryFolder)
    let reading = configuration.reading
    var context = EvaluationContext(today: configuration.today)
    // Record tables: every table's columns are checked with the client files', before anything
    // is read.
    let tablePass = TablePass(
      policy: policy, files: configuration.tables, reading: reading, renderer: renderer, context: context)
    let tables = try tablePass.prepare(learnsNotation: configuration.format == .html)
    if configuration.inputs.isEmpty { try refuseClientFields() }
    // Check every data file's columns, and decide how each column writes its numbers, before
    // anything is evaluated; the second opening of a file reuses what was decided.
    var standardInput: (any RecordSource)?
    var bindings: [String: ColumnBinding] = [:]
    var failures: [RunFailure] = []
    // Files read as Windows-1252 that look written in another code page (``CodePageLook``): the
    // tables' files, then the client files.
    var encodingWarnings = tables.compactMap { prepared in
      (prepared.source as? CSVRecordSource)?.codePageLook.map { "warning: " + $0.warning(file: prepared.source.name) }
    }
    for path in configuration.inputs {
      do throws(RunFailure) {
        let source = try SourceOpener.open(path, options: reading)
        if let look = (source as? CSVRecordSource)?.codePageLook {
          encodingWarnings.append("warning: " + look.warning(file: source.name))
        }
        try SourceOpener.prepare(
          source, path: path, binder: binder, options: reading, learnsNotation: configuration.format == .html)
        if let binding = source.binding,
          let keyless = KeylessClients.failure(
            file: source.name, columns: binding.columns, keyColumn: binding.keyColumn, table: tables.first?.table)
        {
          throw keyless
        }
        bindings[path] = source.binding
        if path == "-" { standardInput = source }
      } catch {
        failures.append(error)
      }
    }
    guard failures.isEmpty else { throw RunFailure(gathering: failures) }
    let prepared = bindings
    let open = { (path: String) throws(RunFailure) -> any RecordSource in
      let source = try SourceOpener.open(path, options: reading)
      source.binding = prepared[path]
      return source
    }

    let sink: OutputSink
    if let path = configuration.outputPath {
      try OutputClash.refuse(
        output: path, inputs: configuration.inputs + configuration.tables.map(\.path), policy: policy.source.name,
        history: configuration.historyPath)
      do throws(OutputError) { sink = try OutputSink(atomicPath: path) } catch {
        throw RunFailure(.output, error.message)
      }
    } else {
      sink = OutputSink()
    }
    TemporaryFiles.installSignalHandlers()

    // The history is read, and its write lock taken, only once everything else is known to fit.
    var history: RunHistory?
    if let path = configuration.historyPath {
      do throws(RunFailure) { history = try RunHistory(path: path, policy: policy, configuration: configuration) } catch
      {
        sink.discard()
        throw error
      }
      // The history may have been made just now, under a name the output matches only on a
      // file system that ignores case (History.sqlite, history.sqlite): compared as files again.
      if let output = configuration.outputPath, OutputClash.isSameFile(output, as: path) {
        sink.discard()
        history?.abandon()
        throw RunFailure(
          .output,
          "cannot write the report to '\(output)': it is the run history '\(path)', which the report would replace; "
            + "choose another output file")
      }
    }
    var store: AggregateStore?
    if !tables.isEmpty {
      do throws(RunFailure) { store = try tablePass.run(tables) } catch {
        sink.discard()
        history?.abandon()
        throw error
      }
    }
    var inputs = configuration.inputs.map { path -> BatchReader.Input in
      path == "-" ? .opened(standardInput!, tail: nil) : .path(path)
    }
    var sources = sourceNames()
    if configuration.inputs.isEmpty, let store {
      store.clientsAreKeys = true
      // The clients are the keys the tables name, each from the table it first appears in.
      for (index, table) in tables.enumerated() {
        let clients = TableClientSource(store: store, table: index, name: table.source.name, fields: policy.fields)
        inputs.append(.opened(clients, tail: nil))
        sources.append(table.source.name)
      }
    }
    var populationLeftOut = 0
    if !policy.populationNeeds.isEmpty {
      let pass = PopulationPass(policy: policy, binder: binder, store: store)
      let result: PopulationPass.Result
      do throws(RunFailure) {
        result = try pass.run(inputs: inputs, open: open, standardInput: standardInput)
      } catch {
        sink.discard()
        history?.abandon()
        throw error
      }
      context.population = result.population
      populationLeftOut = result.leftOut
      if let spool = result.standardInput, let index = configuration.inputs.firstIndex(of: "-") {
        inputs[index] = .opened(spool, tail: result.standardInputTail)
      }
    }
    // The HTML report writes money and dates as the first data file that shows them does: the
    // client files, then the tables' files, each in the order of the command line.
    let tableNotations = configuration.tables.compactMap { file in
      tables.first { $0.table.name == file.name }?.source.binding?.notation
    }
    let notation = DataNotation.first(of: configuration.inputs.compactMap { prepared[$0]?.notation } + tableNotations)
    // What the headers say of the columns' units against what the fields read.
    var read: [(columns: [String], policy: Policy, file: String)] = configuration.inputs.compactMap { path in
      prepared[path].map { ($0.columns, policy, path) }
    }
    read += tables.compactMap { table in
      table.source.binding.map { ($0.columns, table.table.policy, table.source.name) }
    }
    // Clients named by their lines; a history says so itself (it records none of them).
    let lineNamed = configuration.inputs.compactMap { path in
      history == nil
        ? prepared[path].flatMap {
          LineNamedClients.warning(columns: $0.columns, keyColumn: $0.keyColumn, file: path == "-" ? "<stdin>" : path)
        }
        : nil
    }
    let columnWarnings =
      encodingWarnings
      + read.flatMap { columns, policy, file in
        UnreadColumns.warnings(columns: columns, policy: policy, file: file)
          + HeaderUnits.warnings(columns: columns, policy: policy, file: file)
      }
    return try Pipeline(
      policy: policy, options: options, context: context, binder: binder, store: store, history: history,
      notation: notation, populationLeftOut: populationLeftOut, columnWarnings: columnWarnings,
      quietWarnings: lineNamed, open: open
    )
    .run(inputs: inputs, sources: sources, sink: sink, renderer: renderer, standardError: standardError)
  }

  /// Without a client file the clients are the tables' keys, which have no fields of their own.
  private func refuseClientFields() throws(RunFailure) {
    guard !policy.tables.isEmpty else {
      throw RunFailure(.usage, "no data file: give a client file, or the files of the policy's tables with --table")
    }
    let used = policy.fields.filter(\.isUsed).map { "'\($0.name)'" }
    guard used.isEmpty else {
      throw RunFailure(
        .usage,
        "the policy reads the client field\(used.count == 1 ? "" : "s") \(used.joined(separator: ", ")), "
          + "which only a client file has (hint: give the client file after the policy, keyed like the tables)")
    }
  }

  private func sourceNames() -> [String] {
    configuration.inputs.map { $0 == "-" ? "<stdin>" : $0 }
  }
}

extension OutputError {
  /// The message, without the `verdict:` prefix.
  package var message: String {
    switch self {
    case .brokenPipe: "the reader of the report went away"
    case .failed(let message): message
    }
  }
}
