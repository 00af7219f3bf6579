/// The character encoding of a data file.
///
/// The readers work on UTF-8. A `ByteSource` opened with an encoding other than `utf8`
/// converts the file to UTF-8 while reading, so every reader sees exact UTF-8 text.
/// The raw values are the names users type, for example on the command line.
///
/// When no encoding is given, `ByteSource` detects it from the first 1 MiB of input:
/// 1. a UTF-8 byte order mark (`EF BB BF`) means `utf8`;
/// 2. a UTF-16 byte order mark (`FF FE` or `FE FF`) means `utf16`;
/// 3. so does a NUL-byte pattern: in the first 1024 bytes read as 16-bit units, more than
///    half of the units are `(non-NUL, NUL)` (little endian) or more than half are
///    `(NUL, non-NUL)` (big endian), as in ASCII text written as UTF-16 without a mark; or,
///    as in text of another script (Cyrillic, CJK), NULs mostly on one side, a line break
///    among them and at least one unit in eight with one (`nulPattern(in:)`);
/// 4. bytes whose multi-byte UTF-8 sequences are mostly well-formed mean `utf8` (a
///    character cut by the 1 MiB boundary is fine; a UTF-8 file with a damaged character,
///    such as one cut off at its end, is still UTF-8, and its damaged cells are refused);
/// 5. anything else, where ill-formed sequences outnumber well-formed ones, is not UTF-8:
///    text in one of the East Asian code pages (Shift_JIS, EUC-JP, GBK, Big5, EUC-KR), as Excel and
///    banks in Japan, China, Taiwan and Korea export it, is read in it when its characters
///    say which (``EastAsianLook``); a file that could be in more than one is refused, showing
///    each reading, for `--encoding` to settle;
/// 6. anything else means `windows1252`. Latin-1 is never guessed: Windows-1252 reads the
///    same printable characters and real exports do not contain C1 controls.
///
/// Detection looks only at the start: a UTF-8 file with a stray Windows-1252 byte after the
/// first 1 MiB is read as UTF-8 (check cells with `isValidUTF8(_:)`), and forcing an
/// encoding always wins over detection.
package enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8, the readers' own encoding: bytes are passed through untouched.
  ///
  /// A UTF-8 byte order mark stays in the stream (the CSV reader skips it).
  case utf8 = "utf-8"

  /// Windows-1252, the Windows "ANSI" code page of Western European exports.
  ///
  /// Decoded exactly as the WHATWG Encoding Standard does: 0x80-0x9F are the typographic
  /// characters (`€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`), the five
  /// bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls
  /// U+0081, U+008D, U+008F, U+0090 and U+009D, and every other byte is its own code point.
  case windows1252 = "windows-1252"

  /// ISO-8859-1: every byte is the code point of the same value (0x80-0x9F are C1 controls).
  case latin1 = "latin-1"

  /// Windows-1250, the Windows code page of Central European exports (Polish, Czech, Slovak,
  /// Hungarian, Slovenian, Croatian), decoded as the WHATWG Encoding Standard does (a byte it
  /// leaves undefined is the C1 control of its value). Never detected: a file read as
  /// Windows-1252 that looks written in it gets a warning (``CodePageLook``).
  case windows1250 = "windows-1250"

  /// Windows-1251, the Windows code page of Cyrillic exports, decoded as the WHATWG Encoding
  /// Standard does. Never detected, as Windows-1250.
  case windows1251 = "windows-1251"

  /// Windows-1254, the Windows code page of Turkish exports (`ğ ş ı İ`), decoded as the WHATWG
  /// Encoding Standard does. Never detected, as Windows-1250.
  case windows1254 = "windows-1254"

  /// Mac OS Roman, as Excel for Mac saves a workbook as "Comma Separated Values" (its "CSV UTF-8"
  /// is UTF-8), decoded as the WHATWG Encoding Standard does (`DB` is `€`). Never detected, as
  /// Windows-1250.
  case macRoman = "macintosh"

  /// Shift_JIS as Windows writes it (code page 932, Windows-31J): Japanese exports from Excel,
  /// banks and accounting tools (freee, Money Forward, Yayoi).
  case shiftJIS = "shift_jis"

  /// EUC-JP, as older Japanese systems and web services export (Unix, PHP).
  case eucJP = "euc-jp"

  /// GBK, read as GB 18030, its superset (code page 936 is GBK): Simplified Chinese exports.
  case gbk = "gbk"

  /// Big5 as Windows writes it (code page 950): Traditional Chinese exports.
  case big5 = "big5"

  /// EUC-KR with the Windows extension for every Hangul syllable (code page 949, UHC): Korean
  /// exports.
  case eucKR = "euc-kr"

  /// UTF-16, as Excel's "Unicode text" writes it; little or big endian.
  ///
  /// A byte order mark (`FF FE` little endian, `FE FF` big endian) decides the byte order
  /// and is dropped. Without one, the byte order is taken from the NUL-byte pattern of the
  /// first 1024 bytes (rule 3 above), little endian when that is not decisive.
  /// An unpaired surrogate or a dangling odd byte at the end is an error, never U+FFFD.
  case utf16 = "utf-16"
}

