import Verdict

/// The records of a policy's tables, read whole for the commands that look at clients one at a
/// time (`explain`, the REPL, `test --data`): each client's aggregates, by key.
package final class TableRecords: @unchecked Sendable {
  private let store: AggregateStore
  /// The files read, by table, for messages.
  package let files: [TableFile]
  /// The file of each of the policy's tables, in the policy's order (the store's table numbers);
  /// empty for a table without one.
  private let tablePaths: [String]
  /// The compiled policy whose aggregates were folded: the figures fit that policy only.
  private let policyIdentity: AnyObject

  private init(store: AggregateStore, files: [TableFile], policy: Policy) {
    self.store = store
    self.files = files
    tablePaths = TableFile.paths(files, byTableOf: policy)
    policyIdentity = policy.identity
  }

  /// Whether these are the aggregates of `policy`, this very compilation (another has other
  /// aggregates, or the same ones in another order).
  package func fit(_ policy: Policy) -> Bool { policy.identity === policyIdentity }

  /// Folds tables read into memory (by table name, each read keyed by its table's key column)
  /// for `policy`; a table of the policy without data has no records. Each file's decimal marks
  /// are decided for its table as `policy` declares it, from the columns it reads, as `verdict
  /// run` decides them: a mark decided for an earlier policy (another column read) is not kept.
  package static func fold(_ tables: [String: ClientTable], for policy: Policy, today: CalendarDate) -> TableRecords {
    let store = AggregateStore(
      aggregateCount: policy.aggregateCount, tableCount: policy.tables.count, reads: AggregateReads(policy: policy))
    let context = EvaluationContext(today: today)
    for (index, table) in policy.tables.enumerated() {
      guard let data = tables[table.name]?.deciding(for: table.policy) else { continue }
      // Noted from the records as they are folded, as a run's tables note them.
      var variants = TextVariants(table.policy)
      for row in data.rows {
        let key = AggregateStore.key(row.key)
        let place = "\(data.name):\(row.line)"
        // As `verdict run` (TableReader): a record that cannot be read names its client only
        // when the source is sure of its key (the row then comes with it).
        guard !key.isEmpty else {
          store.keylessRecord("\(place): \(row.problem ?? "the '\(table.keyColumn)' cell is empty")")
          continue
        }
        var bytes = key
        let client = bytes.withUTF8 { store.client($0, table: index, line: row.line) }
        if let problem = row.problem {
          store.account(
            client, table: index, line: row.line, at: place, problem: RecordProblem(record: 0, message: problem)
          ) { _ in nil }
          continue
        }
        let (record, problem, badSlots) = data.record(row, for: table.policy)
        if problem == nil {
          record.values.withUnsafeBufferPointer { variants.note($0.baseAddress!, source: 0, line: row.line) }
        }
        store.account(
          client, table: index, line: row.line, at: place,
          problem: problem.map { RecordProblem(record: 0, message: $0, badSlots: badSlots) }
        ) { accumulators in
          table.fold(record, in: context, into: accumulators).map { $0.rowMessage(in: table.policy) }
        }
      }
      store.textVariants += variants.warnings(fields: table.policy.fields, sources: [data.name], table: table.name)
    }
    let files = policy.tables.compactMap { table in
      tables[table.name].map { TableFile(name: table.name, path: $0.name) }
    }
    return TableRecords(store: store, files: files, policy: policy)
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
    return TableRecords(store: try pass.run(try pass.prepare()), files: files, policy: policy)
  }

  /// The warnings about texts the tables' filters compare with that their records write another
  /// way (``TextVariants``), as a run's summary gives them, `warning: ` first.
  package var textVariants: [String] { store.textVariants }

  /// The warning about the records counted for no client (no key that can be trusted: a blank
  /// key cell, a record that cannot be read as one), as a run's summary gives it; `nil` for none.
  /// Any client's figures may lack them.
  package var uncountedRecords: String? {
    UnmatchedRecords.keylessSentence(store.keyless.count, first: store.keyless.first)
  }

  /// The warning about the records whose key matches none of `clients` (the keys of the client
  /// file `clientFile`), as a run's summary gives it, with the client each was likely meant for;
  /// `nil` when every record's key is one of them.
  package func unmatchedRecords(clients: [String], clientFile: String) -> String? {
    var met = MetKeys(self)
    for key in clients {
      var key = key
      key.withUTF8 { met.meet($0) }
    }
    return unmatchedRecords(met: met, clientFile: clientFile)
  }

  /// ``unmatchedRecords(clients:clientFile:)`` for the keys `met` marked, as a client file
  /// streamed past (`check --data`, which does not keep its keys).
  package func unmatchedRecords(met: MetKeys, clientFile: String) -> String? {
    UnmatchedRecords(
      store: store, met: [met.bits], tables: tablePaths, clientFiles: [clientFile], unmetKeys: met.unmet
    ).unmatchedSentence
  }

  /// The keys of the tables' records that a client file's rows name, one bit a key, marked as the
  /// file is read: memory in proportion to the records' keys, not the client file's.
  package struct MetKeys: Sendable {
    fileprivate var bits: [UInt64]
    /// The client file's keys that no record has, the first ``BatchEvaluator/unmetLimit``: what
    /// a record's key written another way was likely meant to be.
    fileprivate var unmet: [String] = []
    private let records: TableRecords

    /// No key met yet, of `records`' keys.
    package init(_ records: TableRecords) {
      self.records = records
      bits = [UInt64](repeating: 0, count: (records.store.keys.count + 63) / 64)
    }

    /// Marks the key of the client whose key cell is `key` (spaces around it dropped), if a
    /// record has it.
    package mutating func meet(_ key: UnsafeBufferPointer<UInt8>) {
      let name = AggregateStore.key(key)
      guard let client = records.store.client(named: name).map(Int.init) else {
        if unmet.count < BatchEvaluator.unmetLimit, !name.isEmpty { unmet.append(name) }
        return
      }
      bits[client / 64] |= 1 << UInt64(client % 64)
    }
  }

  /// The warning about keys that differ from another only in case, quotes or spaces, each a
  /// client of its own when the clients are the tables' keys, as a run's summary gives it; `nil`
  /// for none.
  package var lookalikeKeys: String? {
    LookalikeKeys(store.keys).sentence(keys: store.keys) { store.firstPlace(of: Int($0), in: tablePaths) }
  }

  /// The clients the tables name, in the order they first appear.
  package var keys: [String] { Array(store.keys) }

  /// Why the client `key` cannot be evaluated (one of its records could not be read), or `nil`.
  package func damage(of key: String) -> String? {
    store.client(named: AggregateStore.key(key)).flatMap(store.damageMessage(of:))
  }

  /// Makes missing in `client` (of `policy`) the aggregates the population functions measure that
  /// the records of `key` leave unknown (a record with a bad cell they read), so that the client
  /// is left out of those figures only, as `verdict run` leaves it out.
  package func forgetUnknownAggregates(of key: String, in client: inout Client, policy: Policy) {
    guard let found = store.client(named: AggregateStore.key(key)) else { return }
    _ = store.forgetUnknown(policy.measuredAggregates, of: found, in: &client, fieldCount: policy.fields.count)
  }

  /// Fills `client`'s aggregates (a client of `policy`) from the records of `key`; a key with
  /// no records gets the aggregates of no records.
  package func setAggregates(of client: inout Client, key: String, policy: Policy) {
    store.setAggregates(of: &client, client: store.client(named: AggregateStore.key(key)), policy: policy)
  }
}

extension AggregateStore {
  /// The key as the store files it, from text.
  static func key(_ text: String) -> String { ClientKey.trimmed(text) }
}
