import Verdict
import VerdictREPL

/// Collects the explanations and prints them: text as it goes, JSON as one array at the end.
/// Errors go to standard error as diagnostics.
struct ExplainReports {
  let policy: Policy
  let json: Bool
  let tree: Bool
  private(set) var failed = false
  private var objects: [ExplanationJSON] = []
  private var count = 0

  init(policy: Policy, json: Bool, tree: Bool) {
    self.policy = policy
    self.json = json
    self.tree = tree
  }

  mutating func add(_ explanation: Explanation, client: String?) {
    if let error = explanation.error {
      failed = true
      let who = client.map { "\($0): " } ?? ""
      Terminal.error(who + Terminal.diagnosticRenderer.render(error.diagnostic, in: policy.source))
    }
    if json {
      objects.append(ExplanationJSON(explanation, client: client))
    } else {
      Terminal.show((count > 0 ? "\n" : "") + ExplanationText.render(explanation, client: client, tree: tree))
    }
    count += 1
  }

  mutating func fail(_ client: String?, _ message: String) {
    failed = true
    Terminal.problem("\(client.map { "\($0): " } ?? "")\(message)")
  }

  func finish() {
    if json { Terminal.out(ExplanationJSON.render(objects)) }
  }
}