extension TextEncoding {
  /// The encoding a user's `name` means, in any case: its raw value, or another name tools and
  /// `iconv` give it (`cp932` and `sjis` are Shift_JIS, `gb18030` is GBK, `cp1252` Windows-1252).
  package static func named(_ name: String) -> TextEncoding? {
    let name = name.lowercased()
    if let encoding = TextEncoding(rawValue: name) { return encoding }
    return otherNames.first { $0.names.contains(name) }?.encoding
  }

  /// The names ``named(_:)`` knows besides the raw values.
  private static let otherNames: [(encoding: TextEncoding, names: Set<String>)] = [
    (.utf8, ["utf8"]),
    (.windows1252, ["cp1252", "windows1252"]),
    (.latin1, ["latin1", "iso-8859-1", "iso8859-1"]),
    (.windows1250, ["cp1250", "windows1250"]),
    (.windows1251, ["cp1251", "windows1251"]),
    (.windows1254, ["cp1254", "windows1254", "iso-8859-9", "latin5"]),
    (.macRoman, ["mac", "macroman", "mac-roman"]),
    (.shiftJIS, ["shift-jis", "sjis", "cp932", "windows-31j", "ms932", "x-sjis", "ms_kanji"]),
    (.eucJP, ["eucjp", "ujis", "x-euc-jp"]),
    (.gbk, ["gb2312", "gb18030", "cp936", "windows-936", "x-gbk"]),
    (.big5, ["cp950", "windows-950", "x-x-big5"]),
    (.eucKR, ["cp949", "uhc", "euckr", "windows-949", "ks_c_5601-1987", "ks_c_5601", "x-windows-949"]),
    (.utf16, ["utf16"]),
  ]
}

/// The byte order of UTF-16 input.
enum UTF16ByteOrder: Sendable, Equatable {
  /// Low byte first (`FF FE` byte order mark), as Windows writes it.
  case littleEndian
  /// High byte first (`FE FF` byte order mark).
  case bigEndian
}

extension TextEncoding {
  /// How many bytes at the start of the input the UTF-16 NUL-pattern rule looks at.
  static let utf16PatternWindow = 1024

  /// Detects the encoding of input that starts with `sample`, by the rules in the type's
  /// documentation. ASCII text in UTF-16 has a NUL in every unit; UTF-8 or Windows-1252 text
  /// has practically none, so the NUL pattern is checked before UTF-8 validity (ASCII written
  /// as UTF-16 is valid UTF-8). In UTF-8 validation, overlong forms, surrogates and code
  /// points above U+10FFFF are invalid; a sequence cut by the end of the sample is fine
  /// unless the input ends there.
  ///
  /// - Parameters:
  ///   - sample: The first bytes of the input (`ByteSource` passes 1 MiB).
  ///   - isWholeInput: Whether the input ends after `sample`.
  /// - Throws: `DataReadError` when the sample reads in more than one East Asian code page.
  static func detect(in sample: UnsafeBufferPointer<UInt8>, isWholeInput: Bool) throws(DataReadError) -> TextEncoding {
    if sample.starts(with: [0xEF, 0xBB, 0xBF]) {
      return .utf8
    }
    if byteOrderMark(in: sample) != nil || nulPattern(in: sample) != nil {
      return .utf16
    }
    // Text in Windows-1252 with letters beyond ASCII is almost never well-formed UTF-8; UTF-8
    // with a damaged byte (a file cut in the middle of a character) still has its other
    // multi-byte characters well-formed. So: UTF-8 unless ill-formed sequences outnumber
    // well-formed ones. (The damaged cells of such a file are refused one by one.)
    let (wellFormed, illFormed, truncated) = UTF8Validation.tally(sample)
    let cutAtEnd = truncated && isWholeInput ? 1 : 0
    guard illFormed + cutAtEnd > wellFormed else { return .utf8 }
    return try EastAsianLook.encoding(of: sample) ?? .windows1252
  }

