import Foundation
import Testing

@testable import VerdictRun

/// Temporary files name the process that made them, so that a later run removes those of killed
/// runs, and nothing else.
struct StaleTemporaryFileTests {
  /// A folder removed afterwards.
  final class Folder {
    let url: URL
    var path: String { url.path }

    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-stale-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Creates a file, last changed `age` seconds ago (a negative age is in the future).
    func create(_ name: String, age: Int = 60) throws {
      let file = url.appendingPathComponent(name)
      try Data("a,b\n1,2\n".utf8).write(to: file)
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: TimeInterval(-age))], ofItemAtPath: file.path)
    }

    var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }
  }

  /// The id of a process that has ended (and been waited for).
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// The temporary name of `target` as made by `owner`, with `XXXXXX` filled in.
  static func name(_ target: String, _ owner: FileOwner) -> String {
    String(TemporaryFileName.template(beside: target, owner: owner).dropLast(6)) + "a1B2c3"
  }

  @Test func namesRecordTheirOwner() {
    let owner = FileOwner(pid: 4242, start: 98_765)
    #expect(
      TemporaryFileName.template(beside: "out/report.csv", owner: owner) == "out/.report.csv.verdict-4242-98765-XXXXXX")
    #expect(TemporaryFileName.owner(ofFileNamed: Self.name("report.csv", owner)) == owner)
    #expect(TemporaryFileName.owner(ofFileNamed: Self.name("a.verdict-1-2-xyzxyz", owner)) == owner)
    let notOurs = [
      "report.csv", ".report.csv.verdict-a1B2c3", ".report.csv.verdict-12-34-a1B2c", "report.csv.verdict-12-34-a1B2c3",
      ".report.csv.verdict-0-34-a1B2c3", ".report.csv.verdict-x12-34-a1B2c3", ".report.csv.verdict--34-a1B2c3",
      ".report.csv.verdict-12-34-a1B2c!", ".report.csv.fmt-12-34-a1B2c3", ".x.verdict-1-18446744073709551616-a1B2c3",
    ]
    for name in notOurs { #expect(TemporaryFileName.owner(ofFileNamed: name) == nil, "\(name)") }
  }

  @Test func longTargetNamesFitAFileName() {
    let target = String(repeating: "é", count: 127)  // 254 bytes, the longest a name may be
    let template = TemporaryFileName.template(beside: target, owner: FileOwner(pid: Int32.max, start: UInt64.max))
    #expect(template.utf8.count <= 255)
    #expect(
      TemporaryFileName.owner(ofFileNamed: String(template.dropLast(6)) + "abcdef")
        == FileOwner(pid: Int32.max, start: UInt64.max))
  }

  @Test func thisProcessIsRunningAndItsStartIsKnown() throws {
    let current = FileOwner.current
    #expect(current.pid == getpid())
    #expect(current.start != 0, "/proc/self/stat gives the start time on Linux")
    #expect(current.isRunning)
    #expect(!FileOwner(pid: current.pid, start: current.start + 1).isRunning, "a reused process id")
    #expect(!FileOwner(pid: try Self.endedProcess(), start: current.start).isRunning)
  }

  @Test func staleFilesAreRemovedAndNothingElse() throws {
    let folder = try Folder()
    let sleeper = Process()
    sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
    sleeper.arguments = ["30"]
    try sleeper.run()
    defer {
      kill(sleeper.processIdentifier, SIGKILL)
      sleeper.waitUntilExit()
    }
    let running = FileOwner(pid: sleeper.processIdentifier, start: FileOwner.startTime(of: sleeper.processIdentifier)!)
    let ended = FileOwner(pid: try Self.endedProcess(), start: FileOwner.current.start)
    let reused = FileOwner(pid: getpid(), start: FileOwner.current.start + 1)

    let stale = [Self.name("report.csv", ended), Self.name("verdict-stdin.csv", ended), Self.name("other.csv", reused)]
    let kept = [
      Self.name("mine.csv", .current), Self.name("theirs.csv", running), "report.csv", ".report.csv.verdict-a1B2c3",
    ]
    for name in stale + kept { try folder.create(name) }
    // Newer than the run: its owner may have written it a moment ago.
    let fresh = Self.name("fresh.csv", ended)
    try folder.create(fresh, age: -60)
    // A link and a folder with a stale name are not files of ours.
    let link = Self.name("link.csv", ended)
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent(link).path, withDestinationPath: "report.csv")
    let subfolder = Self.name("sub.csv", ended)
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent(subfolder), withIntermediateDirectories: false)

    let removed = StaleTemporaryFiles.remove(in: folder.path)
    #expect(Set(removed) == Set(stale))
    #expect(folder.names == Set(kept + [fresh, link, subfolder]))
  }

  @Test func aReportFileRemovesStaleFilesBesideIt() throws {
    let folder = try Folder()
    let stale = Self.name("yesterday.csv", FileOwner(pid: try Self.endedProcess(), start: 1))
    try folder.create(stale)
    let target = folder.url.appendingPathComponent("report.csv").path
    let sink = try OutputSink(atomicPath: target)
    let temporary = try #require(sink.temporaryFilePath)
    #expect(folder.names == [String(temporary.split(separator: "/").last!)])
    #expect(TemporaryFileName.owner(ofFileNamed: String(temporary.split(separator: "/").last!)) == .current)
    try sink.commit()
    #expect(folder.names == ["report.csv"])
  }
}
