/// Evaluating a whole population: the clients that `share`, `rank` and `percentile` compare each
/// client with.
extension Policy {
  /// The figures over `clients` that the policy's population functions read (totals for `share`,
  /// sorted values for `rank` and `percentile`), for an ``EvaluationContext``. A client made by a
  /// policy with other fields is left out: its values sit in other slots, and evaluating it with
  /// this policy fails.
  public func population(of clients: some Sequence<Client>) -> Population {
    var builder = PopulationBuilder(for: self)
    for client in clients where layoutMismatch(of: client) == nil { builder.add(client) }
    return builder.build()
  }

  /// Evaluates the policy on every client of a population, as `verdict run` does with a data
  /// file: when the policy needs it and `context` has none, the population of `clients` is
  /// gathered first. One client's failure (an overflow, a division by zero) is its own result and
  /// does not stop the others, and nor does a client made by a policy with other fields, whose
  /// result is the error of ``evaluate(_:in:)-(Client,_)``.
  ///
  /// ```swift
  /// let outcomes = policy.evaluate(clients, in: EvaluationContext(today: try CalendarDate("2026-12-05")))
  /// ```
  public func evaluate(_ clients: [Client], in context: EvaluationContext) -> [Result<Evaluation, EvaluationError>] {
    var context = context
    if needsPopulation, context.population == nil {
      context.population = population(of: clients)
    }
    return clients.map { client in
      Result { () throws(EvaluationError) in try evaluate(client, in: context, allowingMissingPopulation: true) }
    }
  }

  /// Evaluates the policy on one client.
  ///
  /// - Throws: ``EvaluationError`` when the evaluation fails (an overflow, a division by zero),
  ///   and when the policy needs a population (``needsPopulation``) that `context` does not give:
  ///   evaluate all the clients at once with ``evaluate(_:in:)-([Client],_)``, or put
  ///   ``population(of:)`` in the context; and when `client`, or the context's population, was
  ///   made by a policy with other fields, whose values sit in other slots (make them with this
  ///   policy's ``client(_:options:)`` and ``population(of:)``).
  public func evaluate(_ client: Client, in context: EvaluationContext) throws(EvaluationError) -> Evaluation {
    if let mismatch = layoutMismatch(of: client, in: context) { throw mismatch }
    if needsPopulation, context.population == nil { throw missingPopulation() }
    var observer = NoObserver()
    return try run(client, context, &observer)
  }

  /// Evaluates the policy on one client; without a population in `context`, `share`, `rank` and
  /// `percentile` are missing (as in `verdict eval` and the REPL) when `allowingMissingPopulation`.
  ///
  /// This overload is compiled for ``Client`` inside the library, so it runs at full speed from
  /// any module; the generic one serves records of other types.
  package func evaluate(_ client: Client, in context: EvaluationContext, allowingMissingPopulation: Bool)
    throws(EvaluationError) -> Evaluation
  {
    if let mismatch = layoutMismatch(of: client, in: context) { throw mismatch }
    if !allowingMissingPopulation, needsPopulation, context.population == nil { throw missingPopulation() }
    var observer = NoObserver()
    return try run(client, context, &observer)
  }

  /// The error for one client evaluated without the population its policy needs.
  private func missingPopulation() -> EvaluationError {
    let measure = program.populationNeeds.first?.measure.rawValue ?? "share"
    return EvaluationError(
      message: "the policy compares each client with all the others (\(measure)), but the context has no population",
      hint: "evaluate all the clients at once with evaluate(_ clients:in:), "
        + "or give the context a population: EvaluationContext(population: policy.population(of: clients))",
      range: .at(0))
  }
}
