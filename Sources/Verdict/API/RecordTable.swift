/// A record table of a policy (`table invoices keyed by customer`), as the runner and the REPL
/// read it: the table's own fields, its key column, and how a record adds to a client's
/// aggregates.
package struct RecordTable: Sendable {
  /// The table's name.
  package let name: String
  /// The header of the column that holds the client's key.
  package let keyColumn: String
  /// The table as a policy of its own: its ``Policy/fields`` are the table's fields, so that a
  /// table file is bound and read as a client file is.
  package let policy: Policy
  /// What folding a record does for each aggregate over this table, in a buffer of trivial
  /// values: reading them per record copies and reference-counts nothing.
  private let steps: FoldSteps

  init(_ table: TableProgram, aggregates: [AggregateInfo], source: SourceFile, syntax: PolicySyntax) {
    name = table.name
    keyColumn = table.keyColumn
    policy = Policy(source: source, syntax: syntax, program: table.program, warnings: [])
    steps = FoldSteps(table.aggregates.map { FoldStep(index: $0, aggregates[$0]) })
  }

  /// Adds one record (values in the table's field slots) to a client's accumulators, which
  /// hold one entry per aggregate of the whole policy; an error leaves them partly updated.
  package func fold(
    _ record: Client, in context: EvaluationContext, into accumulators: UnsafeMutablePointer<AggregateAccumulator>
  ) -> EvaluationError? {
    fold(record, context, accumulators)
  }

  /// Adds one record, its values (one per field slot of the table) read where they are, as
  /// ``fold(_:in:into:)`` does: a runner that converts records in batches copies none.
  package func fold(
    values: UnsafePointer<Value>, in context: EvaluationContext,
    into accumulators: UnsafeMutablePointer<AggregateAccumulator>
  ) -> EvaluationError? {
    fold(RecordValues(base: values, count: policy.fields.count), context, accumulators)
  }

  private func fold<Record: ClientRecord>(
    _ record: Record, _ context: EvaluationContext, _ accumulators: UnsafeMutablePointer<AggregateAccumulator>
  ) -> EvaluationError? {
    var observer = NoObserver()
    let steps = self.steps.buffer
    do throws(EvaluationError) {
      try policy.withInterpreter(record, context, &observer) { (interpreter) throws(Interrupt) in
        for step in steps { try interpreter.fold(step, into: &accumulators[step.index]) }
      }
      return nil
    } catch {
      return error
    }
  }
}

/// A record's values where a reader keeps them, one per field slot.
private struct RecordValues: ClientRecord {
  let base: UnsafePointer<Value>
  let count: Int

  func value(at slot: Int) -> Value { slot < count ? base[slot] : .missing }
}

extension Policy {
  /// How many aggregates the policy uses: the client record's slots after ``fields``.
  package var aggregateCount: Int { program.aggregates.count }

  /// `average(invoices.days_late)`: aggregate `index` as written, for messages and explanations.
  package func aggregateText(_ index: Int) -> String { program.aggregates[index].text }

  /// The table aggregate `index` reads, by index in ``tables``.
  package func aggregateTable(_ index: Int) -> Int { program.aggregates[index].table }

  /// Writes the aggregates' values, from a client's accumulators, into the client's slots after
  /// the fields.
  package func setAggregates(
    of client: inout Client, from accumulators: UnsafePointer<AggregateAccumulator>
  ) {
    let base = program.fields.count
    if client.values.count < base + program.aggregates.count {
      client.values += Array(repeating: .missing, count: base + program.aggregates.count - client.values.count)
    }
    for (index, aggregate) in program.aggregates.enumerated() {
      client.values[base + index] = accumulators[index].result(of: aggregate)
    }
  }
}
