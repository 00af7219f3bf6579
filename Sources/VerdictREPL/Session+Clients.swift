import Verdict
import VerdictData
import VerdictRun

/// The commands about clients: `:clients`, `:client`, `:set`, `:run`, `:explain`.
extension Session {
  func listClients() -> Reply {
    guard !book.entries.isEmpty else {
      return .output("no clients loaded; :data FILE loads some, :set FIELD = VALUE builds one by hand")
    }
    // Names and keys as the tables show them, control characters as `\u{…}`.
    let keys = book.entries.map { MessageText.escaped($0.key) }
    let keyWidth = keys.map(\.count).max() ?? 0
    let lines = book.entries.indices.map { index in
      let entry = book.entries[index]
      let marker = index == current ? "* " : "  "
      let name = MessageText.escaped(entry.name)
      guard !entry.key.isEmpty, entry.key != entry.name else { return marker + name }
      return marker + keys[index] + String(repeating: " ", count: keyWidth - keys[index].count + 2) + name
    }
    return .output(lines.joined(separator: "\n"))
  }

  mutating func chooseClient(_ name: String?) -> Reply {
    guard let name else { return describeCurrentClient() }
    guard !book.entries.isEmpty else {
      return .error("no clients loaded; :data FILE loads some, :set FIELD = VALUE builds one by hand")
    }
    switch book.find(name) {
    case .success(let index):
      current = index
      overrides = [:]
      return .output(book.entries[index].name)
    case .failure(.ambiguous(let names)):
      return .error("'\(name)' could be \(names.prefix(8).joined(separator: ", "))\(names.count > 8 ? ", …" : "")")
    case .failure(.unknown(let suggestion)):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? " (see :clients)"
      return .error("no client is called '\(name)'\(hint)")
    }
  }

  /// `:client` without a name: who the current client is and its values for the policy's fields.
  func describeCurrentClient() -> Reply {
    let policy = draft.policy
    let title = current.map { book.entries[$0].name } ?? "the client built by hand (:set FIELD = VALUE)"
    guard case .success(let client) = currentClient(for: policy) else {
      return .error("\(title) cannot be read for this policy")
    }
    var lines = [title]
    for (slot, field) in policy.fields.enumerated() {
      lines.append("  \(field.name) = \(client.value(at: slot))")
    }
    return .output(lines.joined(separator: "\n"))
  }

  mutating func set(_ field: String, to value: String) -> Reply {
    let policy = draft.policy
    if policy.slot(ofField: field) == nil, policy.fields.contains(where: \.isDeclared) {
      let hint = Suggestion.closest(to: field, among: policy.fields.map(\.name)).map { "did you mean '\($0)'? or " }
      return .error("the policy has no field '\(field)'; \(hint ?? "")declare it: field \(field): TYPE")
    }
    var trial = overrides
    trial[field] = value
    if case .failure(let problem) = client(at: current, for: policy, overrides: trial) {
      return .error(problem.message)
    }
    overrides = trial
    if let slot = policy.slot(ofField: field), case .success(let client) = currentClient(for: policy) {
      return .output("\(field) = \(client.value(at: slot))")
    }
    return .output("\(field) = \(value.isEmpty ? "missing" : value)")
  }

  /// The verdict for every loaded client, or for the current one when none are loaded.
  func runAll() -> Reply {
    let policy = draft.policy
    if let refusal = tablesRefusal(for: policy) { return .error(refusal) }
    let context = context
    let indices: [Int?] = book.entries.isEmpty ? [current] : book.entries.indices.map { $0 }
    var table = VerdictTable()
    var reply = Reply()
    let rules = policy.rules
    for index in indices {
      let name = index.map { book.entries[$0].name } ?? "(by hand)"
      let found = client(at: index, for: policy, overrides: index == current ? overrides : [:])
      guard case .success(let client) = found else {
        // The reason column says why, as `verdict run`'s report does for a row with an error.
        var reason = ""
        if case .failure(let problem) = found {
          reply.warn(problem.message)
          reason = problem.reason
        }
        table.add([name, "error", "-", "-", reason])
        continue
      }
      do {
        let evaluation = try policy.evaluate(client, in: context, allowingMissingPopulation: true)
        table.add([
          name, evaluation.verdict, evaluation.winningRule.map { rules[$0].title(index: $0) } ?? "-",
          evaluation.clauses.notice.map(\.description) ?? "-", evaluation.clauses.reason ?? "",
        ])
      } catch {
        reply.warn("\(name): " + style.renderer.render(error.diagnostic, in: policy.source))
        table.add([name, "error", "-", "-", error.diagnostic.message])
      }
    }
    reply.say(table.render(header: ["client", "verdict", "rule", "notice", "reason"]))
    // As a run's summary warns, after the report.
    for warning in book.warnings(for: policy) { reply.warn(warning) }
    return reply
  }

  /// `:explain` and `:tree`: why the current (or named) client gets its verdict.
  func explain(_ name: String?, tree: Bool) -> Reply {
    var index = current
    if let name {
      switch book.find(name) {
      case .success(let found): index = found
      case .failure: return .error("no client is called '\(name)' (see :clients)")
      }
    }
    let policy = draft.policy
    if let refusal = tablesRefusal(for: policy) { return .error(refusal) }
    let useOverrides = index == current ? overrides : [:]
    let client: Client
    switch self.client(at: index, for: policy, overrides: useOverrides) {
    case .success(let found): client = found
    case .failure(let problem): return .error(problem.message)
    }
    let explanation = policy.explain(client, in: context)
    let title = index.map { book.entries[$0].name }
    var reply = Reply.output(ExplanationText.render(explanation, client: title, tree: tree).dropLast().description)
    if let error = explanation.error {
      // A failed evaluation fails the command, as `verdict explain` exits 1 for it.
      reply.fail(style.renderer.render(error.diagnostic, in: policy.source))
    }
    return reply
  }
}

/// Rows of text in aligned columns, the last column unpadded.
struct VerdictTable {
  private var rows: [[String]] = []

  /// Adds a row; its cells (names and keys from a data file) with the characters that drive a
  /// terminal shown as `\u{…}`: a key holding `ESC[1;31m` coloured the REPL's lines red.
  mutating func add(_ row: [String]) { rows.append(row.map { MessageText.escaped($0) }) }

  func render(header: [String]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        line += cell
        if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}
