import GRDB
import Verdict

/// A distinct outcome, as the `outcomes` table keeps it: every change of every client refers to
/// one by its id.
struct StoredOutcome: Hashable, Sendable {
  var verdict: String
  var severity: Int
  var rule: String?
  var clauses: [String: String]
}

/// The history before a day, in memory: its run days, the client keys (a client's id is its
/// position), the distinct outcomes, and each client's changes one after the other, oldest first,
/// as columns of small integers. Read once per run, and shared by the facts a policy reads and
/// the recorder that compares the run with it; a million clients cost a few tens of bytes each.
final class ChangeLog: Sendable {
  /// The log holds the runs before this day (days since 1970-01-01).
  let day: Int64
  /// The days with a recorded run before `day`, oldest first.
  let runDays: [CalendarDate]
  /// When each of those runs started: tells whether the history changed since it was read.
  let runStarts: [Double]
  let keys: KeyTable
  /// The outcomes by id.
  let outcomes: [StoredOutcome]
  /// Each outcome's verdict as an index into the distinct verdict names, to compare verdicts.
  let outcomeVerdicts: [Int32]
  /// Where each client's changes start in the columns below; one more entry than clients.
  let starts: [Int32]
  /// The day of each change.
  let changeDays: [Int32]
  /// The outcome from that day on; -1 when the client was no longer in the data.
  let changeOutcomes: [Int32]
  /// Where each client's days kept without being judged start in `carriedDays`, as `starts`
  /// for the changes; empty when no run before `day` kept a client so (the usual case).
  let carriedStarts: [Int32]
  /// The days of runs that kept a client with its outcome without judging it, by client,
  /// oldest first.
  let carriedDays: [Int32]

  /// Reads the runs before `day` and everything they recorded; throws ``HistoryError`` for a
  /// file whose tables do not fit together.
  init(_ db: Database, before day: Int64, path: String) throws {
    self.day = day
    (runDays, runStarts) = try Self.runs(db, before: day)
    (outcomes, outcomeVerdicts) = try Self.outcomes(db, before: day, path: path)
    // The keys are unpacked on another thread while the changes are read.
    let keyParts = try KeyParts(db, before: day)
    keyParts.unpack()
    let known = keyParts.count
    // Each run's changes, in the order they were recorded; then sorted by client (counting sort).
    // A part's changes are all of one day: the days are kept a part at a time.
    var clients: [Int32] = []
    var codes: [Int32] = []
    var partEnds: [(end: Int, day: Int32)] = []
    let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM changes WHERE day < ?", arguments: [day])
    if let total, total > 0, total < Int(Int32.max) {
      clients.reserveCapacity(total)
      codes.reserveCapacity(total)
    }
    let parts = try DirectStatement(db, "SELECT day, count, data FROM changes WHERE day < ? ORDER BY day, part")
    parts.bind(day, at: 1)
    let outcomeCount = UInt64(outcomes.count)
    while try parts.step() {
      let partDay = try parts.integer(0)
      let count = try parts.integer(1)
      var reader = PackedReader(try parts.blob(2))
      var client: Int64 = 0
      var fits = count >= 0
      for _ in 0..<(fits ? count : 0) {
        guard let step = reader.nextSigned(), let code = reader.next(), code <= outcomeCount else {
          fits = false
          break
        }
        client &+= step
        guard client >= 0, client < known else {
          fits = false
          break
        }
        clients.append(Int32(client))
        codes.append(Int32(code) - 1)
      }
      guard fits, reader.isAtEnd else {
        // Unreadable keys are named first, as they were read first.
        _ = try keyParts.keys(path: path)
        throw Self.corrupt(path, "its changes of \(CalendarDate(daysSinceEpoch: partDay)) are unreadable")
      }
      partEnds.append((clients.count, Int32(clamping: partDay)))
    }
    let keys = try keyParts.keys(path: path)
    guard keys.count == known else { throw Self.corrupt(path, "its client keys are not numbered one after the other") }
    var starts = [Int32](repeating: 0, count: known + 1)
    var changeDays = [Int32](repeating: 0, count: clients.count)
    var changeOutcomes = [Int32](repeating: 0, count: clients.count)
    // Every client id is below `known` (checked above), so the loops go without bounds checks.
    starts.withUnsafeMutableBufferPointer { starts in
      for client in clients { starts[Int(client) + 1] += 1 }
      for index in 0..<known { starts[index + 1] += starts[index] }
      var next = Array(starts)
      next.withUnsafeMutableBufferPointer { next in
        changeDays.withUnsafeMutableBufferPointer { changeDays in
          changeOutcomes.withUnsafeMutableBufferPointer { changeOutcomes in
            var index = 0
            for part in partEnds {
              while index < part.end {
                let client = Int(clients[index])
                let row = Int(next[client])
                next[client] += 1
                changeDays[row] = part.day
                changeOutcomes[row] = codes[index]
                index += 1
              }
            }
          }
        }
      }
    }
    self.starts = starts
    self.changeDays = changeDays
    self.changeOutcomes = changeOutcomes
    self.keys = keys
    (carriedStarts, carriedDays) = try Self.carried(db, before: day, clients: known, path: path)
  }

