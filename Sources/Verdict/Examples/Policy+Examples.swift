/// Running a policy's examples, for `verdict test`.
extension Policy {
  /// The examples of a test file (`firing_test.verdict` for `firing.verdict`), checked against this
  /// policy, with every diagnostic found. A test file holds only `example` statements, named
  /// apart from each other and from the policy's own.
  package func examples(in testFile: SourceFile) -> (examples: [PolicyExample], diagnostics: [Diagnostic]) {
    let parsed = Parser.parse(testFile)
    guard !parsed.diagnostics.containsErrors else { return ([], parsed.diagnostics) }
    var checker = ExampleChecker(program: program, policyText: source.bytes, source: testFile)
    checker.reserveNames(of: syntax.statements, in: source)
    let examples = checker.check(parsed.syntax.statements, onlyExamples: true)
    return (checker.diagnostics.containsErrors ? [] : examples, parsed.diagnostics + checker.diagnostics)
  }

  /// Runs one example: builds its client (values may use `today` from `context`), evaluates the
  /// policy and compares the outcome with the expectation.
  ///
  /// With `population`, built once from the clients of a data set (``PopulationBuilder``) and
  /// shared by every example, `share`, `rank` and `percentile` measure the example's client as
  /// one more of them; otherwise they use `context`'s population (usually none, so they are
  /// unknown).
  package func run(
    _ example: PolicyExample, in context: EvaluationContext, population: Population?
  ) -> ExampleResult {
    var result = ExampleResult(
      example: example, client: nil, context: nil, evaluation: nil, failure: nil, mismatches: [],
      expected: expectation(of: example))
    let constants = ExampleConstants(today: context.today)
    var values = [Value](repeating: .missing, count: program.fields.count)
    for (slot, expr) in example.values {
      switch ExampleValues.read(expr, for: program.fields[slot], constants) {
      case .success(let value): values[slot] = value
      case .failure(let diagnostic):
        result.failure = ExampleFailure(diagnostic: diagnostic, source: example.source)
        return result
      }
    }
    if let diagnostic = ExampleValues.settle(&values, by: rowCurrencies, written: example.values) {
      result.failure = ExampleFailure(diagnostic: diagnostic, source: example.source)
      return result
    }
    var client = Client(values: values)
    if aggregateCount > 0 {
      let (accumulators, failure) = aggregates(of: example, in: context, constants)
      if let failure {
        result.failure = failure
        return result
      }
      accumulators.withUnsafeBufferPointer { setAggregates(of: &client, from: $0.baseAddress!) }
    }
    result.client = client
    var context = context
    if let population, population.measuresAnything {
      context.population = population.including(client)
    }
    result.context = context
    let evaluation: Evaluation
    do throws(EvaluationError) {
      evaluation = try evaluate(client, in: context, allowingMissingPopulation: true)
    } catch {
      result.failure = ExampleFailure(diagnostic: error.diagnostic, source: source)
      return result
    }
    result.evaluation = evaluation
    guard evaluation.severity == example.verdict else {
      // Another verdict's clauses differ as a matter of course; listing them would bury the point.
      result.mismatches = [.verdict(expected: program.verdicts[example.verdict], got: evaluation.verdict)]
      return result
    }
    for clause in example.clauses {
      let expected: Value?
      switch ExampleValues.expected(clause, constants) {
      case .success(let value): expected = value
      case .failure(let diagnostic):
        result.failure = ExampleFailure(diagnostic: diagnostic, source: example.source)
        return result
      }
      let written = Policy.writtenValue(of: clause, in: example.source)
      if let mismatch = Policy.mismatch(clause, expected: expected, written: written, in: evaluation.clauses) {
        result.mismatches.append(mismatch)
      }
    }
    return result
  }

  /// The text of a clause's value as the example wrote it (`14d`, not `2w`).
  /// Folds an example's records into a client's accumulators, one per aggregate.
  private func aggregates(of example: PolicyExample, in context: EvaluationContext, _ constants: ExampleConstants)
    -> (accumulators: [AggregateAccumulator], failure: ExampleFailure?)
  {
    var accumulators = Array(repeating: AggregateAccumulator(), count: aggregateCount)
    for (table, records) in example.records {
      let fields = program.tables[table].program.fields
      for written in records {
        var values = [Value](repeating: .missing, count: fields.count)
        for (slot, expr) in written {
          switch ExampleValues.read(expr, for: fields[slot], constants) {
          case .success(let value): values[slot] = value
          case .failure(let diagnostic): return ([], ExampleFailure(diagnostic: diagnostic, source: example.source))
          }
        }
        if let diagnostic = ExampleValues.settle(&values, by: tables[table].policy.rowCurrencies, written: written) {
          return ([], ExampleFailure(diagnostic: diagnostic, source: example.source))
        }
        let failure = accumulators.withUnsafeMutableBufferPointer { buffer in
          tables[table].fold(Client(values: values), in: context, into: buffer.baseAddress!)
        }
        if let failure { return ([], ExampleFailure(diagnostic: failure.diagnostic, source: source)) }
      }
    }
    return (accumulators, nil)
  }

