/// A record table of a policy (`table invoices keyed by customer`): the table's own fields, its
/// key column, and how a record adds to a client's aggregates.
package struct RecordTable: Sendable {
  /// The table's name.
  package let name: String
  /// The header of the column that holds the client's key.
  package let keyColumn: String
  /// Where the policy names the key column.
  package let keyRange: SourceRange
  /// The table as a policy of its own: its ``Policy/fields`` are the table's fields, so that a
  /// table file is bound and read as a client file is.
  package let policy: Policy
  /// What folding a record does for each aggregate over this table, in a buffer of trivial
  /// values: reading them per record copies and reference-counts nothing.
  private let steps: FoldSteps

  /// The table's fields, in slot order: the columns of its file.
  package var fields: [FieldInfo] { policy.fields }

  init(_ table: TableProgram, aggregates: [AggregateInfo], source: SourceFile, syntax: PolicySyntax) {
    name = table.name
    keyColumn = table.keyColumn
    keyRange = table.keyRange
    // The table's own statements are its policy's syntax, so that hints quote its declarations.
    let members = syntax.statements.lazy.compactMap { statement -> [Statement]? in
      guard case .table(let declaration) = statement.kind, declaration.name.name == table.name else { return nil }
      return declaration.members
    }.first
    policy = Policy(
      source: source, syntax: PolicySyntax(statements: members ?? [], comments: []), program: table.program,
      warnings: [])
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

extension RecordTable {
  /// The names of the table's own lets, in the order written.
  package var letNames: [String] {
    policy.program.lets.map(\.name).filter { !$0.hasPrefix("#") }
  }

  /// A record's fields and the table's own lets with their values (a let that fails is
  /// missing), for listing a client's records.
  package func describe(_ record: Client, in context: EvaluationContext) -> [(name: String, value: Value)] {
    var described = policy.fields.indices.map { (policy.fields[$0].name, record.value(at: $0)) }
    for (slot, binding) in policy.program.lets.enumerated() where !binding.name.hasPrefix("#") {
      described.append((binding.name, (try? policy.evaluateLet(slot, record, context)) ?? .missing))
    }
    return described
  }
}

/// A record's values where a reader keeps them, one per field slot.
private struct RecordValues: ClientRecord {
  let base: UnsafePointer<Value>
  let count: Int

  func value(at slot: Int) -> Value { slot < count ? base[slot] : .missing }
}

extension Policy {
  /// What tells one compiled policy from every other, for caches of figures that fit one
  /// compilation only; holding it keeps it from being reused.
  package var identity: AnyObject { runtime }

  /// How many aggregates the policy uses: the client record's slots after ``fields``.
  package var aggregateCount: Int { program.aggregates.count }

  /// `average(invoices.days_late)`: aggregate `index` as written, for messages and explanations.
  package func aggregateText(_ index: Int) -> String { program.aggregates[index].text }

  /// The table aggregate `index` reads, by index in ``tables``.
  package func aggregateTable(_ index: Int) -> Int { program.aggregates[index].table }

  /// The field slots of its table that aggregate `index` reads, through the table's lets too: a
  /// record whose cell in one of them cannot be read leaves the aggregate unknown for its client.
  package func aggregateFieldsRead(_ index: Int) -> [Int] { program.aggregates[index].fieldsRead }

  /// Writes the aggregates' values, from a client's accumulators, into the client's slots after
  /// the fields.
  package func setAggregates(
    of client: inout Client, from accumulators: UnsafePointer<AggregateAccumulator>
  ) {
    let base = program.fields.count
    if client.values.count < base + program.aggregates.count {
      client.values += Array(repeating: .missing, count: base + program.aggregates.count - client.values.count)
    }
    if client.records.count != program.aggregates.count {
      client.records = Array(repeating: RecordTally(counted: 0, missing: 0), count: program.aggregates.count)
    }
    for (index, aggregate) in program.aggregates.enumerated() {
      client.values[base + index] = accumulators[index].result(of: aggregate)
      client.records[index] = RecordTally(counted: accumulators[index].count, missing: accumulators[index].missing)
    }
  }
}
