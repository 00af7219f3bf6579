/// Text that detection read as Windows-1252 (``TextEncoding/detect(in:isWholeInput:)``) but
/// whose words look written in another code page: Central European (Windows-1250: `Łódź` is
/// `A3 F3 64 9F`, which Windows-1252 reads `£ódŸ`), Cyrillic (Windows-1251: `Альфа` reads
/// `Àëüôà`), Turkish (Windows-1254: `Yıldız` reads `Yýldýz`; two words with its dotless `ı`
/// beside an ASCII letter and none with Icelandic's `á í ó ú æ`, whose `ý` is the same byte) or
/// Mac OS Roman, as Excel for Mac saves CSV (`Müller` is `4D 9F 6C 6C 65 72`, which
/// Windows-1252 reads `MŸller`). Such a file is read without an error, and a text cell then
/// equals no text of the policy: its run says so rather than giving wrong verdicts without a word.
/// Words of letters beyond ASCII alone that are no Cyrillic ones (Hebrew's have no capitals,
/// Greek's and Arabic's few of `а е и о`) are said to be in a code page Verdict does not read,
/// naming none (``codePage`` empty).
///
/// Only signs that Western text never shows count. For Windows-1250, the bytes that are its letters
/// but in Windows-1252 a symbol or nothing (`£ ¥ ¯ ³ ¹ ¼ ¾ Ÿ` and the three bytes 1252 leaves
/// undefined) next to a letter, but for units and currencies (`m³`, `JP¥`), and `ª º ¿` between
/// two letters (`nº`, `¿Qué` stay Western); `œ` and `Œ` are French as well as Polish, and never
/// count. For Windows-1251, a word of three or more bytes of `C0`–`FF` and no ASCII letter:
/// Cyrillic words are, Western words never are. For Mac OS Roman, a byte of `80`–`9F` (its
/// accented letters, Windows-1252's symbols) or `A7` (`ß`, Windows-1252's `§`) after an ASCII
/// letter and before a small one or the word's end (`MŸller`, `CafŽ`), but for `œ` and `ž`,
/// which Western words write so, and a symbol that ends a word (`Brand™`). As Windows-1250's
/// `š`, `ť` and `ź` are such bytes too (and `š` is Windows-1252's), Mac OS Roman is taken only
/// when its signs outnumber Windows-1250's and the small accented letters of the Windows code
/// pages after a small letter (`Novák`, `Jiří`), which Mac OS Roman's words do not have, and
/// some sign is no `š` or `Š`.
package struct CodePageLook: Sendable, Equatable {
  /// The code page the text looks written in, as `iconv` names it (`--encoding` takes it too);
  /// empty for a script whose code page Verdict does not read.
  package let codePage: String
  /// The code page's name for the message: "Windows-1250", "Mac OS Roman".
  package let codePageName: String
  /// What its text is, for the message: "Central European", "Cyrillic", "Western".
  package let script: String
  /// The line of the first word that shows it (1 for the file's first), in the bytes looked at.
  package let line: Int
  /// That word as Windows-1252 read it (`£ódŸ`).
  package let read: String
  /// That word as the code page reads it (`Łódź`).
  package let meant: String

  /// How many signs it takes: one word (`Łódź` has two) could be a name in a Western file.
  static let signsNeeded = 2

  /// The look of `sample`, the first bytes of a file detected as Windows-1252; `nil` when it shows
  /// too few signs of either code page.
  package static func find(in sample: UnsafeBufferPointer<UInt8>) -> CodePageLook? {
    var signs = (centralEuropean: 0, cyrillic: 0, macRoman: 0, macRomanOnly: 0, windowsLetters: 0)
    var first: (centralEuropean: Range<Int>?, cyrillic: Range<Int>?, macRoman: Range<Int>?, turkish: Range<Int>?)
    var turkish = (signs: 0, icelandic: 0)
    // Of the letters of the words that look Cyrillic: capitals (`C0`–`DF`) and `а е и о`.
    var cyrillic = (letters: 0, capitals: 0, vowels: 0)
    var start = 0
    while start < sample.count {
      guard isWordByte(sample[start]) else {
        start += 1
        continue
      }
      var end = start
      while end < sample.count, isWordByte(sample[end]) { end += 1 }
      let word = UnsafeBufferPointer(rebasing: sample[start..<end])
      let central = centralEuropeanSigns(in: word)
      if central > 0 {
        signs.centralEuropean += central
        if first.centralEuropean == nil { first.centralEuropean = start..<end }
      }
      let mac = macRomanSigns(in: word)
      if mac.all > 0 {
        signs.macRoman += mac.all
        signs.macRomanOnly += mac.macOnly
        if first.macRoman == nil { first.macRoman = start..<end }
      }
      signs.windowsLetters += windowsLetters(in: word)
      if isCyrillicWord(word) {
        signs.cyrillic += 1
        if first.cyrillic == nil { first.cyrillic = start..<end }
        cyrillic.letters += word.count
        cyrillic.capitals += word.count { $0 <= 0xDF }
        cyrillic.vowels += word.count { $0 == 0xE0 || $0 == 0xE5 || $0 == 0xE8 || $0 == 0xEE }
      }
      if hasDotlessI(word) {
        turkish.signs += 1
        if first.turkish == nil { first.turkish = start..<end }
      }
      if word.contains(where: isIcelandicLetter) { turkish.icelandic += 1 }
      start = end
    }
    if signs.cyrillic >= signsNeeded, let range = first.cyrillic {
      // Russian, Ukrainian, Bulgarian and Serbian words are capitalized, and a quarter and more
      // of their letters are `а е и о`; Hebrew words have no capitals, Greek and Arabic ones
      // few of those bytes: such a file is in a code page Verdict does not read.
      guard cyrillic.capitals > 0, 4 * cyrillic.vowels >= cyrillic.letters else {
        // No code page to name; the word as Windows-1252 read it.
        return CodePageLook(codePage: "", "", script: "", range, of: sample, table: nil)
      }
      return CodePageLook(
        codePage: "WINDOWS-1251", "Windows-1251", script: "Cyrillic", range, of: sample,
        table: CodePageTables.windows1251)
    }
    if signs.macRoman >= signsNeeded, signs.macRomanOnly > 0, signs.macRoman > signs.centralEuropean,
      signs.macRoman > signs.windowsLetters, let range = first.macRoman
    {
      return CodePageLook(
        codePage: "MACINTOSH", "Mac OS Roman", script: "Western", range, of: sample, table: CodePageTables.macRoman)
    }
    if signs.centralEuropean >= signsNeeded, let range = first.centralEuropean {
      return CodePageLook(
        codePage: "WINDOWS-1250", "Windows-1250", script: "Central European", range, of: sample,
        table: CodePageTables.windows1250)
    }
    // Last: the other code pages' signs are surer.
    if turkish.signs >= signsNeeded, turkish.icelandic == 0, let range = first.turkish {
      return CodePageLook(
        codePage: "WINDOWS-1254", "Windows-1254", script: "Turkish", range, of: sample,
        table: CodePageTables.windows1254)
    }
    return nil
  }

  private init(
    codePage: String, _ name: String, script: String, _ range: Range<Int>, of sample: UnsafeBufferPointer<UInt8>,
    table: [UInt32]?
  ) {
    self.codePage = codePage
    codePageName = name
    self.script = script
    line = 1 + sample[..<range.lowerBound].count(where: { $0 == UInt8(ascii: "\n") })
    let word = sample[range]
    // Every Windows-1252 code point is a scalar: no replacement is ever taken.
    read = String(
      String.UnicodeScalarView(word.map { Unicode.Scalar(Transcoder.windows1252Scalar($0)) ?? "\u{FFFD}" }))
    guard let table else {
      meant = read
      return
    }
    meant = String(
      String.UnicodeScalarView(
        word.map { $0 < 0x80 ? Unicode.Scalar($0) : Unicode.Scalar(table[Int($0) - 0x80]) ?? "\u{FFFD}" }))
  }

  /// The run's warning for `file`: what was found, then what to do.
  package func warning(file: String) -> String { sentence(file: file) + ": " + hint }

  /// What was found in `file`, for `check --data`'s warning.
  package func sentence(file: String) -> String {
    guard !codePage.isEmpty else {
      return "\(MessageText.escaped(file)) was read as Windows-1252, but its words are letters beyond ASCII "
        + "alone (\"\(read)\", line \(line)), as words of another script are in a code page Verdict does not "
        + "read (Greek, Hebrew, Arabic), and a text read wrong equals none of the policy's"
    }
    return "\(MessageText.escaped(file)) was read as Windows-1252, but its text looks \(script), written in "
      + "\(codePageName): \"\(read)\" (line \(line)) is \"\(meant)\" there, and a text read wrong equals none of "
      + "the policy's"
  }

  /// What to do: name the code page, or say that the file is Western.
  package var hint: String {
    guard !codePage.isEmpty else {
      return "export the file as UTF-8, or give --encoding windows-1252 if \"\(read)\" is right"
    }
    return "give --encoding \(codePage.lowercased()), or --encoding windows-1252 if \"\(read)\" is right"
  }

  /// Whether `byte` may be part of a word: an ASCII letter, or a byte beyond ASCII but for the
  /// no-break space and Windows-1252's quotes, dashes and `«»`, which stand between words.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): true
    case 0x85, 0x91...0x97, 0xA0, 0xAB, 0xBB: false
    case 0x80...0xFF: true
    default: false
    }
  }

  /// Whether `byte` is a letter in either reading: an ASCII letter or `C0`–`FF` (both code pages'
  /// letters, and Windows-1252's accented ones).
  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0xC0
  }

  /// The signs of Windows-1250 in `word` (see the type's description). Not a sign: a superscript
  /// ending a word of three bytes or fewer (`m³`, `cm³`, a unit), or `£` or `¥` after capitals
  /// (`JP¥`, a currency).
  private static func centralEuropeanSigns(in word: UnsafeBufferPointer<UInt8>) -> Int {
    var signs = 0
    for index in word.indices {
      let before = index > word.startIndex && isLetter(word[index - 1])
      let after = index + 1 < word.endIndex && isLetter(word[index + 1])
      let byte = word[index]
      let last = index + 1 == word.endIndex
      let unit = last && word.count <= 3 && (byte == 0xB3 || byte == 0xB9)
      let currency =
        last && (byte == 0xA3 || byte == 0xA5)
        && word.dropLast().allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
      switch byte {
      case 0x8D, 0x8F, 0x9D, 0x9F, 0xA3, 0xA5, 0xAF, 0xB3, 0xB9, 0xBC, 0xBE:
        if (before || after) && !unit && !currency { signs += 1 }
      case 0xAA, 0xBA, 0xBF:
        if before && after { signs += 1 }
      default: break
      }
    }
    return signs
  }

  /// The signs of Mac OS Roman in `word` (see the type's description): all of them, and those
  /// that are no letter in Windows-1250 either (all but `8A` and `9A`, its `Š` and `š`).
  private static func macRomanSigns(in word: UnsafeBufferPointer<UInt8>) -> (all: Int, macOnly: Int) {
    var signs = 0
    var macOnly = 0
    for index in word.indices.dropFirst() {
      let byte = word[index]
      guard byte >= 0x80 && byte <= 0x9F && byte != 0x9C && byte != 0x9E || byte == 0xA7 else { continue }
      let previous = word[index - 1] | 0x20
      guard previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z") else { continue }
      let sign: Bool
      if index + 1 == word.endIndex {
        // `™`, `†`, `‡` and `€` end a brand, a footnote or an amount's word in Western text.
        sign = byte != 0x99 && byte != 0x86 && byte != 0x87 && byte != 0x80 && byte != 0xA7
      } else {
        sign = word[index + 1] >= UInt8(ascii: "a") && word[index + 1] <= UInt8(ascii: "z")
      }
      if sign {
        signs += 1
        if byte != 0x8A && byte != 0x9A { macOnly += 1 }
      }
    }
    return (signs, macOnly)
  }

  /// The small accented letters of the Windows code pages (`E0`–`FF`: `á`, `ř`, `ü`) after a small
  /// ASCII letter in `word`: Mac OS Roman's capitals there, which its words do not write so.
  private static func windowsLetters(in word: UnsafeBufferPointer<UInt8>) -> Int {
    var letters = 0
    for index in word.indices.dropFirst() where word[index] >= 0xE0 {
      let previous = word[index - 1]
      if previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z") { letters += 1 }
    }
    return letters
  }

  /// Whether `word` has Turkish's dotless `ı` (`FD`, which Windows-1252 reads `ý`) beside an
  /// ASCII letter (`Yıldız`, `Aydın`): the commonest of Turkish's letters beyond ASCII, which
  /// Romanian's `ţ` (`FE` in Windows-1250) and Mac OS Roman's dash (`D0`) are not.
  private static func hasDotlessI(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in word.indices where word[index] == 0xFD {
      let before = index > word.startIndex && CodePageLook.isASCIILetter(word[index - 1])
      let after = index + 1 < word.endIndex && CodePageLook.isASCIILetter(word[index + 1])
      if before || after { return true }
    }
    return false
  }

  /// Whether `byte` is an ASCII letter.
  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// Whether `byte` is a letter that Icelandic (and Czech and Spanish) write and Turkish never
  /// does (`á í ó ú æ`, small or capital): with one in a file, `ð` and `ý` are what they read.
  private static func isIcelandicLetter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0xE1, 0xED, 0xF3, 0xFA, 0xE6, 0xC1, 0xCD, 0xD3, 0xDA, 0xC6: true
    default: false
    }
  }

  /// Whether `word` is three or more bytes of `C0`–`FF` and no ASCII letter (but for `×` and `÷`,
  /// which are no letters in Windows-1252).
  private static func isCyrillicWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count >= 3 && word.allSatisfy { $0 >= 0xC0 && $0 != 0xD7 && $0 != 0xF7 }
  }
}
