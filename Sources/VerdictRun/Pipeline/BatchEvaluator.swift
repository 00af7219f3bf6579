import Verdict
import VerdictHistory

/// Evaluates the rows of a batch and renders the report rows into the batch's buffer. One per
/// evaluating thread: it reuses one `Client` for every row.
final class BatchEvaluator {
  let policy: Policy
  private let context: EvaluationContext
  private let filter: RowFilter
  private let failOn: Int?
  /// `--explain`: evaluates shown clients again with a trace to explain them, keeping what it can
  /// across this thread's clients.
  private let lines: ExplanationLineWriter?
  /// Whether every client evaluated is shown, so explained: the rules may then be decided on the
  /// truths the explanation needs (``ExplanationLineWriter/report(_:in:truthsFilled:)``).
  private let explainsEveryClient: Bool
  /// Whether this batch's rules are decided on the truths: when at least two in five of the
  /// clients of this evaluator's batch before matched no rule, whose lines need every rule's
  /// truths anyway (deciding on them costs more than evaluating where a rule matches). Either way
  /// gives the same outcomes and lines; only the work differs.
  @exclusivity(unchecked) private var truthsFirst = false
  /// Whether the explanation writer's truths are the row's client's (``explainedRow``), for its
  /// line; false for every row of a run that does not explain every client.
  @exclusivity(unchecked) private var truthsFilled = false
  /// Clients of this batch that matched no rule, when every client is explained.
  @exclusivity(unchecked) private var unmatched = 0
  /// The row's client and the run's context, at addresses of their own for evaluation to borrow.
  private let rowClient: RowClient
  /// The row's client: used by this evaluator's thread alone.
  var client: Client {
    _read { yield rowClient.client.pointee }
    _modify { yield &rowClient.client.pointee }
  }
  /// Cell readers by source, made on first use: each source has its own number formats.
  private var converters: [Int: RowConverter] = [:]
  /// The clients' aggregates, when the policy reads record tables.
  let store: AggregateStore?
  /// The run history, when the run has one (`--history`).
  private let history: RunHistory?
  /// `--changed`: show only clients with news (``ClientStanding/isNews(today:)``).
  private let changedOnly: Bool
  /// For the HTML report: the deciding facts and the charted value of each shown client.
  let page: PageFacts?
  /// The store's clients this evaluator met, one bit each: the run reports the others, whose
  /// records match no client.
  var met: [UInt64]
  /// Keys of the client file that no table has records of, the first ``unmetLimit`` this
  /// evaluator met, with their batch and row: a record key written another way (`beta` for
  /// `Beta`) is told which client it was likely meant for even when that client has no record
  /// under its own key (``UnmatchedRecords``). The run takes the first ``unmetLimit`` of all
  /// evaluators' in the data's order (``firstUnmetKeys(_:)``), which each one's first hold,
  /// whichever thread took which batch.
  var unmetKeys: [(batch: Int, row: Int, key: String)] = []
  /// With a history: the id of the client the history most likely has next (rows tend to come
  /// in the order of the run before).
  @exclusivity(unchecked) private var historyGuess = 0
  /// With a history: the id of the row's client in it, when found and shared with the recorder.
  private var historyClient: Int?
  /// With a history: the codes of the outcomes this evaluator recorded so far.
  @exclusivity(unchecked) private var historyCodes = OutcomeCodes()
  /// For a row with an error being reported whose values are its own (its good cells read, a
  /// bad one missing): the values the HTML page charts and counts, as `share()` measures them;
  /// missing otherwise. Beside the row rather than worked out in `report`, which is inlined into
  /// the loop over rows only while it stays this small (a branch more there cost 64 instructions
  /// a row).
  @exclusivity(unchecked) var errorRowPageValues = (measure: Value.missing, histogram: Value.missing)
  /// Whether the policy reads history facts, which each client's past is then made for.
  private let fillsHistoryFacts: Bool
  /// Whether the values of each percent field read so far were all bare fractions.
  private(set) var percentScale: PercentScale
  /// Text cells of the first rows written another way than the texts the policy compares them with.
  private(set) var textVariants: TextVariants

  /// `explanationEscaping`: with `--explain`, how the renderer takes the explanation
  /// (``ReportRenderer/explanationEscaping``); `nil` without.
  init(
    policy: Policy, context: EvaluationContext, filter: RowFilter, failOn: Int?,
    explanationEscaping: LineEscaping? = nil,
    store: AggregateStore? = nil, history: RunHistory? = nil, changedOnly: Bool = false, page: PageFacts? = nil
  ) {
    self.page = page
    self.history = history
    self.changedOnly = changedOnly
    lines = explanationEscaping.map { ExplanationLineWriter(policy: policy, escaping: $0) }
    explainsEveryClient = lines != nil && !filter.quiet && filter.onlySeverities == nil && !changedOnly
    self.policy = policy
    self.context = context
    self.filter = filter
    self.failOn = failOn
    self.store = store
    fillsHistoryFacts = !policy.historyFacts.isEmpty
    percentScale = PercentScale(fields: policy.fields)
    textVariants = TextVariants(policy)
    met = Array(repeating: 0, count: ((store?.keys.count ?? 0) + 63) / 64)
    rowClient = RowClient(
      Client(
        values: Array(
          repeating: .missing, count: policy.fields.count + policy.aggregateCount + policy.historyFacts.count)),
      context)
  }

