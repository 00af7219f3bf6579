import Foundation
import TestSupport
import Testing

/// A history or its folder that the user cannot write: a run says which file or folder blocks
/// it, and a read-only history or side file never keeps later runs from recording once the
/// history is writable again. Root ignores file modes, so as root `verdict` runs as `nobody`.
@Suite(
  .enabled(
    if: geteuid() != 0 || HistoryWorkspace.canRunAsAnotherUser,
    "root ignores file modes, and there is no setpriv to run verdict as another user"))
struct HistoryPermissionTests {
  init() { signal(SIGPIPE, SIG_IGN) }

  /// A history recorded on two days, handed to `nobody` when the tests run as root.
  static func recordedWorkspace() throws -> HistoryWorkspace {
    let workspace = try HistoryFileTests.recordedWorkspace()
    if geteuid() == 0 { try workspace.handOver(to: 65534) }
    return workspace
  }

  /// A history made read-only for a while (`chmod 400`): `verdict history` reads it, a run says
  /// that the history is read-only, and once it is writable again the next run records (the
  /// side files SQLite left read-only stopped every later run).
  @Test func aHistoryFrozenForAWhileTakesRunsAgainOnceWritable() throws {
    let workspace = try Self.recordedWorkspace()
    let path = workspace.history.path
    #expect(chmod(path, 0o400) == 0)
    let shown = try workspace.verdict(["history", "--history", path])
    #expect(shown.status == 0, "\(shown.stderr)")
    let refused = try workspace.run("2026-11-03")
    #expect(refused.status == 2)
    #expect(
      refused.stderr.hasPrefix("verdict: history \(path) is read-only (Permission denied): a run records into it\n"),
      "\(refused.stderr)")
    #expect(chmod(path, 0o600) == 0)
    let run = try workspace.run("2026-11-03")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try workspace.verdict(["history", "--history", path]).stdout.contains("2026-11-03"))
  }

  /// A history in a folder the user cannot write: SQLite makes its files beside the history,
  /// even to read it, so `verdict history` and a run say that the folder is not writable (both
  /// said "attempt to write a readonly database").
  @Test func aFolderThatCannotBeWrittenIsNamed() throws {
    let workspace = try Self.recordedWorkspace()
    let path = workspace.history.path
    let folder = workspace.folder.path
    #expect(chmod(folder, 0o555) == 0)
    defer { chmod(folder, 0o755) }
    let shown = try workspace.verdict(["history", "--history", path])
    #expect(shown.status == 2)
    #expect(
      shown.stderr.hasPrefix(
        "verdict: history \(path) cannot be read in its folder \(folder), which is not writable: "
          + "SQLite makes its log files beside the history"), "\(shown.stderr)")
    let run = try workspace.run("2026-11-03")
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix("verdict: history \(path): its folder \(folder) is not writable, and SQLite keeps its log"),
      "\(run.stderr)")
  }
}
