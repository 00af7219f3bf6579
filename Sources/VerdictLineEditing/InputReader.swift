import CEditLine
import Glibc

/// The character source libedit reads through (`EL_GETCFN`).
///
/// libedit's built-in reader retries a `read(2)` that failed with `EINTR` once, and by then
/// its SIGINT handler has put the terminal in cooked mode, so the first Ctrl-C would only
/// take effect after the next Return. This reader instead waits with `poll(2)` on the input
/// and on a wake pipe fed by `TerminalSignals`, and fails with `EINTR` as soon as Ctrl-C is
/// seen, which makes `el_wgets` return NULL.
final class InputReader {
  /// Outcome of `readCharacter`, in libedit's `el_rfunc_t` convention.
  enum Status: Int32 {
    case character = 1
    case endOfInput = 0
    case failure = -1
  }

  /// The descriptor libedit reads lines from.
  let inputDescriptor: Int32
  /// Read end of the wake pipe, or -1 if the pipe could not be created.
  private let wakeRead: Int32
  /// Write end of the wake pipe, handed to `TerminalSignals`.
  let wakeWrite: Int32
  /// Set when a read ended because of Ctrl-C; cleared by `beginLine`.
  private(set) var wasInterrupted = false

  /// Longest byte sequence tried before a partial character is given up as invalid.
  private static let maximumSequenceLength = 8

  init(inputDescriptor: Int32) {
    self.inputDescriptor = inputDescriptor
    var ends: [Int32] = [-1, -1]
    if verdict_wake_pipe(&ends) == 0 {
      wakeRead = ends[0]
      wakeWrite = ends[1]
    } else {
      wakeRead = -1
      wakeWrite = -1
    }
  }

  deinit {
    if wakeRead >= 0 { close(wakeRead) }
    if wakeWrite >= 0 { close(wakeWrite) }
  }

  /// Forgets interrupts and wake-ups that belong to an earlier line.
  func beginLine() {
    wasInterrupted = false
    drainWakePipe()
  }

  /// Reads one character into `character`, decoding multi-byte input with the C locale.
  ///
  /// Invalid byte sequences are dropped, as libedit's own reader does.
  func readCharacter(
    into character: UnsafeMutablePointer<wchar_t>, editLine: OpaquePointer
  ) -> Status {
    character.pointee = 0
    var bytes: [CChar] = []
    while true {
      let signals = TerminalSignals.takePending()
      if signals & TerminalSignals.resize != 0 {
        el_resize(editLine)
      }
      if signals & TerminalSignals.resume != 0 {
        // What libedit's own reader does after SIGCONT: the shell printed over the line
        // while the process was stopped, so draw it afresh where the cursor now is.
        _ = verdict_el_refresh(editLine)
      }
      if signals & TerminalSignals.interrupt != 0 {
        wasInterrupted = true
        errno = EINTR
        return .failure
      }
      switch waitForInput() {
      case .failed: return .failure
      case .closed: return .endOfInput
      case .woken: continue
      case .readable: break
      }
      var byte: CChar = 0
      let count = read(inputDescriptor, &byte, 1)
      if count == 0 { return .endOfInput }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return .failure
      }
      bytes.append(byte)
      if let decoded = Self.decode(&bytes) {
        character.pointee = decoded
        return .character
      }
    }
  }

  /// Why `waitForInput` returned.
  private enum Wait {
    case readable, woken, closed, failed
  }

  /// Blocks until the input is readable or a signal arrived.
  private func waitForInput() -> Wait {
    var descriptors = [
      pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
    ]
    if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
      return errno == EINTR ? .woken : .failed
    }
    if descriptors[1].revents != 0 {
      drainWakePipe()
      return .woken
    }
    if descriptors[0].revents & Int16(POLLNVAL) != 0 {
      return .closed
    }
    return .readable
  }

  private func drainWakePipe() {
    guard wakeRead >= 0 else { return }
    var sink = [UInt8](repeating: 0, count: 64)
    while read(wakeRead, &sink, sink.count) > 0 {}
  }

  /// Decodes `bytes` as one character, removing consumed or invalid bytes.
  ///
  /// Returns nil while the sequence is still incomplete.
  static func decode(_ bytes: inout [CChar]) -> wchar_t? {
    while !bytes.isEmpty {
      var state = mbstate_t()
      var wide: wchar_t = 0
      let result = bytes.withUnsafeBufferPointer { buffer in
        mbrtowc(&wide, buffer.baseAddress, buffer.count, &state)
      }
      switch result {
      case -2:
        if bytes.count < maximumSequenceLength { return nil }
        bytes.removeAll()
      case -1:
        if bytes.count > 1, let last = bytes.last {
          bytes = [last]
        } else {
          bytes.removeAll()
        }
      default:
        bytes.removeAll()
        return wide
      }
    }
    return nil
  }
}