  /// The converter for a batch's source.
  private func converter(for batch: Batch) -> RowConverter {
    if let converter = converters[batch.source] { return converter }
    let converter = RowConverter(fields: policy.fields, formats: batch.formats)
    // A batch of nothing but problem rows from a source not yet bound has no formats; its
    // converter converts nothing and is not kept for the source's later batches.
    if batch.formats.count == policy.fields.count { converters[batch.source] = converter }
    return converter
  }

  /// Evaluates every row of `batch` and renders those the filter shows with `renderer` (generic,
  /// so that the renderer's type is opened once a batch rather than dispatched on every row).
  func process<Renderer: ReportRenderer>(_ batch: Batch, renderer: Renderer) {
    var tally = Tally(verdictCount: policy.verdicts.count)
    tally.read = batch.count
    unmatched = 0
    let converter = converter(for: batch)
    var nextProblem = 0
    // Asked once a batch, not a row: a row that asked the evaluator cost about 7 instructions
    // more (callgrind, the shared benchmark's `--quiet`). Past the sample, `note` does nothing.
    let samplesTexts = textVariants.isSampling
    // The writer taken once a batch and lent to each row: read from `self` in every row, it was
    // retained and released twice a row (about 80 instructions a client with `--explain`).
    let lines = self.lines
    let borrowedLines = lines.map(Unmanaged.passUnretained)
    for row in 0..<batch.count {
      if history != nil {
        historyClient = nil
        // A batch's first row: guess the client by its row number (its line after a header row),
        // as the batch before went to another evaluator.
        if row == 0 { historyGuess = Swift.max(0, batch.lines[0] - 2) }
      }
      if nextProblem < batch.problems.count, batch.problems[nextProblem].row == row {
        let error = batch.problems[nextProblem].message
        nextProblem += 1
        batch.messages.append(RowMessage(row: row, text: error))
        reportError(row, of: batch, error, valuesRead: false, renderer: renderer, tally: &tally)
        continue
      }
      // The history's facts about the client, before its other values (which may fail).
      var pastID: Int?
      var isRecorded = true
      if let history {
        let past = history.past
        (pastID, isRecorded) = batch.withRecordedKey(row) { key in
          (past.clientID(keyBytes: key, guess: &historyGuess), !key.isEmpty)
        }
        if history.sharesClientIDs { historyClient = pastID }
        if fillsHistoryFacts {
          past.fill(&client, history: pastID.flatMap(past.client(id:)), policy: policy)
        }
      }
      let problems = client.values.withUnsafeMutableBufferPointer { values in
        values.baseAddress.flatMap { converter.convert(row: row, of: batch, into: $0) }
      }
      if let problems {
        let text = problems.map(\.message).joined(separator: "; ")
        batch.messages.append(
          RowMessage(
            row: row, text: text,
            hints: problems.compactMap(\.hint)
          ))
        // Its other cells were read (a bad one is missing): the page charts what it can, an
        // aggregate too.
        if page != nil, let store { _ = aggregate(row, of: batch, from: store) }
        reportError(row, of: batch, text, valuesRead: true, renderer: renderer, tally: &tally)
        continue
      }
      if !percentScale.isEmpty { percentScale.add(row, of: batch, values: client.values) }
      if samplesTexts {
        client.values.withUnsafeBufferPointer {
          textVariants.note($0.baseAddress!, source: batch.source, line: batch.lines[row])
        }
      }
      if let store, let damage = aggregate(row, of: batch, from: store) {
        let text = (damage.place.map { "\($0): " } ?? "") + damage.reason
        // Without a client file the row is the client's first record, in the same file as the
        // damaged one: standard error names the damaged record alone, as it names a bad row.
        let message =
          store.clientsAreKeys
          ? RowMessage(row: row, text: damage.reason, hints: damage.hints, place: damage.place)
          : RowMessage(row: row, text: text, hints: damage.hints)
        batch.messages.append(message)
        reportError(row, of: batch, text, valuesRead: page != nil, renderer: renderer, tally: &tally)
        continue
      }
      // A client without a key is not recorded: it has no standing (it was "new", or cooling off
      // for ever, on every run), and the summary says how many there were.
      if !isRecorded { tally.unrecorded += 1 }
      if explainsEveryClient {
        explainedRow(
          row, of: batch, pastID: pastID, isRecorded: isRecorded, policy: policy, lines: lines.unsafelyUnwrapped,
          renderer: renderer, tally: &tally)
        continue
      }
      do throws(EvaluationError) {
        let outcome = try policy.report(clientAt: rowClient.client, in: rowClient.context)
        let standing = isRecorded ? history?.past.standing(of: pastID, outcome) : nil
        report(
          row, of: batch, outcome, error: nil, standing: standing, lines: borrowedLines, renderer: renderer,
          tally: &tally)
      } catch let failure {
        failed(row, of: batch, failure, renderer: renderer, tally: &tally)
      }
    }
    batch.tally = tally
    if explainsEveryClient { truthsFirst = unmatched * 5 >= tally.evaluated * 2 && unmatched > 0 }
  }

