import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `verdict fmt FILE` interrupted while it writes the file: the temporary file it writes beside
/// the policy is removed, as `verdict run`'s are, and the policy is left as it was. `strace`
/// holds the process in the `fsync(2)` before the rename, when the temporary file exists, so
/// the signal arrives there every time. Skipped where `strace` is missing or cannot trace.
struct FormatInterruptTests {
  /// `strace`, when it is installed and may trace a child here (containers may forbid it).
  static let strace: URL? = {
    guard let strace = ProgramRun.onPath("strace") else { return nil }
    let trial = try? ProgramRun.run(strace, ["-o", "/dev/null", "true"], in: FileManager.default.temporaryDirectory)
    return trial?.status == 0 ? strace : nil
  }()

  @Test(
    .enabled(if: strace != nil, "strace is missing or may not trace here: the interrupted write is not run"),
    arguments: [SIGINT, SIGTERM])
  func aSignalLeavesNoTemporaryFile(_ signalNumber: Int32) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-fmt-signal-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("messy.verdict")
    let messy = "when x>3 then recommend fire"
    try messy.write(to: policy, atomically: false, encoding: .utf8)
    let process = Process()
    process.executableURL = try #require(Self.strace)
    // Every fsync is held for two seconds on its way in.
    process.arguments = [
      "-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=2000000",
      VerdictBinary.url.path, "fmt", policy.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let files = { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }
    for _ in 0..<500 where files().count < 2 { usleep(10_000) }
    #expect(files().count == 2, "no temporary file appeared: \(files())")
    // The traced process: strace's only child.
    let children = try String(
      contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)
    let child = try #require(Int32(children.trimmingCharacters(in: .whitespaces)), "children: '\(children)'")
    kill(child, signalNumber)
    process.waitUntilExit()
    #expect(files() == ["messy.verdict"], "left behind: \(files())")
    #expect(try String(contentsOf: policy, encoding: .utf8) == messy)
  }
}
