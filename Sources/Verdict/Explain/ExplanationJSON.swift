/// An explanation as JSON: one object a client, with every rule, its outcome, the facts behind it
/// and its condition tree, as `verdict explain --format json` prints them in an array and
/// `verdict_explain` of the C interface returns one. Values are strings as the language writes
/// them (`"42d"`, `"true"`, `"missing"`); a node that was not computed has no `value`.
package struct ExplanationJSON: Encodable, Sendable {
  /// A part of a rule's condition, with its value.
  package struct Node: Encodable, Sendable {
    var kind: String
    var text: String
    var value: String?
    var detail: String
    var margin: String?
    var missing: [String]?
    var unmeasured: [String]?
    var children: [Node]?

    package init(_ node: ConditionNode) {
      kind = node.kind.rawValue
      text = node.text
      value = node.value?.description
      detail = node.detail
      margin = node.margin
      missing = node.missing.isEmpty ? nil : node.missing
      unmeasured = node.unmeasured.isEmpty ? nil : node.unmeasured
      children = node.children.isEmpty ? nil : node.children.map(Node.init)
    }
  }

  /// A rule and the facts behind its outcome.
  package struct Rule: Encodable, Sendable {
    var number: Int
    var name: String?
    var verdict: String
    var line: Int
    var outcome: String
    var findings: [String]
    var condition: Node
  }

  /// The winning action's clauses; absent ones are left out.
  package struct Clauses: Encodable, Sendable {
    var notice: String?
    var cooldown: String?
    var reason: String?
    var refer: String?
    var holdUntilPaid: Bool?
    var meet: String?
  }

  var client: String?
  var verdict: String
  /// The winning rule's number (1-based, as messages count rules), or `nil` for `otherwise`.
  var rule: Int?
  var decision: String
  var clauses: Clauses
  var rules: [Rule]
  var error: String?

  /// The JSON of `explanation`; `client` names the client (`nil`: the key is left out).
  package init(_ explanation: Explanation, client: String?) {
    self.client = client
    verdict = explanation.verdict
    rule = explanation.winningRule.map { $0 + 1 }
    decision = ExplanationJSON.decision(explanation.decision)
    let given = explanation.clauses
    clauses = Clauses(
      notice: given.notice?.description, cooldown: given.cooldown?.description, reason: given.reason,
      refer: given.refer, holdUntilPaid: given.holdUntilPaid ? true : nil, meet: given.meet?.rawValue)
    rules = explanation.rules.map { rule in
      Rule(
        number: rule.index + 1, name: rule.name, verdict: rule.verdict, line: rule.line,
        outcome: rule.outcome.rawValue, findings: rule.findings.map(\.text), condition: Node(rule.condition))
    }
    error = explanation.error?.message
  }

  /// The JSON of a client whose row could not be read, so not evaluated: verdict `error`,
  /// decision `unreadable`, no rules, and why in `error` (as a run's report has such a row).
  package init(unreadable client: String?, error: String) {
    self.client = client
    verdict = "error"
    rule = nil
    decision = "unreadable"
    clauses = Clauses()
    rules = []
    self.error = error
  }

  /// `otherwise`, `only-match`, `most-severe`, `earliest-of-most-severe`, `first-match`, `failed`
  /// (and `unreadable`, of ``init(unreadable:error:)``, for a row that could not be read).
  package static func decision(_ decision: Decision) -> String {
    switch decision {
    case .otherwise: "otherwise"
    case .onlyMatch: "only-match"
    case .mostSevere: "most-severe"
    case .earliestOfMostSevere: "earliest-of-most-severe"
    case .firstMatch: "first-match"
    case .failed: "failed"
    }
  }
}