  /// The clients each run before `day` kept without judging them, by client (see
  /// `carriedStarts`).
  private static func carried(
    _ db: Database, before day: Int64, clients known: Int, path: String
  ) throws -> ([Int32], [Int32]) {
    var clients: [Int32] = []
    var days: [Int32] = []
    let parts = try DirectStatement(db, "SELECT day, count, data FROM carried WHERE day < ? ORDER BY day, part")
    parts.bind(day, at: 1)
    while try parts.step() {
      let partDay = try parts.integer(0)
      let count = try parts.integer(1)
      var reader = PackedReader(try parts.blob(2))
      var client: Int64 = 0
      var fits = count >= 0
      for _ in 0..<(fits ? count : 0) {
        guard let step = reader.nextSigned() else {
          fits = false
          break
        }
        client &+= step
        guard client >= 0, client < known else {
          fits = false
          break
        }
        clients.append(Int32(client))
        days.append(Int32(clamping: partDay))
      }
      guard fits, reader.isAtEnd else {
        throw corrupt(path, "its clients kept on \(CalendarDate(daysSinceEpoch: partDay)) are unreadable")
      }
    }
    guard !clients.isEmpty else { return ([], []) }
    // By client, each client's days in the order read (oldest first): a counting sort.
    var starts = [Int32](repeating: 0, count: known + 1)
    for client in clients { starts[Int(client) + 1] += 1 }
    for index in 0..<known { starts[index + 1] += starts[index] }
    var next = starts
    var sorted = [Int32](repeating: 0, count: days.count)
    for (index, client) in clients.enumerated() {
      sorted[Int(next[Int(client)])] = days[index]
      next[Int(client)] += 1
    }
    return (starts, sorted)
  }

  /// Whether the run on `day` kept `client` without judging it.
  func wasCarried(_ client: Int, on day: CalendarDate) -> Bool {
    guard !carriedStarts.isEmpty else { return false }
    let target = Int32(clamping: day.daysSinceEpoch)
    for index in Int(carriedStarts[client])..<Int(carriedStarts[client + 1]) where carriedDays[index] == target {
      return true
    }
    return false
  }

  /// The latest run day, at or before `day`, on which `client` was judged: `day` itself unless
  /// that run kept it without judging it, then the run before, and so on.
  func lastJudgedDay(of client: Int, atOrBefore day: CalendarDate) -> CalendarDate {
    guard !carriedStarts.isEmpty, carriedStarts[client] < carriedStarts[client + 1] else { return day }
    var index = runDays.firstIndex(atOrAfter: day)
    guard index < runDays.count, runDays[index] == day else { return day }
    while index > 0, wasCarried(client, on: runDays[index]) { index -= 1 }
    return runDays[index]
  }

