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

  @Test func aMigratedV1HistoryHasTheTablesOfANewOneAndTheSameTimelines() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: String(contentsOf: Self.fixtures.appendingPathComponent("history-v1.sql"), encoding: .utf8))
    }
    let history = try History.open(path: path)
    _ = try History.open(path: scratch.path("new.sqlite"))
    let schemas = try [path, scratch.path("new.sqlite")].map { try DatabaseQueue(path: $0).read(Self.schema) }
    #expect(schemas[0] == schemas[1])
    #expect(schemas[0].contains { $0.hasPrefix("CREATE TABLE keys") })
    #expect(
      try history.timeline(of: "A") == [
        TimelineEntry(day: Sample.day(1), verdict: "keep", severity: 0, rule: nil, clauses: [:]),
        TimelineEntry(
          day: Sample.day(2), verdict: "fire", severity: 2, rule: "unprofitable", clauses: ["cooldown": "3d"]),
      ])
    #expect(
      try history.timeline(of: "B") == [
        TimelineEntry(day: Sample.day(1), verdict: "talk", severity: 1, rule: "late_payer", clauses: ["reason": "late"])
      ])
    #expect(try history.facts(before: Sample.day(3)).clientCount == 2)
  }

  /// A v1 history of 70,000 clients over three days (more than one part of keys and changes),
  /// written as v1 did: all keep; then every third talks; then every fifth has left.
  @Test func aLargeV1HistoryMigratesWithEveryClientsTimeline() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    let fresh = try DatabaseQueue(path: path)
    try HistorySchema.migrator.migrate(fresh, upTo: "v1")
    try fresh.write { db in
      for day in 1...3 {
        try db.execute(
          sql: """
            INSERT INTO runs VALUES (?, 0, 'p.verdict', 'h', '[]', '["keep","watch","talk","fire"]', 0, '{}', 0, 0, 0)
            """, arguments: [Sample.day(day).daysSinceEpoch])
      }
      try db.execute(
        sql: """
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70000)
          INSERT INTO clients SELECT i, 'c' || i FROM n
          """)
      let days = (1...3).map { Sample.day($0).daysSinceEpoch }
      try db.execute(sql: "INSERT INTO changes SELECT id, ?, 'keep', 0, NULL, NULL FROM clients", arguments: [days[0]])
      try db.execute(
        sql:
          "INSERT INTO changes SELECT id, ?, 'talk', 2, 'late', '{\"cooldown\":\"3d\"}' FROM clients WHERE id % 3 = 0",
        arguments: [days[1]])
      try db.execute(
        sql: "INSERT INTO changes SELECT id, ?, NULL, NULL, NULL, NULL FROM clients WHERE id % 5 = 0",
        arguments: [days[2]])
    }
    let history = try History.open(path: path)
    #expect(try storedCount("keys", in: path) == 70_000)
    #expect(try storedCount("changes", in: path) == 70_000 + 23_333 + 14_000)
    let facts = try history.facts(before: Sample.day(4))
    #expect(facts.clientCount == 70_000)
    #expect(facts.runDays == [Sample.day(1), Sample.day(2), Sample.day(3)])
    for id in [1, 3, 5, 15, 65_536, 65_537, 69_999, 70_000] {
      let client = facts.client("c\(id)")
      #expect(client?.lastVerdict == (id % 3 == 0 ? "talk" : "keep"), "c\(id)")
      #expect(client?.clauses == (id % 3 == 0 ? ["cooldown": "3d"] : [:]), "c\(id)")
      #expect(client?.wasInLatestRun == (id % 5 != 0), "c\(id)")
      #expect(client?.severity(on: Sample.day(3)) == (id % 5 == 0 ? nil : id % 3 == 0 ? 2 : 0), "c\(id)")
      let verdicts = try history.timeline(of: "c\(id)").map(\.verdict)
      #expect(verdicts == ["keep"] + (id % 3 == 0 ? ["talk"] : []) + (id % 5 == 0 ? [nil] : []), "c\(id)")
    }
    #expect(facts.client("c70001") == nil)
  }

  @Test func aDamagedPartIsReportedAsCorruptNotTrusted() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try Sample.record(try History.open(path: path), 1, [Sample.outcome("A", "keep"), Sample.outcome("B", "talk")])
    for damage in [
      "UPDATE changes SET data = x'FFFF'", "UPDATE changes SET count = 3", "UPDATE changes SET data = x'0A02'",
    ] {
      let copy = scratch.path("copy.sqlite")
      try? FileManager.default.removeItem(atPath: copy)
      try FileManager.default.copyItem(atPath: path, toPath: copy)
      try DatabaseQueue(path: copy).write { db in try db.execute(sql: damage) }
      let error = #expect(throws: HistoryError.self, "\(damage)") {
        try History.open(path: copy).facts(before: Sample.day(2))
      }
      #expect(error?.message == "history \(copy) is corrupt: its changes of 2026-11-01 are unreadable", "\(damage)")
    }
    try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE keys SET lengths = x'05'") }
    let error = #expect(throws: HistoryError.self) { try History.open(path: path).facts(before: Sample.day(2)) }
    #expect(error?.message == "history \(path) is corrupt: its client keys from number 0 on are unreadable")
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
    // About 8,300 changes (1,000 first outcomes, then ~20 a day): measured 112 KB (v1, a row a
    // change and a table of keys: 550 KB).
    #expect(size < 1_000_000, "\(size) bytes")
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    let changes = try storedCount("changes", in: path)
    #expect((7_000...8_400).contains(changes), "\(changes) changes")
  }
}
