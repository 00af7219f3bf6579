import Foundation
import GRDB
import Testing
import Verdict

@testable import VerdictHistory

/// Files written by earlier schema versions open with the current code; and a year of daily runs
/// stays small.
@Suite struct HistorySchemaTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The tables and indexes of a database, whitespace folded.
  static func schema(_ db: Database) throws -> [String] {
    try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").map {
      $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
  }

  @Test func theV1FixtureIsWhatV1Creates() throws {
    let scratch = HistoryScratch()
    let fixture = try DatabaseQueue(path: scratch.path("fixture.sqlite"))
    try fixture.write { db in
      try db.execute(sql: String(contentsOf: Self.fixtures.appendingPathComponent("history-v1.sql"), encoding: .utf8))
    }
    let fresh = try DatabaseQueue(path: scratch.path("fresh.sqlite"))
    try HistorySchema.migrator.migrate(fresh, upTo: "v1")
    #expect(try fixture.read(Self.schema) == fresh.read(Self.schema))
    let ids = try [fixture, fresh].map { queue in
      try queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
    }
    #expect(ids == [HistorySchema.applicationID, HistorySchema.applicationID])
  }

  @Test func aV1HistoryOpensAndKeepsItsRecords() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: String(contentsOf: Self.fixtures.appendingPathComponent("history-v1.sql"), encoding: .utf8))
    }
    let history = try History.open(path: path)
    let runs = try history.runs()
    #expect(runs.map(\.info.today) == [Sample.day(1), Sample.day(2)])
    #expect(runs[1].info.verdicts == ["keep", "talk", "fire"])
    #expect(runs[1].counts == ["fire": 1, "keep": 0, "talk": 1])
    #expect(runs[1].errors == 1)
    let facts = try history.facts(before: Sample.day(3))
    #expect(facts.client("A")?.lastVerdict == "fire")
    #expect(facts.client("A")?.clauses == ["cooldown": "3d"])
    #expect(facts.client("A")?.verdictSince == Sample.day(2))
    #expect(facts.client("B")?.verdictSince == Sample.day(1))
    #expect(facts.client("B")?.lastRule == "late_payer")
    // Recording goes on where the file left off.
    let recorder = try history.beginRun(Sample.run(3))
    try recorder.add(
      ClientOutcome(key: "A", verdict: "fire", severity: 2, rule: "unprofitable", clauses: ["cooldown": "3d"]))
    try recorder.add(ClientOutcome(key: "B", verdict: "keep", severity: 0, rule: nil))
    try recorder.commit(counts: [:], errors: 0)
    #expect(try history.runs().last?.changes == 1)
    #expect(try history.timeline(of: "A").count == 2)
  }

  @Test func aYearOfDailyRunsOverAThousandClientsStaysSmall() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    var severities = (0..<1000).map { $0 % 10 == 0 ? 2 : 0 }
    var random = UInt64(7)
    do {
      let history = try History.open(path: path)
      for day in 0..<365 {
        if day > 0 {
          // 2% of the clients change verdict each day.
          for _ in 0..<20 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let client = Int(random >> 33) % 1000
            severities[client] = (severities[client] + 1 + Int(random >> 60) % 3) % 4
          }
        }
        let recorder = try history.beginRun(
          RunInfo(
            today: CalendarDate(daysSinceEpoch: 20_454 + Int64(day)), startedAt: Date(), policyPath: "p.verdict",
            policyHash: "sha256:aa", dataFiles: ["clients.csv"], verdicts: Sample.verdicts, otherwiseIndex: 0))
        for (client, severity) in severities.enumerated() {
          try recorder.add(
            ClientOutcome(
              key: "client-\(client)", verdict: Sample.verdicts[severity], severity: severity,
              rule: severity == 0 ? nil : "rule_\(severity)", clauses: severity == 3 ? ["cooldown": "3d"] : [:]))
        }
        try recorder.commit(counts: [:], errors: 0)
      }
    }
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    // About 8,300 change rows (1,000 first outcomes, then ~20 a day): measured 0.5 MB.
    #expect(size < 1_000_000, "\(size) bytes")
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    let changes = try rowCount("changes", in: path)
    #expect((7_000...8_400).contains(changes), "\(changes) changes")
  }
}
