/// The policy's text of each expression an explanation quotes, worked out once and kept for the
/// next client. One belongs to one thread at a time.
final class ExplanationWording {
  /// The policy the texts come from.
  let policy: Policy
  /// ``ExplanationBuilder/text(_:)`` by range.
  private var texts: [SourceRange: String] = [:]

  /// An empty store for `policy`'s texts.
  init(policy: Policy) {
    self.policy = policy
  }

  /// The text of `range`, made with `make` the first time it is asked for.
  func text(_ range: SourceRange, _ make: (SourceRange) -> String) -> String {
    if let known = texts[range] { return known }
    let made = make(range)
    texts[range] = made
    return made
  }
}
