import Foundation
import TestSupport
import Testing

/// A history on a read-only file system (a backup disk mounted read-only): the run and
/// `verdict history` say so, and their hints say what helps there. The hints were those for a
/// file or folder the user may not write, `chmod u+w` and "make the folder writable", which no
/// one can do on such a file system. Needs root, to mount a tmpfs and remount it read-only.
@Suite(.enabled(if: ReadOnlyMount.isAvailable, "mounting a tmpfs needs root and mount(8)"))
struct HistoryReadOnlyFileSystemTests {
  @Test func aReadOnlyFileSystemIsNamedWithHintsThatHoldThere() throws {
    let workspace = try HistoryFileTests.recordedWorkspace()
    let mount = try ReadOnlyMount(holding: [workspace.history])
    defer { mount.remove() }
    let history = mount.folder.appendingPathComponent(workspace.history.lastPathComponent).path
    let run = try workspace.verdict([
      "run", "policy.verdict", "clients.csv", "--history", history, "--today", "2026-11-03",
    ])
    #expect(run.status == 2)
    #expect(
      run.stderr == "verdict: history \(history) is on a read-only file system: a run records into it\n"
        + "  hint: copy the history to a file system you can write, and record the runs there\n")
    let shown = try workspace.verdict(["history", "--history", history])
    #expect(shown.status == 2)
    #expect(
      shown.stderr.hasPrefix(
        "verdict: history \(history) cannot be read in its folder \(mount.folder.path), which is on a read-only "
          + "file system: SQLite makes its log files"), "\(shown.stderr)")
    #expect(shown.stderr.hasSuffix("  hint: copy the history to a file system you can write and read the copy\n"))
  }
}

/// A tmpfs holding copies of some files, mounted read-only on a folder of its own.
struct ReadOnlyMount {
  let folder: URL

  /// Whether a tmpfs can be mounted here (as root, with mount(8)); tried once on a scratch folder.
  static let isAvailable: Bool = {
    guard geteuid() == 0, let mount = try? ReadOnlyMount(holding: []) else { return false }
    mount.remove()
    return true
  }()

  /// Mounts a tmpfs, copies `files` into it, and remounts it read-only.
  init(holding files: [URL]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-ro-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    guard Self.mount(["-t", "tmpfs", "tmpfs", folder.path]) else {
      try? FileManager.default.removeItem(at: folder)
      throw CocoaError(.fileWriteNoPermission)
    }
    for file in files {
      try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
    }
    guard Self.mount(["-o", "remount,ro", folder.path]) else {
      remove()
      throw CocoaError(.fileWriteNoPermission)
    }
  }

  /// Unmounts the tmpfs and removes its folder.
  func remove() {
    _ = Self.run("/bin/umount", [folder.path])
    try? FileManager.default.removeItem(at: folder)
  }

  private static func mount(_ arguments: [String]) -> Bool { run("/bin/mount", arguments) }

  private static func run(_ program: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
