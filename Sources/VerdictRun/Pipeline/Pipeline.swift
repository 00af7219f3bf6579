import Foundation
import Verdict

/// Runs the three stages on their threads: one reads and converts batches, `jobs` evaluate and
/// render them, and the calling thread writes them in order. Batches come from a fixed pool, so
/// memory is bounded whatever the size of the data.
final class Pipeline: @unchecked Sendable {
  private let policy: Policy
  private let options: RunOptions
  private let context: EvaluationContext
  private let binder: ColumnBinder
  private let open: (String) throws(RunFailure) -> any RecordSource
  /// The clients' aggregates, when the policy reads record tables.
  private let store: AggregateStore?
  /// How many clients the population pass left out (``PopulationPass/Result/leftOut``).
  private let populationLeftOut: Int
  /// The run history, when the run has one.
  private let history: RunHistory?
  /// How the data writes money and dates, for the HTML report.
  private let notation: DataNotation
  /// The summary's warnings of files' columns that the policy misreads by their headers
  /// (``CurrencyColumn``, ``DebitCreditColumn``, ``HeaderUnits``).
  private let columnWarnings: [String]
  /// The summary's warnings that do not make `--quiet` print it (``LineNamedClients``).
  private let quietWarnings: [String]

  init(
    policy: Policy, options: RunOptions, context: EvaluationContext, binder: ColumnBinder,
    store: AggregateStore? = nil, history: RunHistory? = nil, notation: DataNotation = .plain,
    populationLeftOut: Int = 0, columnWarnings: [String] = [], quietWarnings: [String] = [],
    open: @escaping (String) throws(RunFailure) -> any RecordSource
  ) {
    self.notation = notation
    self.columnWarnings = columnWarnings
    self.quietWarnings = quietWarnings
    self.populationLeftOut = populationLeftOut
    self.store = store
    self.history = history
    self.policy = policy
    self.options = options
    self.context = context
    self.binder = binder
    self.open = open
  }

