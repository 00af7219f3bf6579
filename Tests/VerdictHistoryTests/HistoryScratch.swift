import Foundation
import GRDB
import Verdict
import VerdictHistory

/// A temporary folder for one test's history files, removed at the end.
final class HistoryScratch {
  let folder: String

  init(_ name: String = #function) {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-history-\(safe)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: folder)
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// A path in the folder.
  func path(_ name: String = "history.sqlite") -> String { folder + "/" + name }
}

/// Days of November 2026 and the runs and outcomes the tests record.
enum Sample {
  static let verdicts = ["keep", "watch", "talk", "fire"]

  static func day(_ day: Int) -> CalendarDate { CalendarDate(year: 2026, month: 11, day: day)! }

  static func run(_ day: Int, policyHash: String = "sha256:aa") -> RunInfo {
    RunInfo(
      today: Self.day(day), startedAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(day) * 86_400),
      policyPath: "policies/firing.verdict", policyHash: policyHash, dataFiles: ["clients.csv", "invoices.csv"],
      verdicts: verdicts, otherwiseIndex: 0)
  }

  /// An outcome: `verdict` is one of `verdicts`; `keep` has no rule.
  static func outcome(_ key: String, _ verdict: String, clauses: [String: String] = [:]) -> ClientOutcome {
    let severity = verdicts.firstIndex(of: verdict)!
    return ClientOutcome(
      key: key, verdict: verdict, severity: severity, rule: severity == 0 ? nil : "\(verdict)_rule", clauses: clauses)
  }

  /// Records a run of `day` with these outcomes.
  static func record(_ history: History, _ day: Int, _ outcomes: [ClientOutcome]) throws {
    let recorder = try history.beginRun(run(day))
    for outcome in outcomes { try recorder.add(outcome) }
    var counts: [String: Int] = [:]
    for outcome in outcomes { counts[outcome.verdict, default: 0] += 1 }
    try recorder.commit(counts: counts, errors: 0)
  }
}

/// Everything a history file holds, as text, to compare a file before and after.
func contents(of path: String) throws -> [String] {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in
    var lines: [String] = []
    let tables = [
      "runs": "day", "outcomes": "id", "keys": "first", "changes": "day, part", "grdb_migrations": "identifier",
    ]
    for (table, order) in tables.sorted(by: { $0.key < $1.key }) {
      for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
        lines.append("\(table) \(row)")
      }
    }
    return lines
  }
}

/// How many changes (`table` "changes") or client keys ("keys") the history at `path` holds: the
/// sum of its parts' counts.
func storedCount(_ table: String, in path: String) throws -> Int {
  try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM \(table)")!
  }
}
