import Foundation
import GRDB

/// Why a history could not be opened, read or written. The file is never changed when this is
/// thrown: a run being recorded is rolled back whole.
package struct HistoryError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, for callers that act on it (all of them stop a run with exit status 2).
  package enum Kind: Sendable, Equatable {
    /// The file is a SQLite database of another program, or not a regular file.
    case notAHistory
    /// The file was written by a newer Verdict whose schema this one does not know.
    case newerVersion
    /// The file is damaged: not a database at all, or pages SQLite cannot read.
    case corrupt
    /// Another process held the history for longer than the busy timeout.
    case busy
    /// The run's day comes before the latest recorded run: the past is not rewritten.
    case earlierThanLatestRun
    /// The same client was added twice to one run.
    case duplicateClient
    /// The recorder was used after it was committed or abandoned.
    case recorderFinished
    /// The file has more than one name (hard links): SQLite keeps its log beside the name it
    /// opens, so runs through two names would each keep their own.
    case severalNames
    /// The file or its folder could not be created, read or written.
    case io
  }

  /// What went wrong.
  package var kind: Kind
  /// The message, naming the file (one line, without a trailing newline).
  package var message: String
  /// What to do about it, true for this file, when there is something to say.
  package var hint: String?

  /// Creates an error.
  package init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  /// The message, then the hint on its own line.
  package var description: String {
    hint.map { "\(message)\nhint: \($0)" } ?? message
  }

  /// The history error for an SQLite failure while `doing` something with the file at `path`.
  static func sqlite(_ error: any Error, path: String, doing: String) -> HistoryError {
    if let error = error as? HistoryError { return error }
    guard let database = error as? DatabaseError else {
      return HistoryError(.io, "history \(path): \(doing) failed: \(error)")
    }
    let detail = database.message ?? "\(database.resultCode)"
    switch database.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return HistoryError(
        .corrupt, "history \(path) is corrupt (\(detail))",
        hint:
          "it is left as it is; move it away to start a new history, or restore it from a backup "
          + "(remove its -wal and -shm files first, which would be replayed into the copy)")
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return HistoryError(
        .busy, "history \(path) is busy: another run is recording into it (\(doing))",
        hint: "run again once the other run has finished")
    case .SQLITE_FULL:
      return HistoryError(
        .io, "history \(path): \(doing) failed: the disk is full",
        hint: "free some space on the disk that holds it; the history is left as it was")
    default:
      // SQLite says "disk I/O error" of a disk that filled up while it made its side files.
      let free = freeBytes(beside: path)
      let full = free.map { $0 < 1 << 20 } ?? false
      return HistoryError(
        .io, "history \(path): \(doing) failed: \(detail)",
        hint: full ? "the disk that holds it has \(free ?? 0) bytes free: free some space" : nil)
    }
  }

  /// The bytes free to a user on the file system of the folder of `path`, or `nil`.
  static func freeBytes(beside path: String) -> Int? {
    let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    var status = statvfs()
    guard statvfs(folder.isEmpty ? "/" : folder, &status) == 0 else { return nil }
    return Int(status.f_bavail) * Int(status.f_frsize)
  }
}
