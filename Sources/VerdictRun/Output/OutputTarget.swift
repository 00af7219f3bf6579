#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a report named on the command line goes, found by following the path's symbolic links
/// one at a time.
enum OutputTarget: Equatable {
  /// One of the process's own open descriptors (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`,
  /// or a link to one): written through a copy of it, at its own offset and in its own mode,
  /// so `-o /dev/stdout >> log` appends. Renaming a file over the path replaced the link
  /// `/dev/stdout` itself; reopening it would start at the redirected file's beginning.
  case descriptor(Int32)
  /// A device, a pipe or a socket (`-o /dev/null`, a FIFO), at this path: written in place,
  /// since renaming a file over it would replace the device itself.
  case inPlace(String)
  /// A regular file, or none yet, at this path (a link's final target): written to a temporary
  /// file beside it and renamed over it.
  case file(String)

  /// Where `path` leads.
  /// - Throws: for a folder, a link to nothing, or a loop of links.
  static func resolve(_ path: String) throws(OutputError) -> OutputTarget {
    var current = path
    var followed = false
    // As many links as the system follows in one path.
    for _ in 0..<40 {
      if let descriptor = processDescriptor(named: current) {
        guard fcntl(descriptor, F_GETFD) >= 0 else { throw .failed("cannot write '\(path)': \(systemError())") }
        return .descriptor(descriptor)
      }
      var status = stat()
      guard lstat(current, &status) == 0 else {
        // A new file is made, but not through a link to nothing (as `cp` refuses): the link
        // may be stale, and the file would appear where the user did not look.
        guard !followed else {
          throw .failed("cannot write '\(path)': it is a symbolic link to a file that does not exist")
        }
        return .file(current)
      }
      switch status.st_mode & S_IFMT {
      case S_IFLNK:
        guard let next = link(at: current) else { throw .failed("cannot write '\(path)': \(systemError())") }
        current = next
        followed = true
      case S_IFDIR: throw .failed("cannot write '\(path)': it is a folder")
      case S_IFREG:
        // Renaming over a file needs only its folder's permission: a file you made read-only
        // (`chmod 444`) is refused, as the shell's `>` refuses it, not replaced.
        guard access(current, W_OK) == 0 else {
          throw .failed(
            "cannot write '\(path)': \(systemError()) (the file is read-only to you: make it writable, or give another file)"
          )
        }
        return .file(current)
      default: return .inPlace(current)
      }
    }
    throw .failed("cannot write '\(path)': too many symbolic links")
  }

  /// The descriptor `path` names when it is one of the process's own: `/dev/stdout`,
  /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` or `/proc/PID/fd/N` for this process.
  static func processDescriptor(named path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
      return Int32(path.dropFirst(prefix.count))
    }
    return nil
  }

  /// Where the symbolic link at `path` points, a relative target taken from the link's folder;
  /// `nil` when it cannot be read.
  private static func link(at path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard !target.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return target }
    return String(path[...slash]) + target
  }

  private static func systemError() -> String { OutputSink.systemError() }
}
