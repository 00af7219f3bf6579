import Verdict

/// Which client a report row is about: its key and place, and its error if it has one. The
/// outcome is passed beside it.
struct ReportRow {
  /// The key cell without the spaces around it, visible or not (``ClientKey``); empty when there
  /// is none (the report then names the client by its place).
  var key: UnsafeBufferPointer<UInt8>
  /// The index of the data file in ``ReportVocabulary/sources``.
  var source: Int
  /// The line the record starts on.
  var line: Int
  /// What went wrong, when the row could not be evaluated.
  var error: String?
  /// With `--explain`: why the client got its verdict, on one line (UTF-8, valid while the row
  /// is rendered), escaped as the renderer's ``ReportRenderer/explanationEscaping`` says.
  var explanation: UnsafeBufferPointer<UInt8>?
  /// With a run history: the client's standing against the previous run.
  var standing: ClientStanding?
  /// For the HTML report's chart: the client's value of the charted field.
  var measure: Value = .missing
  /// For the HTML report's histograms: the client's value of their field.
  var histogram: Value = .missing
}

/// The names a report repeats on every row, prepared once per run.
struct ReportVocabulary: Sendable {
  /// Verdict names by severity, least severe first.
  let verdicts: [String]
  /// Rule labels: the rule's name, or `line 42` for an unnamed rule.
  let rules: [String]
  /// Data file names, as messages show them.
  let sources: [String]
  /// The severity of the `otherwise` verdict.
  let otherwise: Int
  /// Whether rows carry an explanation (`--explain`): an `explain` column or key.
  let explains: Bool
  /// The policy's text constants, for clauses that are constants (``ReportText/constant(_:)``).
  let texts: [String]
  /// Whether rows carry their standing in a run history (`--history`): `status`, `since` and
  /// `cooling_off_until` columns or keys, and the cooling-off in the table's verdict column.
  let hasHistory: Bool
  /// Whether some action of the policy has a `cooldown`: only then can a verdict be pending or
  /// due, and the table's verdict column need room to say so.
  let hasCooldowns: Bool
  /// The policy file's name, for the HTML report.
  let policyName: String
  /// The date `today` means, for the HTML report.
  let today: CalendarDate
  /// The field the HTML report charts (``ReportRow/measure``), if any.
  let chartField: String?
  /// The field the HTML report's histograms count clients over (``ReportRow/histogram``), if any.
  let histogramField: String?
  /// How the data writes money and dates: the HTML report writes them the same way.
  let notation: DataNotation

  init(
    policy: Policy, sources: [String], explains: Bool = false, hasHistory: Bool = false,
    today: CalendarDate = CalendarDate(daysSinceEpoch: 0), chartField: String? = nil,
    histogramField: String? = nil, notation: DataNotation = .plain
  ) {
    self.notation = notation
    policyName = policy.source.name
    self.today = today
    self.chartField = chartField
    self.histogramField = histogramField
    self.explains = explains
    self.hasHistory = hasHistory
    hasCooldowns = policy.syntax.statements.contains { statement in
      let action: Action
      switch statement.kind {
      case .rule(let rule): action = rule.action
      case .otherwise(let fallback): action = fallback
      case .field, .let, .verdicts, .strategy, .example, .table, .data: return false
      }
      return action.clauses.contains { if case .cooldown = $0.kind { true } else { false } }
    }
    texts = policy.reportTexts
    verdicts = policy.verdicts
    rules = policy.ruleLabels
    self.sources = sources
    otherwise = policy.verdicts.firstIndex(of: policy.otherwiseVerdict) ?? 0
  }
}

/// Writes report rows as bytes in one format. Renderers are immutable and shared by the
/// evaluating threads; each renders into its batch's buffer.
protocol ReportRenderer: Sendable {
  /// Written before the first row (a header, `[`).
  func prefix(into buffer: ByteBuffer)
  /// Written after the last row, when the prefix was written.
  func suffix(into buffer: ByteBuffer)
  /// Bytes to drop in front of the very first row (the comma between JSON array elements).
  var firstRowSkip: Int { get }
  /// How ``ReportRow/explanation`` comes: JSON takes it escaped already, as it writes it.
  var explanationEscaping: LineEscaping { get }
  /// Renders one row: its outcome, or (when `nil`) its error.
  func render(_ row: ReportRow, _ outcome: ReportOutcome?, into buffer: ByteBuffer)
}

extension ReportRenderer {
  /// Makes the renderer for `format`; the table needs the client column's width. `toTerminal`
  /// says the report goes to a terminal, where the CSV report shows control characters rather
  /// than write them (the table leaves them out wherever it goes).
  static func make(
    _ format: ReportFormat, vocabulary: ReportVocabulary, clientWidth: Int, usesColor: Bool, toTerminal: Bool = false
  ) -> any ReportRenderer {
    switch format {
    case .table: TableRenderer(vocabulary: vocabulary, clientWidth: clientWidth, usesColor: usesColor)
    case .json: JSONReportRenderer(vocabulary: vocabulary, array: true)
    case .jsonl: JSONReportRenderer(vocabulary: vocabulary, array: false)
    case .csv: CSVReportRenderer(vocabulary: vocabulary, showsControls: toTerminal)
    case .html: HTMLReportRenderer(vocabulary: vocabulary)
    }
  }
}

extension ReportText {
  /// The clause's text, constants looked up in `texts` (``ReportVocabulary/texts``); `nil` for none.
  func string(in texts: [String]) -> String? {
    switch self {
    case .none: nil
    case .constant(let index): texts[index]
    case .computed(let text): text
    }
  }
}
