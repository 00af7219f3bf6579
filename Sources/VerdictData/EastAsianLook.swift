/// Whether text that is not UTF-8 is written in one of the East Asian code pages, and which:
/// Excel in Japan, China, Taiwan and Korea saves "CSV" in its Windows code page, and so do the
/// banks and accounting tools there. Read as Windows-1252, every name and every text of such a
/// file is nonsense (`株式会社` reads `Š”Ž®‰ïŽÐ`), and a rule comparing a text is false for
/// every client, without a word.
///
/// The five code pages (Shift_JIS, EUC-JP, GBK, Big5, EUC-KR) share their byte ranges, so a byte
/// sequence is often valid in several; what tells them apart is which characters the sequences
/// are. Each code page orders its characters, and a language's everyday text keeps to a small
/// part of them: Japanese to kana and kanji (and the signs company names have), Simplified
/// Chinese to GB 2312's symbols and first level of hanzi, Traditional Chinese to Big5's symbols
/// and frequent hanzi, Korean to KS X 1001's symbols and Hangul (the byte ranges are in
/// `EastAsianLook+Reading.swift`). The same bytes read in another of them are rare characters,
/// or invalid. So a code page is a reading of the sample (``Reading``) when its sequences are
/// valid in it (but one in 32 at the most) and four characters in five are everyday ones; the
/// Japanese code pages also need a character only Japanese has (Shift_JIS a full-width one, as
/// its half-width katakana are single bytes that any Chinese or Korean text has plenty of;
/// EUC-JP a kana).
///
/// Western text is never taken for one: the sample is looked at only when most of its bytes
/// beyond ASCII are not what a Western text in Windows-1252 has (a letter or a common sign,
/// beside ASCII, not in a run of three).
enum EastAsianLook {
  /// How many bytes are looked at, from the first beyond ASCII.
  static let window = 1 << 16

  /// An East Asian code page's reading of a sample.
  struct Reading: Equatable {
    /// The code page.
    var encoding: TextEncoding
    /// Its characters beyond ASCII.
    var characters = 0
    /// Those of them that are everyday characters of the code page's language.
    var everyday = 0
    /// Byte sequences that are no character in it.
    var invalid = 0
    /// Characters that a Japanese text has and a Chinese or Korean one read in the same code
    /// page has not: Shift_JIS's full-width ones (lead byte `81`–`9F`), EUC-JP's kana.
    var japanese = 0
    /// EUC-JP's words of Japanese business data (`会社`, `御中`), which a Chinese text may have
    /// by chance (`柴家庄`).
    var japaneseWords = 0

    /// Whether the sample is likely written in this code page, had it `least` characters or
    /// more. A damaged byte or two among many characters still are (as a UTF-8 file with a
    /// damaged character stays UTF-8): reading then stops at the first, saying where, rather
    /// than reading every text wrong.
    func isLikely(least: Int = EastAsianLook.leastCharacters) -> Bool {
      32 * invalid <= characters && characters >= least && 5 * everyday >= 4 * characters
        && (encoding != .shiftJIS && encoding != .eucJP || japanese > 0 || encoding == .eucJP && japaneseWords > 0)
    }
  }

  /// The code pages, in the order their readings are shown.
  static let codePages: [TextEncoding] = [.shiftJIS, .eucJP, .gbk, .big5, .eucKR]

  /// How many characters a reading needs at the least: a byte or two beyond ASCII in a Western
  /// file may be a character by chance (`À¯` is GBK's `垃`), a name in these languages has two
  /// or more, and a file's header or names more. A sample of two is refused, with its readings,
  /// when it is likely in a code page but for its length (`张伟`, `김철` alone).
  static let leastCharacters = 3

  /// How many characters a reading needs before Korean wins over a Chinese reading of the same
  /// bytes, all of them everyday Korean ones: Korean's everyday characters are a narrow band of
  /// the shared bytes, which a Chinese text's characters fall outside of about two times in five,
  /// so twelve all inside it are Korean (a Chinese text's twelve are, by chance, about once in five
  /// hundred). One outside it leaves the two readings to the user.
  static let koreanEvidence = 12

