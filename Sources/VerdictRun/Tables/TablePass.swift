import Verdict
import VerdictData

/// A record table's file, as `--table invoices=exports/ar.csv` names it.
package struct TableFile: Sendable, Hashable {
  /// The table's name in the policy.
  package var name: String
  /// The file; `-` is not allowed (standard input is for the client file).
  package var path: String

  /// Binds the table `name` to the file at `path`.
  package init(name: String, path: String) {
    self.name = name
    self.path = path
  }

  /// The file of each of `policy`'s tables among `files`, in the policy's order (the numbers an
  /// ``AggregateStore`` gives the tables, which `--table` need not follow); empty for a table
  /// without one.
  static func paths(_ files: [TableFile], byTableOf policy: Policy) -> [String] {
    policy.tables.map { table in files.first { $0.name == table.name }?.path ?? "" }
  }
}

/// The pass over the record tables that comes before any client is evaluated: every table's
/// columns are checked first (as a client file's are), then each file is read once, record by
/// record, and folded into its client's aggregates.
///
/// A record that cannot be read charges its client with an error (the client's figures would
/// leave it out); a record without a key is counted and reported; a file that cannot be read to
/// the end stops the run, since no client's figures could then be trusted.
package struct TablePass {
  let policy: Policy
  let files: [TableFile]
  let reading: DataReadOptions
  let renderer: DiagnosticRenderer
  let context: EvaluationContext

  /// Checks that each of the policy's tables has exactly one file and each file names a table;
  /// returns the files' paths in the order of the policy's tables. `giving` is how a table's
  /// file is given, for the hint of a table without one (`--table`, the REPL's `:data`).
  package static func match(
    _ files: [TableFile], to policy: Policy, giving: String = "--table"
  ) throws(RunFailure) -> [String] {
    var problems: [RunFailure] = []
    var paths: [String] = []
    let names = policy.tables.map(\.name)
    for file in files where !names.contains(file.name) {
      let hint =
        Suggestion.closest(to: file.name, among: names).map { "did you mean '\($0)'?" }
        ?? (names.isEmpty
          ? "the policy declares no table" : "its tables are \(names.joined(separator: ", "))")
      problems.append(RunFailure(.usage, "--table \(file.name)=…: the policy has no table '\(file.name)' (\(hint))"))
    }
    for table in policy.tables {
      let given = files.filter { $0.name == table.name }
      switch given.count {
      case 0:
        problems.append(
          RunFailure(.usage, "table '\(table.name)' has no file (hint: give it with \(giving) \(table.name)=FILE)"))
        paths.append("")
      case 1:
        if given[0].path == "-" {
          problems.append(
            RunFailure(.usage, "--table \(table.name)=-: a table is read from a file, not standard input"))
        }
        paths.append(given[0].path)
      default:
        problems.append(RunFailure(.usage, "table '\(table.name)' is given \(given.count) files; give it one"))
        paths.append("")
      }
    }
    guard problems.isEmpty else { throw RunFailure(gathering: problems) }
    return paths
  }

  /// Opens every table's file and checks its columns, before anything is read; with
  /// `learnsNotation`, also learns how each CSV file writes money and dates (``DataNotation``).
  func prepare(learnsNotation: Bool = false) throws(RunFailure) -> [(table: RecordTable, source: any RecordSource)] {
    let paths = try TablePass.match(files, to: policy)
    var prepared: [(RecordTable, any RecordSource)] = []
    var failures: [RunFailure] = []
    for (table, path) in zip(policy.tables, paths) {
      let binder = ColumnBinder(policy: table.policy, keyColumn: table.keyColumn, renderer: renderer, table: table)
      do throws(RunFailure) {
        let source = try SourceOpener.open(path, options: reading)
        try SourceOpener.prepare(source, path: path, binder: binder, options: reading, learnsNotation: learnsNotation)
        prepared.append((table, source))
      } catch {
        failures.append(error)
      }
    }
    guard failures.isEmpty else { throw RunFailure(gathering: failures) }
    return prepared
  }

  /// Reads every table into a new store.
  func run(_ prepared: [(table: RecordTable, source: any RecordSource)]) throws(RunFailure) -> AggregateStore {
    let store = AggregateStore(
      aggregateCount: policy.aggregateCount, tableCount: prepared.count, reads: AggregateReads(policy: policy))
    for (index, (table, source)) in prepared.enumerated() {
      try read(table, index: index, from: source, into: store)
    }
    return store
  }

  private func read(_ table: RecordTable, index: Int, from source: any RecordSource, into store: AggregateStore)
    throws(RunFailure)
  {
    let fields = table.policy.fields
    let binder = ColumnBinder(policy: table.policy, keyColumn: table.keyColumn, renderer: renderer, table: table)
    let folder = RecordFolder(table: table, index: index, source: source.name, context: context)
    do {
      try TableReader(source: source, binder: binder, fields: fields).run { batch in
        folder.fold(batch, into: store)
      }
      store.textVariants += folder.textVariants.warnings(fields: fields, sources: [source.name], table: table.name)
      // A file of a header alone (an export that came out empty) gives every client empty
      // aggregates: no open balance, no incidents, judged on nothing without a word.
      if folder.records == 0 {
        store.emptyTables.append(
          "warning: table '\(table.name)' has no records in \(source.name): every client's aggregates of it are "
            + "empty (an export that came out empty?)")
      }
      if let footer = (source as? CSVRecordSource)?.footer { store.remarks.append(footer) }
    } catch let error as DataReadError {
      throw RunFailure(
        .data,
        located: SourceNotes.unreadableTail(source.name, error)
          + ", so no client's figures from table '\(table.name)' can be trusted; nothing was evaluated")
    } catch let failure as RunFailure {
      throw failure
    } catch {
      throw RunFailure(.data, "\(source.name): \(error)")
    }
  }
}

