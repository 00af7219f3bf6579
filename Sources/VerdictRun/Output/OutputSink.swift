#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why writing the report failed.
package enum OutputError: Error, Sendable, Equatable {
  /// The reader of a pipe went away (`verdict run … | head -1`): stop quietly.
  case brokenPipe
  /// Any other failure, with the system's explanation.
  case failed(String)
}

/// Where the report goes: standard output, or a file written atomically (a temporary file in the
/// same folder, renamed over the target only when the run finished).
package final class OutputSink {
  /// The path the report is being written to, or `nil` for standard output.
  package let path: String?
  private let descriptor: Int32
  private var temporaryPath: String?
  private var temporaryToken: Int?

  /// Writes to standard output. SIGPIPE is ignored, so a closed pipe surfaces as ``OutputError/brokenPipe``.
  package init() {
    signal(SIGPIPE, SIG_IGN)
    path = nil
    descriptor = STDOUT_FILENO
  }

  /// Creates a temporary file next to `path`, named as ``TemporaryFileName`` says; ``commit()``
  /// renames it to `path`. Temporary files that killed runs left in that folder are removed first
  /// (``StaleTemporaryFiles``).
  package init(atomicPath path: String) throws(OutputError) {
    signal(SIGPIPE, SIG_IGN)
    self.path = path
    // A device or a pipe (`-o /dev/null`, `-o /dev/stderr`, a FIFO) is written to as it is:
    // renaming a file over it would replace the device itself.
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      guard status.st_mode & S_IFMT != S_IFDIR else { throw .failed("cannot write '\(path)': it is a folder") }
      let direct = open(path, O_WRONLY)
      guard direct >= 0 else { throw .failed("cannot write '\(path)': \(OutputSink.systemError())") }
      descriptor = direct
      return
    }
    let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    StaleTemporaryFiles.remove(in: folder)
    var template = Array(TemporaryFileName.template(beside: path).utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .failed("cannot write '\(path)': \(OutputSink.systemError())")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    self.descriptor = descriptor
    temporaryPath = temporary
    temporaryToken = TemporaryFiles.register(temporary)
  }

  deinit { discard() }

  /// The temporary file being written, until ``commit()`` or ``discard()``.
  var temporaryFilePath: String? { temporaryPath }

  /// Writes all of `bytes`.
  package func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    guard var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = systemWrite(descriptor, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw .brokenPipe }
        throw .failed("cannot write \(path.map { "'\($0)'" } ?? "the report"): \(OutputSink.systemError())")
      }
      next += written
      remaining -= written
    }
  }

  /// Finishes a file report: flushes it to disk and renames it over the target, with the usual
  /// permissions (0666 less the umask). Does nothing for standard output.
  package func commit() throws(OutputError) {
    guard let temporary = temporaryPath, let path else {
      // Written in place (a device or a pipe): nothing to rename.
      if path != nil, descriptor != STDOUT_FILENO { close(descriptor) }
      return
    }
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    fsync(descriptor)
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let why = OutputSink.systemError()
      unlink(temporary)
      forget()
      throw .failed("cannot write '\(path)': \(why)")
    }
    forget()
  }

  /// Removes an unfinished temporary file; the target is left as it was.
  package func discard() {
    guard let temporary = temporaryPath else { return }
    close(descriptor)
    unlink(temporary)
    forget()
  }

  private func forget() {
    if let token = temporaryToken { TemporaryFiles.unregister(token) }
    temporaryPath = nil
    temporaryToken = nil
  }

  static func systemError() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
  }
}

/// `write(2)`, named apart from `OutputSink.write(_:)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