  /// The East Asian code page `sample` (the start of input that is not UTF-8) is written in;
  /// `nil` when it looks written in none, or in a Western code page. Throws when it could be
  /// written in more than one, or is too short to tell, with each reading of its first word
  /// beyond ASCII.
  static func encoding(of sample: UnsafeBufferPointer<UInt8>) throws(DataReadError) -> TextEncoding? {
    // The window starts at the first byte beyond ASCII (a lead byte in every code page): an
    // export whose first 64 KiB were ASCII (codes, amounts, romanized names) was Windows-1252,
    // and the names after them read wrong, without a word.
    let first = sample.firstIndex { $0 >= 0x80 } ?? sample.endIndex
    let window = UnsafeBufferPointer(rebasing: sample[first..<min(first + Self.window, sample.endIndex)])
    guard !looksWestern(window) else { return nil }
    let readings = codePages.map { reading(of: window, in: $0) }
    let likely = readings.filter { $0.isLikely() }
    if likely.isEmpty {
      let short = readings.filter { $0.isLikely(least: 2) }
      guard !short.isEmpty else { return nil }
      throw ambiguity(in: sample, readings: short.map(\.encoding) + [.windows1252], tooShort: true)
    }
    guard likely.count > 1 else { return likely.first?.encoding }
    let others = Set(likely.map(\.encoding))
    // Kana are Japanese: a Chinese or Korean text has none, though their code pages have them.
    // (Company words alone leave the readings to the user.)
    if let japanese = likely.first(where: { $0.encoding == .eucJP }), japanese.japanese > 0,
      others.isSubset(of: [.eucJP, .gbk, .big5, .eucKR])
    {
      return .eucJP
    }
    if let korean = likely.first(where: { $0.encoding == .eucKR }), korean.characters >= koreanEvidence,
      korean.everyday == korean.characters, others.isSubset(of: [.eucKR, .gbk, .big5])
    {
      return .eucKR
    }
    throw ambiguity(in: sample, readings: likely.map(\.encoding), tooShort: false)
  }

  /// Whether most bytes beyond ASCII in `sample` are what Western text in Windows-1252 has: a
  /// letter or a common sign alone between ASCII characters, or two letters (`Grüße`); a run of
  /// three or more never is, nor two that are not both letters (Big5's characters).
  ///
  /// A lone sign or capital from `¡` to `Æ` before an ASCII letter or sign (`©Acme`, `°C`,
  /// `Åke`) counts for neither side: Big5's everyday characters are such a byte and such a letter.
  static func looksWestern(_ sample: UnsafeBufferPointer<UInt8>) -> Bool {
    var counted = 0
    var western = 0
    var index = 0
    while index < sample.count {
      guard sample[index] >= 0x80 else {
        index += 1
        continue
      }
      var end = index
      while end < sample.count, sample[end] >= 0x80 { end += 1 }
      switch end - index {
      case 1:
        let byte = sample[index]
        if end < sample.count, (0xA1...0xC6).contains(byte), (0x40...0x7E).contains(sample[end]) { break }
        counted += 1
        if isWesternLetter(byte) || isWesternSign(byte) { western += 1 }
      case 2:
        counted += 2
        if isWesternLetter(sample[index]) && isWesternLetter(sample[index + 1]) { western += 2 }
      default:
        counted += end - index
      }
      index = end
    }
    return 2 * western >= counted
  }

  /// Whether `byte` is a letter in Windows-1252: `À`–`ÿ` but `×` and `÷`, `Š š Œ œ Ž ž Ÿ`.
  static func isWesternLetter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0xC0...0xFF: byte != 0xD7 && byte != 0xF7
    case 0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E, 0x9F: true
    default: false
    }
  }

  /// Whether `byte` is, in Windows-1252, a sign common in Western text: `€ … ‘ ’ “ ” • – — ™`,
  /// the no-break space, `¡`–`¿`, `×`, `÷`.
  static func isWesternSign(_ byte: UInt8) -> Bool {
    switch byte {
    case 0xA0...0xBF, 0xD7, 0xF7, 0x80, 0x85, 0x91...0x97, 0x99: true
    default: false
    }
  }
}
