#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files of a run (the report being written, the standard-input spool), removed by
/// a signal handler when the run is interrupted: Ctrl-C leaves nothing behind.
///
/// Paths are kept as C strings in a fixed table, because a signal handler may only call
/// async-signal-safe functions such as `unlink(2)`.
package enum TemporaryFiles {
  private static let capacity = 16
  nonisolated(unsafe) private static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    return table
  }()
  nonisolated(unsafe) private static var installed = false

  /// Removes the registered files and ends the process on SIGINT, SIGTERM and SIGHUP. Call it
  /// before starting threads (they inherit the unblocked signal mask).
  package static func installSignalHandlers() {
    guard !installed else { return }
    installed = true
    _ = table
    // A parent may have spawned us with these signals blocked; they must reach the handler.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signalNumber) }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { received in
        TemporaryFiles.removeAll()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
  }

  /// Registers a file to remove on interruption; returns a token for ``unregister(_:)``.
  static func register(_ path: String) -> Int? {
    for index in 0..<capacity where table[index] == nil {
      table[index] = strdup(path)
      return index
    }
    return nil
  }

  /// Forgets a file (it was renamed or removed).
  static func unregister(_ token: Int) {
    guard token >= 0, token < capacity, let path = table[token] else { return }
    table[token] = nil
    free(path)
  }

  /// Removes every registered file (async-signal-safe).
  static func removeAll() {
    for index in 0..<capacity {
      if let path = table[index] { unlink(path) }
    }
  }
}