  private static func writtenValue(of clause: Clause, in source: SourceFile) -> String? {
    switch clause.kind {
    case .notice(let expr), .cooldown(let expr), .reason(let expr), .refer(let expr):
      return String(decoding: source.bytes[expr.range.start..<expr.range.end], as: UTF8.self)
    case .holdUntilPaid, .meet: return nil
    }
  }

  /// `notice: expected 30d, got 9w`, or `nil` when the clause is as expected.
  private static func mismatch(_ clause: Clause, expected: Value?, written: String?, in actual: Clauses)
    -> ExampleMismatch?
  {
    let got: Value?
    let wanted: Value?
    switch clause.kind {
    case .notice: (got, wanted) = (actual.notice.map(Value.duration), expected)
    case .cooldown: (got, wanted) = (actual.cooldown.map(Value.duration), expected)
    case .reason: (got, wanted) = (actual.reason.map(Value.text), expected)
    case .refer: (got, wanted) = (actual.refer.map(Value.text), expected)
    case .holdUntilPaid:
      return actual.holdUntilPaid ? nil : .clause(keyword: clause.keyword, expected: nil, got: nil)
    case .meet(let mode):
      guard actual.meet != mode else { return nil }
      return .clause(keyword: clause.keyword, expected: mode.rawValue, got: actual.meet?.rawValue)
    }
    guard got != wanted else { return nil }
    return .clause(keyword: clause.keyword, expected: written ?? wanted?.description, got: got?.description)
  }

  /// The expectation as written: `fire notice 30d hold until paid`.
  private func expectation(of example: PolicyExample) -> String {
    let source = example.source
    let clauses = example.clauses.map { clause in
      String(decoding: source.bytes[clause.range.start..<clause.range.end], as: UTF8.self)
    }
    return ([program.verdicts[example.verdict]] + clauses).joined(separator: " ")
  }
}

extension Policy {
  /// Runs one of the policy's ``examples``: builds its client (values may use `today` from
  /// `context`), evaluates the policy and compares the outcome with what the example expects.
  /// `share`, `rank` and `percentile` are missing unless `context` has a population. An example
  /// of another policy (one whose text differs) is not run: its result is a failure saying so,
  /// since its values and verdict are numbered by that policy's fields and verdicts.
  public func run(_ example: PolicyExample, in context: EvaluationContext) -> ExampleResult {
    guard example.policyText == source.bytes else {
      let diagnostic = Diagnostic.error(
        "example-of-another-policy", "example \(Value.quote(example.name)) belongs to another policy",
        at: example.range, hint: "run each policy's own examples, from its examples property")
      return ExampleResult(
        example: example, client: nil, context: nil, evaluation: nil,
        failure: ExampleFailure(diagnostic: diagnostic, source: example.source), mismatches: [],
        expected: String(decoding: example.source.bytes[example.range.start..<example.range.end], as: UTF8.self))
    }
    return run(example, in: context, population: nil)
  }

  /// Explains the outcome for one client: each rule's condition with the values it was computed
  /// from, the winner and why it won, and the facts behind each rule's outcome. Render it with
  /// ``ExplanationText/render(_:client:tree:)``. A client, or a context's population, made by a
  /// policy with other fields is not evaluated: the explanation is the error
  /// ``evaluate(_:in:)-(Client,_)`` throws.
  public func explain(_ client: Client, in context: EvaluationContext) -> Explanation {
    if let mismatch = layoutMismatch(of: client, in: context) {
      let builder = ExplanationBuilder(
        policy: self, values: TraceValues(count: program.nodeCount),
        fields: Array(repeating: .missing, count: program.fields.count), wording: ExplanationWording(policy: self))
      return builder.explanation(of: .failure(mismatch))
    }
    return explain(record: client, in: context)
  }
}
