import Foundation
import GRDB

/// Opening a history: where it lives by default, how its file is made (private to its owner,
/// since it names clients and what was decided about them), and what is refused.
extension History {
  /// Opens the history at `path`, creating it when absent (mode 0600, missing folders 0700) and
  /// upgrading an older schema in place. Waits up to `busyTimeout` seconds for another process
  /// that holds the file.
  ///
  /// Refuses, without changing it, a file that is not a Verdict history, one written by a newer
  /// Verdict, and a corrupt one; and one that cannot be written, or whose folder cannot take
  /// SQLite's files beside it (``HistorySideFiles/prepareWriting(_:)``).
  package static func open(path: String, busyTimeout: TimeInterval = 5) throws(HistoryError) -> History {
    try prepareFile(at: path)
    try HistorySideFiles.prepareWriting(path)
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    // A recording is one transaction that stays open across `RunRecorder` calls.
    configuration.allowsUnsafeTransactions = true
    configuration.label = "verdict-history"
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "opening")
    }
    do {
      try queue.writeWithoutTransaction { db in
        try checkIntact(db, path: path)
        try HistorySchema.checkKind(of: db, path: path)
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
          throw HistoryError(.io, "history \(path): SQLite cannot keep a write-ahead log on this file system")
        }
        // Durable at each checkpoint, atomic always: a crash loses at most the latest run, never
        // the file. A large page cache keeps a big first run from spilling pages while it records.
        try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
      }
      try HistorySchema.migrator.migrate(queue)
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "opening")
    }
    return History(path: path, queue: queue)
  }

  /// Opens the history at `path` to read it only, as `verdict history`, `explain` and the REPL
  /// do: a missing or empty file is refused, and nothing is created or changed (an empty text
  /// file given by mistake was made an SQLite database); so is a database that holds no history
  /// yet (``HistorySchema/checkKind(of:path:)``). A history of an older schema is upgraded, as
  /// ``open(path:busyTimeout:)`` does, since reading needs the current one.
  package static func openForReading(path: String, busyTimeout: TimeInterval = 5) throws(HistoryError) -> History {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let reason = errno
      if let link = linkToNothing(path, hint: "give --history the history's own path") { throw link }
      throw HistoryError(.io, "history \(path) cannot be read: \(String(cString: strerror(reason)))")
    }
    // A regular file that is not text, as ``open(path:busyTimeout:)`` accepts, without making one.
    try prepareFile(at: path)
    guard status.st_size > 0 else { throw emptyHistory(path) }
    try HistorySideFiles.prepareReading(path)
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.readonly = true
    configuration.label = "verdict-history"
    let upToDate: Bool
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      upToDate = try queue.read { db throws in
        try checkIntact(db, path: path)
        switch try HistorySchema.checkKind(of: db, path: path) {
        case .nothing: throw emptyHistory(path)
        case .history: return try HistorySchema.migrator.hasCompletedMigrations(db)
        }
      }
    } catch let error as HistoryError {
      throw error
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "opening")
    }
    guard upToDate else { return try open(path: path, busyTimeout: busyTimeout) }
    return History(path: path, queue: queue)
  }

  /// Refuses a damaged file before anything in it is trusted or written: `PRAGMA
  /// integrity_check` reads every page once and checks that each table's b-tree holds together,
  /// that no NOT NULL column holds NULL, that each STRICT column holds values of its type, and
  /// that the indexes of the primary keys hold their tables' rows. Reading a damaged page
  /// otherwise fails or, worse, skips the rows it holds, so that a run counts fewer runs than
  /// there are and records on top of the damage. The check costs a few milliseconds on the
  /// largest history measured (one day of 1,000,000 clients, 5.5 MB; docs/history.md), less
  /// than reading the history, which every run and every `verdict history` does anyway.
  static func checkIntact(_ db: Database, path: String) throws(HistoryError) {
    let found: [String]
    do {
      found = try String.fetchAll(db, sql: "PRAGMA integrity_check(1)")
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "checking")
    }
    guard found != ["ok"] else { return }
    // The first fault, on one line, without the line that names the database ("main").
    let fault = found.joined(separator: "\n").split(separator: "\n")
      .filter { !$0.hasPrefix("*** in database") }.joined(separator: "; ")
    throw ChangeLog.corrupt(path, "its pages are damaged (SQLite's check finds: \(fault))")
  }

  /// The error for reading the history at `path`, which holds no run: an empty file, or a
  /// database in which none was made.
  private static func emptyHistory(_ path: String) -> HistoryError {
    HistoryError(
      .notAHistory, "history \(path) is empty: no run was recorded in it",
      hint: "it is left as it is; verdict run --history \(path) records runs in it")
  }

  /// Whether `path` is a symbolic link, whether or not what it names exists.
  package static func isLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
  }

  /// The error for `path`, which names nothing, when it is a link (to nothing), with `hint`.
  private static func linkToNothing(_ path: String, hint: String) -> HistoryError? {
    guard isLink(path) else { return nil }
    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    return HistoryError(.notAHistory, "history \(path) is a link to \(target), which does not exist", hint: hint)
  }

  /// Where the history lives when none is named: `$VERDICT_HISTORY`, else
  /// `$XDG_DATA_HOME/verdict/history.sqlite`, else `~/.local/share/verdict/history.sqlite`;
  /// `nil` when the environment names no home.
  package static func defaultPath(environment: [String: String]) -> String? {
    locate(environment: environment)
  }

  /// `$VERDICT_HISTORY`, else `$XDG_DATA_HOME/verdict/history.sqlite` (when it is an absolute
  /// path, as the XDG spec asks), else `$HOME/.local/share/verdict/history.sqlite`; `nil` when
  /// none of them is set.
  private static func locate(environment: [String: String]) -> String? {
    if let path = environment["VERDICT_HISTORY"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return joined(data, "verdict/history.sqlite")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return joined(home, ".local/share/verdict/history.sqlite")
    }
    return nil
  }

  private static func joined(_ folder: String, _ rest: String) -> String {
    folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
  }

  /// Makes an empty file at `path` (mode 0600) when there is none, and its missing folders (mode
  /// 0700); refuses a path that is a folder or another kind of file, and a file with more than
  /// one name.
  ///
  /// SQLite keeps a history's write-ahead log and its index (`-wal`, `-shm`) beside the name it
  /// opens: two names of one file (a hard link) have two logs, so two runs at once through the
  /// two names each took the write lock of their own log, both ended with exit status 0, and one
  /// run was lost. A symbolic link is resolved by SQLite, so every name shares the log.
  private static func prepareFile(at path: String) throws(HistoryError) {
    var status = stat()
    if stat(path, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFREG else {
        throw HistoryError(
          .notAHistory, "history \(path) is not a regular file", hint: "give --history the path of a file")
      }
      guard status.st_nlink <= 1 else {
        throw HistoryError(
          .severalNames,
          "history \(path) has \(status.st_nlink) names (hard links): SQLite keeps its log beside the name it "
            + "opens, so runs through two names would not see each other's, and a run could be lost",
          hint: "it is left as it is; keep one name (remove the other links), or make the others symbolic links "
            + "(ln -s), which are followed")
      }
      if holdsText(path) {
        throw HistoryError(
          .notAHistory, "history \(path) is not a history: it holds text, not an SQLite database",
          hint: "it is left as it is; --history names the file where runs are kept, made on the first run: "
            + "give a new file's name, or the history's own")
      }
      return
    }
    guard errno == ENOENT else {
      throw HistoryError(.io, "history \(path) cannot be read: \(String(cString: strerror(errno)))")
    }
    // A link to nothing: SQLite would make its target with the default mode, readable by all.
    if let link = linkToNothing(path, hint: "give --history the history's own path, or a new file's") { throw link }
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        throw HistoryError(.io, "history \(path): its folder cannot be created: \(error.localizedDescription)")
      }
    }
    let descriptor = createExclusively(path)
    if descriptor >= 0 {
      close(descriptor)
    } else if errno != EEXIST {
      throw HistoryError(.io, "history \(path) cannot be created: \(String(cString: strerror(errno)))")
    }
  }
}

/// Whether the file at `path` starts with text: its first 512 bytes (or all of a shorter file)
/// are UTF-16 with a byte order mark, or bytes of text in an 8-bit encoding or UTF-8 (no control
/// character but white space), where a history has SQLite's header (`SQLite format 3` and a
/// NUL). A CSV file or a policy given as `--history` by mistake, in UTF-8, UTF-16 or
/// Windows-1252, was called corrupt, with the hint to restore it from a backup. Random bytes (a
/// damaged file) are practically never text by this measure (a control byte is among 512 random
/// ones but for one time in 10^27).
private func holdsText(_ path: String) -> Bool {
  guard let file = FileHandle(forReadingAtPath: path) else { return false }
  defer { try? file.close() }
  guard let start = try? file.read(upToCount: 512), !start.isEmpty else { return false }
  let bytes = Array(start)
  if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
  return bytes.allSatisfy { ($0 >= 0x20 && $0 != 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
}

/// Creates the file at `path` with mode 0600, failing when it exists; the open descriptor or -1.
private func createExclusively(_ path: String) -> Int32 {
  open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
}
