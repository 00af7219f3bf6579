import Verdict

/// The client a ``BatchEvaluator`` fills row after row, and the run's context, each at an address
/// of its own for as long as the evaluator lives, so that evaluation borrows them
/// (``Policy/report(clientAt:in:)``). Passing the evaluator's stored client by value copied it
/// into the evaluation: a retain and a release of each of its two arrays on every row.
final class RowClient {
  /// The client, reused for every row.
  let client: UnsafeMutablePointer<Client>
  /// The context of every evaluation of the run.
  let context: UnsafeMutablePointer<EvaluationContext>

  /// Keeps `client` and `context` at addresses of their own.
  init(_ client: Client, _ context: EvaluationContext) {
    self.client = .allocate(capacity: 1)
    self.client.initialize(to: client)
    self.context = .allocate(capacity: 1)
    self.context.initialize(to: context)
  }

  deinit {
    client.deinitialize(count: 1)
    client.deallocate()
    context.deinitialize(count: 1)
    context.deallocate()
  }
}
