import Verdict

/// The writing side of the pipeline: takes evaluated batches in order, writes their report rows,
/// reports their row errors on standard error and adds up the summary.
final class ReportWriter {
  private let sink: OutputSink
  private let sources: [String]
  private let policy: Policy
  private let renderer: DiagnosticRenderer
  private let standardError: (String) -> Void
  private let maxErrorMessages: Int
  private let scratch = ByteBuffer(capacity: 4096)
  private var prefixWritten = false
  /// A page renderer's rows, collected until the end (``PageRenderer``).
  private var collected: [UInt8] = []
  /// The kinds of hint shown for each field's bad cells (``FieldHint/kind``): each kind once, and
  /// at most three a field, so that a later cell wrong in another way (an impossible day after a
  /// date in another format, `.5` after `(1,234.00)`) still says how to fix it, without a hint on
  /// every line of a column that is wrong throughout.
  private var hintsShown: [String: Set<String>] = [:]
  private var shownDiagnostics: Set<SourceRange> = []
  private var errorMessages = 0
  /// The counts so far.
  private(set) var tally: Tally
  /// Keys that more than one row has.
  let duplicateKeys = DuplicateKeys()
  /// Row errors not written one by one (past the limit).
  private(set) var unshownErrors = 0
  /// The sources' notes for the summary that are no failure (``Batch/remarks``), in file order.
  private(set) var remarks: [String] = []
  /// Set when the reader of standard output went away.
  private(set) var pipeClosed = false
  /// Set when the report could not be written.
  private(set) var failure: OutputError?
  /// The most clients a page report (``PageRenderer``) may show; the run fails past it.
  var pageClientLimit = HTMLReportRenderer.maxClients
  /// For a page report: the clients who need action, to explain at the end.
  var actionFacts: ActionFacts?
  /// The run history this run is recorded in, if any.
  var history: RunHistory?
  /// For a page report with a history: the clients of the previous run not met yet.
  var departures: Departures?
  /// Why recording the run failed, if it did; the run then fails.
  private(set) var historyFailure: RunFailure?

  init(
    sink: OutputSink, sources: [String], policy: Policy, renderer: DiagnosticRenderer, maxErrorMessages: Int,
    standardError: @escaping (String) -> Void
  ) {
    self.sink = sink
    self.sources = sources
    self.policy = policy
    self.renderer = renderer
    self.maxErrorMessages = maxErrorMessages
    self.standardError = standardError
    tally = Tally(verdictCount: policy.verdicts.count)
  }

  /// Whether writing should go on.
  var isWriting: Bool { !pipeClosed && failure == nil }

  /// Writes one batch (in sequence order).
  func write(_ batch: Batch, report: any ReportRenderer) {
    tally.add(batch.tally)
    if let history, historyFailure == nil {
      do throws(RunFailure) { try history.record(batch) } catch {
        historyFailure = error
      }
      if let departures {
        for row in batch.outcomes {
          batch.withRecordedKey(row.row) { key in
            if !key.isEmpty { departures.met(String(decoding: key, as: UTF8.self)) }
          }
        }
      }
    }
    duplicateKeys.add(rows: batch.count, hashes: batch.keyHashes, key: batch.key)
    reportMessages(of: batch)
    for note in batch.notes {
      tally.unreadableTails += 1
      standardError(note + "\n")
    }
    remarks += batch.remarks
    guard isWriting, batch.output.count > 0 else { return }
    if report is any PageRenderer {
      prefixWritten = true
      guard tally.printed <= pageClientLimit else {
        failure = .failed(HTMLReportRenderer.tooManyClients(limit: pageClientLimit))
        return
      }
      collected.append(contentsOf: batch.output.bytes)
      actionFacts?.add(batch.actionClients)
      return
    }
    if !prefixWritten {
      prefixWritten = true
      scratch.removeAll()
      report.prefix(into: scratch)
      emit(scratch.bytes)
      batch.output.removeFirst(report.firstRowSkip)
    }
    emit(batch.output.bytes)
  }

  /// Counts `count` records of the tables that name no client that can be trusted among the
  /// errors without a key (``Tally/readsEveryClient``).
  func countRecordsWithoutKey(_ count: Int) {
    tally.errorsWithoutKey += count
  }

  /// Finishes the report: the prefix if no row was written (unless `quiet`), then the suffix.
  func finish(report: any ReportRenderer, quiet: Bool) {
    scratch.removeAll()
    if !prefixWritten && !quiet {
      prefixWritten = true
      report.prefix(into: scratch)
    }
    if prefixWritten { report.suffix(into: scratch) }
    if let page = report as? any PageRenderer, prefixWritten, isWriting {
      // Data read only in part says nothing of who left: the history records no departures then.
      let departed = tally.readsEveryClient ? departures?.departed ?? [] : []
      let pageHistory = history.map { PageHistory(past: $0.past, departed: departed) }
      let bytes = page.page(rows: collected, tally: tally, facts: actionFacts, history: pageHistory)
      collected = []
      bytes.withUnsafeBufferPointer { emit($0) }
      return
    }
    if isWriting { emit(scratch.bytes) }
  }

  private func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard isWriting else { return }
    do {
      try sink.write(bytes)
    } catch .brokenPipe {
      pipeClosed = true
    } catch {
      failure = error
    }
  }

  private func reportMessages(of batch: Batch) {
    guard !batch.messages.isEmpty else { return }
    let messages = batch.messages.sorted { $0.row < $1.row }
    let name = sources[batch.source]
    var text = ""
    for message in messages {
      guard errorMessages < maxErrorMessages else {
        unshownErrors += 1
        continue
      }
      errorMessages += 1
      text += "\(message.place ?? "\(name):\(batch.lines[message.row])"): \(message.text)\n"
      // Each bad field's hint, the first times it comes for the field; once a message, when two
      // fields share it.
      var hints: [String] = []
      for hint in message.hints
      where hintsShown[hint.field, default: []].count < 3
        && hintsShown[hint.field, default: []].insert(hint.kind).inserted && !hints.contains(hint.text)
      {
        hints.append(hint.text)
        text += "  hint: \(hint.text)\n"
      }
      if let diagnostic = message.diagnostic, shownDiagnostics.insert(diagnostic.range).inserted {
        text += renderer.render(diagnostic, in: policy.source)
      }
    }
    if !text.isEmpty { standardError(text) }
  }
}
