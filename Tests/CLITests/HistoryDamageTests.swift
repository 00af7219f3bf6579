import Foundation
import TestSupport
import Testing

/// A history damaged on disk (a bad sector, a value another program wrote) is refused by every
/// command with exit status 2 and a message that says so, and is left byte for byte: nothing
/// traps, nothing is read past the damage, nothing is written on top of it.
@Suite(.enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell to find and damage the history's pages"))
struct HistoryDamageTests {
  init() { signal(SIGPIPE, SIG_IGN) }

  /// A workspace whose history holds runs on the first five days of November.
  static func fiveRuns() throws -> HistoryWorkspace {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    for day in 1...5 { #expect(try workspace.run(HistoryWorkspace.november(day)).status == 0) }
    return workspace
  }

  /// What `verdict history` and `verdict run` say of the workspace's history: each must refuse
  /// it with exit status 2, saying `problem`, and leave the file as it was. With `runsOnly`, the
  /// damage is in a column of `runs` that only the list of runs reads: the list is refused.
  static func expectRefused(_ workspace: HistoryWorkspace, saying problem: String, runsOnly: Bool = false) throws {
    let path = workspace.history.path
    let before = workspace.historyBytes()
    let commands = [["history", "--history", path]] + (runsOnly ? [] : [["history", "A", "--history", path]])
    for arguments in commands {
      let shown = try workspace.verdict(arguments)
      #expect(shown.status == 2, "\(arguments): \(shown.stderr)")
      #expect(shown.stdout.isEmpty)
      #expect(shown.stderr.hasPrefix("verdict: history \(path) is corrupt\(problem)"), "\(shown.stderr)")
      #expect(shown.stderr.contains("  hint: it is left as it is;"), "\(shown.stderr)")
      #expect(shown.stderr.contains("restore it from a backup"), "\(shown.stderr)")
    }
    guard !runsOnly else { return }
    let run = try workspace.run(HistoryWorkspace.november(6))
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("verdict: history \(path) is corrupt\(problem)"), "\(run.stderr)")
    #expect(workspace.historyBytes() == before)
  }

  /// Three bytes of the `runs` table's page overwritten, as a bad sector would: SQLite's check
  /// finds it, where reading the table skipped the damaged rows (a run counted 3 runs of 5 and
  /// recorded on top) or trapped on a NULL.
  @Test func aDamagedPageIsRefusedAndLeftAlone() throws {
    let workspace = try Self.fiveRuns()
    let page = try SQLiteShell.run(
      workspace.history, "SELECT rootpage FROM sqlite_master WHERE name = 'runs'; PRAGMA page_size;"
    ).split(separator: "\n").compactMap { Int($0) }
    try #require(page.count == 2)
    let file = try FileHandle(forWritingTo: workspace.history)
    try file.seek(toOffset: UInt64((page[0] - 1) * page[1] + 8))
    try file.write(contentsOf: Data([0x5a, 0xa5, 0x13]))
    try file.close()
    try Self.expectRefused(workspace, saying: ": its pages are damaged (SQLite's check finds: ")
  }

  /// Values that do not fit their columns, in a file whose schema another program loosened so
  /// that SQLite's check lets them pass: each read of a stored value checks its type (a
  /// `startedAt` of NULL trapped `verdict history`). Every command reads `startedAt`; only the
  /// list of runs reads the other columns of `runs`.
  @Test(arguments: [
    (
      "UPDATE runs SET startedAt = NULL WHERE day = (SELECT min(day) FROM runs)", "NULL in startedAt, where a number",
      false
    ),
    ("UPDATE runs SET clients = 'many'", "a text in clients, where an integer", true),
    ("UPDATE runs SET policyPath = 7", "an integer in policyPath, where a text", true),
  ])
  func aValueOfAnotherTypeIsRefused(damage: String, said: String, runsOnly: Bool) throws {
    let workspace = try Self.fiveRuns()
    _ = try SQLiteShell.run(
      workspace.history,
      """
      PRAGMA writable_schema = ON;
      UPDATE sqlite_master SET sql = 'CREATE TABLE runs (day INTEGER PRIMARY KEY, startedAt, policyPath, policyHash,
        dataFiles, verdicts, otherwise, counts, errors, clients, changes)' WHERE name = 'runs';
      PRAGMA writable_schema = OFF;
      """)
    _ = try SQLiteShell.run(workspace.history, damage + ";")
    #expect(try SQLiteShell.run(workspace.history, "PRAGMA integrity_check;") == "ok\n")
    try Self.expectRefused(workspace, saying: " (a row holds \(said) belongs)", runsOnly: runsOnly)
  }
}
