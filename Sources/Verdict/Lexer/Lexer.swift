/// Turns a policy's bytes into tokens, reporting unreadable input as diagnostics.
///
/// The lexer never stops early: an unknown character or an unterminated string becomes an
/// ``TokenKind/invalid`` token and a diagnostic, and lexing goes on so that the parser can report
/// more than one problem in a run.
struct Lexer {
  let bytes: [UInt8]
  var offset = 0
  var diagnostics: [Diagnostic] = []
  var comments: [Comment] = []

  init(_ source: SourceFile) {
    bytes = source.bytes
    // A UTF-8 byte-order mark is not part of the policy.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
  }

  /// Lexes the whole input; the last token is always ``TokenKind/endOfFile``.
  static func tokenize(_ source: SourceFile) -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .endOfFile { break }
    }
    return (tokens, lexer.comments, lexer.diagnostics)
  }

  /// Reads the next token, skipping white space and comments.
  mutating func next() -> Token {
    skipTrivia()
    let start = offset
    guard let byte = peek() else { return Token(kind: .endOfFile, range: .at(offset)) }
    let kind: TokenKind
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      kind = lexNumber()
    case UInt8(ascii: "\""):
      kind = lexString()
    case UInt8(ascii: "$"):
      offset += 1
      kind = lexPrefixedMoney(currency: .dollar, symbolStart: start)
    case 0xE2 where bytes[offset...].starts(with: [0xE2, 0x82, 0xAC]):  // €
      offset += 3
      kind = lexPrefixedMoney(currency: .euro, symbolStart: start)
    case 0xC2 where bytes[offset...].starts(with: [0xC2, 0xA3]):  // £
      offset += 2
      kind = lexPrefixedMoney(currency: Currency(code: "GBP")!, symbolStart: start)
    case _ where Lexer.startsIdentifier(byte):
      kind = lexWord()
    case _ where byte >= 0x80 && decodeScalar(at: offset).map(Lexer.isIdentifierScalar) == true:
      kind = lexWord()
    default:
      kind = lexSymbol()
    }
    return Token(kind: kind, range: SourceRange(start: start, end: offset))
  }

  // MARK: - Trivia

  private mutating func skipTrivia() {
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        offset += 1
      case UInt8(ascii: "#"):
        let start = offset
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { offset += 1 }
        let text = String(decoding: bytes[(start + 1)..<offset], as: UTF8.self)
        comments.append(Comment(range: SourceRange(start: start, end: offset), text: text))
      default:
        return
      }
    }
  }

  // MARK: - Words

  private mutating func lexWord() -> TokenKind {
    let start = offset
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte < 0x80 {
        guard Lexer.continuesIdentifier(byte) else { break }
        offset += 1
      } else if let scalar = decodeScalar(at: offset), Lexer.isIdentifierScalar(scalar) || Lexer.isMark(scalar) {
        offset += UTF8.width(scalar)
      } else {
        break
      }
    }
    let word = String(decoding: bytes[start..<offset], as: UTF8.self)
    if let keyword = Keyword(rawValue: word) { return .keyword(keyword) }
    return .identifier(word)
  }

  static func startsIdentifier(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
  }

  static func continuesIdentifier(_ byte: UInt8) -> Bool {
    startsIdentifier(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x80 && scalar.properties.isAlphabetic
  }

  /// Whether `scalar` is a combining mark, which may follow a name's first letter: an editor may
  /// save `umsatz_märz` with `a` and U+0308, the same name to a reader (and to the comparisons
  /// of names, which are by canonical equivalence).
  static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  // MARK: - Symbols

  private mutating func lexSymbol() -> TokenKind {
    let start = offset
    let byte = bytes[offset]
    let following = offset + 1 < bytes.count ? bytes[offset + 1] : 0
    let two = String(decoding: [byte, following], as: UTF8.self)
    if following != 0, let symbol = Symbol(rawValue: two) {
      offset += 2
      return .symbol(symbol)
    }
    if byte < 0x80, let symbol = Symbol(rawValue: String(UnicodeScalar(byte))) {
      offset += 1
      return .symbol(symbol)
    }
    // Not a symbol: report the whole character (or the one invalid byte).
    let scalar = decodeScalar(at: offset)
    offset += scalar.map { UTF8.width($0) } ?? 1
    let range = SourceRange(start: start, end: offset)
    if byte == UInt8(ascii: "!") {
      report(
        "unexpected-character", "unexpected character '!'", range,
        hint: "write 'not' for negation, or '!=' for 'not equal'")
    } else if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") {
      let word = byte == UInt8(ascii: "&") ? "and" : "or"
      report("unexpected-character", "unexpected character '\(UnicodeScalar(byte))'", range, hint: "write '\(word)'")
    } else if byte == UInt8(ascii: "'") {
      report(
        "unexpected-character", "unexpected character \"'\"", range, hint: "text goes in double quotes: \"like this\"")
    } else if let scalar {
      let shown =
        scalar.value < 0x20 || scalar.value == 0x7F
        ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "'\(scalar)'"
      report("unexpected-character", "unexpected character \(shown)", range)
    } else {
      report(
        "invalid-utf8", "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))", range,
        hint: "save the policy as UTF-8")
    }
    return .invalid
  }

  // MARK: - Strings

  private mutating func lexString() -> TokenKind {
    let start = offset
    offset += 1
    var content: [UInt8] = []
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        offset += 1
        guard let text = String(validating: content, as: UTF8.self) else {
          report(
            "invalid-utf8", "text is not valid UTF-8", SourceRange(start: start, end: offset),
            hint: "save the policy as UTF-8")
          return .invalid
        }
        // A bad escape was reported; the text is still a text, so that the statement around it
        // is parsed as what it is (an example's name with one was taken for no name, and the
        // example for a clause of the statement before: a second, false error).
        return .string(text)
      }
      if byte == UInt8(ascii: "\\") {
        if let escaped = lexEscape() { content.append(contentsOf: escaped) }
        continue
      }
      if byte == UInt8(ascii: "\r") {
        // A line break inside a text is a line feed, whatever the file's lines end with: a
        // policy saved with CRLF (as Git on Windows checks it out) says the same reasons.
        content.append(UInt8(ascii: "\n"))
        offset += offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
        continue
      }
      content.append(byte)
      offset += 1
    }
    report(
      "unterminated-string", "unterminated text: missing closing '\"'", SourceRange(start: start, end: start + 1),
      hint: "close the text with a double quote")
    return .invalid
  }

  /// Reads one escape after a backslash: `\"`, `\\`, `\n`, `\t`, `\u{…}`.
  private mutating func lexEscape() -> [UInt8]? {
    let start = offset
    offset += 1
    guard let byte = peek() else { return nil }
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): return [byte]
    case UInt8(ascii: "\\"): return [byte]
    case UInt8(ascii: "n"): return [UInt8(ascii: "\n")]
    case UInt8(ascii: "t"): return [UInt8(ascii: "\t")]
    case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):
      offset += 1
      let digitsStart = offset
      while let byte = peek(), Lexer.hexValue(byte) != nil, offset - digitsStart < 8 { offset += 1 }
      let digits = bytes[digitsStart..<offset]
      if peek() == UInt8(ascii: "}"), !digits.isEmpty,
        let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value)
      {
        offset += 1
        return Array(String(scalar).utf8)
      }
      report(
        "invalid-escape", "invalid unicode escape", SourceRange(start: start, end: offset),
        hint: "write \\u{1F600} with 1 to 8 hex digits of a valid code point")
      return nil
    default:
      report(
        "invalid-escape", "unknown escape '\\\(String(decoding: [byte], as: UTF8.self))' in text",
        SourceRange(start: start, end: offset), hint: "the escapes are \\\" \\\\ \\n \\t and \\u{…}")
      return nil
    }
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  // MARK: - Shared

  func peek(_ ahead: Int = 0) -> UInt8? {
    offset + ahead < bytes.count ? bytes[offset + ahead] : nil
  }

  func decodeScalar(at position: Int) -> Unicode.Scalar? {
    var iterator = bytes[position..<min(bytes.count, position + 4)].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }

  mutating func report(_ code: String, _ message: String, _ range: SourceRange, hint: String? = nil) {
    diagnostics.append(.error(code, message, at: range, hint: hint))
  }
}
