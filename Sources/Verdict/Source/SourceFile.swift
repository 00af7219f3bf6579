/// A policy's text with its name, kept as UTF-8 bytes, and the table that maps byte offsets to lines.
public struct SourceFile: Sendable {
  /// The name shown in diagnostics: a path, or a label such as `<repl>`.
  public let name: String
  /// The text as UTF-8 bytes, exactly as read (it may hold invalid UTF-8: the lexer reports it).
  package let bytes: [UInt8]
  /// The byte offset at which each line starts; `lineStarts[0] == 0`.
  let lineStarts: [Int]

  /// Creates a source file from text.
  public init(name: String, text: String) {
    self.init(name: name, bytes: Array(text.utf8))
  }

  /// Creates a source file from raw bytes, such as a file's contents.
  package init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    self.lineStarts = starts
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
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
  }

  /// How many characters (Unicode scalars, counting each invalid byte as one) lie between two offsets.
  func columns(from start: Int, to end: Int) -> Int {
    var count = 0
    var offset = start
    while offset < end {
      // Continuation bytes (10xxxxxx) do not start a new character.
      if bytes[offset] & 0xC0 != 0x80 { count += 1 }
      offset += 1
    }
    return count
  }
}
