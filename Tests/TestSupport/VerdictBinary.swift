import Foundation

/// Runs the `verdict` executable built next to the tests, with piped standard input, output and
/// error, and `NO_COLOR=1`.
package enum VerdictBinary {
  /// What a run printed, and how it ended.
  package struct Result: Sendable {
    /// Standard output, decoded as UTF-8.
    package var stdout: String
    /// Standard error, decoded as UTF-8.
    package var stderr: String
    /// The exit status.
    package var status: Int32
  }

  /// The built `verdict`, for tests that start the process themselves; where it should be when
  /// it is missing, so that starting it fails. ``run(_:stdin:in:environment:)`` says why instead.
  package static var url: URL {
    (try? BuiltProducts.url(of: "verdict"))
      ?? BuiltProducts.testBinaryFolder.appendingPathComponent("verdict")
  }

  /// Writes `data` with `write(2)`, giving up quietly when the reader has gone.
  package static func writeAll(_ data: Data, to handle: FileHandle) {
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(handle.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Runs `verdict arguments` in `folder`, feeding it `stdin` (or an empty standard input) on
  /// another thread while its output is read, so that a large input or output cannot deadlock.
  package static func run(
    _ arguments: [String], stdin: Data? = nil, in folder: URL, environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = try BuiltProducts.url(of: "verdict")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    // A child that stops reading its input must not kill the test process.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    let input = inPipe.fileHandleForWriting
    Thread {
      if let stdin { writeAll(stdin, to: input) }
      try? input.close()
    }.start()
    let errors = PipeDrain(errPipe.fileHandleForReading)
    let output = outPipe.fileHandleForReading.readDataToEndOfFile()
    let errorOutput = errors.wait()
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errorOutput, as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// Reads a pipe to its end on another thread.
final class PipeDrain: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  /// Everything the pipe delivered, once its writer has closed it.
  func wait() -> Data {
    done.wait()
    return data
  }
}
