import Verdict
import VerdictRun

/// Record tables in the REPL: `:data TABLE=FILE` reads a table's file into memory, the clients'
/// aggregates are folded from it for whichever policy is evaluated, and `:records TABLE` lists the
/// current client's records.
extension Session {
  /// `invoices=ar.csv` as a table's name and a file; `nil` for a plain file name (a path may hold
  /// `=`, but a table's name is a name).
  static func tableAssignment(_ argument: String) -> (table: String, file: String)? {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let name = argument[..<equals].trimmed
    let file = argument[argument.index(after: equals)...].trimmed
    guard !name.isEmpty, !file.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      return nil
    }
    return (name, file)
  }

  /// Reads the records of the policy's table `name` from `path`.
  mutating func loadTable(_ name: String, from path: String) -> Reply {
    let policy = draft.policy
    guard let table = policy.tables.first(where: { $0.name == name }) else {
      let names = policy.tables.map(\.name)
      let hint =
        Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
        ?? "declare it first: table \(name) keyed by COLUMN, with its fields indented below"
      return .error("the policy has no table '\(name)'; \(hint)")
    }
    let data: ClientTable
    do throws(RunFailure) { data = try readTableFile(path, for: table) } catch {
      // As `verdict run` refuses the file, the clients are not judged without it, nor with
      // records of another file read before.
      let fault = TableFault(table: name, path: path, failure: error)
      book.tableData[name] = nil
      book.tableFaults[name] = fault
      prepareRecords(for: policy, refold: true)
      return .error(error.message + "\n" + fault.message)
    }
    book.tableData[name] = data
    book.tableFaults[name] = nil
    prepareRecords(for: policy, refold: true)
    let keys = Set(data.rows.map { ClientKey.trimmed($0.key) }.filter { !$0.isEmpty }).count
    var reply = Reply.output(
      "loaded \(plural(data.rows.count, "record")) of \(name) from \(path), for \(plural(keys, "client"))")
    if let tail = data.unreadableTail { reply.warn(tail) }
    for warning in book.recordWarnings(for: policy) { reply.warn(warning) }
    if !book.hasClientFile { reply.say("the clients are the tables' keys until :data FILE loads a client file") }
    // Said once, with the first table's records: it is about the client file, not the table.
    if book.tableData.count == 1, let keyless = book.keylessProblem(for: policy) { reply.warn(keyless) }
    return reply
  }

  /// The records of `table` read from `path`, keyed by its `keyed by` column and checked as
  /// `verdict run` checks a table's file; kept as read, its decimal marks decided for whichever
  /// policy folds it.
  private func readTableFile(_ path: String, for table: RecordTable) throws(RunFailure) -> ClientTable {
    var options = reading
    options.keyColumn = table.keyColumn
    let data = try ClientTable.read(path, options: options, table: table, renderer: style.renderer)
    try data.check(against: table.policy, renderer: style.renderer)
    return data
  }

  /// After the policy changed (`:load`, a statement typed): each table's file read for an earlier
  /// policy is checked against the table as the policy now declares it, as `verdict run` checks a
  /// table's file. A table now keyed by another column is read again by it; a file that lacks a
  /// column the table now reads becomes a ``TableFault``, with why, rather than read as missing
  /// values; a file that was one is read again, in case it was put right. Returns what to tell.
  mutating func refitTables() -> [String] {
    let policy = draft.policy
    var told: [String] = []
    for name in Set(book.tableData.keys).union(book.tableFaults.keys).sorted() {
      guard let table = policy.tables.first(where: { $0.name == name }) else { continue }
      let fault = book.tableFaults[name]
      guard let path = fault?.path ?? book.tableData[name]?.name else { continue }
      do throws(RunFailure) {
        if let data = book.tableData[name], data.options.keyColumn == table.keyColumn {
          try data.check(against: table.policy, renderer: style.renderer)
          continue
        }
        book.tableData[name] = try readTableFile(path, for: table)
        book.tableFaults[name] = nil
        told.append(
          "\(name): read again from \(path)" + (fault == nil ? ", keyed by \(Value.quote(table.keyColumn))" : ""))
      } catch {
        book.tableData[name] = nil
        book.tableFaults[name] = TableFault(table: name, path: path, failure: error)
        // A file that stays as it was is not told about again at each statement.
        if fault?.failure.message != error.message {
          told.append(error.message + "\n" + (book.tableFaults[name]?.message ?? ""))
        }
      }
    }
    if !told.isEmpty { prepareRecords(for: policy, refold: true) }
    return told
  }

  /// Why the loaded clients cannot be evaluated for `policy`, as `verdict run` refuses to run: a
  /// table without a file (run's own check, ``TablePass/match(_:to:giving:)``) or with one the
  /// table cannot use (``TableFault``); `nil` when every table has its records, or no client is
  /// loaded (the client built by hand has no records: its aggregates are missing).
  func tablesRefusal(for policy: Policy) -> String? {
    guard !book.entries.isEmpty, !policy.tables.isEmpty else { return nil }
    let names = Set(policy.tables.map(\.name))
    let faults = book.tableFaults.values.filter { names.contains($0.table) }.sorted { $0.table < $1.table }
    let given =
      book.tableData.filter { names.contains($0.key) }.map { TableFile(name: $0.key, path: $0.value.name) }
      + faults.map { TableFile(name: $0.table, path: $0.path) }
    var told: [String] = []
    do throws(RunFailure) { _ = try TablePass.match(given, to: policy, giving: ":data") } catch {
      told.append(error.message)
    }
    for fault in faults { told += [fault.failure.message, fault.message] }
    return told.isEmpty ? nil : told.joined(separator: "\n")
  }

  /// Folds the tables read with `:data TABLE=FILE` for `policy`, unless its figures are there.
  /// Without a client file, the clients are the tables' keys (the current one kept by key).
  mutating func prepareRecords(for policy: Policy, refold: Bool = false) {
    guard !book.tableData.isEmpty else { return }
    if !refold, let records = book.records, records.fit(policy) { return }
    let records = TableRecords.fold(book.tableData, for: policy, today: today)
    guard !book.hasClientFile else {
      book.attach(records)
      return
    }
    let currentKey = current.map { book.entries[$0].key }
    book.load(records)
    current = currentKey.flatMap { key in book.entries.firstIndex { $0.key == key } }
  }

  /// `:records TABLE`: the current client's records, with the table's fields and lets.
  func listRecords(_ name: String) -> Reply {
    let policy = draft.policy
    guard let table = policy.tables.first(where: { $0.name == name }) else {
      let hint = Suggestion.closest(to: name, among: policy.tables.map(\.name)).map { "; did you mean '\($0)'?" }
      return .error("the policy has no table '\(name)'\(hint ?? "")")
    }
    guard let data = book.tableData[name]?.deciding(for: table.policy) else {
      return .error("no records of \(name) loaded; :data \(name)=FILE")
    }
    guard let current else { return .error("no current client; choose one with :client NAME") }
    let key = book.entries[current].key
    // Keys as runs compare them (ClientKey): the invisible spaces around them dropped too.
    let wanted = ClientKey.trimmed(key)
    let rows = data.rows.filter { ClientKey.trimmed($0.key) == wanted }
    guard !rows.isEmpty else { return .output("\(book.entries[current].name) has no records in \(name)") }
    let context = EvaluationContext(today: today)
    var lines = VerdictTable()
    var header = ["line"]
    for row in rows {
      let (record, problem, badSlots) = data.record(row, for: table.policy, everyField: true)
      let described = table.describe(record, in: context)
      if header.count == 1 { header += described.map(\.name) }
      // A record with a bad cell shows its good ones; `?` for the bad ones, and for the lets,
      // which may read them.
      let fields = table.fields.count
      lines.add(
        ["\(row.line)"]
          + described.enumerated().map { index, item in
            problem != nil && (index >= fields || badSlots.contains(index)) ? "?" : item.value.description
          })
    }
    return .output(lines.render(header: header))
  }
}
