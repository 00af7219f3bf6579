/// HTML and SVG written as XHTML-compatible markup, escaping every text it is given.
///
/// Tag names, attribute names and ``trusted(_:)`` markup are `StaticString`s: only literals in
/// this module's source can become markup. Everything that is a `String` (a client's name, a
/// policy's reason, a file name) is escaped, in element content and in attribute values alike, so
/// `<script>alert(1)</script>` as a client name shows as text. Void elements are closed (`<br/>`)
/// and every attribute is quoted, so the page is also well-formed XML.
struct Markup {
  /// The markup so far, UTF-8.
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// The markup as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// `<tag a="v" …>`.
  mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
    bytes.append(UInt8(ascii: "<"))
    append(tag)
    appendAttributes(attributes)
    bytes.append(UInt8(ascii: ">"))
  }

  /// `</tag>`.
  mutating func close(_ tag: StaticString) {
    bytes.append(UInt8(ascii: "<"))
    bytes.append(UInt8(ascii: "/"))
    append(tag)
    bytes.append(UInt8(ascii: ">"))
  }

  /// `<tag a="v" …/>`: a void HTML element (`meta`, `br`) or an empty SVG one. Not for other
  /// HTML elements: an HTML parser reads `<span/>` as an opening tag.
  mutating func empty(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
    bytes.append(UInt8(ascii: "<"))
    append(tag)
    appendAttributes(attributes)
    bytes.append(UInt8(ascii: "/"))
    bytes.append(UInt8(ascii: ">"))
  }

  /// `<tag …>text</tag>`, the text escaped.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String
  ) {
    open(tag, attributes)
    self.text(text)
    close(tag)
  }

  /// `<tag …>` … `</tag>` around what `content` writes.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], content: (inout Markup) -> Void
  ) {
    open(tag, attributes)
    content(&self)
    close(tag)
  }

  /// Text, escaped; the scalars a page must not hold (``isUnwritable(_:)``) as U+FFFD.
  mutating func text(_ text: String) {
    var utf8 = text.utf8.makeIterator()
    // ASCII, most of every text, byte by byte; a scalar past it only when its lead byte could
    // begin one that is replaced (C1 controls: 0xC2; noncharacters: 0xEF and four-byte ones).
    guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xEF || $0 >= 0xF0 }) else {
      while let byte = utf8.next() { appendEscaped(byte) }
      return
    }
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        appendEscaped(UInt8(scalar.value))
      } else if Markup.isUnwritable(scalar.value) {
        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
      } else {
        bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  /// Text from the policy or the data, escaped, in `<bdi>`: its bidirectional controls (a
  /// RIGHT-TO-LEFT OVERRIDE in a client's key) act inside it and cannot reorder the rest of the
  /// line (``BidiIsolation``). A text of several paragraphs is one `<bdi>` each.
  mutating func isolated(_ text: String) {
    for (paragraph, separator) in BidiIsolation.paragraphs(text) {
      element("bdi", text: paragraph)
      if let separator { self.text(String(separator)) }
    }
  }

  /// `<tag …><bdi>text</bdi></tag>`: ``isolated(_:)`` text as an element's content.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], isolating text: String
  ) {
    open(tag, attributes)
    if !text.isEmpty { isolated(text) }
    close(tag)
  }

  /// Whether a scalar past ASCII is written as U+FFFD: a C1 control (U+0080–U+009F), which
  /// HTML calls an error, or a noncharacter (U+FDD0–U+FDEF, and the last two of every plane:
  /// U+FFFE, U+FFFF, U+1FFFE, …), which XML 1.0 forbids or HTML calls an error. DEL is the
  /// ASCII one, replaced with the C0 controls (``appendEscaped(_:)``).
  static func isUnwritable(_ value: UInt32) -> Bool {
    (0x80...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
  }

  /// Markup from this module's source, written as it is.
  mutating func trusted(_ markup: StaticString) {
    append(markup)
  }

  private mutating func appendAttributes(_ attributes: KeyValuePairs<StaticString, String>) {
    for (name, value) in attributes {
      bytes.append(UInt8(ascii: " "))
      append(name)
      bytes.append(UInt8(ascii: "="))
      bytes.append(UInt8(ascii: "\""))
      text(value)
      bytes.append(UInt8(ascii: "\""))
    }
  }

  private mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// One byte of ASCII text: the five XML specials as references; the control characters that
  /// XML 1.0 forbids, and DEL, which HTML calls an error, as U+FFFD, so that a stray byte in a
  /// data file cannot break the page.
  @inline(__always)
  private mutating func appendEscaped(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "<"): appendReference("&lt;")
    case UInt8(ascii: ">"): appendReference("&gt;")
    case UInt8(ascii: "&"): appendReference("&amp;")
    case UInt8(ascii: "\""): appendReference("&quot;")
    case UInt8(ascii: "'"): appendReference("&#39;")
    case 0x09, 0x0A, 0x0D: bytes.append(byte)
    case 0..<0x20, 0x7F: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
    default: bytes.append(byte)
    }
  }

  private mutating func appendReference(_ reference: StaticString) {
    append(reference)
  }
}
