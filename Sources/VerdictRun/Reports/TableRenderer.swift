import Verdict

/// The table for people and cron mail: one line per client, columns aligned, trailing spaces
/// trimmed, colour only when asked (on a terminal):
///
/// ```
/// client  verdict  rule                    notice  reason
/// C002    fire     slow payer who owes me  30d     I don't think my services fit your needs.
/// C010    error    -                       -       payment_delay: "fourty" is not a duration
/// ```
///
/// Widths are terminal columns (``DisplayWidth``), so accented and wide characters align. The
/// client column is as wide as the widest key of the first batch, at most 32 columns; the rule
/// column as the longest rule name, at most 32. A key or rule name longer than 32 columns is cut
/// and ends in `…`. A later key wider than the first batch's is written whole and pushes the rest
/// of its line to the right: cutting it to the column would show two clients, `Hartmann Bau` and
/// `Hartmann Druck`, as the same `Hart…`.
struct TableRenderer: ReportRenderer {
  static let gap = 2
  static let maxClientWidth = 32
  static let maxRuleWidth = 32
  private let verdicts: [[UInt8]]
  /// The policy's text constants, for constant clauses.
  private let texts: [String]
  private let verdictWidths: [Int]
  private let rules: [[UInt8]]
  private let ruleWidths: [Int]
  private let sources: [[UInt8]]
  private let clientWidth: Int
  private let verdictWidth: Int
  private let ruleWidth: Int
  private let noticeWidth = 6
  private let colors: [StaticString]
  private let usesColor: Bool
  /// With a run history: a verdict still cooling off says until when, one that just ran out
  /// says it is due, in the verdict column.
  private let hasHistory: Bool
  /// Without a history: for each verdict and winning rule (the last for none), the line from the
  /// verdict to the notice, the verdict in its colour and the rule or `-` each padded, made once
  /// rather than piece by piece for each row (a row written: 663 instructions before, 474 after).
  private let middles: [[UInt8]]
  /// `fire (cooling off until 2026-12-08)`: the most a standing adds to a verdict.
  static let standingWidth = " (cooling off until 2026-12-08)".count

  init(vocabulary: ReportVocabulary, clientWidth: Int, usesColor: Bool) {
    verdicts = vocabulary.verdicts.map { Array($0.utf8) }
    texts = vocabulary.texts
    verdictWidths = vocabulary.verdicts.map(\.count)
    sources = vocabulary.sources.map { Array($0.utf8) }
    self.clientWidth = min(TableRenderer.maxClientWidth, max("client".count, clientWidth))
    hasHistory = vocabulary.hasHistory
    verdictWidth =
      ((vocabulary.verdicts + ["verdict", "error"]).map(DisplayWidth.of).max() ?? 7)
      + (vocabulary.hasHistory && vocabulary.hasCooldowns ? TableRenderer.standingWidth : 0)
    let ruleWidth = min(TableRenderer.maxRuleWidth, (vocabulary.rules + ["rule"]).map(DisplayWidth.of).max() ?? 4)
    let cells = vocabulary.rules.map { TableRenderer.cell($0, width: ruleWidth) }
    rules = cells.map(\.bytes)
    ruleWidths = cells.map(\.width)
    self.ruleWidth = ruleWidth
    let mostSevere = vocabulary.verdicts.count - 1
    colors = vocabulary.verdicts.indices.map { severity -> StaticString in
      if severity == vocabulary.otherwise { return "\u{1B}[32m" }
      return severity == mostSevere ? "\u{1B}[1;31m" : "\u{1B}[33m"
    }
    self.usesColor = usesColor
    var middles: [[UInt8]] = []
    if !hasHistory {
      let middle = ByteBuffer(capacity: 256)
      for severity in verdicts.indices {
        for rule in 0...rules.count {
          middle.removeAll()
          if usesColor { middle.append(colors[severity]) }
          middle.append(verdicts[severity])
          if usesColor { middle.append("\u{1B}[0m") }
          middle.appendSpaces(verdictWidth + TableRenderer.gap - verdictWidths[severity])
          if rule < rules.count {
            middle.append(rules[rule])
            middle.appendSpaces(ruleWidth + TableRenderer.gap - ruleWidths[rule])
          } else {
            middle.append("-")
            middle.appendSpaces(ruleWidth + TableRenderer.gap - 1)
          }
          middles.append(Array(middle.bytes))
        }
      }
    }
    self.middles = middles
  }

  /// The width of the client column for these rows' keys (or places, for rows without a key).
  static func clientWidth(of batch: Batch, sourceName: String) -> Int {
    var width = 0
    for row in 0..<batch.count {
      let keyWidth = batch.withKey(row) { ByteBuffer.displayWidth(AggregateStore.trimmed($0)) }
      width = max(width, keyWidth > 0 ? keyWidth : DisplayWidth.of(sourceName) + 1 + String(batch.lines[row]).count)
    }
    return width
  }

  func prefix(into out: ByteBuffer) {
    if usesColor { out.append("\u{1B}[1m") }
    pad("client", clientWidth, out)
    pad("verdict", verdictWidth, out)
    pad("rule", ruleWidth, out)
    pad("notice", noticeWidth, out)
    out.append("reason")
    if usesColor { out.append("\u{1B}[0m") }
    out.append("\n")
  }

