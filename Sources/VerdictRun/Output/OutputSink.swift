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
  /// The path the report is being written to, as it was named, or `nil` for standard output.
  package let path: String?
  /// The file the temporary file is renamed to: `path`, or the file a symbolic link there
  /// points to.
  private var destination: String?
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
    // `-o /dev/stdout` (or `/dev/fd/2`) is the process's own stream, whatever it is redirected
    // to: written through it, as `>>` asked. Renaming a file over the path replaced the link
    // `/dev/stdout` itself, and reopening it would write from the redirected file's start.
    if let stream = OutputSink.standardStream(named: path) {
      let copy = dup(stream)
      guard copy >= 0 else { throw .failed("cannot write '\(path)': \(OutputSink.systemError())") }
      descriptor = copy
      return
    }
    // A symbolic link is followed: its target is replaced, not the link.
    let target = try OutputSink.followingLinks(path)
    // A device or a pipe (`-o /dev/null`, a FIFO) is written to as it is: renaming a file over
    // it would replace the device itself.
    var status = stat()
    if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      guard status.st_mode & S_IFMT != S_IFDIR else { throw .failed("cannot write '\(path)': it is a folder") }
      let direct = open(target, O_WRONLY)
      guard direct >= 0 else { throw .failed("cannot write '\(path)': \(OutputSink.systemError())") }
      descriptor = direct
      return
    }
    destination = target
    let folder = target.lastIndex(of: "/").map { String(target[...$0]) } ?? ""
    StaleTemporaryFiles.remove(in: folder)
    var template = Array(TemporaryFileName.template(beside: target).utf8CString)
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
    guard let temporary = temporaryPath, let path, let destination else {
      // Written in place (a device or a pipe): nothing to rename.
      if path != nil, descriptor != STDOUT_FILENO { close(descriptor) }
      return
    }
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    fsync(descriptor)
    close(descriptor)
    guard rename(temporary, destination) == 0 else {
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

  /// The descriptor that `path` names when it is one of the process's own streams:
  /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` for N 1 or 2.
  static func standardStream(named path: String) -> Int32? {
    switch path {
    case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": STDOUT_FILENO
    case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": STDERR_FILENO
    default: nil
    }
  }

  /// `path`, or the file the symbolic link there finally points to; throws for a link to
  /// nothing (writing through it would make a file the user may not expect; `cp` refuses too).
  static func followingLinks(_ path: String) throws(OutputError) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else {
      throw .failed("cannot write '\(path)': it is a symbolic link to a file that does not exist")
    }
    defer { free(resolved) }
    return String(cString: resolved)
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
