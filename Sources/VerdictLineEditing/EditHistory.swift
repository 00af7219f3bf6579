import CEditLine
import Glibc

/// libedit's history list, optionally mirrored to a file readable only by its owner.
///
/// The file uses libedit's own format (a `_HiStOrY_V2_` header, then one `strvis`-encoded
/// entry per line), so it is also readable by other libedit programs.
final class EditHistory {
  /// The libedit `History *`, or nil if libedit could not allocate one.
  let handle: OpaquePointer?
  /// Where entries are loaded from and saved to, if anywhere.
  let path: String?

  /// Creates a history of at most `limit` entries that ignores immediate repeats, and
  /// loads `path` if it exists.
  init(limit: Int, path: String?) {
    self.path = path
    handle = history_init()
    guard let handle else { return }
    _ = verdict_history_set_size(handle, Int32(clamping: max(limit, 0)))
    _ = verdict_history_set_unique(handle, 1)
    if let path {
      _ = verdict_history_load(handle, path)
    }
  }

  deinit {
    if let handle { history_end(handle) }
  }

  /// Number of entries currently held.
  var count: Int {
    guard let handle else { return 0 }
    return Int(verdict_history_count(handle))
  }

  /// Appends `line` unless it is blank, then rewrites the file.
  ///
  /// Returns false only when the file could not be written.
  @discardableResult
  func add(_ line: String) -> Bool {
    guard let handle, !line.allSatisfy(\.isWhitespace) else { return true }
    _ = verdict_history_enter(handle, line)
    return save()
  }

  /// Writes every entry to `path` with mode 0600, creating parent directories (mode 0700).
  ///
  /// The entries go to a temporary file that is renamed over `path`, so an interrupted save
  /// leaves the old file intact.
  func save() -> Bool {
    guard let handle, let path else { return true }
    guard Self.createParentDirectories(of: path) else { return false }
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    _ = fchmod(descriptor, 0o600)
    guard let file = fdopen(descriptor, "w") else {
      close(descriptor)
      unlink(temporary)
      return false
    }
    let written = verdict_history_save_fp(handle, file) >= 0
    let closed = fclose(file) == 0
    guard written, closed, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return chmod(path, 0o600) == 0
  }

  /// Creates the directories above `path` that are missing.
  static func createParentDirectories(of path: String) -> Bool {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    var directory = path.hasPrefix("/") ? "" : "."
    for component in components {
      directory += "/" + component
      if mkdir(directory, 0o700) != 0 && errno != EEXIST {
        return false
      }
    }
    return true
  }

  /// The history file location for `environment`; see `LineEditor.defaultHistoryPath`.
  static func defaultPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return join(state, "verdict/history")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".local/state/verdict/history")
    }
    return nil
  }

  private static func join(_ directory: String, _ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
  }
}

extension LineEditor {
  /// Where history lives: `$XDG_STATE_HOME/verdict/history`, else
  /// `$HOME/.local/state/verdict/history`.
  ///
  /// As the XDG Base Directory specification requires, a relative or empty
  /// `XDG_STATE_HOME` is ignored. Returns nil when neither variable gives a location.
  package static func defaultHistoryPath(environment: [String: String]) -> String? {
    EditHistory.defaultPath(environment: environment)
  }
}
