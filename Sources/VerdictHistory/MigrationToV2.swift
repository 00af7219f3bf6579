import GRDB

/// Schema v2: the changes of a run packed in a few blobs instead of a row each, the client keys
/// stored once (packed per run that saw them first) instead of in a table and its index, and
/// each distinct outcome stored once. A v1 file is rewritten in place, within the migration's
/// transaction: its runs stay as they are, and every client keeps its timeline.
enum MigrationToV2 {
  /// The tables that replace v1's `clients` and `changes`.
  static let tables = """
    CREATE TABLE outcomes (
      id INTEGER PRIMARY KEY,
      day INTEGER NOT NULL,
      verdict TEXT NOT NULL,
      severity INTEGER NOT NULL,
      rule TEXT,
      clauses TEXT
    ) STRICT;
    CREATE TABLE keys (
      first INTEGER PRIMARY KEY,
      day INTEGER NOT NULL,
      count INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      lengths BLOB NOT NULL
    ) STRICT;
    CREATE TABLE changes (
      day INTEGER NOT NULL,
      part INTEGER NOT NULL,
      count INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (day, part)
    ) STRICT;
    """

  /// A v1 outcome as stored: its clauses as their text.
  private struct V1Outcome: Hashable {
    var verdict: String
    var severity: Int
    var rule: String?
    var clauses: String?
  }

  /// Moves the content of v1's tables into v2's.
  static func migrate(_ db: Database) throws {
    // Clients get ids in the order of their first run (then of their v1 id), so that the clients
    // a run saw first have consecutive ids.
    var ids: [Int64: Int] = [:]
    var keysByDay: [(day: Int64, keys: KeyTable)] = []
    let clients = try DirectStatement(
      db,
      """
      SELECT clients.id, clients.key, min(changes.day) FROM clients JOIN changes ON changes.client = clients.id
      GROUP BY clients.id ORDER BY 3, 1
      """)
    while try clients.step() {
      let day = try clients.integer(2)
      if keysByDay.last?.day != day { keysByDay.append((day, KeyTable())) }
      ids[try clients.integer(0)] = ids.count
      withBytes(of: try clients.text(1)) { _ = keysByDay[keysByDay.count - 1].keys.insert($0) }
    }
    var outcomes: [V1Outcome: Int] = [:]
    var newOutcomes: [(day: Int64, outcome: V1Outcome)] = []
    var parts: [(day: Int64, count: Int, data: [UInt8])] = []
    let changes = try DirectStatement(
      db, "SELECT client, day, verdict, severity, rule, clauses FROM changes ORDER BY day, client")
    var previous = 0
    while try changes.step() {
      guard let client = ids[try changes.integer(0)] else { continue }
      let day = try changes.integer(1)
      if parts.last?.day != day || parts[parts.count - 1].count == StoredParts.size {
        parts.append((day, 0, []))
        previous = 0
      }
      var stored = 0
      if let verdict = try changes.optionalText(2) {
        let outcome = V1Outcome(
          verdict: verdict, severity: Int(clamping: try changes.optionalInteger(3) ?? 0),
          rule: try changes.optionalText(4), clauses: try changes.optionalText(5))
        if let id = outcomes[outcome] {
          stored = id + 1
        } else {
          outcomes[outcome] = newOutcomes.count
          newOutcomes.append((day, outcome))
          stored = newOutcomes.count
        }
      }
      PackedNumbers.append(signed: Int64(client - previous), to: &parts[parts.count - 1].data)
      PackedNumbers.append(UInt64(stored), to: &parts[parts.count - 1].data)
      parts[parts.count - 1].count += 1
      previous = client
    }
    try db.execute(sql: "DROP TABLE changes; DROP TABLE clients")
    try db.execute(sql: tables)
    let insert = try DirectStatement(
      db, "INSERT INTO outcomes (id, day, verdict, severity, rule, clauses) VALUES (?, ?, ?, ?, ?, ?)")
    for (id, entry) in newOutcomes.enumerated() {
      insert.bind(Int64(id), at: 1)
      insert.bind(entry.day, at: 2)
      insert.bind(entry.outcome.verdict, at: 3)
      insert.bind(entry.outcome.severity, at: 4)
      insert.bind(entry.outcome.rule, at: 5)
      insert.bind(entry.outcome.clauses, at: 6)
      try insert.execute()
    }
    var first = 0
    for (day, keys) in keysByDay {
      var start = 0
      while start < keys.count {
        let end = Swift.min(keys.count, start + StoredParts.size)
        try StoredParts.insertKeys(db, day: day, first: first + start, from: keys, start..<end)
        start = end
      }
      first += keys.count
    }
    var part = 0
    for (index, entry) in parts.enumerated() {
      part = index > 0 && parts[index - 1].day == entry.day ? part + 1 : 0
      try StoredParts.insertChanges(db, day: entry.day, part: part, count: entry.count, data: entry.data)
    }
  }
}
