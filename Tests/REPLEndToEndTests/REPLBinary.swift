import Foundation
import XCTest

/// The `verdict` executable built next to the tests, and a way to run it with piped input.
enum REPLBinary {
  /// Output and status of a run.
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// The path of the built `verdict`.
  static func path() throws -> String {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("verdict").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = Bundle.main.bundleURL.appendingPathComponent("verdict").path
    guard FileManager.default.isExecutableFile(atPath: fallback) else {
      throw XCTSkip("the verdict executable is not built next to the tests")
    }
    return fallback
  }

  /// Runs `verdict arguments` in `folder` with `stdin` piped in and `NO_COLOR` set.
  static func runPiped(_ arguments: [String], stdin: Data, in folder: URL) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try path())
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try input.fileHandleForWriting.write(contentsOf: stdin)
    try input.fileHandleForWriting.close()
    let errorData = ErrorCollector(errors.fileHandleForReading)
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errorData.wait(), as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// Reads a pipe to its end on another thread.
private final class ErrorCollector: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
