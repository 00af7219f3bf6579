import Verdict

extension Session {
  /// The error for an input line that is not UTF-8, at its first byte that is not; `nil` for a
  /// line that is.
  ///
  /// Decoded as it came, such a line had U+FFFD in place of its bytes: `"café"` typed in
  /// Windows-1252 evaluated to the text `"caf�"`, a value no one wrote. A policy file with such
  /// a byte is an error at its place (`invalid UTF-8 byte 0xE9`), and so is the line; the entry
  /// it belongs to, with the lines gathered before it, is left out.
  package func undecodable(_ line: [UInt8]) -> Reply? {
    guard let offset = Self.firstInvalidUTF8(in: line) else { return nil }
    let byte = String(line[offset], radix: 16, uppercase: true)
    let diagnostic = Diagnostic.error(
      "invalid-utf8", "invalid UTF-8 byte 0x\(byte)", at: SourceRange(start: offset, end: offset + 1),
      hint: "the input is not UTF-8: set the terminal or save the file as UTF-8; the entry is left out")
    return .error(style.renderer.render([diagnostic], in: SourceFile(name: "<repl>", bytes: line)))
  }

  /// Where the first byte that does not begin a well-formed UTF-8 character is, if any.
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