/// Folds a table's batches of records into the store, record by record, on one thread.
private final class RecordFolder {
  let table: RecordTable
  let index: Int
  let source: String
  let context: EvaluationContext
  /// Per record of the batch being folded: its key's hash, then its client (-1 for none).
  private var hashes: [UInt64] = []
  private var clients: [Int32] = []
  /// What warming the caches read; kept so that the reads are not optimised away.
  private(set) var warmth: UInt64 = 0
  /// Text cells of the first records written another way than the texts the table's lets compare
  /// them with (`where status == "paid"` over `Paid`).
  private(set) var textVariants: TextVariants

  init(table: RecordTable, index: Int, source: String, context: EvaluationContext) {
    self.table = table
    self.index = index
    self.source = source
    self.context = context
    textVariants = TextVariants(table.policy)
  }

  /// The records folded so far.
  private(set) var records = 0

  func fold(_ batch: RecordBatch, into store: AggregateStore) {
    records += batch.count
    // First the keys' slots, then the clients' accumulators, for the whole batch: see
    // ``ClientKeys/warm(_:)``.
    hashes.removeAll(keepingCapacity: true)
    for row in 0..<batch.count { hashes.append(batch.keyHash(row)) }
    warmth &+= hashes.withUnsafeBufferPointer { store.warm(hashes: $0) }
    clients.removeAll(keepingCapacity: true)
    for row in 0..<batch.count {
      let key = batch.key(row)
      clients.append(
        key.isEmpty ? -1 : store.uncountedClient(key, hash: hashes[row], table: index, line: batch.line(row)))
    }
    warmth &+= clients.withUnsafeBufferPointer { store.warm(clients: $0) }
    var nextProblem = 0
    for row in 0..<batch.count {
      // A record with a problem is that record's problem whether or not it has a key.
      let hasProblem = nextProblem < batch.problems.count && batch.problems[nextProblem].record == row
      let client = clients[row]
      guard client >= 0 else {
        let why = hasProblem ? batch.problems[nextProblem].message : "the '\(table.keyColumn)' cell is empty"
        if hasProblem { nextProblem += 1 }
        store.keylessRecord("\(source):\(batch.line(row)): \(why)")
        continue
      }
      store.count(client)
      var problem: RecordProblem?
      if hasProblem {
        var found = batch.problems[nextProblem]
        nextProblem += 1
        // A hint is shown once for its field of its table, as a client file's are for theirs.
        for index in found.hints.indices { found.hints[index].field = "\(table.name).\(found.hints[index].field)" }
        problem = found
      }
      let values = batch.values(row)
      if textVariants.isSampling, problem == nil { textVariants.note(values, source: 0, line: batch.line(row)) }
      store.account(
        client, table: index, line: batch.line(row), at: "\(source):\(batch.line(row))", problem: problem
      ) { accumulators in
        table.fold(values: values, in: context, into: accumulators).map { $0.rowMessage(in: table.policy) }
      }
    }
  }
}
