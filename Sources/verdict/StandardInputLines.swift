#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard input's lines, as bytes, split as `readLine(strippingNewline: true)` splits them (a
/// line ends at a line feed, which is dropped with a carriage return before it; the bytes are
/// left for the REPL to decode, so that one that is not UTF-8 is an error), from a buffer of our own
/// so that ``isWaiting`` can tell whether another line is there without waiting for it: the
/// C library's buffer, which `readLine` reads through, cannot be asked.
struct StandardInputLines {
  /// Bytes read and not yet returned as lines.
  private var buffer: [UInt8] = []
  /// Where the unreturned bytes start in ``buffer``.
  private var start = 0
  /// Whether reading found the end of input.
  private var ended = false

  /// The next line, or `nil` at the end of input.
  mutating func next() -> [UInt8]? {
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        defer { start = newline + 1 }
        return Array(buffer[start..<end])
      }
      if ended {
        guard start < buffer.count else { return nil }
        defer { start = buffer.count }
        return Array(buffer[start...])
      }
      fill()
    }
  }

  /// Whether a line can be had without waiting: one is in the buffer, or more input is there.
  mutating func isWaiting() -> Bool {
    if ended || buffer[start...].contains(UInt8(ascii: "\n")) { return true }
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN | POLLHUP) != 0
  }

  /// Reads what standard input has (waiting for some), dropping the lines already returned.
  private mutating func fill() {
    buffer.removeSubrange(0..<start)
    start = 0
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(STDIN_FILENO, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[0..<count]
        return
      }
      if count < 0, errno == EINTR { continue }
      ended = true
      return
    }
  }
}
