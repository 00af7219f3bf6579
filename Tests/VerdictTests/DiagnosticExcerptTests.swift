import Testing

@testable import Verdict

/// The source line under a diagnostic: a window of long lines, tabs and control characters, and
/// invalid UTF-8 shown as the rest of the program decodes it.
struct DiagnosticExcerptTests {
  let renderer = DiagnosticRenderer()

  /// A caret far into a long line shows a window around it, cut with `…` on both sides.
  @Test func longLineShowsAWindowAroundTheCaret() {
    let text = String(repeating: "a", count: 300) + " oops " + String(repeating: "b", count: 300)
    let source = SourceFile(name: "p.verdict", text: text)
    let excerpt = renderer.excerpt(SourceRange(start: 301, end: 305), in: source)
    let lines = excerpt.split(separator: "\n", omittingEmptySubsequences: false)
    // The window starts a third of its width before the caret's column (301 - 33 = 268).
    let shown = String(repeating: "a", count: 32) + " oops " + String(repeating: "b", count: 62)
    #expect(lines[0] == "    1 | …" + shown + "…")
    #expect(lines[1] == "      | " + String(repeating: " ", count: 1 + 33) + "^~~~")
  }

  /// A source's name that holds an escape sequence or a line break (a library caller's label, a
  /// file's name) is shown escaped, as quoted text is: it cleared the screen of the terminal the
  /// message went to.
  @Test func aSourceNameThatDrivesTheTerminalIsShownEscaped() {
    let source = SourceFile(name: "evil\u{1B}[2J\n\rp.verdict", text: "when x")
    let diagnostic = Diagnostic(.error, code: "E000", "oops", at: SourceRange(start: 5, end: 6))
    let message = renderer.render(diagnostic, in: source)
    #expect(message.hasPrefix("evil\\u{1B}[2J\\u{A}\\u{D}p.verdict:1:6: error: oops\n"))
    #expect(!message.contains("\u{1B}"))
    let plain = SourceFile(name: "Zürich €.verdict", text: "when x")
    #expect(renderer.render(diagnostic, in: plain).hasPrefix("Zürich €.verdict:1:6: error: oops\n"))
  }

  @Test func tabsAndControlCharactersKeepTheCaretsAligned() {
    let source = SourceFile(name: "p.verdict", bytes: Array("\twhen\u{7F}x\u{01} > 1".utf8))
    let excerpt = renderer.excerpt(SourceRange(start: 6, end: 7), in: source)
    #expect(excerpt == "    1 |  when?x? > 1\n      |       ^\n")
  }

