import Verdict

/// The records of a policy's tables, read whole for the commands that look at clients one at a
/// time (`explain`, the REPL, `test --data`): each client's aggregates, by key.
package final class TableRecords: @unchecked Sendable {
  private let store: AggregateStore
  /// The files read, by table, for messages.
  package let files: [TableFile]

  private init(store: AggregateStore, files: [TableFile]) {
    self.store = store
    self.files = files
  }

  /// Reads the files of `policy`'s tables as `verdict run` reads them (their columns checked
  /// first), with `today` for the tables' lets and conditions.
  /// - Throws: ``RunFailure`` for a table without a file, a missing column, a file that cannot be
  ///   read to the end.
  package static func read(
    for policy: Policy, files: [TableFile], options: DataReadOptions, today: CalendarDate,
    renderer: DiagnosticRenderer = DiagnosticRenderer()
  ) throws(RunFailure) -> TableRecords {
    let pass = TablePass(
      policy: policy, files: files, reading: options, renderer: renderer,
      context: EvaluationContext(today: today))
    return TableRecords(store: try pass.run(try pass.prepare()), files: files)
  }

  /// The clients the tables name, in the order they first appear.
  package var keys: [String] { store.keys }

  /// Why the client `key` cannot be evaluated (one of its records could not be read), or `nil`.
  package func damage(of key: String) -> String? {
    store.client(named: AggregateStore.key(key)).flatMap(store.damageMessage(of:))
  }

  /// Fills `client`'s aggregates (a client of `policy`) from the records of `key`; a key with
  /// no records gets the aggregates of no records.
  package func setAggregates(of client: inout Client, key: String, policy: Policy) {
    store.setAggregates(of: &client, client: store.client(named: AggregateStore.key(key)), policy: policy)
  }
}

extension AggregateStore {
  /// The key as the store files it, from text.
  static func key(_ text: String) -> String {
    var text = text
    return text.withUTF8 { key($0) }
  }
}
