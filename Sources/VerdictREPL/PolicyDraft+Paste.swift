import Verdict

/// Adding a paste: entries that were already waiting in the input together, compiled with the
/// draft once rather than once each, since compiling the whole draft for every statement made a
/// long paste quadratic in its length (2,000 rules: 114 s).
///
/// A paste is read as a policy file is: its statements are checked together, so one may use a
/// name a later one defines, and each entry's warnings are those the check of the whole draft
/// finds in it. An entry with an error is left out and the rest compiled again without it; its
/// error is the one the check found in it, pointing into it. An entry that defines a name the
/// draft or an earlier entry of the paste defines starts a new batch: it replaces that
/// definition as typed, and the entries before it were checked with the one it replaces.
extension PolicyDraft {
  /// Adds each of `entries` (each a complete entry of statements), as ``add(_:)`` would, all
  /// compiled together; returns what each did, in order.
  package mutating func add(paste entries: [String]) -> [Result<Change, PolicyError>] {
    var results: [Result<Change, PolicyError>?] = Array(repeating: nil, count: entries.count)
    var start = 0
    while start < entries.count {
      var keys = Set(segments.compactMap(\.role.key)).union(PolicyDraft.definedKeys(in: entries[start]))
      var end = start + 1
      while end < entries.count {
        let more = PolicyDraft.definedKeys(in: entries[end])
        guard keys.isDisjoint(with: more) else { break }
        keys.formUnion(more)
        end += 1
      }
      addBatch(Array(start..<end), of: entries, into: &results)
      start = end
    }
    return results.compactMap { $0 }
  }

  /// Adds the entries at `indices`, which define no name twice: together while that compiles,
  /// leaving out the first entry with an error each time it does not; the first alone when the
  /// draft's own statements have errors with them.
  private mutating func addBatch(
    _ indices: [Int], of entries: [String], into results: inout [Result<Change, PolicyError>?]
  ) {
    var waiting = indices
    while waiting.count > 1 {
      switch together(waiting.map { entries[$0] }) {
      case .added(let changes, let segments, let policy):
        self.segments = segments
        self.policy = policy
        for (index, change) in zip(waiting, changes) { results[index] = .success(change) }
        return
      case .failed(let position, let error):
        results[waiting[position]] = .failure(error)
        waiting.remove(at: position)
      case .firstAlone:
        let index = waiting.removeFirst()
        results[index] = Result { () throws(PolicyError) in try add(entries[index]) }
      case .unsure:
        for index in waiting { results[index] = Result { () throws(PolicyError) in try add(entries[index]) } }
        return
      }
    }
    for index in waiting { results[index] = Result { () throws(PolicyError) in try add(entries[index]) } }
  }

  /// What compiling a batch with the draft came to.
  private enum BatchOutcome {
    /// Everything compiled: each entry's change, the draft's new segments and policy.
    case added([Change], [Segment], Policy)
    /// The entry at this position of the batch has this error.
    case failed(Int, PolicyError)
    /// The draft's statements have errors with the batch's: the first entry (the only one that
    /// may redefine what they use) is added alone, as typed, to say why.
    case firstAlone
    /// The batch cannot be added together (an example named as another): it is added one entry
    /// at a time.
    case unsure
  }

  /// One entry's place in the compiled text.
  private struct Placement {
    /// Where the entry's text starts in the compiled text.
    var start: Int
    /// Where the entry's text ends in the compiled text.
    var end: Int
    /// The white space removed from the entry's start (see ``PolicyDraft/lineStart(of:)``).
    var removed: Range<Int>
  }

  /// Compiles the draft, less what `batch` redefines, followed by the entries of `batch`, each
  /// beginning its line.
  private mutating func together(_ batch: [String]) -> BatchOutcome {
    let replacing = batch.reduce(into: Set<String>()) { $0.formUnion(PolicyDraft.definedKeys(in: $1)) }
    let kept = segments.filter { $0.role.key.map { !replacing.contains($0) } ?? true }
    var bytes = Array(kept.map(\.text).joined(separator: "\n").utf8)
    var placements: [Placement] = []
    for entry in batch {
      if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
      let removed = PolicyDraft.lineStart(of: entry)
      var body = Array(entry.utf8)
      body.removeSubrange(removed)
      placements.append(Placement(start: bytes.count, end: bytes.count + body.count, removed: removed))
      bytes += body
    }
    let combined = SourceFile(name: PolicyDraft.sourceName, bytes: bytes)
    compiledBytes += bytes.count
    let (compiled, diagnostics) = Policy.compile(combined)
    let owner = { (position: Int) -> Int? in placements.firstIndex { position >= $0.start && position <= $0.end } }
    guard let policy = compiled else {
      let errors = diagnostics.filter { $0.severity == .error }
      let owners = errors.map { owner($0.range.start) }
      guard !owners.contains(nil), let first = owners.compactMap({ $0 }).min() else { return .firstAlone }
      return .failed(first, error(in: batch[first], at: placements[first], among: errors))
    }
    let statements = policy.syntax.statements.filter { $0.range.start >= placements[0].start }
    let added = PolicyDraft.segments(of: combined, statements: policy.syntax.statements, from: placements[0].start)
    let keys = (kept + added).compactMap(\.role.key)
    guard Set(keys).count == keys.count else { return .unsure }
    let draftKeys = Set(segments.compactMap(\.role.key))
    var ruleNumber = kept.filter { $0.role == .rule }.count
    var changes = batch.map { _ in Change(messages: [], warnings: []) }
    for (statement, segment) in zip(statements, added) {
      guard let index = owner(statement.range.start) else { return .unsure }
      guard let key = segment.role.key else {
        ruleNumber += 1
        let name = policy.rule(at: ruleNumber - 1)?.name
        changes[index].messages.append("added rule \(ruleNumber)" + (name.map { " " + Value.quote($0) } ?? ""))
        continue
      }
      changes[index].messages.append((draftKeys.contains(key) ? "replaced " : "added ") + key)
    }
    let warnings = diagnostics.filter { $0.severity == .warning && !PolicyDraft.quietWarnings.contains($0.code) }
    for warning in warnings {
      guard let index = owner(warning.range.start) else { continue }
      let placement = placements[index]
      changes[index].warnings += PolicyDraft.shift([warning], from: placement.start, undoing: placement.removed)
    }
    return .added(changes, kept + added, policy)
  }

  /// The error of `entry`, placed at `placement`: the errors found in it, pointing into it; its
  /// parse errors as a parse of the entry alone words them, as ``add(_:)`` has them.
  private func error(
    in entry: String, at placement: Placement, among errors: [Diagnostic]
  ) -> PolicyError {
    let own = errors.filter { $0.range.start >= placement.start && $0.range.start <= placement.end }
    let shifted = PolicyDraft.shift(own, from: placement.start, undoing: placement.removed)
    let source = SourceFile(name: "<repl>", text: entry)
    let alone = Policy.compile(source).diagnostics
    let clearer = shifted.map { error in alone.first { $0.code == error.code && $0.range == error.range } ?? error }
    return PolicyError(source: source, diagnostics: clearer)
  }
}
