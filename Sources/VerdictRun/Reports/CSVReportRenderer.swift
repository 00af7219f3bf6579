import Verdict

/// CSV for programs: a header row, then one row per client with the columns
/// `client,verdict,rule,notice,cooldown,hold_until_paid,meet,reason,refer,error,source`.
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

  init(vocabulary: ReportVocabulary) {
    explains = vocabulary.explains
    hasHistory = vocabulary.hasHistory
    verdicts = vocabulary.verdicts.map(CSVReportRenderer.field)
    texts = vocabulary.texts
    rules = vocabulary.rules.map(CSVReportRenderer.field)
    sources = vocabulary.sources.map { Array($0.utf8) }
  }

  private static func field(_ text: String) -> [UInt8] {
    let buffer = ByteBuffer(capacity: text.utf8.count + 8)
    buffer.appendCSVField(text)
    return Array(buffer.bytes)
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
      out.appendCSVField(row.key)
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
      if let reason = clauses.reason.string(in: texts) { out.appendCSVField(reason) }
      out.append(UInt8(ascii: ","))
      if let refer = clauses.refer.string(in: texts) { out.appendCSVField(refer) }
      out.append(",,")
    } else {
      out.append("error,,,,,,,,")
      out.appendCSVField(row.error ?? "")
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
      if let explanation = row.explanation { out.appendCSVField(explanation) }
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
