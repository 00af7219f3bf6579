import Foundation
import Testing

@testable import VerdictRun

/// Where `-o PATH` leads once its links are followed one at a time: the process's own
/// descriptors, devices and pipes written in place, regular files replaced at a link's target.
struct OutputTargetTests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-target-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
  }

  func link(_ name: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: target)
  }

  @Test func theProcesssOwnStreamsByAnyNameOrLink() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try OutputTarget.resolve("/dev/stdout") == .descriptor(1))
    #expect(try OutputTarget.resolve("/proc/self/fd/2") == .descriptor(2))
    let pipe = Pipe()
    let written = pipe.fileHandleForWriting.fileDescriptor
    #expect(try OutputTarget.resolve("/dev/fd/\(written)") == .descriptor(written))
    // A link to /dev/stdout is the stream too, not the file standard output is redirected to.
    try link("out", to: "/dev/stdout")
    try link("out2", to: "out")
    #expect(try OutputTarget.resolve(folder + "/out2") == .descriptor(1))
    #expect(throws: OutputError.self) { try OutputTarget.resolve("/dev/fd/987654") }
  }

  @Test func linksToFilesLeadToTheirTargetAndLinksToNothingAreRefused() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/reports/latest.csv"))
    try link("latest", to: "reports/latest.csv")
    try link("again", to: folder + "/latest")
    #expect(try OutputTarget.resolve(folder + "/again") == .file(folder + "/reports/latest.csv"))
    #expect(try OutputTarget.resolve(folder + "/new.csv") == .file(folder + "/new.csv"))
    try link("stale", to: "gone.csv")
    #expect(
      throws: OutputError.failed("cannot write '\(folder)/stale': it is a symbolic link to a file that does not exist")
    ) {
      try OutputTarget.resolve(folder + "/stale")
    }
    try link("loop", to: "loop")
    #expect(throws: OutputError.self) { try OutputTarget.resolve(folder + "/loop") }
    #expect(throws: OutputError.failed("cannot write '\(folder)/reports': it is a folder")) {
      try OutputTarget.resolve(folder + "/reports")
    }
  }

  @Test func devicesAndPipesAreWrittenInPlace() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try OutputTarget.resolve("/dev/null") == .inPlace("/dev/null"))
    #expect(mkfifo(folder + "/fifo", 0o600) == 0)
    try link("to-fifo", to: "fifo")
    #expect(try OutputTarget.resolve(folder + "/to-fifo") == .inPlace(folder + "/fifo"))
  }
}
