/// The policy's text of each expression an explanation quotes, worked out once and kept for the
/// next client: a run with `--explain` words the same few conditions for every client.
///
/// It also keeps the room a trace takes. One belongs to one thread at a time (a runner's
/// evaluating thread keeps its own).
package final class ExplanationWording {
  /// The policy the texts come from.
  let policy: Policy
  /// ``ExplanationBuilder/text(_:)`` by range.
  private var texts: [SourceRange: String] = [:]
  /// The trace of the client being explained, cleared for each.
  let values: TraceValues

  /// An empty store for `policy`'s texts.
  package init(policy: Policy) {
    self.policy = policy
    values = TraceValues(count: policy.program.nodeCount)
  }

  /// The text of `range`, made with `make` the first time it is asked for.
  func text(_ range: SourceRange, _ make: (SourceRange) -> String) -> String {
    if let known = texts[range] { return known }
    let made = make(range)
    texts[range] = made
    return made
  }
}
