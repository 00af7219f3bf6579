/// Which of a policy's values each slot of a ``Client`` holds: its fields (name, type, unit,
/// currency, format), then its aggregates, then its history facts.
///
/// A client is a list of values by slot, so a client made by one policy and evaluated with
/// another whose fields are in a different order (`field b` before `field a`) read each value as
/// another field's and gave a verdict without an error. Every client that
/// ``Policy/client(_:options:)`` makes keeps its policy's layout, and evaluating, explaining and
/// measuring it with a policy of another layout is refused. Two compilations of the same policy,
/// or of policies that declare the same fields, tables and aggregates, share a layout.
package struct ClientLayout: Sendable, Hashable {
  /// A hash of everything that decides which value sits in which slot: equal layouts are equal
  /// here, and different ones differ but for a chance of one in 2^64. Clients live in one
  /// process, as does the hasher's seed.
  private let fingerprint: Int

  init(_ program: Program) {
    var hasher = Hasher()
    hasher.combine(program.fields)
    hasher.combine(program.aggregates.count)
    for aggregate in program.aggregates {
      hasher.combine(aggregate.function)
      hasher.combine(aggregate.table)
      hasher.combine(aggregate.type)
    }
    hasher.combine(program.historyFacts)
    fingerprint = hasher.finalize()
  }
}

extension Policy {
  /// Why `client` cannot be evaluated with this policy: it was made by a policy whose fields sit
  /// in other slots. `nil` for a client of this layout, and for one the library's readers made.
  @inline(__always)
  func layoutMismatch(of client: Client) -> EvaluationError? {
    guard let layout = client.layout, layout != clientLayout else { return nil }
    return Policy.foreignClient()
  }

  /// Why `client` cannot be evaluated with this policy in `context`: as
  /// ``layoutMismatch(of:)``, or the context's population was gathered by a policy whose fields
  /// sit in other slots (its totals and sorted values are by slot, so `share(x)` would read
  /// another field's). Inlined, the errors made out of line: every evaluation asks, and the call
  /// with the context cost 30 instructions of `verdict-bench eval`'s 1,600.
  @inline(__always)
  func layoutMismatch(of client: Client, in context: EvaluationContext) -> EvaluationError? {
    if let mismatch = layoutMismatch(of: client) { return mismatch }
    guard let layout = context.population?.layout, layout != clientLayout else { return nil }
    return Policy.foreignPopulation()
  }

  @inline(never)
  private static func foreignClient() -> EvaluationError {
    EvaluationError(
      message: "the client was made by a policy with other fields, whose values sit in other slots",
      hint: "make the client with this policy: policy.client(_:options:)", range: .at(0))
  }

  @inline(never)
  private static func foreignPopulation() -> EvaluationError {
    EvaluationError(
      message: "the context's population was gathered by a policy with other fields, whose values sit in other slots",
      hint: "gather it with this policy: EvaluationContext(population: policy.population(of: clients))",
      range: .at(0))
  }
}
