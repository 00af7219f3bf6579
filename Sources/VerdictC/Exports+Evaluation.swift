import Verdict

// The C interface, part two: evaluating and explaining one client. Both only read the policy
// and the context, so any number of threads may call them with the same handles at once.

/// `verdict_evaluate`: evaluates the policy on the client `clientJSON` describes; on success
/// `*outcome` is the outcome as a JSON object (see `OutcomeJSON`).
@c(verdict_evaluate)
public func verdictEvaluate(
  _ policy: OpaquePointer?, _ context: OpaquePointer?, _ clientJSON: UnsafePointer<CChar>?,
  _ outcome: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  outcome?.pointee = nil
  return entryPoint(error) { () throws(CallFailure) in
    let request = try ClientRequest(policy, context, clientJSON, outcome, "outcome", of: "verdict_evaluate")
    let evaluation: Evaluation
    do throws(EvaluationError) {
      // One client, no others: `share`, `rank` and `percentile` are unknown, as the header says.
      evaluation = try request.policy.evaluate(request.client, in: request.context, allowingMissingPopulation: true)
    } catch {
      throw request.failure(error)
    }
    try CString.store(
      try JSONText.render(OutcomeJSON(evaluation, policy: request.policy)), in: request.out, of: "verdict_evaluate")
  }
}

/// `verdict_explain`: explains the verdict for the client `clientJSON` describes, as text, text
/// with condition trees, or JSON (`format`, a `verdict_format`).
@c(verdict_explain)
public func verdictExplain(
  _ policy: OpaquePointer?, _ context: OpaquePointer?, _ clientJSON: UnsafePointer<CChar>?, _ format: CInt,
  _ explanation: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  explanation?.pointee = nil
  return entryPoint(error) { () throws(CallFailure) in
    let function = "verdict_explain"
    guard let format = ExplanationFormat(rawValue: format) else {
      throw .argument("\(function): format is \(format); it takes VERDICT_FORMAT_TEXT, _TEXT_TREE or _JSON (0, 1, 2)")
    }
    let request = try ClientRequest(policy, context, clientJSON, explanation, "explanation", of: function)
    let explained = request.policy.explain(request.client, in: request.context)
    if let failure = explained.error { throw request.failure(failure) }
    let text =
      switch format {
      case .text: ExplanationText.render(explained, client: nil)
      case .textTree: ExplanationText.render(explained, client: nil, tree: true)
      case .json: try JSONText.render(ExplanationJSON(explained, client: nil))
      }
    try CString.store(text, in: request.out, of: function)
  }
}

/// `verdict_format` in `include/verdict.h`: how `verdict_explain` writes an explanation.
enum ExplanationFormat: CInt {
  /// As `verdict explain` prints it.
  case text = 0
  /// As `verdict explain --tree` prints it.
  case textTree = 1
  /// One object of the array `verdict explain --format json` prints.
  case json = 2
}

/// The arguments evaluating and explaining share, checked and read: the policy, the context
/// (the local date when NULL), the client and where the result goes.
struct ClientRequest {
  let policy: Policy
  let context: EvaluationContext
  let client: Client
  let out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

  init(
    _ policy: OpaquePointer?, _ context: OpaquePointer?, _ clientJSON: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outName: String, of function: String
  ) throws(CallFailure) {
    self.policy = try Handle.borrow(policy, as: PolicyHandle.self, "policy", of: function).policy
    self.context =
      if let context { try Handle.borrow(context, as: ContextHandle.self, "context", of: function).context } else {
        EvaluationContext()
      }
    let text = try CString.read(clientJSON, "client_json", of: function)
    guard let out else { throw .argument("\(function): \(outName) is NULL") }
    self.out = out
    client = try ClientJSON.client(text, for: self.policy)
  }

  /// An evaluation that failed, as the diagnostic `verdict eval` prints.
  func failure(_ error: EvaluationError) -> CallFailure {
    CallFailure(status: .evaluation, message: DiagnosticRenderer().render(error.diagnostic, in: policy.source))
  }
}
