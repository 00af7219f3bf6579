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
  /// (``StaleTemporaryFiles``). The path's links are followed (``OutputTarget``): a link's target
  /// is replaced, not the link; a process's own stream or a device is written as it is.
  package init(atomicPath path: String) throws(OutputError) {
    signal(SIGPIPE, SIG_IGN)
    self.path = path
    switch try OutputTarget.resolve(path) {
    case .descriptor(let stream):
      let copy = dup(stream)
      guard copy >= 0 else { throw .failed("cannot write '\(path)': \(OutputSink.systemError())") }
      descriptor = copy
    case .inPlace(let device):
      let direct = open(device, O_WRONLY)
      guard direct >= 0 else { throw .failed("cannot write '\(path)': \(OutputSink.systemError())") }
      descriptor = direct
    case .file(let target):
      destination = target
      let folder = target.lastIndex(of: "/").map { String(target[...$0]) } ?? ""
      StaleTemporaryFiles.remove(in: folder)
      let made = OutputSink.makeTemporary(beside: target)
      guard let made else {
        // The folder refused the temporary file, not the file itself (which may be writable):
        // said, as through a link, whose target's folder the user may not see.
        let why = OutputSink.systemError()
        let shown = folder.isEmpty ? "." : String(folder.dropLast(folder.count > 1 ? 1 : 0))
        let place =
          target == path
          ? " (its folder '\(shown)' refused the temporary file that is written there before it replaces the file)"
          : " (its file is \(target), whose folder refused a temporary file)"
        throw .failed("cannot write '\(path)': \(why)\(place)")
      }
      (descriptor, temporaryPath, temporaryToken) = made
    }
  }

  /// A temporary file of its own in `folder` (standard input's spool): made with `mkstemp`, no
  /// link followed, nothing renamed; read back from ``temporaryFilePath`` and discarded.
  package init(temporaryIn folder: String, for name: String) throws(OutputError) {
    signal(SIGPIPE, SIG_IGN)
    path = folder + name
    guard let made = OutputSink.makeTemporary(beside: folder + name) else {
      throw .failed("cannot make a temporary file in '\(folder)': \(OutputSink.systemError())")
    }
    (descriptor, temporaryPath, temporaryToken) = made
  }

  /// A new file beside `target` named as ``TemporaryFileName`` says (its `XXXXXX` random, as
  /// `mkstemp` makes it, mode 0600), open for writing, registered for removal on interruption
  /// before it exists (``TemporaryFiles``): made by `mkstemp` and registered after, a signal
  /// between the two left the file behind. `nil` with `errno` set when it cannot be made.
  private static func makeTemporary(beside target: String) -> (descriptor: Int32, path: String, token: Int?)? {
    let template = TemporaryFileName.template(beside: target)
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    for _ in 0..<100 {
      let path = String(template.dropLast(6)) + String((0..<6).map { _ in letters.randomElement()! })
      let token = TemporaryFiles.register(path)
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 { return (descriptor, path, token) }
      let failure = errno
      // A file of this name is this process's own (its id and start time are in the name) or
      // one a killed run with them left: removing it on a signal in this moment harms no one.
      if let token { TemporaryFiles.unregister(token) }
      errno = failure
      guard failure == EEXIST else { return nil }
    }
    return nil
  }

  deinit { discard() }

  /// Whether the report goes to a terminal (standard output or a file named by `-o`, such as
  /// `/dev/tty`, that is one); never for a file written through a temporary one.
  package var isTerminal: Bool { isatty(descriptor) == 1 }

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

  /// Finishes a file report: flushes it to disk and renames it over the target, with the
  /// permissions of the file it replaces (``permissions(replacing:)``). Does nothing for standard
  /// output.
  package func commit() throws(OutputError) {
    guard let temporary = temporaryPath, let path, let destination else {
      // Written in place (a device or a pipe): nothing to rename.
      if path != nil, descriptor != STDOUT_FILENO { close(descriptor) }
      return
    }
    OutputSink.keepOwnership(of: destination, on: descriptor)
    fchmod(descriptor, OutputSink.permissions(replacing: destination))
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

  /// The permission bits the report at `destination` gets: those of the file there, which it
  /// replaces (a report kept private with `chmod 600` stays private, as it does when a shell's
  /// `>` rewrites it), or the usual 0666 less the umask for a new file.
  private static func permissions(replacing destination: String) -> mode_t {
    var status = stat()
    if stat(destination, &status) == 0 { return status.st_mode & 0o777 }
    let mask = umask(0)
    umask(mask)
    return 0o666 & ~mask
  }

  /// Gives the report the owner and group of the file it replaces, as far as the system lets
  /// it (root keeps both; another user keeps a group it belongs to): a report shared with a
  /// group stayed readable to it when a shell's `>` rewrote it, and became the writer's alone.
  private static func keepOwnership(of destination: String, on descriptor: Int32) {
    var status = stat()
    guard stat(destination, &status) == 0 else { return }
    if fchown(descriptor, status.st_uid, status.st_gid) != 0 { _ = fchown(descriptor, uid_t.max, status.st_gid) }
  }

  /// Writes `bytes` over `path` as a report file is written: whole, through a temporary file
  /// renamed over it, or not at all (the temporary file removed when a write or the rename
  /// fails). For `verdict fmt` and the REPL's `:save`.
  package static func replace(_ path: String, with bytes: [UInt8]) throws(OutputError) {
    let sink = try OutputSink(atomicPath: path)
    do {
      try bytes.withUnsafeBufferPointer { buffer throws(OutputError) in try sink.write(buffer) }
      try sink.commit()
    } catch {
      sink.discard()
      throw error
    }
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
