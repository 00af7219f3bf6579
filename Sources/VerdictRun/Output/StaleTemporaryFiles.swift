#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary files that runs killed outright (SIGKILL, a power cut) left behind: a
/// half-written report beside its output, a spool of standard input in `$TMPDIR`.
///
/// A file is removed only when all of these hold: its name has the shape of
/// ``TemporaryFileName`` (`.NAME.verdict-PID-START-XXXXXX`), it is a regular file (not a link)
/// owned by this user, it was last changed before the sweep began, and the process its name
/// records no longer runs (or the id now belongs to a process that started at another time).
/// Anything else in the folder is left alone.
enum StaleTemporaryFiles {
  /// Removes the stale temporary files in `folder` (`""` for the working folder) and returns
  /// their names; a folder that cannot be read is skipped.
  @discardableResult
  static func remove(in folder: String) -> [String] {
    let cutoff = now()
    let directory = folder.isEmpty ? "." : folder
    let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
    guard let stream = opendir(directory) else { return [] }
    defer { closedir(stream) }
    var removed: [String] = []
    while let entry = readdir(stream) {
      // A shared `/tmp` holds thousands of entries: only those whose name starts with a dot and
      // holds the marker are worth a `String` and a parse (which cost every run 3 ms here).
      let candidate = withUnsafePointer(to: &entry.pointee.d_name) {
        let name = UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)
        return name[0] == CChar(UInt8(ascii: ".")) && strstr(name, TemporaryFileName.marker) != nil
          ? String(cString: name) : nil
      }
      guard let name = candidate, let owner = TemporaryFileName.owner(ofFileNamed: name), owner != .current else {
        continue
      }
      let path = prefix + name
      guard isRemovable(path, changedBefore: cutoff), !owner.isRunning else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// The folder standard input is spooled to: `$TMPDIR`, or `/tmp`; it ends in `/`.
  static var temporaryFolder: String {
    var folder = getenv("TMPDIR").map { String(cString: $0) } ?? ""
    if folder.isEmpty { folder = "/tmp" }
    return folder.hasSuffix("/") ? folder : folder + "/"
  }

  /// Whether `path` is a regular file of this user's, last changed before `cutoff`.
  private static func isRemovable(_ path: String, changedBefore cutoff: timespec) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
      return false
    }
    #if canImport(Darwin)
      let changed = status.st_mtimespec
    #else
      let changed = status.st_mtim
    #endif
    return changed.tv_sec < cutoff.tv_sec || (changed.tv_sec == cutoff.tv_sec && changed.tv_nsec < cutoff.tv_nsec)
  }

  private static func now() -> timespec {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return time
  }
}
