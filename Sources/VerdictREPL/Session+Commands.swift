import Foundation
import Verdict
import VerdictRun

/// The `:` commands.
extension Session {
  /// Runs one meta command.
  package mutating func run(_ command: MetaCommand) -> Reply {
    prepareRecords(for: draft.policy)
    switch command {
    case .help: return .output(Session.helpText)
    case .load(let path): return load(path)
    case .data(let path):
      if let (table, file) = Session.tableAssignment(path) { return loadTable(table, from: file) }
      return loadData(path)
    case .records(let table): return listRecords(table)
    case .clients: return listClients()
    case .client(let name): return chooseClient(name)
    case .set(let field, let value): return set(field, to: value)
    case .run: return runAll()
    case .explain(let name): return explain(name, tree: false)
    case .tree(let name): return explain(name, tree: true)
    case .rules: return listRules()
    case .drop(let rule): return drop(rule)
    case .type(let expression): return typeOf(expression)
    case .save(let path): return save(path)
    case .reset:
      draft = PolicyDraft()
      overrides = [:]
      return .output("the policy is empty again; values set by hand are gone")
    case .quit:
      var reply = Reply()
      reply.quits = true
      return reply
    }
  }

  /// The text of `:help`.
  static var helpText: String {
    let width = (MetaCommand.summaries.map(\.usage.count).max() ?? 0) + 2
    let commands = MetaCommand.summaries.map { usage, summary in
      "  " + usage + String(repeating: " ", count: width - usage.count) + summary
    }
    return
      ([
        "Type a statement (field, let, rule, when, verdicts, otherwise, strategy, example) to add it to the policy,",
        "or an expression to evaluate it for the current client. Commands:",
      ] + commands)
      .joined(separator: "\n")
  }

  mutating func load(_ path: String) -> Reply {
    let source: SourceFile
    switch PolicyFileReading.read(path) {
    case .success(let read): source = read
    case .failure(let problem): return .error(problem.message)
    }
    do {
      try draft.load(source)
    } catch {
      return .error(style.renderer.render(error.diagnostics, in: error.source))
    }
    let policy = draft.policy
    var reply = Reply.output(
      "loaded \(path): \(plural(policy.rules.count, "rule")), \(plural(policy.fields.count, "field"))")
    for told in refitTables() { reply.warn(told) }
    return reply
  }

  mutating func loadData(_ path: String) -> Reply {
    let table: ClientTable
    do {
      table = try ClientTable.read(path, options: reading)
    } catch {
      return .error(error.message)
    }
    book.load(table)
    current = nil
    overrides = [:]
    if let records = book.records { book.attach(records) }
    var reply = Reply.output("loaded \(plural(book.entries.count, "client")) from \(path)")
    let unreadable = book.entries.indices.filter { book.problem(at: $0, for: draft.policy) != nil }.count
    if unreadable > 0 { reply.warn("\(plural(unreadable, "row")) cannot be read; :run shows which") }
    if let tail = table.unreadableTail { reply.warn(tail) }
    for warning in book.warnings(for: draft.policy) { reply.warn(warning) }
    if !book.tableData.isEmpty, let keyless = book.keylessProblem(for: draft.policy) { reply.warn(keyless) }
    return reply
  }

  mutating func save(_ path: String) -> Reply {
    if let data = book.sourceName, OutputClash.isSameFile(path, as: data) {
      return .error("cannot save to '\(path)': it is the file the clients were loaded from; choose another file")
    }
    for (table, data) in book.tableData.sorted(by: { $0.key < $1.key })
    where OutputClash.isSameFile(path, as: data.name) {
      return .error("cannot save to '\(path)': it is the file of table \(table)'s records; choose another file")
    }
    if let history = history?.path, OutputClash.isSameFile(path, as: history) {
      return .error("cannot save to '\(path)': it is the run history (--history); choose another file")
    }
    do throws(OutputError) {
      try OutputSink.replace(path, with: Array(draft.text.utf8))
    } catch {
      return .error("cannot save: \(error.message)")
    }
    return .output("saved \(plural(draft.statementCount, "statement")) to \(path)")
  }

  func listRules() -> Reply {
    let rules = draft.policy.rules
    guard !rules.isEmpty else { return .output("no rules yet; type one: when CONDITION then recommend VERDICT") }
    let verdictWidth = rules.map(\.verdict.count).max() ?? 0
    let numberWidth = String(rules.count).count
    let lines = rules.indices.map { index in
      let number = String(index + 1)
      let verdict = rules[index].verdict
      var text = draft.ruleText(at: index)
      if text.count > 100 { text = String(text.prefix(99)) + "…" }
      return String(repeating: " ", count: numberWidth - number.count + 2) + number + "  " + verdict
        + String(repeating: " ", count: verdictWidth - verdict.count + 2) + text
    }
    return .output(lines.joined(separator: "\n"))
  }

  mutating func drop(_ rule: String) -> Reply {
    let rules = draft.policy.rules
    var index: Int?
    if let number = Int(rule) {
      guard (1...max(1, rules.count)).contains(number), number <= rules.count else {
        guard !rules.isEmpty else { return .error("there is no rule \(number): the policy has no rules yet") }
        return .error("there is no rule \(number); the rules are numbered 1 to \(rules.count) (see :rules)")
      }
      index = number - 1
    } else {
      index = rules.firstIndex { $0.name == rule } ?? rules.firstIndex { $0.name?.lowercased() == rule.lowercased() }
    }
    guard let index else {
      let names = rules.compactMap(\.name)
      let hint = Suggestion.closest(to: rule, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
      return .error("no rule is called \"\(rule)\"\(hint) (see :rules)")
    }
    let name = rules[index].name.map { " " + Value.quote($0) } ?? ""
    guard draft.dropRule(at: index) else { return .error("rule \(index + 1) cannot be dropped") }
    return .output("dropped rule \(index + 1)\(name)")
  }
}