  /// Decoding only up to the window gives the characters that decoding the whole line gives,
  /// whatever the bytes: ASCII, multi-byte characters, and invalid or cut sequences.
  @Test func windowMatchesDecodingTheWholeLine() {
    var random = SeededRandom(state: 0x5EED)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("\t".utf8), [0x01], [0x7F], Array("é".utf8), Array("€".utf8), Array("𝄞".utf8),
      [0xFF], [0x80], [0xE2, 0x82], [0xF0, 0x9D], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ]
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<40, using: &random) { bytes += pieces.randomElement(using: &random)! }
      let source = SourceFile(name: "p", bytes: bytes)
      let line = source.lineRange(0)
      let skip = Int.random(in: 0..<30, using: &random)
      let count = Int.random(in: 1...30, using: &random)
      let shown = renderer.characters(of: source, in: line, skipping: skip, taking: count)
      #expect(shown == Self.reference(Array(bytes[line]), skip: skip, count: count), "\(bytes)")
    }
  }

  /// Columns and windows far into long lines, past the checkpoints they are counted from, are what
  /// counting from the line's start gives, whatever the bytes.
  @Test func columnsFarIntoLongLinesMatchCountingFromTheStart() {
    var random = SeededRandom(state: 0xC01)
    let pieces: [[UInt8]] = [
      Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0xFF], [0x80], [0xE2, 0x82], [0xF0, 0x9D], [0xC0, 0xAF],
      [0xED, 0xA0, 0x80],
    ]
    for _ in 0..<200 {
      var bytes: [UInt8] = []
      // Mostly ASCII, with a line break about every 500 pieces, so that lines run past several
      // checkpoints.
      for _ in 0..<Int.random(in: 0..<1_500, using: &random) {
        switch Int.random(in: 0..<500, using: &random) {
        case 0: bytes += Array("\n".utf8)
        case 1..<125: bytes += pieces.randomElement(using: &random)!
        default: bytes.append(0x61)
        }
      }
      let source = SourceFile(name: "p", bytes: bytes)
      // Each character's first byte, as decoding the whole text cuts them.
      var starts: [Int] = []
      var parser = Unicode.UTF8.ForwardParser()
      var iterator = bytes.makeIterator()
      var offset = 0
      while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let scalar): starts.append(offset); offset += scalar.count; continue
        case .error(let length): starts.append(offset); offset += length; continue
        case .emptyInput: break
        }
        break
      }
      // The end of the text is where a character would start.
      starts.append(bytes.count)
      for _ in 0..<20 {
        let from = Int.random(in: 0..<starts.count, using: &random)
        let to = Int.random(in: from..<starts.count, using: &random)
        #expect(source.columns(from: starts[from], to: starts[to]) == to - from)
        #expect(source.offset(ofCharacter: to - from, after: starts[from]) == starts[to])
        #expect(source.offset(ofCharacter: starts.count - from + 3, after: starts[from]) == bytes.count)
        // An offset inside a character counts that character as before it, as counting bytes
        // that start characters did.
        if to + 1 < starts.count, starts[to + 1] - starts[to] > 1 {
          #expect(source.columns(from: starts[from], to: starts[to] + 1) == to - from + 1)
        }
      }
      for index in source.lineStarts.indices {
        let line = source.lineRange(index)
        let skip = Int.random(in: 0..<1_600, using: &random)
        let shown = renderer.characters(of: source, in: line, skipping: skip, taking: 40)
        #expect(shown == Self.reference(Array(bytes[line]), skip: skip, count: 40))
      }
    }
  }

  /// The edges of the checkpoints: an empty text, texts of exactly a multiple of their spacing
  /// (256 bytes), and a character across a multiple.
  @Test func columnsAtTheEdgesOfCheckpoints() {
    let empty = SourceFile(name: "p", bytes: [])
    #expect(empty.columns(from: 0, to: 0) == 0)
    #expect(empty.offset(ofCharacter: 5, after: 0) == 0)
    #expect(empty.location(of: 0) == SourceLocation(line: 1, column: 1))
    for size in [255, 256, 257, 512] {
      let source = SourceFile(name: "p", bytes: Array(repeating: 0x61, count: size))
      #expect(source.columns(from: 0, to: size) == size)
      #expect(source.offset(ofCharacter: size, after: 0) == size)
      #expect(source.location(of: size) == SourceLocation(line: 1, column: size + 1))
    }
    // `€` (three bytes) at bytes 255 to 257, across the first multiple.
    let across = SourceFile(name: "p", bytes: Array(repeating: 0x61, count: 255) + Array("€b\nc".utf8))
    #expect(across.columns(from: 0, to: 258) == 256)
    #expect(across.columns(from: 0, to: 256) == 256)
    #expect(across.offset(ofCharacter: 255, after: 0) == 255)
    #expect(across.offset(ofCharacter: 256, after: 0) == 258)
    #expect(across.location(of: 258) == SourceLocation(line: 1, column: 257))
    #expect(across.location(of: 260) == SourceLocation(line: 2, column: 1))
  }

  /// A line ends at a line feed, a carriage return and line feed, or a lone carriage return (old
  /// Mac files), as the lexer ends a comment: locations and excerpts are the same whichever ends
  /// the lines, and a terminator is never shown as part of its line.
  @Test(arguments: ["\n", "\r\n", "\r"])
  func everyLineEndStartsALine(_ end: String) {
    let lines = ["field a: number  # the first", "", "when b > 1 then recommend fire", "when a > 2 then recommend fie"]
    let text = lines.joined(separator: end) + end
    let source = SourceFile(name: "p.verdict", text: text)
    let offset = (lines[..<2].joined(separator: end) + end + "when ").utf8.count
    #expect(source.location(of: offset) == SourceLocation(line: 3, column: 6))
    #expect(source.location(of: text.utf8.count) == SourceLocation(line: 5, column: 1))
    for (index, line) in lines.enumerated() {
      #expect(Array(source.bytes[source.lineRange(index)]) == Array(line.utf8))
    }
    let rendered = DiagnosticRenderer().render(Policy.compile(source).diagnostics, in: source)
    #expect(rendered.contains("p.verdict:3:6: error: unknown name 'b'\n    3 | when b > 1 then recommend fire\n"))
    #expect(rendered.contains("p.verdict:4:27: error: "))
  }

  /// A carriage return and line feed is one line end; a carriage return before it, or two lone
  /// ones, are lines of their own.
  @Test func carriageReturnsCountedOnce() {
    let source = SourceFile(name: "p", text: "a\r\r\nb\r\rc")
    #expect(source.location(of: 4) == SourceLocation(line: 3, column: 1))
    #expect(source.location(of: 7) == SourceLocation(line: 5, column: 1))
    #expect(source.lineRange(1).isEmpty && source.lineRange(3).isEmpty)
    #expect(Array(source.bytes[source.lineRange(4)]) == [UInt8(ascii: "c")])
  }

  /// The window as taken from the whole line decoded at once.
  static func reference(_ line: [UInt8], skip: Int, count: Int) -> String {
    let scalars = String(decoding: line, as: UTF8.self).unicodeScalars.dropFirst(skip).prefix(count)
    var shown = String.UnicodeScalarView()
    for scalar in scalars {
      shown.append(scalar == "\t" ? " " : scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
    }
    return String(shown)
  }
}
