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
      return .error(error.message)
    }
    book.tableData[name] = data
    prepareRecords(for: policy, refold: true)
    let keys = Set(data.rows.map { ClientKey.trimmed($0.key) }.filter { !$0.isEmpty }).count
    var reply = Reply.output(
      "loaded \(plural(data.rows.count, "record")) of \(name) from \(path), for \(plural(keys, "client"))")
    if let tail = data.unreadableTail { reply.warn(tail) }
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
  /// column the table now reads is set aside, with why, rather than read as missing values.
  /// Returns what to tell.
  mutating func refitTables() -> [String] {
    let policy = draft.policy
    var told: [String] = []
    for name in book.tableData.keys.sorted() {
      guard let data = book.tableData[name], let table = policy.tables.first(where: { $0.name == name }) else {
        continue
      }
      do throws(RunFailure) {
        if data.options.keyColumn != table.keyColumn {
          book.tableData[name] = try readTableFile(data.name, for: table)
          told.append("\(name): read again from \(data.name), keyed by \(Value.quote(table.keyColumn))")
        } else {
          try data.check(against: table.policy, renderer: style.renderer)
        }
      } catch {
        book.tableData[name] = nil
        told.append("\(error.message)\n\(name): its records are set aside; :data \(name)=FILE loads them again")
      }
    }
    if !told.isEmpty { prepareRecords(for: policy, refold: true) }
    return told
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
