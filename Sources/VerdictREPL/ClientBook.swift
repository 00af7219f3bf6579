import Synchronization
import Verdict
import VerdictRun

/// The clients a session knows: those loaded from a data file (kept as text cells, so that
/// fields added later can still be read) and the one built by hand with `:set`.
package struct ClientBook: Sendable {
  /// A client as the session shows it.
  package struct Entry: Sendable {
    /// The name shown in prompts and tables: the `name` column, else the key (`id`), else the
    /// file and line (`clients.csv:3`).
    package var name: String
    /// The key (`id` column), which `:client` also accepts.
    package var key: String
    /// The name `verdict run` reports the client by: the key, else the file and line.
    package var reportName: String
    /// The record, read from as `verdict run` reads it.
    var row: ClientTable.Row
    /// Why the record cannot be read at all, if so.
    var problem: String?
  }

  /// The loaded clients, in file order.
  package private(set) var entries: [Entry] = []
  /// Where they came from.
  package private(set) var sourceName: String?
  /// The columns of the data file.
  package private(set) var columns: [String] = []
  /// The data file, for matching fields to columns and reading numbers as `verdict run` does.
  private(set) var table: ClientTable? {
    didSet { decided = DecidedTable() }
  }
  /// ``table`` with its decimal marks decided for the policy last asked about (its warnings,
  /// in `ClientBook+Warnings.swift`, read it too).
  private(set) var decided = DecidedTable()
  /// The records of the policy's tables, when they were read.
  private(set) var records: TableRecords?
  /// Table files read into memory by the REPL's `:data TABLE=FILE`, by table name, with their
  /// decimal marks not yet decided for a policy: each policy that reads them decides its own.
  package var tableData: [String: ClientTable] = [:]
  /// Table files given with `:data TABLE=FILE` that the policy cannot use as it declares their
  /// tables, by table name (``TableFault``): no loaded client is evaluated while one is here.
  var tableFaults: [String: TableFault] = [:]
  /// Whether the clients come from a client file (else from the tables' keys, or none).
  package var hasClientFile: Bool { table != nil }

  /// An empty book.
  package init() {}

  /// Replaces the loaded clients with the records of `table`.
  package mutating func load(_ table: ClientTable) {
    let nameColumn = table.columns.firstIndex { $0.lowercased() == "name" }
    entries = table.rows.map { row in
      let named = nameColumn.map { row.cells[$0] } ?? ""
      let reportName = table.clientName(row)
      return Entry(
        name: named.isEmpty ? reportName : named, key: row.key, reportName: reportName, row: row,
        problem: row.problem)
    }
    sourceName = table.name
    columns = table.columns
    self.table = table
    if let records { attach(records) }
  }

  /// Takes the clients' aggregates from `records`; a client whose records could not all be read
  /// gets that as its problem.
  package mutating func attach(_ records: TableRecords) {
    self.records = records
    for index in entries.indices {
      entries[index].problem = entries[index].row.problem ?? records.damage(of: entries[index].key)
    }
  }

  /// Without a client file: the clients are the keys of the tables' records.
  package mutating func load(_ records: TableRecords) {
    entries = records.keys.map { key in
      Entry(
        name: key, key: key, reportName: key, row: ClientTable.Row(line: 0, key: key, cells: [], problem: nil),
        problem: nil)
    }
    sourceName = records.files.map(\.path).joined(separator: ", ")
    columns = []
    table = nil
    attach(records)
  }

  /// The client called `query`: an exact name or key, else the only one whose name or key is
  /// the query ignoring case, else the only one whose name or key starts with it, ignoring case.
  /// Returns the index, or what it could mean: the names (or keys, for a client found by its key)
  /// that start with it, or the name, key or prefix of one nearest to it.
  package func find(_ query: String) -> Result<Int, LookupFailure> {
    let wanted = query.lowercased()
    if let exact = entries.firstIndex(where: { $0.name == query || $0.key == query }) { return .success(exact) }
    // Keys are compared without the spaces around them, as runs and the history compare them.
    let trimmedQuery = ClientKey.trimmed(query)
    let caseless = entries.indices.filter {
      entries[$0].name.lowercased() == wanted || entries[$0].key.lowercased() == wanted
        || (!trimmedQuery.isEmpty && ClientKey.trimmed(entries[$0].key) == trimmedQuery)
    }
    if caseless.count == 1 { return .success(caseless[0]) }
    // A blank query is the start of every name: it names none (`--client ''` listed them all,
    // or picked the only client).
    guard !trimmedQuery.isEmpty else { return .failure(.unknown(suggestion: nil)) }
    let prefixed = entries.indices.compactMap { index -> (index: Int, shown: String)? in
      let entry = entries[index]
      if entry.name.lowercased().hasPrefix(wanted) { return (index, entry.name) }
      return entry.key.lowercased().hasPrefix(wanted) ? (index, entry.key) : nil
    }
    if prefixed.count == 1 { return .success(prefixed[0].index) }
    if prefixed.count > 1 { return .failure(.ambiguous(prefixed.map(\.shown))) }
    let known = entries.flatMap { $0.key.isEmpty || $0.key == $0.name ? [$0.name] : [$0.name, $0.key] }
    return .failure(.unknown(suggestion: Suggestion.closest(toPrefix: query, among: known)))
  }

  /// Why ``find(_:)`` found no single client.
  package enum LookupFailure: Error, Sendable, Equatable {
    /// Several clients' names (or keys) start with the query.
    case ambiguous([String])
    /// No client matches; the closest name, key or shared prefix of several, if one is close.
    case unknown(suggestion: String?)
  }

  /// The client at `index` (or the hand-built one, `nil`) as a client of `policy`, with the
  /// `overrides` from `:set` on top. Cells are read by the policy's fields as `verdict run`
  /// reads them, each from its column (the one `from` names, else the field's name); a field
  /// with no column is missing. With `onlyFieldsRead`, as `verdict run` reads a row, the cells of
  /// fields no rule reads are not read (`verdict explain`, the REPL: a bad cell only an unused
  /// let reads made the client an error where `run` judged it); a listing of every field reads
  /// them all.
  package func client(
    at index: Int?, for policy: Policy, overrides: [String: String], onlyFieldsRead: Bool = false
  ) throws(CellProblem) -> Client {
    try client(
      at: index, for: policy, overrides: overrides,
      columns: policy.fields.map { onlyFieldsRead && !$0.isUsed ? nil : table?.column(for: $0) },
      table: table.map { decided.table($0, for: policy) })
  }

  /// ``client(at:for:overrides:)`` with each field's column, by slot, found already, from `table`
  /// with its decimal marks decided for `policy` (``ClientTable/deciding(for:)``). `measuring`:
  /// the client as `share`, `rank` and `percentile` measure it, a cell that cannot be read and an
  /// aggregate its table records leave unknown missing rather than a failure, so that it is left
  /// out of those figures only.
  private func client(
    at index: Int?, for policy: Policy, overrides: [String: String], columns: [Int?], table: ClientTable?,
    measuring: Bool = false
  ) throws(CellProblem) -> Client {
    let entry = index.flatMap { entries.indices.contains($0) ? entries[$0] : nil }
    var values = [Value](repeating: .missing, count: policy.fields.count)
    for (slot, field) in policy.fields.enumerated() {
      let read: Result<Value, CellError>
      if let cell = overrides[field.name] {
        read = CellReader.typedValues.read(cell, for: field)
      } else if let entry, let table, let column = columns[slot], column < entry.row.cells.count {
        read = table.read(entry.row, column: column, for: field)
      } else {
        continue
      }
      switch read {
      case .success(let value): values[slot] = value
      case .failure(let error): if !measuring { throw CellProblem(field: field.name, error: error) }
      }
    }
    var refused: CellProblem?
    policy.rowCurrencies.settle(&values) { slot, error in
      refused = refused ?? CellProblem(field: policy.fields[slot].name, error: error)
    }
    if let refused, !measuring { throw refused }
    var client = Client(values: values)
    // The hand-built client has no records: its aggregates are missing, as without tables, not
    // those of no records (a sum of 0 said the tables held nothing for a client nobody chose).
    if let entry, let records, policy.aggregateCount > 0, records.fit(policy) {
      records.setAggregates(of: &client, key: entry.key, policy: policy)
      if measuring { records.forgetUnknownAggregates(of: entry.key, in: &client, policy: policy) }
    }
    return client
  }

  /// Why the record at `index` cannot be read as a client of `policy`, if so. A JSON record's
  /// problem with one key (given twice, spelled another way) is its problem only when `policy`
  /// reads that key, a field's or the client's, as a run reads only those: the REPL holds every
  /// column, and refused such a record for a key no rule reads, which the run evaluated.
  package func problem(at index: Int, for policy: Policy) -> String? {
    guard entries.indices.contains(index) else { return nil }
    let entry = entries[index]
    if entry.row.problem != nil, isAboutAnUnreadKey(entry.row, for: policy) { return records?.damage(of: entry.key) }
    return entry.problem
  }

  /// Whether the record at `index` reads as a client of `policy`, its own cells aside: no
  /// ``ClientTable/Row/problem``, or one with a key `policy` does not read.
  func rowIsReadable(at index: Int, for policy: Policy) -> Bool {
    entries[index].row.problem == nil || isAboutAnUnreadKey(entries[index].row, for: policy)
  }

  /// Whether `row`'s problem is with one key of the record that `policy` does not read.
  private func isAboutAnUnreadKey(_ row: ClientTable.Row, for policy: Policy) -> Bool {
    guard let key = row.problemKey, let table, let column = table.columns.firstIndex(of: key),
      column != table.keyColumn
    else { return false }
    return !policy.fields.contains { $0.isUsed && table.column(for: $0) == column }
  }

  /// The population of every readable client, for `share`, `rank` and `percentile`; `nil` when
  /// the policy does not use them.
  package func population(for policy: Policy) -> Population? {
    let builder = populationBuilder(for: policy)
    return builder.isNeeded ? builder.build() : nil
  }

  /// `population`, built by ``population(for:)``, as it is with `overrides` set on the client at
  /// `index` (the hand-built one for `nil`): a what-if (`explain --set`, the REPL's `:set`)
  /// measures that client with the values it is given, and every other client against them. A
  /// client of the population is measured with those values in place of its own; one it does
  /// not hold (built by hand, or whose measured cells cannot be read) as one more client.
  package func population(
    _ population: Population?, for policy: Policy, whatIf overrides: [String: String], at index: Int?
  ) -> Population? {
    guard let population, !overrides.isEmpty else { return population }
    let measured = Set(policy.populationNeeds.map(\.field))
    // A measured aggregate (its slot past the fields) is not set by hand; only fields are.
    guard measured.contains(where: { $0 < policy.fields.count && overrides[policy.fields[$0].name] != nil }) else {
      return population
    }
    let columns = policy.fields.indices.map { measured.contains($0) ? table?.column(for: policy.fields[$0]) : nil }
    let decided = table.map { self.decided.table($0, for: policy) }
    guard
      let changed = try? client(
        at: index, for: policy, overrides: overrides, columns: columns, table: decided, measuring: true)
    else { return population }
    if let index, entries.indices.contains(index), rowIsReadable(at: index, for: policy),
      let original = try? client(
        at: index, for: policy, overrides: [:], columns: columns, table: decided, measuring: true)
    {
      return population.replacing(original, with: changed)
    }
    return population.including(changed)
  }

  /// Every readable client, added to a population builder for the measures `policy` uses (none
  /// when it uses no `share`, `rank` or `percentile`).
  package func populationBuilder(for policy: Policy) -> PopulationBuilder {
    var builder = PopulationBuilder(for: policy)
    guard builder.isNeeded else { return builder }
    // Each field's column is found once, not once a client: matching headers is costly. Only
    // the measured fields are read, as `verdict run`'s population pass reads them: a client with
    // a bad cell elsewhere is measured there too (an error row of the run, but in its figures).
    let measured = Set(policy.populationNeeds.map(\.field))
    let columns = policy.fields.indices.map { measured.contains($0) ? table?.column(for: policy.fields[$0]) : nil }
    let decided = table.map { self.decided.table($0, for: policy) }
    // A client with a bad measured cell, or a table record with a bad cell a measured aggregate
    // reads, is left out of those figures only, as the run leaves it out.
    for index in entries.indices where rowIsReadable(at: index, for: policy) {
      if let client = try? client(
        at: index, for: policy, overrides: [:], columns: columns, table: decided, measuring: true)
      {
        builder.add(client)
      }
    }
    return builder
  }
}

/// A cell (or a value set by hand) that does not fit its field.
package struct CellProblem: Error, Sendable, Equatable {
  /// The field's name.
  package var field: String
  /// What is wrong with the value.
  package var error: CellError

  /// `payment_delay: "fourty" is not a duration (hint: …)`.
  package var message: String {
    "\(field): \(error.message)" + (error.hint.map { " (hint: \($0))" } ?? "")
  }
}

/// A client file with its decimal marks decided for the policy last asked about: `explain
/// --all` and the REPL's `:run` read every client for one policy, and deciding the marks for
/// each client again took a seventh of the time.
final class DecidedTable: Sendable {
  private let last = Mutex<(counted: [Bool], table: ClientTable)?>(nil)

  /// `table` with its marks decided for `policy`, decided again only when the columns that
  /// count differ from the last policy's.
  func table(_ table: ClientTable, for policy: Policy) -> ClientTable {
    let counted = table.countedColumns(for: policy)
    if let known = last.withLock({ $0?.counted == counted ? $0?.table : nil }) { return known }
    let decided = table.deciding(counting: counted)
    last.withLock { $0 = (counted, decided) }
    return decided
  }
}
