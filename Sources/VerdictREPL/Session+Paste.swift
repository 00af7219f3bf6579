import Verdict

/// Entries that were already waiting in the input together (a paste, a piped file): runs of
/// statements among them are added to the draft with one compile (see
/// ``PolicyDraft/add(paste:)``); every other entry is handled alone, in order.
extension Session {
  /// Handles `entries` in order and says what to print for each, stopping after one that ends
  /// the session.
  package mutating func handle(entries: [String]) -> [Reply] {
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

  /// Whether `entry` is statements that a paste may add with others: not while tables' records
  /// are loaded, which each change to the policy checks again (see ``refitTables()``).
  private func pastes(_ entry: String) -> Bool {
    book.tableData.isEmpty && book.tableFaults.isEmpty && !PolicyWords.isBlank(entry)
      && !entry.trimmed.hasPrefix(":") && Policy.startsWithStatement(entry.trimmed)
  }

  /// Adds the statements of `entries` together, one reply each, as ``addStatements(_:)`` says.
  private mutating func addPaste(_ entries: [String]) -> [Reply] {
    let results = draft.add(paste: entries)
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
