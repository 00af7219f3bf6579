import Foundation
import TestSupport
import Testing

/// `verdict run --history` with a history large enough that its keys are unpacked on another
/// thread while its changes are read: the run reports what it did with a small one, and a file
/// whose keys cannot be read is refused with exit 2 and left byte for byte.
struct LargeHistoryFileTests {
  init() { signal(SIGPIPE, SIG_IGN) }

  /// More clients than a history unpacks on the calling thread.
  static let clients = 60_000

  /// A workspace whose history holds a run of `clients` clients on the 1st of November.
  static func recordedWorkspace() throws -> HistoryWorkspace {
    let workspace = try HistoryWorkspace()
    try HistoryFileTests.manyClients(clients).write(to: workspace.url("clients.csv"))
    #expect(try workspace.run("2026-11-01").status == 0)
    return workspace
  }

  @Test func theSecondDayFindsEveryClientsStanding() throws {
    let workspace = try Self.recordedWorkspace()
    let result = try workspace.run("2026-11-02", ["-f", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").dropFirst()
    #expect(rows.count == Self.clients)
    // Every eleventh client is rude: fired with a cooldown of 3 days from the 1st, so pending.
    let pending = rows.filter { $0.hasSuffix(",pending,2026-11-01,2026-11-04") }
    #expect(pending.count == (Self.clients + 10) / 11)
    #expect(pending.allSatisfy { Int($0.dropFirst().prefix { $0 != "," })! % 11 == 0 })
    #expect(rows.filter { $0.hasSuffix(",unchanged,2026-11-01,") }.count == Self.clients - pending.count)
  }

  @Test(.enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell to damage the history"))
  func unreadableKeysAreRefusedAndLeftAlone() throws {
    let workspace = try Self.recordedWorkspace()
    _ = try SQLiteShell.run(workspace.history, "UPDATE keys SET lengths = x'05' WHERE first = 0;")
    let before = workspace.historyBytes()
    #expect(before != nil)
    let result = try workspace.run("2026-11-02")
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "verdict: history \(workspace.history.path) is corrupt: its client keys from number 0 on are unreadable\n"
        + "  hint: it is left as it is; move it away to start a new history, or restore it from a backup\n")
    #expect(workspace.historyBytes() == before)
  }
}