  func suffix(into buffer: ByteBuffer) {}
  var firstRowSkip: Int { 0 }
  var explanationEscaping: LineEscaping { .none }

  func render(_ row: ReportRow, _ evaluation: ReportOutcome?, into out: ByteBuffer) {
    if row.key.count <= TableRenderer.maxClientWidth, !row.key.isEmpty, DisplayWidth.isPrintableASCII(row.key) {
      // Most keys: printable ASCII that fits, written as they are at a column a byte. Told once
      // here, where the general path below tells the bytes twice (to write them, then to measure
      // what it wrote): 3,550 → 3,492 instructions a client of which 43% are shown (callgrind,
      // the shared benchmark).
      out.append(row.key)
      out.appendSpaces(max(clientWidth - row.key.count, 0) + TableRenderer.gap)
    } else {
      let start = out.count
      if row.key.isEmpty {
        out.append(sources[row.source])
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(row.line)
      } else {
        out.appendTableCell(row.key)
      }
      out.appendSpaces(max(clientWidth - fitClient(from: start, into: out), 0) + TableRenderer.gap)
    }
    guard let evaluation = evaluation else {
      if usesColor { out.append("\u{1B}[1;35m") }
      out.append("error")
      if usesColor { out.append("\u{1B}[0m") }
      out.appendSpaces(verdictWidth + TableRenderer.gap - 5)
      pad("-", ruleWidth, out)
      pad("-", noticeWidth, out)
      var message = row.error ?? ""
      message.withUTF8 { out.appendTableCell($0) }
      return finish(out)
    }
    if !middles.isEmpty {
      out.append(middles[evaluation.severity &* (rules.count &+ 1) &+ (evaluation.winningRule ?? rules.count)])
    } else {
      writeVerdictAndRule(row, evaluation, into: out)
    }
    let noticeStart = out.count
    if let notice = evaluation.notice { out.appendDuration(notice) } else { out.append("-") }
    // Without a reason, the notice's padding would only be trimmed off again.
    if var reason = evaluation.reason.string(in: texts) {
      out.appendSpaces(noticeWidth + TableRenderer.gap - (out.count - noticeStart))
      reason.withUTF8 { out.appendTableCell($0) }
    }
    finish(out)
    // With --explain, the explanation goes on a line of its own under the client's.
    if let explanation = row.explanation {
      out.append("    why: ")
      out.appendTableCell(explanation)
      finish(out)
    }
  }

  /// Writes the verdict, with the row's standing, and the winning rule, each padded.
  private func writeVerdictAndRule(_ row: ReportRow, _ evaluation: ReportOutcome, into out: ByteBuffer) {
    let verdict = verdicts[evaluation.severity]
    if usesColor { out.append(colors[evaluation.severity]) }
    out.append(verdict)
    if usesColor { out.append("\u{1B}[0m") }
    var standingWidth = 0
    if hasHistory, let standing = row.standing {
      let note =
        switch standing.status {
        case .pending: standing.coolingOffUntil.map { " (cooling off until \($0))" } ?? ""
        case .due: " (due)"
        case .new, .unchanged, .changed: ""
        }
      out.appendText(note)
      standingWidth = note.count
    }
    out.appendSpaces(verdictWidth + TableRenderer.gap - verdictWidths[evaluation.severity] - standingWidth)
    if let rule = evaluation.winningRule {
      out.append(rules[rule])
      out.appendSpaces(ruleWidth + TableRenderer.gap - ruleWidths[rule])
    } else {
      pad("-", ruleWidth, out)
    }
  }

  /// Cuts the client cell written since `start` to 32 columns, ending a cut cell with `…`;
  /// returns the columns it takes.
  private func fitClient(from start: Int, into out: ByteBuffer) -> Int {
    // A cell takes at most one column a byte: one no longer than the limit fits as it is.
    let written = UnsafeBufferPointer(rebasing: out.bytes[start...])
    if written.count <= TableRenderer.maxClientWidth { return DisplayWidth.of(written) }
    let shown = DisplayWidth.fit(written, in: TableRenderer.maxClientWidth)
    guard shown.isCut else { return shown.width }
    out.truncate(to: start + shown.length)
    out.append("…")
    return shown.width + 1
  }

  /// `text` as a table cell at most `width` columns wide: on one line, cut with `…` when longer.
  static func cell(_ text: String, width: Int) -> (bytes: [UInt8], width: Int) {
    let buffer = ByteBuffer(capacity: text.utf8.count + 4)
    var text = text
    text.withUTF8 { buffer.appendTableCell($0) }
    let shown = DisplayWidth.fit(buffer.bytes, in: width)
    guard shown.isCut else { return (Array(buffer.bytes), shown.width) }
    buffer.truncate(to: shown.length)
    buffer.append("…")
    return (Array(buffer.bytes), shown.width + 1)
  }

  private func finish(_ out: ByteBuffer) {
    out.trimTrailingSpaces()
    out.append("\n")
  }

  private func pad(_ text: StaticString, _ width: Int, _ out: ByteBuffer) {
    out.append(text)
    out.appendSpaces(width + TableRenderer.gap - text.utf8CodeUnitCount)
  }
}