  /// The outcome of the client's latest change; -1 when it has none or left the data.
  @inline(__always)
  func latestOutcome(of client: Int) -> Int32 {
    let end = Int(starts[client + 1])
    return end > Int(starts[client]) ? changeOutcomes[end - 1] : -1
  }

  /// The first row of the unbroken stretch of changes that ends at `row` (which has an outcome)
  /// and whose outcomes all have its verdict, not going back past `first`: a change of rule or
  /// clauses does not break the stretch, a departure does.
  @inline(__always)
  func stretchStart(of row: Int, from first: Int) -> Int {
    let verdict = outcomeVerdicts[Int(changeOutcomes[row])]
    var start = row
    while start > first {
      let code = changeOutcomes[start - 1]
      guard code >= 0, outcomeVerdicts[Int(code)] == verdict else { break }
      start -= 1
    }
    return start
  }

  /// Whether the runs before `day` in `db` are still the ones this log was read from.
  func isCurrent(_ db: Database) throws -> Bool {
    let (days, started) = try Self.runs(db, before: day)
    return days == runDays && started == runStarts
  }

  /// The client's changes, oldest first.
  func timeline(of client: Int) -> [TimelineEntry] {
    (Int(starts[client])..<Int(starts[client + 1])).map { row in
      let day = CalendarDate(daysSinceEpoch: Int64(changeDays[row]))
      let code = Int(changeOutcomes[row])
      guard code >= 0 else { return TimelineEntry(day: day, verdict: nil, severity: nil, rule: nil, clauses: [:]) }
      let outcome = outcomes[code]
      return TimelineEntry(
        day: day, verdict: outcome.verdict, severity: outcome.severity, rule: outcome.rule, clauses: outcome.clauses)
    }
  }

  private static func runs(_ db: Database, before day: Int64) throws -> ([CalendarDate], [Double]) {
    var days: [CalendarDate] = []
    var started: [Double] = []
    let runs = try DirectStatement(db, "SELECT day, startedAt FROM runs WHERE day < ? ORDER BY day")
    runs.bind(day, at: 1)
    while try runs.step() {
      days.append(CalendarDate(daysSinceEpoch: try runs.integer(0)))
      started.append(try runs.real(1))
    }
    return (days, started)
  }

  private static func outcomes(
    _ db: Database, before day: Int64, path: String
  ) throws -> ([StoredOutcome], [Int32]) {
    var outcomes: [StoredOutcome] = []
    var verdicts: [Int32] = []
    var verdictNames = Interned<String>()
    var clausesByText: [String: [String: String]] = [:]
    let rows = try DirectStatement(
      db, "SELECT id, verdict, severity, rule, clauses FROM outcomes WHERE day < ? ORDER BY id")
    rows.bind(day, at: 1)
    while try rows.step() {
      guard try rows.integer(0) == outcomes.count else {
        throw corrupt(path, "its outcomes are not numbered one after the other")
      }
      var clauses: [String: String] = [:]
      if let text = try rows.optionalText(4) {
        if let known = clausesByText[text] {
          clauses = known
        } else {
          guard let decoded = ClauseText.decode(text) else {
            throw corrupt(path, "the clauses of its outcome number \(outcomes.count) are unreadable")
          }
          clausesByText[text] = decoded
          clauses = decoded
        }
      }
      let verdict = try rows.text(1)
      outcomes.append(
        StoredOutcome(
          verdict: verdict, severity: Int(clamping: try rows.integer(2)), rule: try rows.optionalText(3),
          clauses: clauses))
      verdicts.append(verdictNames.index(of: verdict))
    }
    return (outcomes, verdicts)
  }

  /// The error for a history whose content does not fit together.
  static func corrupt(_ path: String, _ what: String) -> HistoryError {
    HistoryError(
      .corrupt, "history \(path) is corrupt: \(what)",
      hint: "it is left as it is; move it away to start a new history, or restore it from a backup")
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
