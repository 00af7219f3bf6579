import Verdict
import VerdictData
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

  /// Adds the explanation of `client` (its key; `nil` for the client of `--set`). The text
  /// shows the key's control characters, its tabs too (``MessageText``), where JSON keeps it as
  /// it is.
  mutating func add(_ explanation: Explanation, client: String?) {
    let shownClient = client.map(MessageText.escaped)
    if let error = explanation.error {
      failed = true
      let who = shownClient.map { "\($0): " } ?? ""
      Terminal.error(who + Terminal.diagnosticRenderer.render(error.diagnostic, in: policy.source))
    }
    if json {
      objects.append(ExplanationJSON(explanation, client: client))
    } else {
      Terminal.show((count > 0 ? "\n" : "") + ExplanationText.render(explanation, client: shownClient, tree: tree))
    }
    count += 1
  }

  /// Says that `client`'s row could not be read; in JSON it is an object of the array too, as
  /// a run's report has a row for it (``ExplanationJSON/init(unreadable:error:)``).
  mutating func fail(_ client: String?, _ message: String) {
    failed = true
    Terminal.problem("\(client.map { "\(MessageText.escaped($0)): " } ?? "")\(message)")
    if json { objects.append(ExplanationJSON(unreadable: client, error: message)) }
  }

  func finish() {
    if json { Terminal.out(ExplanationJSON.render(objects)) }
  }
}