  /// Whether input starting with `sample` is UTF-16: a byte order mark, or the NUL-byte pattern
  /// of mostly ASCII text.
  package static func looksLikeUTF16(_ sample: UnsafeBufferPointer<UInt8>) -> Bool {
    byteOrderMark(in: sample) != nil || nulPattern(in: sample) != nil
  }

  /// The byte order of UTF-16 input starting with `sample`: from its byte order mark, else
  /// from its NUL-byte pattern, else little endian.
  static func utf16ByteOrder(of sample: UnsafeBufferPointer<UInt8>) -> UTF16ByteOrder {
    byteOrderMark(in: sample) ?? nulPattern(in: sample) ?? .littleEndian
  }

  /// The byte order announced by a UTF-16 byte order mark at the start of `sample`, if any.
  static func byteOrderMark(in sample: UnsafeBufferPointer<UInt8>) -> UTF16ByteOrder? {
    if sample.starts(with: [0xFF, 0xFE]) {
      return .littleEndian
    }
    if sample.starts(with: [0xFE, 0xFF]) {
      return .bigEndian
    }
    return nil
  }

  /// The byte order whose NUL-byte pattern the first `utf16PatternWindow` bytes of `sample`
  /// show, if one does (rule 3 of `detect`): more than half of the 16-bit units with a NUL on
  /// that side, as ASCII text written as UTF-16; or, for text in another script (Cyrillic,
  /// Greek, CJK), whose letters have few NUL bytes: at least four units with a NUL on that side
  /// for each with one on the other, none with two, a line break as a unit of its own (`0A 00`
  /// little endian) and at least one unit in eight with a NUL on that side (its digits,
  /// separators and line breaks), four at the least. Text in UTF-8 or an 8-bit encoding has no
  /// NUL bytes, or a stray one, never that pattern (a short file's stray NUL before its line
  /// break, `c\r\0\n`, was taken for it, found by the `csv` fuzzer); a binary file has units of
  /// two.
  static func nulPattern(in sample: UnsafeBufferPointer<UInt8>) -> UTF16ByteOrder? {
    let units = min(sample.count, utf16PatternWindow) / 2
    var littleEndian = 0
    var bigEndian = 0
    var bothNul = 0
    var lineBreaks = (littleEndian: 0, bigEndian: 0)
    for unit in 0..<units {
      let first = sample[2 * unit]
      let second = sample[2 * unit + 1]
      if first != 0 && second == 0 {
        littleEndian += 1
        if first == 0x0A { lineBreaks.littleEndian += 1 }
      } else if first == 0 && second != 0 {
        bigEndian += 1
        if second == 0x0A { lineBreaks.bigEndian += 1 }
      } else if first == 0 && second == 0 {
        bothNul += 1
      }
    }
    if 2 * littleEndian > units {
      return .littleEndian
    }
    if 2 * bigEndian > units {
      return .bigEndian
    }
    guard bothNul == 0 else { return nil }
    // A letter whose code ends in 00 (`一` is U+4E00: `00 4E` little endian) is a unit with
    // its NUL on the other side: few, against the text's ASCII characters.
    if lineBreaks.littleEndian > 0, littleEndian >= 4, 8 * littleEndian >= units, littleEndian >= 4 * bigEndian {
      return .littleEndian
    }
    if lineBreaks.bigEndian > 0, bigEndian >= 4, 8 * bigEndian >= units, bigEndian >= 4 * littleEndian {
      return .bigEndian
    }
    return nil
  }
}
