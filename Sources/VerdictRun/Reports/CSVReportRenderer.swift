import Verdict
import VerdictData

/// CSV for programs: a header row, then one row per client with the columns
/// `client,verdict,rule,notice,cooldown,hold_until_paid,meet,reason,refer,error,source`.
///
/// Values are written exactly, to be read back; but on a terminal (``showsControls``) the
/// control characters in them are shown as `\u{…}`, as the messages show them, since a key's
/// escape sequence would otherwise set the window's title or clear the screen.
struct CSVReportRenderer: ReportRenderer {
  static let columns = [
    "client", "verdict", "rule", "notice", "cooldown", "hold_until_paid", "meet", "reason", "refer", "error", "source",
  ]
  private let verdicts: [[UInt8]]
  /// The policy's text constants, for constant clauses.
  private let texts: [String]
  private let rules: [[UInt8]]
  private let sources: [[UInt8]]
  private let explains: Bool
  private let hasHistory: Bool
  /// Whether the report goes to a terminal: every control character but tab is shown as
  /// `\u{…}` (``MessageText``), the bidirectional formatting characters too.
  private let showsControls: Bool

  init(vocabulary: ReportVocabulary, showsControls: Bool = false) {
    self.showsControls = showsControls
    explains = vocabulary.explains
    hasHistory = vocabulary.hasHistory
    verdicts = vocabulary.verdicts.map { CSVReportRenderer.field($0, showsControls: showsControls) }
    texts = vocabulary.texts
    rules = vocabulary.rules.map { CSVReportRenderer.field($0, showsControls: showsControls) }
    sources = vocabulary.sources.map { Array((showsControls ? CSVReportRenderer.shown($0) : $0).utf8) }
  }

  private static func field(_ text: String, showsControls: Bool) -> [UInt8] {
    let buffer = ByteBuffer(capacity: text.utf8.count + 8)
    buffer.appendCSVField(showsControls ? shown(text) : text)
    return Array(buffer.bytes)
  }

  /// `text` as a terminal shows it: its control characters as `\u{…}`, but tabs, which separate
  /// nothing in a comma-separated report and only move the cursor to the next column.
  static func shown(_ text: String) -> String {
    guard text.contains("\t") else { return MessageText.escaped(text) }
    return text.split(separator: "\t", omittingEmptySubsequences: false).map(MessageText.escaped).joined(
      separator: "\t")
  }

  /// Appends one text field, as ``showsControls`` says.
  private func appendField(_ text: String, _ out: ByteBuffer) {
    out.appendCSVField(showsControls ? CSVReportRenderer.shown(text) : text)
  }

  /// Appends one field of UTF-8 bytes, as ``showsControls`` says; written as they are when it
  /// does not (the usual case, with no `String` made).
  private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, _ out: ByteBuffer) {
    guard showsControls else { return out.appendCSVField(bytes) }
    out.appendCSVField(CSVReportRenderer.shown(String(decoding: bytes, as: UTF8.self)))
  }

  func prefix(into buffer: ByteBuffer) {
    let columns =
      CSVReportRenderer.columns + (hasHistory ? ["status", "since", "cooling_off_until"] : [])
      + (explains ? ["explain"] : [])
    buffer.appendText(columns.joined(separator: ",") + "\n")
  }
  func suffix(into buffer: ByteBuffer) {}
  var firstRowSkip: Int { 0 }
  var explanationEscaping: LineEscaping { .none }

  func render(_ row: ReportRow, _ evaluation: ReportOutcome?, into out: ByteBuffer) {
    if row.key.isEmpty {
      appendPlace(row, out)
    } else {
      appendField(row.key, out)
    }
    out.append(UInt8(ascii: ","))
    if let evaluation = evaluation {
      out.append(verdicts[evaluation.severity])
      out.append(UInt8(ascii: ","))
      if let rule = evaluation.winningRule { out.append(rules[rule]) }
      let clauses = evaluation
      out.append(UInt8(ascii: ","))
      if let notice = clauses.notice { out.appendDuration(notice) }
      out.append(UInt8(ascii: ","))
      if let cooldown = clauses.cooldown { out.appendDuration(cooldown) }
      if clauses.holdUntilPaid {
        out.append(",true,")
      } else {
        out.append(",false,")
      }
      if let meet = clauses.meet { out.appendText(meet.rawValue) }
      out.append(UInt8(ascii: ","))
      if let reason = clauses.reason.string(in: texts) { appendField(reason, out) }
      out.append(UInt8(ascii: ","))
      if let refer = clauses.refer.string(in: texts) { appendField(refer, out) }
      out.append(",,")
    } else {
      out.append("error,,,,,,,,")
      appendField(row.error ?? "", out)
      out.append(UInt8(ascii: ","))
    }
    appendPlace(row, out)
    if hasHistory {
      if let standing = row.standing {
        out.append(UInt8(ascii: ","))
        out.appendText(standing.status.rawValue)
        out.append(UInt8(ascii: ","))
        out.appendDate(standing.since)
        out.append(UInt8(ascii: ","))
        if let until = standing.coolingOffUntil { out.appendDate(until) }
      } else {
        out.append(",,,")
      }
    }
    if explains {
      out.append(UInt8(ascii: ","))
      if let explanation = row.explanation { appendField(explanation, out) }
    }
    out.append(UInt8(ascii: "\n"))
  }

  private func appendPlace(_ row: ReportRow, _ out: ByteBuffer) {
    let start = out.count
    out.append(sources[row.source])
    out.append(UInt8(ascii: ":"))
    out.appendDecimal(row.line)
    if sources[row.source].contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) {
      let place = Array(out.bytes[start...])
      out.truncate(to: start)
      place.withUnsafeBufferPointer { out.appendCSVField($0) }
    }
  }
}
