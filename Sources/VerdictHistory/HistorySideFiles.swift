import Foundation

/// The files SQLite keeps beside a history in WAL mode (`FILE-wal`, the log, and `FILE-shm`, its
/// index), and what a run needs of them and of their folder before it opens the history to write.
///
/// SQLite makes them with the history's mode. A reader of a read-only history (`chmod 400`)
/// left them read-only too, since a read-only connection cannot remove them, and every later
/// run failed "attempt to write a readonly database", naming the history, which was writable
/// again. SQLite makes them in the history's folder, so in a folder the user cannot write a run
/// failed with the same words.
enum HistorySideFiles {
  /// The suffixes of the files beside a history, as SQLite names them.
  static let suffixes = ["-wal", "-shm"]

  /// Prepares the history at `path` (an existing regular file) for a run that writes it:
  /// refuses a history the user cannot write and one whose folder SQLite cannot make its files
  /// in, naming what blocks it; makes writable like the history a side file of the user's own
  /// that is read-only (its content is kept: a log is never removed, since it may hold runs).
  static func prepareWriting(_ path: String) throws(HistoryError) {
    guard access(path, W_OK) == 0 else {
      guard errno != EROFS else {
        // No chmod helps there, and reading needs SQLite's files beside it, which cannot be made.
        throw HistoryError(
          .io, "history \(path) is on a read-only file system: a run records into it",
          hint: "copy the history to a file system you can write, and record the runs there")
      }
      throw HistoryError(
        .io, "history \(path) is read-only (\(String(cString: strerror(errno)))): a run records into it",
        hint: "make it writable (chmod u+w \(path)) to record runs; verdict history reads it as it is")
    }
    // SQLite keeps its files beside the file a symbolic link names.
    let target = resolved(path)
    var history = stat()
    guard stat(target, &history) == 0 else { return }
    let folder = (target as NSString).deletingLastPathComponent
    for suffix in suffixes {
      let side = target + suffix
      var status = stat()
      guard lstat(side, &status) == 0 else {
        guard access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0 else {
          throw HistoryError(
            .io,
            "history \(path): its folder \(folder.isEmpty ? "." : folder) is not writable, and SQLite keeps its "
              + "log files beside the history (\(target)-wal, \(target)-shm)",
            hint: "make the folder writable, or keep the history in a folder you can write")
        }
        continue
      }
      if status.st_uid == geteuid() {
        // The user's own: readable and writable by its owner, whoever the user is (root too).
        let owner = S_IRUSR | S_IWUSR
        if status.st_mode & owner == owner { continue }
        if status.st_mode & S_IFMT == S_IFREG, chmod(side, history.st_mode & 0o777 | owner) == 0 { continue }
      } else if access(side, R_OK | W_OK) == 0 {
        continue
      }
      throw HistoryError(
        .io,
        "history \(path): SQLite's file \(side) beside it is read-only, so no run can be recorded "
          + "(the history itself is writable)",
        hint: "make it writable like the history (chmod u+rw \(side), as its owner); do not remove it: it may "
          + "hold recorded runs")
    }
  }

  /// Refuses to read the history at `path` when SQLite would need to make its files beside it
  /// (it does even to read a history in WAL mode) and the folder is not writable: SQLite said
  /// "attempt to write a readonly database", of a command that only reads. When both files are
  /// there (a run is recording, or left them), SQLite reads without making any.
  static func prepareReading(_ path: String) throws(HistoryError) {
    let target = resolved(path)
    let folder = (target as NSString).deletingLastPathComponent
    let missing = suffixes.contains { suffix in
      var status = stat()
      return lstat(target + suffix, &status) != 0
    }
    guard missing, access(folder.isEmpty ? "." : folder, W_OK | X_OK) != 0 else { return }
    // On a read-only file system (a backup mounted read-only) no folder there can be made writable.
    let readOnlySystem = errno == EROFS
    throw HistoryError(
      .io,
      "history \(path) cannot be read in its folder \(folder.isEmpty ? "." : folder), which "
        + (readOnlySystem ? "is on a read-only file system" : "is not writable")
        + ": SQLite makes its log files beside the history (\(target)-wal, \(target)-shm) even to read it",
      hint: readOnlySystem
        ? "copy the history to a file system you can write and read the copy"
        : "copy the history into a folder you can write and read the copy, or make the folder writable")
  }

  /// `path` with its symbolic links resolved, as SQLite resolves them; `path` when it cannot be.
  private static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }
}
