import Verdict

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An evaluation as `verdict_evaluate` returns it: the keys of a `verdict run --format json` row
/// (without `client`, `error` and `source`, which belong to a data file), every one present and
/// `null` when absent, and the rules behind the verdict.
///
/// ```json
/// {"cooldown":null,"hold_until_paid":false,"matched":["slow payer"],"meet":null,"notice":"30d",
///  "reason":null,"refer":null,"rule":"slow payer","unknown":[],"verdict":"fire"}
/// ```
struct OutcomeJSON: Encodable {
  var verdict: String
  /// The winning rule as the run's reports name it, `nil` when `otherwise` decided.
  var rule: String?
  var notice: String?
  var cooldown: String?
  var holdUntilPaid: Bool
  var meet: String?
  var reason: String?
  var refer: String?
  /// Every rule whose condition held, in file order.
  var matched: [String]
  /// Every rule that missing data left undecided, in file order.
  var unknown: [String]

  enum CodingKeys: String, CodingKey {
    case verdict, rule, notice, cooldown, meet, reason, refer, matched, unknown
    case holdUntilPaid = "hold_until_paid"
  }

  init(_ evaluation: Evaluation, policy: Policy) {
    let names = OutcomeJSON.ruleNames(policy)
    verdict = evaluation.verdict
    rule = evaluation.winningRule.map { names[$0] }
    let clauses = evaluation.clauses
    notice = clauses.notice?.description
    cooldown = clauses.cooldown?.description
    holdUntilPaid = clauses.holdUntilPaid
    meet = clauses.meet?.rawValue
    reason = clauses.reason
    refer = clauses.refer
    matched = evaluation.matchedRules.map { names[$0] }
    unknown = evaluation.unknownRules.map { names[$0] }
  }

  /// Every key, `null` included, so that callers find the same keys in every outcome.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(rule, forKey: .rule)
    try container.encode(notice, forKey: .notice)
    try container.encode(cooldown, forKey: .cooldown)
    try container.encode(holdUntilPaid, forKey: .holdUntilPaid)
    try container.encode(meet, forKey: .meet)
    try container.encode(reason, forKey: .reason)
    try container.encode(refer, forKey: .refer)
    try container.encode(matched, forKey: .matched)
    try container.encode(unknown, forKey: .unknown)
  }

  /// The rules as the run's reports name them: by name, or `line 3` for an unnamed rule.
  static func ruleNames(_ policy: Policy) -> [String] {
    policy.ruleLabels
  }
}

/// Values as JSON text for the C caller: sorted keys, one line, so that output is stable.
enum JSONText {
  static func render(_ value: some Encodable) throws(CallFailure) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw CallFailure(status: .evaluation, message: "the result could not be written as JSON: \(error)")
    }
  }
}
