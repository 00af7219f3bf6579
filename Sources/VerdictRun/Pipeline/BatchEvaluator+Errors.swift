import Verdict

/// The rows a ``BatchEvaluator`` reports with an error: a bad cell, a damaged record, an
/// evaluation that failed. Out of the row loop's way: such rows are few.
extension BatchEvaluator {
  /// Whether the row has no key: a row error without one (a malformed record, a key that is not
  /// UTF-8) may be any client's, so the history then records no one as having left. Out of line,
  /// so that the reporting of every row stays small enough to be inlined.
  @inline(never)
  static func isKeyless(_ row: Int, of batch: Batch) -> Bool {
    // A row whose key cell is blank names no client: it hides none.
    AggregateStore.trimmed(batch.key(row)).isEmpty && !batch.rowsNamingNoClient.contains(row)
  }

  /// Reports a client whose evaluation failed.
  func failed(
    _ row: Int, of batch: Batch, _ failure: EvaluationError, renderer: some ReportRenderer, tally: inout Tally
  ) {
    let text = failure.rowMessage(in: policy)
    batch.messages.append(RowMessage(row: row, text: text, diagnostic: failure.diagnostic))
    reportError(row, of: batch, text, valuesRead: true, renderer: renderer, tally: &tally)
  }

  /// Counts and renders a row with an error, out of line (such rows are few). `valuesRead`:
  /// whether the client's values are its own (its good cells read, a bad one missing), which
  /// the HTML page then charts as `share()` measures them: set beside the row
  /// (``errorRowPageValues``) rather than passed to ``report(_:of:_:error:standing:lines:renderer:tally:)``.
  @inline(never)
  func reportError<Renderer: ReportRenderer>(
    _ row: Int, of batch: Batch, _ error: String, valuesRead: Bool, renderer: Renderer, tally: inout Tally
  ) {
    if valuesRead, let page { errorRowPageValues = pageValues(page) }
    // A client whose row has an error (a bad cell, a ragged row keyed by its first cell) is still
    // the client its records name: the summary said they matched no client in the file.
    if let store { _ = meet(row, of: batch, in: store) }
    report(row, of: batch, nil, error: error, lines: nil, renderer: renderer, tally: &tally)
    errorRowPageValues = (.missing, .missing)
  }

  /// The client's values the page charts and counts in its histograms, for a row with an error
  /// whose values were read. Out of line: rows with errors are few.
  @inline(never)
  func pageValues(_ page: PageFacts) -> (measure: Value, histogram: Value) {
    (page.measureSlot.map { client.values[$0] } ?? .missing, page.histogramSlot.map { client.values[$0] } ?? .missing)
  }
}
