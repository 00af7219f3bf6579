import Verdict

/// JSON Lines (one object per client) or one JSON array of the same objects:
///
/// ```json
/// {"client":"C002","verdict":"fire","rule":"slow payer who owes me","notice":"30d","cooldown":"3d",
///  "hold_until_paid":true,"meet":"by phone","reason":"…","refer":"…","error":null,"source":"clients.csv:3"}
/// ```
///
/// Every object has every key; absent clauses are `null`. A row with an error has the verdict
/// `error` and the message under `error`.
struct JSONReportRenderer: ReportRenderer {
  private let verdicts: [[UInt8]]
  private let rules: [[UInt8]]
  private let sources: [[UInt8]]
  /// The policy's text constants as JSON strings, for constant clauses.
  private let texts: [[UInt8]]
  private let array: Bool
  private let explains: Bool

  init(vocabulary: ReportVocabulary, array: Bool) {
    explains = vocabulary.explains
    verdicts = vocabulary.verdicts.map { JSONReportRenderer.quoted($0) }
    rules = vocabulary.rules.map { JSONReportRenderer.quoted($0) }
    sources = vocabulary.sources.map { JSONReportRenderer.escaped($0) }
    texts = vocabulary.texts.map { JSONReportRenderer.quoted($0) }
    self.array = array
  }

  private static func escaped(_ text: String) -> [UInt8] {
    let buffer = ByteBuffer(capacity: text.utf8.count + 8)
    var text = text
    text.withUTF8 { buffer.appendJSONEscaped($0) }
    return Array(buffer.bytes)
  }

  private static func quoted(_ text: String) -> [UInt8] {
    [UInt8(ascii: "\"")] + escaped(text) + [UInt8(ascii: "\"")]
  }

  func prefix(into buffer: ByteBuffer) { if array { buffer.append("[") } }
  func suffix(into buffer: ByteBuffer) { if array { buffer.append("\n]\n") } }
  var firstRowSkip: Int { array ? 1 : 0 }

  func render(_ row: ReportRow, _ evaluation: ReportOutcome?, into out: ByteBuffer) {
    if array { out.append(",\n") }
    out.append("{\"client\":\"")
    if row.key.isEmpty {
      out.append(sources[row.source])
      out.append(UInt8(ascii: ":"))
      out.appendDecimal(row.line)
    } else {
      out.appendJSONEscaped(row.key)
    }
    if let evaluation = evaluation {
      out.append("\",\"verdict\":")
      out.append(verdicts[evaluation.severity])
      out.append(",\"rule\":")
      if let rule = evaluation.winningRule { out.append(rules[rule]) } else { out.append("null") }
      let clauses = evaluation
      out.append(",\"notice\":")
      appendDuration(clauses.notice, out)
      out.append(",\"cooldown\":")
      appendDuration(clauses.cooldown, out)
      if clauses.holdUntilPaid {
        out.append(",\"hold_until_paid\":true,\"meet\":")
      } else {
        out.append(",\"hold_until_paid\":false,\"meet\":")
      }
      if let meet = clauses.meet { out.appendJSONString(meet.rawValue) } else { out.append("null") }
      out.append(",\"reason\":")
      appendText(clauses.reason, out)
      out.append(",\"refer\":")
      appendText(clauses.refer, out)
      out.append(",\"error\":null")
    } else {
      out.append(
        "\",\"verdict\":\"error\",\"rule\":null,\"notice\":null,\"cooldown\":null,\"hold_until_paid\":false,\"meet\":null,\"reason\":null,\"refer\":null,\"error\":"
      )
      out.appendJSONString(row.error ?? "")
    }
    out.append(",\"source\":\"")
    out.append(sources[row.source])
    out.append(UInt8(ascii: ":"))
    out.appendDecimal(row.line)
    if explains {
      out.append("\",\"explain\":")
      if let explanation = row.explanation { out.appendJSONString(explanation) } else { out.append("null") }
      out.append(array ? "}" : "}\n")
      return
    }
    if array {
      out.append("\"}")
    } else {
      out.append("\"}\n")
    }
  }

  private func appendText(_ text: ReportText, _ out: ByteBuffer) {
    switch text {
    case .none: out.append("null")
    case .constant(let index): out.append(texts[index])
    case .computed(let text): out.appendJSONString(text)
    }
  }

  private func appendDuration(_ span: TimeSpan?, _ out: ByteBuffer) {
    guard let span else { return out.append("null") }
    out.append(UInt8(ascii: "\""))
    out.appendDuration(span)
    out.append(UInt8(ascii: "\""))
  }
}