  /// Evaluates and reports the client of `row` when every client is explained: on the truths its
  /// explanation needs (``ExplanationLineWriter/report(_:in:truthsFilled:)``) when ``truthsFirst``. Out of
  /// line: runs without `--explain` never come here. `policy` and `lines` are the evaluator's,
  /// passed in so that each call need neither copy the one nor retain the other.
  @inline(never)
  private func explainedRow<Renderer: ReportRenderer>(
    _ row: Int, of batch: Batch, pastID: Int?, isRecorded: Bool, policy: borrowing Policy,
    lines: ExplanationLineWriter, renderer: Renderer, tally: inout Tally
  ) {
    truthsFilled = false
    do throws(EvaluationError) {
      let outcome: ReportOutcome
      if truthsFirst {
        outcome = try lines.report(
          clientAt: rowClient.client, contextAt: rowClient.context, truthsFilled: &truthsFilled)
      } else {
        outcome = try policy.report(clientAt: rowClient.client, in: rowClient.context)
      }
      if outcome.winningRule == nil { unmatched += 1 }
      let standing = isRecorded ? history?.past.standing(of: pastID, outcome) : nil
      report(
        row, of: batch, outcome, error: nil, standing: standing, lines: Unmanaged.passUnretained(lines),
        renderer: renderer, tally: &tally)
    } catch let failure {
      failed(row, of: batch, failure, renderer: renderer, tally: &tally)
    }
  }

  /// Counts one row and renders it if the filter shows it, with its explanation when `lines` is
  /// the evaluator's writer (``lines``).
  @inline(__always)
  func report(
    _ row: Int, of batch: Batch, _ outcome: ReportOutcome?, error: String?, standing: ClientStanding? = nil,
    lines: Unmanaged<ExplanationLineWriter>?, renderer: some ReportRenderer, tally: inout Tally
  ) {
    if let history {
      batch.outcomes.append(
        RecordedRow(
          row: row, client: historyClient, code: outcome.map { history.code(of: $0, cache: &historyCodes) }))
    }
    var shown: Bool
    if let outcome {
      tally.evaluated += 1
      tally.verdicts[outcome.severity] += 1
      if outcome.unknownRuleCount > 0 {
        tally.clientsWithUnknownRules += 1
        tally.unknownRuleChecks += outcome.unknownRuleCount
      }
      if let failOn, outcome.severity >= failOn { tally.failOnHits += 1 }
      shown = filter.shows(severity: outcome.severity)
      if changedOnly, let standing, !standing.isNews(today: context.today) { shown = false }
    } else {
      tally.errors += 1
      if Self.isKeyless(row, of: batch) { tally.errorsWithoutKey += 1 }
      shown = filter.showsErrors
    }
    guard shown else { return }
    tally.printed += 1
    // Only a row with an error has page values beside it (``reportError``): an evaluated row
    // does not copy the two missing ones (two outlined copies of ``Value`` a shown row).
    var (measure, histogram) = error == nil ? (Value.missing, Value.missing) : errorRowPageValues
    if let page, let outcome {
      // Explained at the end, for the clients the page shows as cards (``ActionFacts``).
      if outcome.severity != filter.otherwise { batch.actionClients.append((outcome.severity, client)) }
      if let slot = page.measureSlot { measure = client.values[slot] }
      if let slot = page.histogramSlot { histogram = client.values[slot] }
    }
    batch.withKey(row) { key in
      // Shown as the history and duplicate checks take it: `C1 ` and `C1` are one client.
      var shownRow = ReportRow(
        key: AggregateStore.trimmed(key), source: batch.source, line: batch.lines[row], error: error, explanation: nil,
        standing: standing, measure: measure, histogram: histogram)
      // Only clients that are shown are explained: the trace costs a second evaluation.
      guard let outcome, let lines else { return renderer.render(shownRow, outcome, into: batch.output) }
      // The line stays the writer's until its next one, after this row is rendered. The writer
      // is borrowed: captured by this closure, a reference was retained and released a row.
      shownRow.explanation = lines._withUnsafeGuaranteedRef {
        $0.writeLine(
          clientAt: rowClient.client, contextAt: rowClient.context, winner: outcome.winningRule,
          truthsFilled: truthsFilled)
      }
      renderer.render(shownRow, outcome, into: batch.output)
    }
  }
}
