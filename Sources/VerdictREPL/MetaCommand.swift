import Verdict

/// A command that starts with `:`, parsed from one line.
package enum MetaCommand: Equatable, Sendable {
  /// `:help`.
  case help
  /// `:load FILE`: replace the session's policy with a policy file.
  case load(String)
  /// `:data FILE`: load clients from a CSV, JSON or JSON Lines file; `:data TABLE=FILE` loads
  /// the records of one of the policy's tables.
  case data(String)
  /// `:records TABLE`: the current client's records in a table.
  case records(String)
  /// `:clients`: list the loaded clients.
  case clients
  /// `:client [NAME]`: choose the current client, or show it.
  case client(String?)
  /// `:set NAME = VALUE`: give the current client a value by hand.
  case set(field: String, value: String)
  /// `:run`: the verdict for every client.
  case run
  /// `:explain [NAME]`: why the current (or named) client gets its verdict.
  case explain(String?)
  /// `:tree [NAME]`: `:explain` with every rule's whole condition and the value of each part.
  case tree(String?)
  /// `:rules`: list the rules.
  case rules
  /// `:drop RULE`: remove a rule, by number or name.
  case drop(String)
  /// `:type EXPR`: the type of an expression.
  case type(String)
  /// `:save FILE`: write the policy to a file.
  case save(String)
  /// `:reset`: start again with an empty policy.
  case reset
  /// `:quit`: end the session.
  case quit

  /// Every command with its arguments and what it does, in the order `:help` lists them.
  package static let summaries: [(usage: String, summary: String)] = [
    (":help", "show this help"),
    (":load FILE", "replace the policy with a policy file"),
    (":data FILE", "load clients from a CSV, JSON or JSON Lines file (TABLE=FILE: a table's records)"),
    (":records TABLE", "the current client's records in one of the policy's tables"),
    (":clients", "list the loaded clients"),
    (":client NAME", "evaluate against this client (by name or id); no NAME: show it"),
    (":set FIELD = VALUE", "give the current client a value by hand (empty: missing)"),
    (":run", "the verdict for every client"),
    (":explain [NAME]", "why the current (or named) client gets its verdict"),
    (":tree [NAME]", "like :explain, with every condition's whole tree of values"),
    (":rules", "list the rules"),
    (":drop RULE", "remove a rule, by number or name"),
    (":type EXPR", "the type of an expression"),
    (":save FILE", "write the policy to a file that `verdict check` accepts"),
    (":reset", "start again with an empty policy and no hand-set values"),
    (":quit", "end the session (or Ctrl-D)"),
  ]

  /// The command names with their colon, for completion and "did you mean".
  package static let names: [String] = summaries.map { String($0.usage.prefix { $0 != " " }) }

  /// Why a line is not a command.
  package enum ParseError: Error, Equatable, Sendable {
    /// No command has this name; the closest one, if any is close.
    case unknown(String, suggestion: String?)
    /// The command needs an argument (its usage is given).
    case missingArgument(usage: String)
    /// The command takes no argument.
    case unexpectedArgument(String)
    /// `:set` without `=`.
    case malformedSet

    /// The message to show.
    package var message: String {
      switch self {
      case .unknown(let name, let suggestion):
        let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
        return "unknown command '\(name)'; \(hint)the commands are "
          + MetaCommand.names.joined(separator: " ")
      case .missingArgument(let usage): return "usage: \(usage)"
      case .unexpectedArgument(let name): return "\(name) takes no argument"
      case .malformedSet: return "usage: :set FIELD = VALUE"
      }
    }
  }

  /// Parses a line that starts with `:`.
  package static func parse(_ line: String) -> Result<MetaCommand, ParseError> {
    let trimmed = line.trimmed
    let name = String(trimmed.prefix { !$0.isWhitespace })
    let rest = trimmed.dropFirst(name.count).trimmed
    let argument = rest.isEmpty ? nil : unquote(rest)
    func required(_ make: (String) -> MetaCommand) -> Result<MetaCommand, ParseError> {
      guard let argument else {
        let usage = summaries.first { $0.usage.hasPrefix(name + " ") }?.usage ?? name
        return .failure(.missingArgument(usage: usage))
      }
      return .success(make(argument))
    }
    func bare(_ command: MetaCommand) -> Result<MetaCommand, ParseError> {
      rest.isEmpty ? .success(command) : .failure(.unexpectedArgument(name))
    }
    switch name {
    case ":help", ":h", ":?": return bare(.help)
    case ":load": return required(MetaCommand.load)
    case ":data": return required(MetaCommand.data)
    case ":records": return required(MetaCommand.records)
    case ":clients": return bare(.clients)
    case ":client": return .success(.client(argument))
    // The value's end as typed: the line's trimming would drop a no-break space the value keeps.
    case ":set": return parseSet(String(line.drop(while: \.isWhitespace).dropFirst(name.count)))
    case ":run": return bare(.run)
    case ":explain": return .success(.explain(argument))
    case ":tree": return .success(.tree(argument))
    case ":rules": return bare(.rules)
    case ":drop": return required(MetaCommand.drop)
    case ":type", ":t": return rest.isEmpty ? required(MetaCommand.type) : .success(.type(rest))
    case ":save": return required(MetaCommand.save)
    case ":reset": return bare(.reset)
    case ":quit", ":q", ":exit": return bare(.quit)
    default:
      return .failure(.unknown(name, suggestion: Suggestion.closest(to: name, among: names)))
    }
  }

  /// `FIELD = VALUE`; the value is a data cell's text, read as `eval --set` reads it: its
  /// quotes are part of it (a CSV file's quotes are the file's syntax, not its cells'), and an
  /// empty value makes the field missing.
  private static func parseSet(_ text: String) -> Result<MetaCommand, ParseError> {
    guard let equals = text.firstIndex(of: "=") else { return .failure(.malformedSet) }
    let field = text[..<equals].trimmed
    let value = CellReader.typedCell(text[text.index(after: equals)...])
    guard !field.isEmpty, field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      return .failure(.malformedSet)
    }
    return .success(.set(field: field, value: value))
  }

  /// `"Acme GmbH"` without its quotes (and `\"` unescaped); other text as it is.
  static func unquote(_ text: String) -> String {
    guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
    var result = ""
    var escaped = false
    for character in text.dropFirst().dropLast() {
      if escaped || character != "\\" {
        result.append(character)
        escaped = false
      } else {
        escaped = true
      }
    }
    return result
  }
}