  func run(
    inputs: [BatchReader.Input], sources: [String], sink: OutputSink, renderer: DiagnosticRenderer,
    standardError: @escaping @Sendable (String) -> Void
  ) throws(RunFailure) -> RunResult {
    let configuration = options.configuration
    let vocabulary = ReportVocabulary(
      policy: policy, sources: sources, explains: configuration.explain, hasHistory: history != nil,
      today: configuration.today, chartField: options.chart?.name,
      histogramField: options.histogram?.name, notation: notation)
    let format = configuration.format
    let usesColor = configuration.usesColor && format == .table
    let toTerminal = sink.isTerminal
    let report = SharedBox<any ReportRenderer>(
      JSONReportRenderer.make(
        format, vocabulary: vocabulary, clientWidth: 0, usesColor: usesColor, toTerminal: toTerminal))
    let jobs = options.jobs
    let free = Channel<Batch>()
    for _ in 0..<(2 * jobs + 2) {
      free.send(
        Batch(slotCount: policy.fields.count, capacity: configuration.batchSize, verdictCount: policy.verdicts.count))
    }
    let work = Channel<Batch>()
    let done = Channel<Batch>()
    let fatal = SharedBox<RunFailure?>(nil)
    let running = SharedBox(jobs)

    // A JSON Lines file is read on as many threads as evaluate; but for the table, whose
    // column width the first rows decide before any is rendered.
    let reader = UncheckedBox(
      BatchReader(policy: policy, binder: binder, lineThreads: format == .table ? 1 : jobs, open: open))
    let readerInputs = UncheckedBox(inputs)
    Thread.detachNewThread {
      do throws(RunFailure) {
        try reader.value.run(readerInputs.value, free: free, send: { work.send($0) }) { batch, name in
          guard format == .table else { return }
          let width = TableRenderer.clientWidth(of: batch, sourceName: name)
          report.value = JSONReportRenderer.make(
            format, vocabulary: vocabulary, clientWidth: width, usesColor: usesColor)
        }
      } catch {
        fatal.value = error
      }
      work.close()
    }
    var evaluators: [UncheckedBox<BatchEvaluator>] = []
    for _ in 0..<jobs {
      let evaluator = UncheckedBox(
        BatchEvaluator(
          policy: policy, context: context, filter: options.filter, failOn: options.failOn,
          explanationEscaping: configuration.explain ? report.value.explanationEscaping : nil, store: store,
          history: history, changedOnly: configuration.changedOnly,
          page: format == .html
            ? PageFacts(measureSlot: options.chart?.slot, histogramSlot: options.histogram?.slot) : nil))
      evaluators.append(evaluator)
      Thread.detachNewThread {
        while let batch = work.receive() {
          evaluator.value.process(batch, renderer: report.value)
          done.send(batch)
        }
        let left = running.decrement()
        if left == 0 { done.close() }
      }
    }

    let writer = ReportWriter(
      sink: sink, sources: sources, policy: policy, renderer: renderer,
      maxErrorMessages: configuration.maxErrorMessages, standardError: standardError)
    writer.pageClientLimit = configuration.maxHTMLClients
    writer.history = history
    if format == .html {
      writer.actionFacts = ActionFacts(policy: policy, context: context, notation: notation)
      writer.departures = history.map { Departures($0.past) }
    }
    var next = 0
    var pending: [Int: Batch] = [:]
    while let batch = done.receive() {
      pending[batch.sequence] = batch
      while let ready = pending.removeValue(forKey: next) {
        writer.write(ready, report: report.value)
        next += 1
        if writer.isWriting { free.send(ready) } else { free.close() }
      }
    }
    free.close()
    if let failure = fatal.value ?? writer.historyFailure {
      sink.discard()
      history?.abandon()
      throw failure
    }
    // A table's records that name no client that can be trusted may be any client's: as for a
    // row error without a key, nobody is then recorded as having left.
    if let store { writer.countRecordsWithoutKey(store.keyless.count) }
    // A file named by -o always gets a whole report, empty or not: --quiet keeps standard output
    // silent for cron, but a report file of 0 bytes replaced the last one and is not JSON.
    // `-o /dev/stdout` or `/dev/stderr` is one of the process's streams (`-o -` is no path).
    let toStream = configuration.outputPath.map { OutputTarget.processDescriptor(named: $0) != nil } ?? true
    writer.finish(report: report.value, quiet: configuration.quiet && toStream)
    if writer.pipeClosed {
      // The reader of the report went away: what it did not read was not reported, so the
      // run is not recorded as if it had been. Asked after the end of the report, which is all
      // of an HTML page.
      history?.abandon()
      return RunResult(status: .brokenPipe, tally: writer.tally)
    }
    if let failure = writer.failure {
      sink.discard()
      history?.abandon()
      throw RunFailure(.output, failure.message)
    }
    do throws(OutputError) { try sink.commit() } catch {
      history?.abandon()
      throw RunFailure(.output, error.message)
    }
    let emptyData = history?.emptyDataWarning(writer.tally)
    let rewrittenKeys = history?.rewrittenKeysWarning(writer.tally)
    try history?.commit(writer.tally)
    var summary = RunSummary(
      tally: writer.tally, verdicts: policy.verdicts, failOn: configuration.failOn, unshownErrors: writer.unshownErrors,
      duplicateKeys: writer.duplicateKeys.repeated)
    summary.duplicateKeysIncomplete = writer.duplicateKeys.isIncomplete
    summary.populationLeftOut = populationLeftOut
    summary.moreDuplicateKeys = writer.duplicateKeys.hasUnnamedRepeats
    summary.forgottenVerdicts = history?.forgottenVerdicts?.warning ?? ""
    summary.otherPolicyRun = history?.otherPolicyRun?.warning ?? ""
    summary.columnWarnings = columnWarnings
    summary.dataWarnings = [emptyData, rewrittenKeys].compactMap { $0 } + (store?.emptyTables ?? [])
    // A file read as the client file and as a table's says its footer once.
    let remarks = writer.remarks + (store?.remarks ?? [])
    let firstRemarks = remarks.enumerated().filter { !remarks[..<$0.offset].contains($0.element) }.map(\.element)
    summary.quietWarnings = quietWarnings + firstRemarks
    summary.textVariants =
      (TextVariants.merged(evaluators.map(\.value.textVariants))?.warnings(fields: policy.fields, sources: sources)
        ?? [])
      + (store?.textVariants ?? [])
    summary.percentFractions =
      PercentScale.merged(evaluators.map(\.value.percentScale))?.warnings(fields: policy.fields, sources: sources) ?? []
    if let store {
      let tables = TableFile.paths(configuration.tables, byTableOf: policy)
      summary.unmatchedRecords = UnmatchedRecords(
        store: store, met: evaluators.map(\.value.met), tables: tables, clientFiles: sources,
        unmetKeys: BatchEvaluator.firstUnmetKeys(evaluators.map(\.value)))
      // Without a client file every key is a client: one written two ways is two clients.
      if store.clientsAreKeys {
        summary.lookalikeKeys = LookalikeKeys(store.keys).text(keys: store.keys) {
          store.firstPlace(of: Int($0), in: tables)
        }
      }
    }
    if !configuration.quiet || writer.tally.printed > 0 || summary.warns {
      standardError(summary.text)
    }
    return RunResult(status: summary.status, tally: writer.tally)
  }
}

/// Hands a value that is used by one thread at a time to another thread.
final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

extension SharedBox where Value == Int {
  /// Subtracts one and returns the new value.
  func decrement() -> Int {
    var result = 0
    update {
      $0 -= 1; result = $0
    }
    return result
  }
}
