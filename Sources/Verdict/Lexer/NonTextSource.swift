/// A policy's bytes that are no UTF-8 text at all: UTF-16 or UTF-32 text, or a binary file (a
/// workbook, a PDF, a database) given where the policy belongs, as when `verdict run clients.xlsx
/// firing.verdict` has its arguments swapped.
///
/// Lexed byte by byte, such a file gave a diagnostic for each NUL and each byte that is not
/// UTF-8, up to the parser's limit: fifty errors echoing binary noise, none of them saying what
/// was wrong. It is refused with one diagnostic instead. A NUL byte is the mark: UTF-8 text never
/// has one (Windows-1252 or Latin-1 text has none either, and keeps its per-byte diagnostics,
/// whose hint already says to save the policy as UTF-8).
enum NonTextSource: Equatable {
  /// UTF-16 text, with or without a byte-order mark, as Windows PowerShell's `>` writes it.
  case utf16
  /// UTF-32 text, with its byte-order mark.
  case utf32
  /// Some other file with a NUL byte, at this offset.
  case binary(nulAt: Int)

  /// How many bytes at the start are looked at to tell UTF-16 without a byte-order mark.
  static let sampleLength = 256

  /// What `bytes` are when they are not UTF-8 text; `nil` for anything without a NUL byte.
  init?(_ bytes: [UInt8]) {
    if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
      self = .utf32
    } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      self = .utf16
    } else if let nul = bytes.firstIndex(of: 0) {
      self = Self.looksLikeUTF16(bytes) ? .utf16 : .binary(nulAt: nul)
    } else {
      return nil
    }
  }

  /// Whether the first bytes alternate between NUL and not NUL, as Latin text in UTF-16 does:
  /// NULs at three in four odd offsets or more and at no even one for little-endian (`é` is
  /// `E9 00`, `—` is `14 20`), the other way round for big-endian.
  private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    let sample = bytes[0..<(min(bytes.count, sampleLength) / 2 * 2)]
    guard sample.count >= 4 else { return false }
    var nuls = (even: 0, odd: 0)
    for (offset, byte) in sample.enumerated() where byte == 0 {
      if offset % 2 == 0 { nuls.even += 1 } else { nuls.odd += 1 }
    }
    let half = sample.count / 2
    return (nuls.even == 0 && nuls.odd * 4 >= half * 3) || (nuls.odd == 0 && nuls.even * 4 >= half * 3)
  }

  /// The one diagnostic that stands for the whole source, rendered without its line.
  var diagnostic: Diagnostic {
    var diagnostic = refusal
    diagnostic.quotesSource = false
    return diagnostic
  }

  private var refusal: Diagnostic {
    switch self {
    case .utf16, .utf32:
      let encoding = self == .utf16 ? "UTF-16" : "UTF-32"
      return .error(
        "not-utf8", "the policy is \(encoding) text; Verdict reads policies in UTF-8", at: .at(0),
        hint: "save it as UTF-8 (iconv -f \(encoding) -t UTF-8 converts it)")
    case .binary(let offset):
      return .error(
        "not-text", "the policy is not text: it has a NUL byte, as binary files do",
        at: SourceRange(start: offset, end: offset + 1),
        hint: "a policy is a plain text file of rules, in UTF-8")
    }
  }

  /// The diagnostic for `source` when it is no UTF-8 text; `nil` when it may be.
  static func diagnostic(for source: SourceFile) -> Diagnostic? {
    NonTextSource(source.bytes)?.diagnostic
  }
}
