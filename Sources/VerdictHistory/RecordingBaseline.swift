import GRDB

/// The clients' states as of the run before the one being recorded, held compactly in memory so
/// that each added outcome is compared without a query: a key → id table, and per id the latest
/// change's verdict, severity, rule and clauses as indexes into tables of distinct values.
struct RecordingBaseline {
  /// A client's latest recorded outcome; `verdict < 0` when it has none or left the data.
  struct State {
    var verdict: Int32 = -1
    var rule: Int32 = -1
    var clauses: Int32 = 0
    var severity: Int = 0

    var isPresent: Bool { verdict >= 0 }
  }

  /// Client id by key, for every client recorded so far (including this run's new ones).
  private(set) var ids: [String: Int64] = [:]
  /// The state by client id (ids are rowids: small and dense).
  private(set) var states: [State] = []
  /// Whether the client with this id was added to the run being recorded.
  private(set) var seen: [Bool] = []
  private var verdictNames = Interned<String>()
  private var ruleNames = Interned<String>()
  private var clauseSets = Interned<[String: String]>()
  /// The stored text of each clause set in `clauseSets`.
  private var clauseTexts: [String?] = []
  /// The id the next new client gets.
  private var nextID: Int64 = 1

  /// Loads the state as of the latest change of each client (the caller has removed any change
  /// on or after the day being recorded).
  init(_ db: Database) throws {
    _ = clauseSets.index(of: [:])
    clauseTexts.append(nil)
    let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM clients") ?? 0
    ids.reserveCapacity(Int(highest))
    grow(to: Int(highest) + 1)
    nextID = highest + 1
    let clients = try DirectStatement(db, "SELECT id, key FROM clients")
    while try clients.step() {
      ids[clients.string(1) ?? ""] = clients.int64(0)
    }
    // SQLite takes the bare columns from the row with max(day).
    let latest = try DirectStatement(
      db, "SELECT client, max(day), verdict, severity, rule, clauses FROM changes GROUP BY client")
    var clauseIndexByText: [String: Int32] = [:]
    while try latest.step() {
      let id = latest.int64(0)
      guard id < states.count, let verdict = latest.string(2) else { continue }
      var clauses: Int32 = 0
      if let text = latest.string(5) {
        if let index = clauseIndexByText[text] {
          clauses = index
        } else {
          clauses = clauseSets.index(of: ClauseText.decode(text) ?? [:])
          if clauses == clauseTexts.count { clauseTexts.append(text) }
          clauseIndexByText[text] = clauses
        }
      }
      states[Int(id)] = State(
        verdict: verdictNames.index(of: verdict), rule: latest.string(4).map { ruleNames.index(of: $0) } ?? -1,
        clauses: clauses, severity: Int(latest.int64(3)))
    }
  }

  private mutating func grow(to count: Int) {
    let more = Swift.max(count, states.count * 2) - states.count
    guard more > 0 else { return }
    states.append(contentsOf: repeatElement(State(), count: more))
    seen.append(contentsOf: repeatElement(false, count: more))
  }

  /// The id of the client with `key`, and whether it is new to the history (it gets the next
  /// free id); `nil` when the client was already added to this run.
  mutating func admit(_ key: String) -> (id: Int64, isNew: Bool)? {
    if let id = ids[key] {
      if seen[Int(id)] { return nil }
      seen[Int(id)] = true
      return (id, false)
    }
    let id = nextID
    ids[key] = id
    if id >= states.count { grow(to: Int(id) + 1) }
    seen[Int(id)] = true
    nextID = id + 1
    return (id, true)
  }

  /// Whether the client's state at the run before equals `outcome`.
  func isUnchanged(_ id: Int64, _ outcome: ClientOutcome) -> Bool {
    let state = states[Int(id)]
    guard state.isPresent, state.severity == outcome.severity,
      verdictNames.values[Int(state.verdict)] == outcome.verdict
    else { return false }
    if let rule = outcome.rule {
      guard state.rule >= 0, ruleNames.values[Int(state.rule)] == rule else { return false }
    } else if state.rule >= 0 {
      return false
    }
    return clauseSets.values[Int(state.clauses)] == outcome.clauses
  }

  /// The stored text of `clauses`, encoded once per distinct set.
  mutating func clauseText(_ clauses: [String: String]) -> String? {
    if clauses.isEmpty { return nil }
    let index = clauseSets.index(of: clauses)
    if index == clauseTexts.count { clauseTexts.append(ClauseText.encode(clauses)) }
    return clauseTexts[Int(index)]
  }

  /// The ids of clients that were in the data at the run before and were not added to this one.
  var departed: [Int64] {
    var ids: [Int64] = []
    for id in states.indices where states[id].isPresent && !seen[id] { ids.append(Int64(id)) }
    return ids
  }
}

/// Distinct values, each with a small index, in the order first seen.
struct Interned<Value: Hashable> {
  private(set) var values: [Value] = []
  private var indexes: [Value: Int32] = [:]

  /// The index of `value`, added when new.
  mutating func index(of value: Value) -> Int32 {
    if let index = indexes[value] { return index }
    let index = Int32(values.count)
    values.append(value)
    indexes[value] = index
    return index
  }
}
