/// Keeping the bidirectional controls of a text from the policy or the data inside it.
///
/// A client key `C1\u{202E}lqr` holds a RIGHT-TO-LEFT OVERRIDE: written raw into a sentence, it
/// reverses the rest of the line (`C1rql ,erif 00.0513` for `C1lqr, fire 3150.00`), so a number
/// beside it reads differently. The page therefore isolates each such text: in HTML content with
/// `<bdi>` (``Markup/isolated(_:)``), and where only characters can go (an SVG `<title>`, an
/// attribute, the page's `<title>`) between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
/// (``plain(_:)``). The text's own controls still act inside it: the key shows as its
/// characters order it.
///
/// Two things would end an isolation early, so both are dealt with (browsers isolate `<bdi>` with
/// the same controls): a POP DIRECTIONAL ISOLATE that closes no isolate opened in the text
/// would close the one around it, so it is left out (in the text alone it does nothing); and a
/// paragraph separator (U+2029, a line break) ends every isolation and embedding, so each
/// paragraph of the text is isolated on its own.
enum BidiIsolation {
  /// FIRST STRONG ISOLATE.
  static let open: Unicode.Scalar = "\u{2068}"
  /// POP DIRECTIONAL ISOLATE.
  static let close: Unicode.Scalar = "\u{2069}"

  /// The paragraphs of `text`, each without the pops that would close more than it opened and
  /// with a pop for each isolate it leaves open, and the separator after each (`nil` after the
  /// last).
  static func paragraphs(_ text: String) -> [(text: String, separator: Unicode.Scalar?)] {
    // Nothing to do without a byte that may begin U+2029 or U+2069 (0xE2), or a line break.
    guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0x0A || $0 == 0x0D }) else { return [(text, nil)] }
    var paragraphs: [(text: String, separator: Unicode.Scalar?)] = []
    var current = String.UnicodeScalarView()
    var openIsolates = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2066, 0x2067, 0x2068:
        openIsolates += 1
      case 0x2069:
        guard openIsolates > 0 else { continue }
        openIsolates -= 1
      case 0x0A, 0x0D, 0x2029:
        current.append(contentsOf: repeatElement(close, count: openIsolates))
        paragraphs.append((String(current), scalar))
        current = String.UnicodeScalarView()
        openIsolates = 0
        continue
      default:
        break
      }
      current.append(scalar)
    }
    current.append(contentsOf: repeatElement(close, count: openIsolates))
    paragraphs.append((String(current), nil))
    return paragraphs
  }

  /// `text` as characters that isolate it: each paragraph between FIRST STRONG ISOLATE and POP
  /// DIRECTIONAL ISOLATE. ASCII text, which holds neither a bidirectional control nor a letter
  /// written right to left, cannot reorder what is around it and is left as it is.
  static func plain(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
    var isolated = String.UnicodeScalarView()
    for (paragraph, separator) in paragraphs(text) {
      isolated.append(open)
      isolated.append(contentsOf: paragraph.unicodeScalars)
      isolated.append(close)
      if let separator { isolated.append(separator) }
    }
    return String(isolated)
  }
}
