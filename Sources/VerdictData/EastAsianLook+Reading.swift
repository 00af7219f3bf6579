/// Reading a sample in each East Asian code page by its byte structure alone: which bytes are
/// characters, and which of them are everyday ones of its language.
extension EastAsianLook {
  /// `sample` read in `encoding`, one of the East Asian code pages (``codePages``): its
  /// characters beyond ASCII, by their bytes (as iconv's `CP932`, `EUC-JP`, `GB18030`, `CP950`
  /// and `CP949` decode them). A character cut by the sample's end counts as none.
  static func reading(of sample: UnsafeBufferPointer<UInt8>, in encoding: TextEncoding) -> Reading {
    var reading = Reading(encoding: encoding)
    var index = 0
    let count = sample.count
    while index < count {
      let lead = sample[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      if encoding == .shiftJIS, (0xA1...0xDF).contains(lead) {
        // A half-width katakana: one byte.
        reading.characters += 1
        reading.everyday += 1
        index += 1
        continue
      }
      guard let length = sequenceLength(at: index, in: sample, encoding) else {
        reading.invalid += 1
        index += 1
        continue
      }
      guard length > 0 else { break }
      reading.characters += 1
      if length == 2, isEveryday(lead, sample[index + 1], encoding) { reading.everyday += 1 }
      if isJapanese(lead, encoding) { reading.japanese += 1 }
      if encoding == .eucJP, isJapaneseWord(at: index, in: sample) { reading.japaneseWords += 1 }
      index += length
    }
    return reading
  }

  /// How many bytes the character at `index` (a byte from `80` up) has in `encoding`: 2, 3 for
  /// EUC-JP's JIS X 0212 form, 4 for GB 18030's four-byte form; 0 when the sample ends inside
  /// it; `nil` when the bytes are no character.
  private static func sequenceLength(
    at index: Int, in sample: UnsafeBufferPointer<UInt8>, _ encoding: TextEncoding
  ) -> Int? {
    func byte(_ offset: Int, in range: ClosedRange<UInt8>) -> Bool? {
      index + offset < sample.count ? range.contains(sample[index + offset]) : nil
    }
    let lead = sample[index]
    guard index + 1 < sample.count else { return 0 }
    let trail = sample[index + 1]
    switch encoding {
    case .shiftJIS:
      guard (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead) else { return nil }
      return (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) ? 2 : nil
    case .eucJP:
      if lead == 0x8E { return (0xA1...0xDF).contains(trail) ? 2 : nil }
      if lead == 0x8F {
        guard (0xA1...0xFE).contains(trail), let third = byte(2, in: 0xA1...0xFE) else { return 0 }
        return third ? 3 : nil
      }
      return (0xA1...0xFE).contains(lead) && (0xA1...0xFE).contains(trail) ? 2 : nil
    case .gbk:
      guard (0x81...0xFE).contains(lead) else { return nil }
      if (0x30...0x39).contains(trail) {
        guard let third = byte(2, in: 0x81...0xFE), let fourth = byte(3, in: 0x30...0x39) else { return 0 }
        return third && fourth ? 4 : nil
      }
      return (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail) ? 2 : nil
    case .big5:
      guard (0x81...0xFE).contains(lead) else { return nil }
      return (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) ? 2 : nil
    case .eucKR:
      guard (0x81...0xFE).contains(lead) else { return nil }
      return (0x41...0x5A).contains(trail) || (0x61...0x7A).contains(trail) || (0x81...0xFE).contains(trail)
        ? 2 : nil
    case .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16:
      return nil
    }
  }

  /// Whether the two-byte character `lead` `trail` is an everyday one of `encoding`'s language:
  /// Japanese's symbols, kana, kanji of both levels, the NEC signs (`㈱`, `①`) and IBM's kanji
  /// (`髙`, `﨑`) that company names have; GB 2312's symbols, kana rows and first level of hanzi;
  /// Big5's symbols and frequent hanzi; KS X 1001's symbols and Hangul (not its jamo, kana and
  /// Greek rows, where a Japanese text in EUC-JP puts its kana).
  private static func isEveryday(_ lead: UInt8, _ trail: UInt8, _ encoding: TextEncoding) -> Bool {
    switch encoding {
    case .shiftJIS:
      return (0x81...0x84).contains(lead) || (0x87...0x9F).contains(lead) || (0xE0...0xEA).contains(lead)
        || (0xED...0xEE).contains(lead) || (0xFA...0xFC).contains(lead)
    case .eucJP:
      return lead == 0x8E || lead == 0xA1 || (0xA3...0xA5).contains(lead) || (0xB0...0xF4).contains(lead)
    case .gbk:
      return trail >= 0xA1 && ((0xA1...0xA9).contains(lead) || (0xB0...0xD7).contains(lead))
    case .big5:
      return (0xA1...0xC6).contains(lead)
    case .eucKR:
      return trail >= 0xA1 && ((0xA1...0xA3).contains(lead) || (0xB0...0xC8).contains(lead))
    case .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16:
      return false
    }
  }

  /// Words of Japanese business data that a list of names in kanji alone still has, in EUC-JP:
  /// `会社` (company, as in `株式会社`) and `御中` (the address to a company). Read as GBK they
  /// are `柴家` (a Chinese place name's start, `柴家庄`) and `告面`: so they make an EUC-JP reading
  /// likely, but never win over a Chinese one (``EastAsianLook/encoding(of:)``).
  private static let japaneseWords: [[UInt8]] = [[0xB2, 0xF1, 0xBC, 0xD2], [0xB8, 0xE6, 0xC3, 0xE6]]

  /// Whether one of ``japaneseWords`` starts at `index`.
  private static func isJapaneseWord(at index: Int, in sample: UnsafeBufferPointer<UInt8>) -> Bool {
    japaneseWords.contains { word in
      index + word.count <= sample.count && word.indices.allSatisfy { sample[index + $0] == word[$0] }
    }
  }

  /// Whether the character with lead byte `lead` is one a Japanese text has and a Chinese or
  /// Korean text read in `encoding` has not: Shift_JIS's full-width characters (`81`–`9F`, which
  /// those code pages start no everyday character with), EUC-JP's kana (`A4`, `A5`, half-width
  /// `8E`).
  private static func isJapanese(_ lead: UInt8, _ encoding: TextEncoding) -> Bool {
    switch encoding {
    case .shiftJIS: return lead <= 0x9F
    case .eucJP: return lead == 0xA4 || lead == 0xA5 || lead == 0x8E
    case .gbk, .big5, .eucKR, .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16:
      return false
    }
  }
}
