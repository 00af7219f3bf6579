import Foundation
import GRDB
import Testing
import Verdict
import VerdictHistory

/// Opening a history: where it lives by default, how it is created, and what is refused
/// without being touched.
@Suite struct HistoryOpeningTests {
  @Test func theDefaultPathComesFromTheEnvironment() {
    #expect(
      History.defaultPath(environment: ["VERDICT_HISTORY": "/srv/h.sqlite", "HOME": "/home/ana"]) == "/srv/h.sqlite")
    #expect(
      History.defaultPath(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/ana"])
        == "/data/verdict/history.sqlite")
    // The XDG spec ignores a relative XDG_DATA_HOME; an empty VERDICT_HISTORY is unset.
    #expect(
      History.defaultPath(environment: ["VERDICT_HISTORY": "", "XDG_DATA_HOME": "data", "HOME": "/home/ana"])
        == "/home/ana/.local/share/verdict/history.sqlite")
    #expect(History.defaultPath(environment: [:]) == nil)
  }

  @Test func aNewHistoryIsPrivateToItsOwner() throws {
    let scratch = HistoryScratch()
    let path = scratch.path("deep/verdict/history.sqlite")
    let history = try History.open(path: path)
    try Sample.record(history, 1, [Sample.outcome("A", "keep")])
    func mode(_ path: String) throws -> Int {
      try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }
    #expect(try mode(path) == 0o600)
    #expect(try mode(path + "-wal") == 0o600)
    #expect(try mode(scratch.path("deep/verdict")) == 0o700)
    #expect(try mode(scratch.path("deep")) == 0o700)
    let journal = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(journal == "wal")
  }

  /// SQLite makes its files beside a history with the history's mode, and a reader of a
  /// read-only history (`chmod 400`) cannot remove them: they stayed read-only, and every run
  /// after the history was made writable again failed "attempt to write a readonly database".
  /// A run makes the user's own read-only side files writable like the history, keeping them.
  @Test func readOnlySideFilesOfTheUsersOwnAreMadeWritableLikeTheHistory() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try Sample.record(try History.open(path: path), 1, [Sample.outcome("A", "keep")])
    // As SQLite left them: an empty log and its index (SQLite itself fixes the mode of an empty
    // file it opens, when it may open it).
    for (suffix, size) in [("-wal", 0), ("-shm", 32_768)] {
      #expect(
        FileManager.default.createFile(
          atPath: path + suffix, contents: Data(count: size), attributes: [.posixPermissions: 0o400]))
    }
    let history = try History.open(path: path)
    for suffix in ["-wal", "-shm"] {
      let mode = try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(suffix)")
    }
    try Sample.record(history, 2, [Sample.outcome("A", "talk")])
    #expect(try history.runs().count == 2)
  }

  @Test func garbageIsRefusedAsCorruptAndLeftAsItIs() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    let garbage = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
    try garbage.write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) { try History.open(path: path) }
    #expect(error?.kind == .corrupt)
    #expect(error?.message.hasPrefix("history \(path) is corrupt") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItIs() throws {
    let scratch = HistoryScratch()
    let path = scratch.path("notes.sqlite")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) { try History.open(path: path) }
    #expect(error?.kind == .notAHistory)
    #expect(error?.message == "history \(path) is not a Verdict history: it is a SQLite database of another program")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  /// A file that a first run left with GRDB's empty table of migrations and nothing else (the
  /// disk filled up before the first migration was committed): no Verdict history yet, but no
  /// other program's either. Every later run refused it as another program's database.
  static func fileOfAFailedFirstRun(at path: String) throws {
    struct DiskFull: Error {}
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { _ in throw DiskFull() }
    #expect(throws: DiskFull.self) { try migrator.migrate(DatabaseQueue(path: path)) }
    let left = try DatabaseQueue(path: path).read { db in
      (
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations"),
        try Int32.fetchOne(db, sql: "PRAGMA application_id")
      )
    }
    #expect(left.0 == ["grdb_migrations"] && left.1 == 0 && left.2 == 0)
  }

  @Test func theFileOfAFailedFirstRunIsMadeAHistory() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try Self.fileOfAFailedFirstRun(at: path)
    let history = try History.open(path: path)
    try Sample.record(history, 1, [Sample.outcome("A", "talk")])
    #expect(try history.runs().map(\.info.today) == [Sample.day(1)])
    let id = try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
    #expect(id == 0x5672_6474, "a Verdict history's application_id, \"Vrdt\"")
  }

  /// Read only, such a file is an empty history, as an empty file is, and stays as it is.
  @Test func theFileOfAFailedFirstRunReadsAsEmpty() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try Self.fileOfAFailedFirstRun(at: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) { try History.openForReading(path: path) }
    #expect(error?.kind == .notAHistory)
    #expect(error?.message == "history \(path) is empty: no run was recorded in it")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  /// A table of migrations that lists one, or that has company, is another program's.
  @Test func aTableOfMigrationsWithMoreIsAnotherProgramsDatabase() throws {
    let scratch = HistoryScratch()
    for (name, sql) in [
      ("listed.sqlite", "INSERT INTO grdb_migrations VALUES ('createNotes')"),
      ("company.sqlite", "CREATE TABLE notes (body TEXT)"),
    ] {
      let path = scratch.path(name)
      try Self.fileOfAFailedFirstRun(at: path)
      try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
      let error = #expect(throws: HistoryError.self) { try History.open(path: path) }
      #expect(error?.kind == .notAHistory, "\(name)")
    }
  }

  @Test func aFolderIsRefused() throws {
    let scratch = HistoryScratch()
    let error = #expect(throws: HistoryError.self) { try History.open(path: scratch.folder) }
    #expect(error?.message == "history \(scratch.folder) is not a regular file")
  }

  @Test func aHistoryFromANewerVerdictIsRefusedAndLeftAsItIs() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    try Sample.record(try History.open(path: path), 1, [Sample.outcome("A", "keep")])
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9')")
    }
    let before = try contents(of: path)
    let error = #expect(throws: HistoryError.self) { try History.open(path: path) }
    #expect(error?.kind == .newerVersion)
    #expect(error?.message == "history \(path) was written by a newer Verdict (this one knows schema v1, v2, v3)")
    #expect(try contents(of: path) == before)
  }

  @Test func aDamagedPageIsReportedAsCorrupt() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    do {
      let history = try History.open(path: path)
      for day in 1...3 {
        try Sample.record(history, day, (0..<8000).map { Sample.outcome("client-\($0)", day == 2 ? "talk" : "keep") })
      }
    }
    // Overwrite the pages after the first two (the header and schema stay readable).
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.count > 16 * 4096)
    for index in (2 * 4096)..<bytes.count { bytes[index] = 0xA5 }
    try bytes.write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) {
      let history = try History.open(path: path)
      _ = try history.facts(before: Sample.day(4))
    }
    #expect(error?.kind == .corrupt)
  }
}
