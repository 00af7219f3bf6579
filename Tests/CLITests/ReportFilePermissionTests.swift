import Foundation
import TestSupport
import Testing

/// A report file (`-o`) the user made read-only is refused, as the shell's `>` refuses it, not
/// replaced by a rename (which needs only the folder's permission); a writable file in a folder
/// the user cannot write is refused with the folder named (the message blamed the file). Root
/// ignores file modes, so as root `verdict` runs as `nobody`.
@Suite(
  .enabled(
    if: geteuid() != 0 || HistoryWorkspace.canRunAsAnotherUser,
    "root ignores file modes, and there is no setpriv to run verdict as another user"))
struct ReportFilePermissionTests {
  static func workspace() throws -> HistoryWorkspace {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,false\n")
    try workspace.write("report.csv", "kept\n")
    try FileManager.default.createDirectory(at: workspace.url("locked"), withIntermediateDirectories: true)
    try workspace.write("locked/report.csv", "kept\n")
    if geteuid() == 0 { try workspace.handOver(to: 65534) }
    return workspace
  }

  @Test func aReadOnlyReportIsRefusedAndKept() throws {
    let workspace = try Self.workspace()
    #expect(chmod(workspace.url("report.csv").path, 0o444) == 0)
    let run = try workspace.verdict(["run", "policy.verdict", "clients.csv", "-o", "report.csv"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("cannot write 'report.csv': Permission denied (the file is read-only to you"), "\(run.stderr)"
    )
    #expect(try String(contentsOf: workspace.url("report.csv"), encoding: .utf8) == "kept\n")
  }

  @Test func aFolderThatRefusesTheTemporaryFileIsNamed() throws {
    let workspace = try Self.workspace()
    #expect(chmod(workspace.url("locked/report.csv").path, 0o666) == 0)
    #expect(chmod(workspace.url("locked").path, 0o555) == 0)
    defer { chmod(workspace.url("locked").path, 0o755) }
    let run = try workspace.verdict(["run", "policy.verdict", "clients.csv", "-o", "locked/report.csv"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "cannot write 'locked/report.csv': Permission denied (its folder 'locked' refused the temporary file"),
      "\(run.stderr)")
    #expect(try String(contentsOf: workspace.url("locked/report.csv"), encoding: .utf8) == "kept\n")
  }
}
