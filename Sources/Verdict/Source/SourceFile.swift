/// A policy's text with its name, kept as UTF-8 bytes, and the table that maps byte offsets to lines.
public struct SourceFile: Sendable {
  /// The name shown in diagnostics: a path, or a label such as `<repl>`.
  public let name: String
  /// The text as UTF-8 bytes, exactly as read (it may hold invalid UTF-8: the lexer reports it).
  package let bytes: [UInt8]
  /// The byte offset at which each line starts; `lineStarts[0] == 0`.
  let lineStarts: [Int]
  /// Where the first character at or after each multiple of ``checkpointStride`` starts, and how
  /// many characters come before it: a column is counted from the checkpoint before it, not from
  /// its line's start. A generated policy may be one line of megabytes with a mistake every few
  /// bytes, and counting from the line's start for each made rendering them quadratic (40,000
  /// unknown names on one line: 24 s).
  private let checkpoints: [Checkpoint]
  /// Bytes between checkpoints: at most this many are decoded to find a column.
  private static let checkpointStride = 256

  /// Creates a source file from text.
  public init(name: String, text: String) {
    self.init(name: name, bytes: Array(text.utf8))
  }

  /// Creates a source file from raw bytes, such as a file's contents.
  package init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
    // A line ends at a line feed, a carriage return and line feed, or a carriage return alone
    // (old Mac files), as the lexer ends a comment: a table's members are told apart by line.
    var starts = [0]
    for (offset, byte) in bytes.enumerated() {
      let endsLine =
        byte == UInt8(ascii: "\n")
        || (byte == UInt8(ascii: "\r") && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n")))
      if endsLine { starts.append(offset + 1) }
    }
    self.lineStarts = starts
    var checkpoints: [Checkpoint] = []
    checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
    var offset = 0
    var characters = 0
    while checkpoints.count <= bytes.count / Self.checkpointStride {
      // A character ends at the end of the bytes at the latest, which is past the last multiple.
      if offset >= checkpoints.count * Self.checkpointStride {
        checkpoints.append(Checkpoint(offset: offset, characters: characters))
        continue
      }
      offset += Self.characterLength(at: offset, in: bytes)
      characters += 1
    }
    self.checkpoints = checkpoints
  }

  /// The text, with invalid UTF-8 replaced by U+FFFD.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The 0-based index of the line holding `offset`.
  func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The line and column of a byte offset.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = min(max(offset, 0), bytes.count)
    let index = lineIndex(of: clamped)
    let start = lineStarts[index]
    return SourceLocation(line: index + 1, column: columns(from: start, to: clamped) + 1)
  }

  /// The byte range of a 0-based line, without its line terminator.
  func lineRange(_ index: Int) -> Range<Int> {
    let start = lineStarts[index]
    guard index + 1 < lineStarts.count else { return start..<bytes.count }
    // The terminator's last byte, and the carriage return before a line feed.
    var end = lineStarts[index + 1] - 1
    if bytes[end] == UInt8(ascii: "\n"), end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<end
  }

  /// How many characters lie between two offsets: Unicode scalars, and invalid sequences counted
  /// as decoding shows them (each a U+FFFD).
  func columns(from start: Int, to end: Int) -> Int {
    characters(before: end) - characters(before: start)
  }

  /// How many characters start before `offset` (found from the checkpoint before it).
  private func characters(before offset: Int) -> Int {
    var checkpoint = checkpoints[offset / Self.checkpointStride]
    // A character that starts before the multiple and runs past it; at most four bytes back.
    if checkpoint.offset > offset { checkpoint = checkpoints[offset / Self.checkpointStride - 1] }
    var (position, count) = (checkpoint.offset, checkpoint.characters)
    while position < offset {
      position += Self.characterLength(at: position, in: bytes)
      count += 1
    }
    return count
  }

  /// The offset of the character `count` characters after the one at `start` (a character's
  /// first byte), or the end of the bytes.
  func offset(ofCharacter count: Int, after start: Int) -> Int {
    let wanted = characters(before: start) + count
    // The last checkpoint with at most that many characters before it, then character by character.
    var low = start / Self.checkpointStride
    var high = checkpoints.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if checkpoints[middle].characters <= wanted { low = middle } else { high = middle - 1 }
    }
    var (position, before) = (checkpoints[low].offset, checkpoints[low].characters)
    if position < start { (position, before) = (start, wanted - count) }
    while position < bytes.count, before < wanted {
      position += Self.characterLength(at: position, in: bytes)
      before += 1
    }
    return position
  }

  /// The length of the character at `offset`: a scalar's bytes, or the bytes of an invalid
  /// sequence that decoding turns into one U+FFFD (as `String(decoding:as:)` and the renderer's
  /// decoder cut them).
  private static func characterLength(at offset: Int, in bytes: [UInt8]) -> Int {
    if bytes[offset] < 0x80 { return 1 }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes[offset...].makeIterator()
    switch parser.parseScalar(from: &iterator) {
    case .valid(let scalar): return scalar.count
    case .error(let length): return length
    case .emptyInput: return 1
    }
  }

  /// A character's first byte, and how many characters come before it.
  private struct Checkpoint {
    let offset: Int
    let characters: Int
  }
}
