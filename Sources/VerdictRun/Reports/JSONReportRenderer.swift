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
  /// Every piece of JSON that depends only on the policy and the sources, rendered once.
  private let fragments: FragmentStore
  /// Where each group of fragments starts in ``fragments``.
  private let verdictHeads: Int, ruleHeads: Int, clauseMiddles: Int, texts: Int, tails: Int, errorTails: Int
  /// Where the fragments of outcomes without clauses start: by rule, then `otherwise`.
  private let bareRules: Int
  private let ruleCount: Int
  /// `meet` fragments per `hold until paid` value: none, then each mode.
  private let meetCount = MeetingMode.allCases.count + 1
  private let array: Bool
  private let explains: Bool
  private let hasHistory: Bool

  init(vocabulary: ReportVocabulary, array: Bool) {
    explains = vocabulary.explains
    hasHistory = vocabulary.hasHistory
    self.array = array
    ruleCount = vocabulary.rules.count
    let quoted = JSONReportRenderer.quoted
    let sources = vocabulary.sources.map { JSONReportRenderer.escaped($0) }
    var all: [[UInt8]] = sources.map { $0 + Array(":".utf8) }
    // `","verdict":"fire","rule":` by severity.
    verdictHeads = all.count
    all += vocabulary.verdicts.map { Array("\",\"verdict\":".utf8) + quoted($0) + Array(",\"rule\":".utf8) }
    // `"slow payer","notice":` by rule, then `null,"notice":` for `otherwise`.
    ruleHeads = all.count
    all += (vocabulary.rules.map(quoted) + [Array("null".utf8)]).map { $0 + Array(",\"notice\":".utf8) }
    // `,"hold_until_paid":true,"meet":"by phone","reason":` by ``middle(_:)``.
    clauseMiddles = all.count
    for hold in ["false", "true"] {
      for meet in [nil] + MeetingMode.allCases {
        let meetJSON = meet.map { quoted($0.rawValue) } ?? Array("null".utf8)
        all.append(Array(",\"hold_until_paid\":\(hold),\"meet\":".utf8) + meetJSON + Array(",\"reason\":".utf8))
      }
    }
    texts = all.count
    all += vocabulary.texts.map(quoted)
    // `,"error":null,"source":"clients.csv:` by source, and `,"source":"clients.csv:` after an error.
    tails = all.count
    all += sources.map { Array(",\"error\":null,\"source\":\"".utf8) + $0 + Array(":".utf8) }
    errorTails = all.count
    all += sources.map { Array(",\"source\":\"".utf8) + $0 + Array(":".utf8) }
    // `"slow payer","notice":null,…,"refer":null` by rule, then for `otherwise`: an outcome
    // without clauses, made of the very fragments ``render(_:_:into:)`` writes one by one.
    bareRules = all.count
    let null = Array("null".utf8)
    let noClauses =
      null + Array(",\"cooldown\":".utf8) + null + all[clauseMiddles] + null + Array(",\"refer\":".utf8) + null
    for rule in 0...vocabulary.rules.count { all.append(all[ruleHeads + rule] + noClauses) }
    fragments = FragmentStore(all)
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

  /// The index of the clause fragment for `hold until paid` and `meet` among ``clauseMiddles``.
  private func middle(_ outcome: ReportOutcome) -> Int {
    let meet =
      switch outcome.meet {
      case nil: 0
      case .inPerson: 1
      case .byPhone: 2
      case .byVideo: 3
      }
    return clauseMiddles + (outcome.holdUntilPaid ? meetCount : 0) + meet
  }

  func prefix(into buffer: ByteBuffer) { if array { buffer.append("[") } }
  func suffix(into buffer: ByteBuffer) { if array { buffer.append("\n]\n") } }
  var firstRowSkip: Int { array ? 1 : 0 }
  var explanationEscaping: LineEscaping { .json }

  func render(_ row: ReportRow, _ outcome: ReportOutcome?, into out: ByteBuffer) {
    if array { out.append(",\n") }
    out.append("{\"client\":\"")
    if row.key.isEmpty {
      out.append(fragments[row.source])
      out.appendDecimal(row.line)
    } else {
      out.appendJSONEscaped(row.key)
    }
    if let outcome {
      out.append(fragments[verdictHeads + outcome.severity])
      if outcome.hasNoClauses {
        out.append(fragments[bareRules + (outcome.winningRule ?? ruleCount)])
      } else {
        out.append(fragments[ruleHeads + (outcome.winningRule ?? ruleCount)])
        appendDuration(outcome.notice, out)
        out.append(",\"cooldown\":")
        appendDuration(outcome.cooldown, out)
        out.append(fragments[middle(outcome)])
        appendText(outcome.reason, out)
        out.append(",\"refer\":")
        appendText(outcome.refer, out)
      }
      out.append(fragments[tails + row.source])
    } else {
      out.append(
        "\",\"verdict\":\"error\",\"rule\":null,\"notice\":null,\"cooldown\":null,\"hold_until_paid\":false,\"meet\":null,\"reason\":null,\"refer\":null,\"error\":"
      )
      out.appendJSONString(row.error ?? "")
      out.append(fragments[errorTails + row.source])
    }
    out.appendDecimal(row.line)
    out.append(UInt8(ascii: "\""))
    if hasHistory { appendStanding(row.standing, out) }
    if explains {
      out.append(",\"explain\":")
      // An explanation comes escaped already (``explanationEscaping``).
      if let explanation = row.explanation {
        out.append(UInt8(ascii: "\""))
        out.append(explanation)
        out.append(UInt8(ascii: "\""))
      } else {
        out.append("null")
      }
    }
    out.append(array ? "}" : "}\n")
  }

  /// `,"status":"pending","since":"2026-12-01","cooling_off_until":"2026-12-04"`; nulls for a row
  /// with an error.
  private func appendStanding(_ standing: ClientStanding?, _ out: ByteBuffer) {
    guard let standing else { return out.append(",\"status\":null,\"since\":null,\"cooling_off_until\":null") }
    // Each status with the fields around it in one piece.
    switch standing.status {
    case .new: out.append(",\"status\":\"new\",\"since\":\"")
    case .pending: out.append(",\"status\":\"pending\",\"since\":\"")
    case .due: out.append(",\"status\":\"due\",\"since\":\"")
    case .unchanged: out.append(",\"status\":\"unchanged\",\"since\":\"")
    case .changed: out.append(",\"status\":\"changed\",\"since\":\"")
    }
    out.appendDate(standing.since)
    out.append("\",\"cooling_off_until\":")
    if let until = standing.coolingOffUntil {
      out.append(UInt8(ascii: "\""))
      out.appendDate(until)
      out.append(UInt8(ascii: "\""))
    } else {
      out.append("null")
    }
  }

  private func appendText(_ text: ReportText, _ out: ByteBuffer) {
    switch text {
    case .none: out.append("null")
    case .constant(let index): out.append(fragments[texts + index])
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

extension ReportOutcome {
  /// Whether the outcome has no clause to show: no notice, cooldown, hold, meeting, reason or
  /// referral.
  @inline(__always)
  fileprivate var hasNoClauses: Bool {
    guard notice == nil, cooldown == nil, !holdUntilPaid, meet == nil else { return false }
    guard case .none = reason, case .none = refer else { return false }
    return true
  }
}

/// Byte strings made once and read by every evaluating thread: stored one after another in
/// memory the store owns, so that reading one touches no reference count. Immutable after `init`.
final class FragmentStore: @unchecked Sendable {
  /// The bytes of every fragment (owned, see `deinit`).
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  /// Where fragment `i` starts; it ends where fragment `i + 1` starts (owned).
  private let starts: UnsafeMutableBufferPointer<Int>

  init(_ fragments: [[UInt8]]) {
    bytes = .allocate(capacity: max(1, fragments.reduce(0) { $0 + $1.count }))
    starts = .allocate(capacity: fragments.count + 1)
    var offset = 0
    for (index, fragment) in fragments.enumerated() {
      starts[index] = offset
      _ = UnsafeMutableBufferPointer(rebasing: bytes[offset...]).initialize(from: fragment)
      offset += fragment.count
    }
    starts[fragments.count] = offset
  }

  deinit {
    bytes.deallocate()
    starts.deallocate()
  }

  /// Fragment `index`.
  @inline(__always)
  subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: bytes.baseAddress! + starts[index], count: starts[index + 1] - starts[index])
  }
}
