import Foundation

/// A program run to its end by a test: what it printed, and how it ended.
///
/// ``run(_:_:stdin:in:environment:)`` runs any program: a built executable (``VerdictBinary``
/// runs `verdict` through it), a C compiler, `python3`, a compiled C program.
package struct ProgramRun: Sendable {
  /// Standard output, decoded as UTF-8.
  package var stdout: String
  /// Standard error, decoded as UTF-8.
  package var stderr: String
  /// The exit status.
  package var status: Int32

  /// Runs `executable` with `arguments` in `folder`, with `environment` over this process's
  /// environment, feeding it `stdin` (or an empty standard input) on one thread and reading its
  /// error on another while its output is read, so that a large input or output cannot deadlock.
  package static func run(
    _ executable: URL, _ arguments: [String], stdin: Data? = nil, in folder: URL,
    environment: [String: String] = [:]
  ) throws -> ProgramRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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
    return ProgramRun(
      stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errorOutput, as: UTF8.self),
      status: process.terminationStatus)
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

  /// The first executable called `name` in the folders of `PATH`, such as `cc` or `valgrind`;
  /// `nil` when none has it.
  package static func onPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
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
