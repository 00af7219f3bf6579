/// Building clients for a policy from named values.
extension Policy {
  /// Makes a client from values by field name, converting each to its field's type: text is read
  /// as a data cell (`"45d"`, `"1.200,50 €"`, `"2026-11-28"`), and a whole number for a duration
  /// field declared `in days` becomes days.
  ///
  /// ```swift
  /// let client = try policy.client(["payment_delay": "45d", "revisions": 7])
  /// ```
  ///
  /// - Throws: ``ClientError`` for a value that does not fit its field and, with the default
  ///   ``ClientOptions/strict`` options, for a key the policy does not read (with a did-you-mean)
  ///   and for a field the policy reads that is not given (give ``Value/missing`` for an unknown).
  public func client(_ values: [String: Value], options: ClientOptions = .strict) throws(ClientError) -> Client {
    try client(values, options: options, reader: CellReader())
  }

  /// Makes a client from values by field name as ``client(_:options:)`` does, reading text cells
  /// with `reader` (decimal mark, date format) as `verdict run` does with its options.
  package func client(_ values: [String: Value], options: ClientOptions, reader: CellReader) throws(ClientError)
    -> Client
  {
    if options.rejectsUnknownKeys {
      try rejectUnknownKeys(of: values)
    }
    var slots = [Value](repeating: .missing, count: fields.count)
    for (slot, field) in fields.enumerated() {
      guard let value = values[field.name] else {
        if options.requiresEveryField { throw absentFieldError(field) }
        continue
      }
      switch reader.convert(value, for: field) {
      case .success(let converted): slots[slot] = converted
      case .failure(let error): throw ClientError(field: field.name, error: error)
      }
    }
    var refused: ClientError?
    rowCurrencies.settle(&slots) { slot, error in
      refused = refused ?? ClientError(field: fields[slot].name, error: error)
    }
    if let refused { throw refused }
    var client = Client(values: slots)
    client.layout = clientLayout
    return client
  }

  /// Makes a client from values by field name and its records by table name, each record's
  /// values by the table's field names, and folds the records into the policy's aggregates as
  /// `verdict run` does. A table not given has no records. `today` is the date the tables' lets
  /// and conditions read (`where date > today - 30d`). The options apply to the client's values
  /// and to each record's.
  ///
  /// ```swift
  /// let client = try policy.client(
  ///   ["name": "Acme"],
  ///   records: ["invoices": [["amount": "1200.00", "due": "2026-10-01"]]],
  ///   today: CalendarDate("2026-12-01"))
  /// ```
  ///
  /// - Throws: ``ClientError`` for a value that does not fit its field (named `invoices.amount`
  ///   for a record's), a table the policy does not have, a record whose table lets cannot be
  ///   computed, and what ``client(_:options:)`` refuses.
  public func client(
    _ values: [String: Value], records: [String: [[String: Value]]], today: CalendarDate,
    options: ClientOptions = .strict
  ) throws(ClientError) -> Client {
    try client(values, records: records, today: today, options: options, reader: CellReader())
  }

  /// ``client(_:records:today:options:)`` reading text cells with `reader`.
  package func client(
    _ values: [String: Value], records: [String: [[String: Value]]], today: CalendarDate,
    options: ClientOptions, reader: CellReader
  ) throws(ClientError) -> Client {
    var client = try self.client(values, options: options, reader: reader)
    for name in records.keys where !tables.contains(where: { $0.name == name }) {
      let closest = Suggestion.closest(to: name, among: tables.map(\.name))
      throw ClientError(
        .invalidRecords, field: name, message: "the policy has no table '\(Policy.shown(name))'",
        hint: closest.map { "did you mean '\($0)'?" })
    }
    var accumulators = Array(repeating: AggregateAccumulator(), count: aggregateCount)
    let context = EvaluationContext(today: today)
    for table in tables {
      for values in records[table.name] ?? [] {
        let record: Client
        do throws(ClientError) { record = try table.policy.client(values, options: options, reader: reader) } catch {
          throw error.inTable(table.name)
        }
        let failure = accumulators.withUnsafeMutableBufferPointer {
          table.fold(record, in: context, into: $0.baseAddress!)
        }
        if let failure {
          throw ClientError(.invalidRecords, field: table.name, message: failure.message, hint: failure.hint)
        }
      }
    }
    accumulators.withUnsafeBufferPointer { setAggregates(of: &client, from: $0.baseAddress!) }
    return client
  }

  /// Throws for the first key, in sorted order, that names no field of the policy.
  private func rejectUnknownKeys(of values: [String: Value]) throws(ClientError) {
    guard values.count > 0 else { return }
    let known = Set(fields.map(\.name))
    guard let stray = values.keys.filter({ !known.contains($0) }).min() else { return }
    let closest = Suggestion.closest(to: stray, among: fields.map(\.name))
    let hint =
      closest.map { "did you mean '\($0)'?" }
      ?? "the policy reads \(fields.isEmpty ? "no fields" : fields.map { "'\($0.name)'" }.joined(separator: ", "))"
    throw ClientError(
      .unknownKey, field: stray, message: "the policy has no field '\(Policy.shown(stray))'", hint: hint)
  }

  /// A key as given, for a message: its control characters (a NUL, which ended the message a C
  /// caller got, an escape sequence, which a terminal obeys) and line breaks shown as `\u{…}` and
  /// `\n`, as ``Value/quote(_:showingInvisibleSpaces:)`` shows a data cell.
  package static func shown(_ key: String) -> String {
    String(Value.quote(key).dropFirst().dropLast())
  }

  /// The error for a field the policy reads that was not given.
  private func absentFieldError(_ field: FieldInfo) -> ClientError {
    ClientError(
      .absentField, field: field.name, message: "no value given for field '\(field.name)'",
      hint: "give it as .missing if it is unknown, or build the client with options: .absentIsMissing")
  }
}
