import CEditLine
import Glibc
import Synchronization

/// Signals that arrived while a line was being read, as a bit set of `TerminalSignals` flags.
///
/// A signal handler cannot reach any object, so this and `wakeDescriptor` are the only
/// process-wide state of the module. Both are `Atomic`, which is lock-free and therefore
/// async-signal-safe, and `Sendable`, so Swift 6 accepts them as globals without
/// `nonisolated(unsafe)`.
private let pendingSignals = Atomic<Int>(0)

/// Write end of the wake pipe of the read in progress, or -1 when no read is in progress.
private let wakeDescriptor = Atomic<Int32>(-1)

/// The handler for SIGINT, SIGWINCH and SIGCONT while `LineEditor.readLine` runs.
///
/// Async-signal-safe: it only touches atomics and calls `write(2)`. The pipe byte wakes
/// the `poll` in `InputReader` even when the kernel delivers the signal to another thread,
/// in which case the reading thread's `poll` would not fail with `EINTR`.
private func recordSignal(_ signal: Int32) {
  let savedErrno = errno
  let flag: Int
  switch signal {
  case SIGINT: flag = TerminalSignals.interrupt
  case SIGWINCH: flag = TerminalSignals.resize
  case SIGCONT: flag = TerminalSignals.resume
  default: flag = 0
  }
  pendingSignals.bitwiseOr(flag, ordering: .sequentiallyConsistent)
  let descriptor = wakeDescriptor.load(ordering: .sequentiallyConsistent)
  if descriptor >= 0 {
    var byte: UInt8 = 1
    _ = write(descriptor, &byte, 1)
  }
  errno = savedErrno
}

/// SIGINT, SIGWINCH and SIGCONT handlers installed for the duration of one `readLine` call.
///
/// The handlers are installed without `SA_RESTART`. With `EL_SIGNAL` on, libedit puts its
/// own handlers in front of these while `el_wgets` runs: on SIGINT it returns the terminal
/// to cooked mode, on SIGWINCH it calls `el_resize`, on SIGCONT (after Ctrl-Z and `fg`) it
/// restores raw mode; then it reinstates the handler installed here and re-sends the signal
/// to the whole process group. Either way `recordSignal` ends up running.
struct TerminalSignals {
  /// Flag in the pending set: Ctrl-C (SIGINT) arrived.
  static let interrupt = 1
  /// Flag in the pending set: the window size changed (SIGWINCH).
  static let resize = 2
  /// Flag in the pending set: the process was continued after a stop (SIGCONT).
  static let resume = 4

  private static let routed: [Int32] = [SIGINT, SIGWINCH, SIGCONT]

  private var previous: [(signal: Int32, action: sigaction)]

  /// Routes SIGINT, SIGWINCH and SIGCONT to the pending set and `wakeWriteDescriptor`, remembering
  /// the handlers they replace. Signals left over from an earlier read are discarded.
  init(wakeWriteDescriptor: Int32) {
    _ = pendingSignals.exchange(0, ordering: .sequentiallyConsistent)
    wakeDescriptor.store(wakeWriteDescriptor, ordering: .sequentiallyConsistent)
    previous = []
    for signal in Self.routed {
      var replaced = sigaction()
      if verdict_install_signal_handler(signal, recordSignal, &replaced) == 0 {
        previous.append((signal, replaced))
      }
    }
  }

  /// Puts back the handlers that were in place before `init`.
  func restore() {
    for entry in previous {
      var action = entry.action
      _ = verdict_restore_signal_handler(entry.signal, &action)
    }
    wakeDescriptor.store(-1, ordering: .sequentiallyConsistent)
  }

  /// Removes and returns the pending signal flags.
  static func takePending() -> Int {
    pendingSignals.exchange(0, ordering: .sequentiallyConsistent)
  }
}
