import GRDB
import Verdict

/// What a history knows before a run: the days with a recorded run before it, and each client's
/// changes up to then. Loaded once per run; looking a client up costs a hash and a short walk.
package struct HistoryFacts: Sendable {
  let log: ChangeLog

  /// The days with a recorded run before the run these facts are for, oldest first.
  package var runDays: [CalendarDate] { log.runDays }

  /// How many clients have a recorded outcome before the run.
  package var clientCount: Int { log.spans.count }

  /// What the history knows of the client with `key`; `nil` when no run before recorded it.
  package func client(_ key: String) -> ClientHistory? {
    guard let span = log.spans[key] else { return nil }
    return ClientHistory(log: log, span: Int(span.start)..<Int(span.end))
  }

  /// Loads the runs and changes before `today`.
  static func load(_ db: Database, before today: CalendarDate) throws -> HistoryFacts {
    HistoryFacts(log: try ChangeLog(db, before: today.daysSinceEpoch))
  }
}

/// The change log before a day, flat: each client's changes one after the other, oldest first,
/// as columns of small integers (names, rules and clause sets are indexes into tables of distinct
/// values), so a million clients cost a few tens of bytes each.
final class ChangeLog: Sendable {
  /// Where a client's changes are in the columns.
  struct Span {
    var start: Int32
    var end: Int32
  }

  let runDays: [CalendarDate]
  let spans: [String: Span]
  let days: [Int32]
  /// The verdict's index in `verdictNames`; -1 when the client left the data on that day.
  let verdicts: [Int32]
  let severities: [Int32]
  /// The rule's index in `ruleNames`; -1 for none.
  let rules: [Int32]
  let clauses: [Int32]
  let verdictNames: [String]
  let ruleNames: [String]
  let clauseSets: [[String: String]]

  init(_ db: Database, before day: Int64) throws {
    runDays = try Int64.fetchAll(db, sql: "SELECT day FROM runs WHERE day < ? ORDER BY day", arguments: [day])
      .map(CalendarDate.init(daysSinceEpoch:))
    let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM clients") ?? 0
    var keys = [String?](repeating: nil, count: Int(highest) + 1)
    let clients = try DirectStatement(db, "SELECT id, key FROM clients")
    while try clients.step() {
      let id = Int(clients.int64(0))
      if id < keys.count { keys[id] = clients.string(1) }
    }
    var spans: [String: Span] = [:]
    spans.reserveCapacity(keys.count)
    var days: [Int32] = []
    var verdicts: [Int32] = []
    var severities: [Int32] = []
    var rules: [Int32] = []
    var clauses: [Int32] = []
    var verdictNames = Interned<String>()
    var ruleNames = Interned<String>()
    var clauseSets = Interned<[String: String]>()
    let noClauses = clauseSets.index(of: [:])
    var clauseIndexByText: [String: Int32] = [:]
    var current: Int64 = -1
    var start: Int32 = 0
    func close() {
      if current >= 0, current < keys.count, let key = keys[Int(current)] {
        spans[key] = Span(start: start, end: Int32(days.count))
      }
    }
    let changes = try DirectStatement(
      db, "SELECT client, day, verdict, severity, rule, clauses FROM changes WHERE day < ? ORDER BY client, day")
    changes.bind(day, at: 1)
    while try changes.step() {
      let client = changes.int64(0)
      if client != current {
        close()
        current = client
        start = Int32(days.count)
      }
      days.append(Int32(clamping: changes.int64(1)))
      if let verdict = changes.string(2) {
        verdicts.append(verdictNames.index(of: verdict))
        severities.append(Int32(clamping: changes.int64(3)))
      } else {
        verdicts.append(-1)
        severities.append(Int32.min)
      }
      rules.append(changes.string(4).map { ruleNames.index(of: $0) } ?? -1)
      if let text = changes.string(5) {
        if let index = clauseIndexByText[text] {
          clauses.append(index)
        } else {
          let index = clauseSets.index(of: ClauseText.decode(text) ?? [:])
          clauseIndexByText[text] = index
          clauses.append(index)
        }
      } else {
        clauses.append(noClauses)
      }
    }
    close()
    self.spans = spans
    self.days = days
    self.verdicts = verdicts
    self.severities = severities
    self.rules = rules
    self.clauses = clauses
    self.verdictNames = verdictNames.values
    self.ruleNames = ruleNames.values
    self.clauseSets = clauseSets.values
  }
}
