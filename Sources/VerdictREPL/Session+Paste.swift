import Verdict

/// Entries that were already waiting in the input together (a paste, a piped file): runs of
/// statements among them are added to the draft with one compile (see
/// ``PolicyDraft/add(paste:)``); every other entry is handled alone, in order.
extension Session {
  /// Handles `entries` in order and says what to print for each, stopping after one that ends
  /// the session.
  package mutating func handle(entries waiting: [String]) -> [Reply] {
    let entries = Session.joiningRests(of: waiting)
    var replies: [Reply] = []
    var index = 0
    while index < entries.count {
      var end = index
      while end < entries.count, pastes(entries[end]) { end += 1 }
      if end - index > 1 {
        replies += addPaste(Array(entries[index..<end]))
        index = end
        continue
      }
      let reply = handle(entries[index])
      replies.append(reply)
      if reply.quits { return replies }
      index += 1
    }
    return replies
  }

  /// `entries` with each statement or expression that has a syntax error joined with the rest of
  /// it: the entries after it that are indented and begin neither a statement nor a command (with
  /// the blank ones between), as a policy file reads them. The reader ends an entry at its first
  /// error, so the lines after a mistake in a pasted `rule … when` were read as entries of their
  /// own, each with errors of its own (`then recommend fire` alone) or evaluated (`revisions > 5`).
  static func joiningRests(of entries: [String]) -> [String] {
    var joined: [String] = []
    // Whether the last entry has a syntax error; found out only when an entry could continue it.
    var lastIsBroken: Bool?
    // Blank entries after the last one, joined with it when an entry after them continues it.
    var blanks: [String] = []
    for entry in entries {
      if !joined.isEmpty, PolicyWords.isBlank(entry) {
        blanks.append(entry)
        continue
      }
      if let last = joined.last, !last.trimmed.hasPrefix(":"), continuesAnEntry(entry) {
        // A clause after a rule or `otherwise` on a line of its own (`    notice 30d`, as
        // `verdict fmt` writes it) is the statement's too, though the statement was complete.
        let clause = Policy.startsWithClause(entry.trimmed) && takesClauses(last)
        let broken = clause || (lastIsBroken ?? Policy.hasSyntaxError(last))
        lastIsBroken = clause ? nil : broken
        if broken {
          joined[joined.count - 1] = ([last] + blanks + [entry]).joined(separator: "\n")
          blanks = []
          continue
        }
      }
      joined += blanks + [entry]
      blanks = []
      lastIsBroken = nil
    }
    return joined + blanks
  }

  /// Whether `entry` is a rule or `otherwise`, which a clause line after it continues.
  private static func takesClauses(_ entry: String) -> Bool {
    guard let first = PolicyWords.words(of: entry).first else { return false }
    return first == "rule" || first == "when" || first == "otherwise"
  }

  /// Whether `entry` could be the rest of the entry before it: indented, and beginning neither a
  /// statement nor a `:` command.
  private static func continuesAnEntry(_ entry: String) -> Bool {
    guard let first = entry.first, first == " " || first == "\t" else { return false }
    let text = entry.trimmed
    return !text.hasPrefix(":") && !Policy.startsWithStatement(text)
  }

  /// Whether `entry` is statements that a paste may add with others: not while tables' records
  /// are loaded, which each change to the policy checks again (see ``refitTables()``).
  private func pastes(_ entry: String) -> Bool {
    book.tableData.isEmpty && book.tableFaults.isEmpty && !PolicyWords.isBlank(entry)
      && !entry.trimmed.hasPrefix(":") && Policy.startsWithStatement(entry.trimmed)
  }

  /// Adds the statements of `entries` together, one reply each, as ``addStatements(_:)`` says.
  private mutating func addPaste(_ entries: [String]) -> [Reply] {
    let results = draft.add(paste: entries)
    // A clause line after the paste belongs to its last statement only when that was added.
    if case .success? = results.last { addedStatements = true }
    prepareRecords(for: draft.policy)
    return zip(entries, results).map { entry, result in
      switch result {
      case .success(let change):
        var reply = Reply.output(change.messages.joined(separator: "\n"))
        reply.warn(style.renderer.render(change.warnings, in: SourceFile(name: "<repl>", text: entry)))
        return reply
      case .failure(let error):
        return .error(style.renderer.render(error.diagnostics, in: error.source))
      }
    }
  }
}
