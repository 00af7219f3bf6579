import Verdict

/// A report written whole at the end rather than row by row: its rows are collected first.
protocol PageRenderer: ReportRenderer {
  /// The page, from every row's bytes as ``ReportRenderer/render(_:_:into:)`` wrote them, the
  /// facts behind the verdicts of the clients who need action, and what the run history knew.
  func page(rows: [UInt8], tally: Tally, facts: ActionFacts?, history: PageHistory?) -> [UInt8]
}

/// `--format html`: one self-contained page (inline CSS and SVG, no script) with a summary, a
/// card for each client who needs action, a Pareto chart and the table of every client.
///
/// Rows are collected as ``ReportEntry`` fields while the run goes; the page is made at the end
/// by ``ReportPage``.
struct HTMLReportRenderer: PageRenderer {
  /// The most clients an HTML report shows: past it the page would be hundreds of megabytes,
  /// which no browser opens comfortably.
  static let maxClients = 200_000

  private let vocabulary: ReportVocabulary

  init(vocabulary: ReportVocabulary) {
    self.vocabulary = vocabulary
  }

  func prefix(into buffer: ByteBuffer) {}
  func suffix(into buffer: ByteBuffer) {}
  var firstRowSkip: Int { 0 }
  var explanationEscaping: LineEscaping { .none }

  func render(_ row: ReportRow, _ outcome: ReportOutcome?, into buffer: ByteBuffer) {
    ReportEntry.encode(row, outcome, vocabulary: vocabulary, into: buffer)
  }

  func page(rows: [UInt8], tally: Tally, facts: ActionFacts?, history: PageHistory?) -> [UInt8] {
    ReportPage(
      vocabulary: vocabulary, entries: ReportEntry.decodeAll(rows), tally: tally, facts: facts, history: history
    ).render()
  }

  /// Why a report with more than `limit` clients is refused.
  static func tooManyClients(limit: Int) -> String {
    "the HTML report would show more than \(limit.formatted) clients (hint: show fewer with --only VERDICT "
      + "or --quiet, or write --format csv)"
  }
}

extension Int {
  /// `200,000`: digits grouped by threes, the same whatever the locale.
  var formatted: String {
    let digits = String(self.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (self < 0 ? "-" : "") + result
  }
}
