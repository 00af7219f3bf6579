import Verdict

/// Candidates for Tab, by where the cursor is: a command name after `:`, client names after
/// `:client ` and `:explain `, rule names after `:drop `, field names after `:set `, verdicts after
/// `recommend`, types after `field NAME:`, and otherwise the words of the language with the
/// session's fields, lets, functions and verdicts. Nothing inside a text literal.
package struct Completer: Sendable {
  /// What to complete: the offset (in `Character`s) where the word starts, and its replacements.
  package struct Candidates: Equatable, Sendable {
    /// Where the replaced word starts.
    package var wordStart: Int
    /// Full replacements for the word, in listing order.
    package var words: [String]
    /// Whether accepting a single candidate also types a space.
    package var appendsSpace = true
  }

  /// The reserved words and the contextual words of clauses, `is`, examples and fields.
  static let keywords = [
    "field", "let", "rule", "when", "then", "recommend", "verdicts", "otherwise", "strategy", "example", "and", "or",
    "not", "in", "is", "contains", "true", "false", "notice", "reason", "refer", "cooldown", "hold", "until", "paid",
    "meet", "missing", "present", "expect", "today", "format", "from", "table", "keyed", "by", "where",
  ]
  /// The built-in functions.
  static let functions = unique(
    ["days_since", "days_until", "min", "max", "abs", "round", "lower", "len", "count"]
      + AggregateFunction.allCases.map(\.rawValue) + PopulationMeasure.allCases.map(\.rawValue))
  /// The field types.
  static let types = ["number", "duration", "percent", "money", "date", "text", "bool", "list"]
  /// The words that begin a clause after `recommend VERDICT`.
  static let clauseWords = ["notice", "reason", "refer", "cooldown", "hold", "meet"]

  /// Whether the text before the word being completed ends where a value must come: after an
  /// opening bracket, a comma, an operator, or a word that takes a value.
  static func endsInsideExpression(_ text: some StringProtocol, previous: String?) -> Bool {
    if let last = text.last, "([,+-*/<>=?".contains(last) { return true }
    let takesValue = ["when", "and", "or", "not", "in", "contains", "notice", "reason", "refer", "cooldown", "where"]
    return previous.map(takesValue.contains) ?? false
  }

  /// The session whose names are offered.
  package var session: Session

  /// A completer for `session`.
  package init(session: Session) {
    self.session = session
  }

  /// The candidates for the word ending at `cursor` in `line`; `pending` is the unfinished
  /// entry's earlier lines, if any.
  package func complete(line: String, cursor: Int, pending: String = "") -> Candidates {
    let before = String(line.prefix(max(0, min(cursor, line.count))))
    let leading = before.prefix { $0 == " " || $0 == "\t" }.count
    if pending.isEmpty, before.dropFirst(leading).hasPrefix(":") {
      return completeCommand(before, leading: leading)
    }
    if PolicyWords.endsInsideTextOrComment(pending + "\n" + before) {
      return Candidates(wordStart: before.count, words: [])
    }
    return completeCode(before)
  }

  private func completeCommand(_ before: String, leading: Int) -> Candidates {
    let command = before.dropFirst(leading).prefix { !$0.isWhitespace }
    let commandEnd = leading + command.count
    guard before.count > commandEnd else {
      return Candidates(wordStart: leading, words: Self.matching(MetaCommand.names, String(command)))
    }
    let argumentStart = commandEnd + before.dropFirst(commandEnd).prefix { $0 == " " || $0 == "\t" }.count
    var typed = String(before.dropFirst(argumentStart))
    var wordStart = argumentStart
    if typed.hasPrefix("\"") {
      typed.removeFirst()
      wordStart += 1
    }
    switch command {
    case ":client", ":explain":
      let names = session.book.entries.map(\.name)
      let caseless = names.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
      return Candidates(wordStart: wordStart, words: Self.unique(caseless), appendsSpace: false)
    case ":drop":
      let names = session.draft.policy.rules.compactMap(\.name)
      return Candidates(wordStart: wordStart, words: Self.matching(names, typed), appendsSpace: false)
    case ":set":
      guard !typed.contains("=") else { return Candidates(wordStart: before.count, words: []) }
      return Candidates(wordStart: wordStart, words: Self.matching(fieldNames, typed))
    case ":type", ":t":
      return completeCode(before)
    case ":records":
      return Candidates(wordStart: wordStart, words: Self.matching(tableNames, typed))
    default:
      return Candidates(wordStart: before.count, words: [])
    }
  }

  /// Completion inside a statement or an expression.
  private func completeCode(_ before: String) -> Candidates {
    let word = String(before.reversed().prefix { Self.isWordCharacter($0) }.reversed())
    let wordStart = before.count - word.count
    let earlier = PolicyWords.words(of: String(before.prefix(wordStart)))
    let previous = earlier.last
    let textBefore = before.prefix(wordStart).trimmed
    let vocabulary: [String]
    if before.prefix(wordStart).hasSuffix("."), let table = previous.flatMap(table(named:)) {
      // `invoices.am`: the table's fields and lets.
      vocabulary = table.policy.fields.map(\.name) + table.letNames
    } else if previous == "recommend" || earlier.suffix(1) == ["verdicts"] {
      vocabulary = session.draft.policy.verdicts
    } else if textBefore.hasSuffix(":"), earlier.count >= 2, earlier[earlier.count - 2] == "field" {
      vocabulary = Self.types
    } else if previous == "field" {
      let declared = Set(session.draft.policy.fields.filter(\.isDeclared).map(\.name))
      vocabulary = session.book.columns.filter { !declared.contains($0) }
    } else if previous == "let" {
      return Candidates(wordStart: wordStart, words: [])
    } else if previous == "is" {
      vocabulary = ["missing", "present"]
    } else if earlier.count >= 2, ["recommend", "expect"].contains(earlier[earlier.count - 2]),
      session.draft.policy.verdicts.contains(previous ?? "")
    {
      // After `recommend fire`: the clauses.
      vocabulary = Self.clauseWords
    } else if Self.endsInsideExpression(textBefore, previous: previous) {
      // Where a value goes (`share(`, `when `, `> `): names and functions, not statements.
      vocabulary = fieldNames + letNames + tableNames + Self.functions + ["true", "false", "today", "not"]
    } else {
      vocabulary =
        fieldNames + letNames + tableNames + Self.functions + session.draft.policy.verdicts + Self.keywords
    }
    return Candidates(wordStart: wordStart, words: Self.matching(vocabulary, word))
  }

  /// The policy's record tables.
  var tableNames: [String] { session.draft.policy.tables.map(\.name) }

  private func table(named name: String) -> RecordTable? {
    session.draft.policy.tables.first { $0.name == name }
  }

  /// The policy's fields, then the data's other columns (usable as undeclared fields).
  var fieldNames: [String] {
    session.draft.policy.fields.map(\.name) + session.book.columns
  }

  /// The names of the policy's lets.
  var letNames: [String] {
    session.draft.policy.syntax.statements.compactMap { statement in
      if case .let(let binding) = statement.kind { return binding.name.name }
      return nil
    }
  }

  /// The words of `vocabulary` that start with `typed`, in order, without duplicates.
  static func matching(_ vocabulary: [String], _ typed: String) -> [String] {
    unique(vocabulary.filter { $0.hasPrefix(typed) })
  }

  private static func unique(_ words: [String]) -> [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0).inserted }
  }

  /// Letters, digits and `_`: the characters of names.
  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_"
  }
}
