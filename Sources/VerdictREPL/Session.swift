import Verdict
import VerdictRun

/// One REPL session: the policy being written, the clients it is tried on, and the current
/// client. ``handle(_:)`` takes one complete entry (a statement, an expression or a `:`
/// command, possibly several lines) and returns what to print. Nothing here touches a terminal.
package struct Session: Sendable {
  /// The policy written so far.
  package internal(set) var draft = PolicyDraft()
  /// The loaded clients.
  package internal(set) var book = ClientBook()
  /// The current client's index in ``book``, or `nil` for the hand-built client.
  package internal(set) var current: Int?
  /// Values set by hand with `:set`, by field name, on top of the current client.
  package internal(set) var overrides: [String: String] = [:]
  /// The date `today` means.
  package var today: CalendarDate
  /// How diagnostics are drawn.
  package var style: OutputStyle
  /// How `:data` reads data files (`repl --data`'s options, as `verdict run` takes them).
  package var reading = DataReadOptions()
  /// The run history the policy's history facts are read from (`repl --history`), if any.
  package var history: HistoryReader?
  /// Whether the last entry added statements (or amended one), so that an indented clause
  /// line after it belongs to its last rule or `otherwise` (``amendStatement(_:)``).
  var addedStatements = false

  /// A session with an empty policy and no clients.
  package init(today: CalendarDate, style: OutputStyle = OutputStyle()) {
    self.today = today
    self.style = style
  }

  /// Handles one complete entry and says what to print.
  ///
  /// Never traps and never ends the session on an error: errors are returned in the reply.
  package mutating func handle(_ entry: String) -> Reply {
    guard !PolicyWords.isBlank(entry) else { return Reply() }
    let trimmed = entry.trimmed
    // An indented clause right after a rule or `otherwise` (`    notice 30d`, as `verdict fmt`
    // lays one out) belongs to it (``PolicyDraft/amendLast(with:)``); after anything else (a
    // command too: `:drop`, `:load`) it does not.
    let amends = addedStatements && (entry.first == " " || entry.first == "\t") && Policy.startsWithClause(trimmed)
    addedStatements = false
    if trimmed.hasPrefix(":") {
      switch MetaCommand.parse(entry) {
      case .success(let command): return run(command)
      case .failure(let error): return .error(error.message)
      }
    }
    if amends, draft.endsWithClauseTaker { return amendStatement(entry) }
    if Policy.startsWithStatement(trimmed) { return addStatements(entry) }
    return evaluate(entry)
  }

  /// Adds the clauses of `text` to the draft's last rule or `otherwise`.
  mutating func amendStatement(_ text: String) -> Reply {
    do {
      guard let change = try draft.amendLast(with: text) else { return evaluate(text) }
      addedStatements = true
      prepareRecords(for: draft.policy)
      var reply = Reply.output(change.messages.joined(separator: "\n"))
      reply.warn(style.renderer.render(change.warnings, in: SourceFile(name: "<repl>", text: text)))
      return reply
    } catch {
      return .error(style.renderer.render(error.diagnostics, in: error.source))
    }
  }

  /// Adds the statements of `text` to the policy.
  mutating func addStatements(_ text: String) -> Reply {
    do {
      let change = try draft.add(text)
      addedStatements = true
      let told = refitTables()
      prepareRecords(for: draft.policy)
      var reply = Reply.output(change.messages.joined(separator: "\n"))
      let source = SourceFile(name: "<repl>", text: text)
      reply.warn(style.renderer.render(change.warnings, in: source))
      for told in told { reply.warn(told) }
      return reply
    } catch {
      return .error(style.renderer.render(error.diagnostics, in: error.source))
    }
  }

  /// Evaluates an expression for the current client and prints its value.
  mutating func evaluate(_ text: String) -> Reply {
    let compiled: CompiledExpression
    do {
      compiled = try draft.policy.compileExpression(text, name: "<repl>")
    } catch {
      return .error(style.renderer.render(error.diagnostics, in: error.source))
    }
    if let refusal = tablesRefusal(for: compiled.policy) { return .error(refusal) }
    prepareRecords(for: compiled.policy)
    let client: Client
    switch currentClient(for: compiled.policy) {
    case .success(let found): client = found
    case .failure(let problem): return .error(problem.message)
    }
    let context = EvaluationContext(today: today, population: population(for: compiled.policy))
    do {
      return .output(try compiled.evaluate(client, in: context).description)
    } catch {
      return .error(style.renderer.render(error.diagnostic, in: compiled.source))
    }
  }

  /// The type of an expression, for `:type`.
  func typeOf(_ text: String) -> Reply {
    do {
      let compiled = try draft.policy.compileExpression(text, name: "<repl>")
      return .output(compiled.type?.rawValue ?? "decided by the data")
    } catch {
      return .error(style.renderer.render(error.diagnostics, in: error.source))
    }
  }

  /// The current client (with `:set` values) as a client of `policy`, or why it cannot be read.
  func currentClient(for policy: Policy) -> Result<Client, SessionProblem> {
    client(at: current, for: policy, overrides: overrides)
  }

  /// The client at `index` as a client of `policy`, or why it cannot be read.
  func client(at index: Int?, for policy: Policy, overrides: [String: String]) -> Result<Client, SessionProblem> {
    if let index, let problem = book.problem(at: index, for: policy) {
      return .failure(SessionProblem("\(book.entries[index].name) cannot be read: \(problem)", reason: problem))
    }
    do {
      var client = try book.client(at: index, for: policy, overrides: overrides, onlyFieldsRead: true)
      history?.fill(&client, key: index.map { book.entries[$0].key } ?? "", policy: policy)
      return .success(client)
    } catch {
      let name = index.map { book.entries[$0].name } ?? "the client"
      return .failure(SessionProblem("\(name): \(error.message)", reason: error.message))
    }
  }

  /// The evaluation context for the draft's policy.
  var context: EvaluationContext {
    EvaluationContext(today: today, population: population(for: draft.policy))
  }

  /// The loaded clients' population for `policy`, with the current client's `:set` values in
  /// place of its own: every client is measured against the what-if.
  func population(for policy: Policy) -> Population? {
    book.population(book.population(for: policy), for: policy, whatIf: overrides, at: current)
  }

  /// The prompt: `verdict> `, or the current client's name when it is short and plain ASCII
  /// (`client> ` otherwise).
  package var prompt: String {
    guard let current else { return "verdict> " }
    let name = book.entries[current].name
    let plain = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    guard plain, !name.isEmpty, name.count <= 24 else { return "client> " }
    return name + "> "
  }

  /// The prompt for the following lines of an unfinished entry: `...> ` right-aligned under
  /// ``prompt``.
  package var continuationPrompt: String {
    let marker = "...> "
    return String(repeating: " ", count: max(0, prompt.count - marker.count)) + marker
  }

  /// `Verdict 0.1.0 — 6 rules, 8 fields, 42 clients. :help for help.`
  package func banner(version: String) -> String {
    let policy = draft.policy
    let clients = book.entries.count
    return "Verdict \(version) — \(plural(policy.rules.count, "rule")), "
      + "\(plural(policy.fields.count, "field")), \(plural(clients, "client")). :help for help."
  }
}

/// A reason shown to the user, as an error value.
struct SessionProblem: Error {
  /// What is wrong, naming the client (`t.csv:3 cannot be read: …`).
  var message: String
  /// What is wrong without the client's name, for a table whose row names it already (`:run`'s
  /// reason column, as `verdict run`'s report gives it).
  var reason: String

  init(_ message: String, reason: String? = nil) {
    self.message = message
    self.reason = reason ?? message
  }
}

/// `1 rule`, `6 rules`.
func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension StringProtocol {
  /// The text without leading and trailing white space.
  var trimmed: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
