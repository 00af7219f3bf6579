/// Building clients for a policy from named values.
extension Policy {
  /// Makes a client from values by field name, converting each to its field's type (a whole
  /// number for a duration field declared `in days` becomes days; text is read as a data cell).
  /// Names the policy does not use are ignored; fields not given are missing.
  public func client(_ values: [String: Value], reader: CellReader = CellReader()) throws(ClientError) -> Client {
    var slots = [Value](repeating: .missing, count: fields.count)
    for (slot, field) in fields.enumerated() {
      guard let value = values[field.name] else { continue }
      switch reader.convert(value, for: field) {
      case .success(let converted): slots[slot] = converted
      case .failure(let error): throw ClientError(field: field.name, error: error)
      }
    }
    return Client(values: slots)
  }

  /// Makes a client from values by field name and its records by table name, each record's
  /// values by the table's field names, and folds the records into the policy's aggregates as
  /// `verdict run` does. A table not given has no records. `today` is the date the tables' lets
  /// and conditions read (`where date > today - 30d`).
  ///
  /// ```swift
  /// let client = try policy.client(
  ///   ["name": .text("Acme")],
  ///   records: ["invoices": [["amount": .text("1200.00"), "due": .text("2026-10-01")]]],
  ///   today: CalendarDate(year: 2026, month: 12, day: 1)!)
  /// ```
  ///
  /// - Throws: ``ClientError`` for a value that does not fit its field (named `invoices.amount`
  ///   for a record's), a table the policy does not have, or a record whose table lets cannot
  ///   be computed.
  public func client(
    _ values: [String: Value], records: [String: [[String: Value]]], today: CalendarDate,
    reader: CellReader = CellReader()
  ) throws(ClientError) -> Client {
    var client = try self.client(values, reader: reader)
    for name in records.keys where !tables.contains(where: { $0.name == name }) {
      throw ClientError(field: name, error: CellError(message: "the policy has no table '\(name)'"))
    }
    var accumulators = Array(repeating: AggregateAccumulator(), count: aggregateCount)
    let context = EvaluationContext(today: today)
    for table in tables {
      for values in records[table.name] ?? [] {
        let record: Client
        do throws(ClientError) { record = try table.policy.client(values, reader: reader) } catch {
          throw ClientError(field: "\(table.name).\(error.field)", error: error.error)
        }
        let failure = accumulators.withUnsafeMutableBufferPointer {
          table.fold(record, in: context, into: $0.baseAddress!)
        }
        if let failure {
          throw ClientError(field: table.name, error: CellError(message: failure.message, hint: failure.hint))
        }
      }
    }
    accumulators.withUnsafeBufferPointer { setAggregates(of: &client, from: $0.baseAddress!) }
    return client
  }
}

/// A client value that does not fit its field.
public struct ClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The field's name.
  public var field: String
  /// What is wrong with the value.
  public var error: CellError

  /// `payment_delay: "fourty" is not a duration`.
  public var description: String { "\(field): \(error.message)" }
}
