import Verdict

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
  /// A line of input.
  enum Line: Equatable {
    /// The line's bytes, without its line feed.
    case bytes([UInt8])
    /// A line longer than ``maximumLineBytes``, dropped as it was read.
    case tooLong
  }

  /// The longest line kept: what a policy may have (``SourceSizeLimit``). A longer one is
  /// dropped as it is read, so that input without line feeds (`verdict repl < /dev/zero`) takes
  /// no more memory than this; it took all there was, searching the whole line at each read.
  static let maximumLineBytes = SourceSizeLimit.maximumBytes

  /// Bytes read and not yet returned as lines.
  private var buffer: [UInt8] = []
  /// Where the unreturned bytes start in ``buffer``.
  private var start = 0
  /// Where the search for the next line feed goes on: the bytes before it have none.
  private var searched = 0
  /// Whether the current line is too long, and being dropped up to its line feed.
  private var dropping = false
  /// Whether reading found the end of input.
  private var ended = false

  /// The next line, or `nil` at the end of input.
  mutating func next() -> Line? {
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        defer { (start, searched) = (newline + 1, newline + 1) }
        return take(buffer[start..<end])
      }
      searched = buffer.count
      if ended {
        guard start < buffer.count || dropping else { return nil }
        defer { (start, searched) = (buffer.count, buffer.count) }
        return take(buffer[start...])
      }
      if buffer.count - start > Self.maximumLineBytes {
        dropping = true
        start = buffer.count
      }
      fill()
    }
  }

  /// The line made of `bytes`, or ``Line/tooLong`` for the end of a line being dropped.
  private mutating func take(_ bytes: ArraySlice<UInt8>) -> Line {
    guard dropping else { return .bytes(Array(bytes)) }
    dropping = false
    return .tooLong
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
    searched -= start
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
