import Testing

@testable import VerdictData

/// Text detected as Windows-1252 that looks written in Windows-1250, Windows-1251 or Mac OS Roman
/// (``CodePageLook``), and Western text that must not.
@Suite struct CodePageLookTests {
  /// `text` in the code page whose bytes from `80` up `table` reads (ASCII as itself).
  static func encoded(_ text: String, _ table: String) -> [UInt8] {
    let scalars = Array(table.unicodeScalars)
    return text.unicodeScalars.map { scalar in
      scalar.isASCII ? UInt8(scalar.value) : UInt8(0x80 + scalars.firstIndex(of: scalar)!)
    }
  }

  static func look(_ bytes: [UInt8]) -> CodePageLook? {
    bytes.withUnsafeBufferPointer { CodePageLook.find(in: $0) }
  }

  @Test func polishTextInWindows1250IsCentralEuropean() throws {
    let bytes = Self.encoded("id,city\nC1,Gdańsk\nC2,Łódź\nC3,Wrocław\n", CodePageTables.windows1250Text)
    let look = try #require(Self.look(bytes))
    #expect(look.codePage == "WINDOWS-1250")
    // `ń` is a letter of Windows-1252 too (`ñ`): the first sign is in `Łódź`, on line 3.
    #expect(look.line == 3)
    #expect(look.read == "£ódŸ")
    #expect(look.meant == "Łódź")
    #expect(look.warning(file: "c.csv").contains("give --encoding windows-1250, or --encoding windows-1252"))
  }

  @Test func russianTextInWindows1251IsCyrillic() throws {
    let bytes = Self.encoded("id;клиент;город\n1;Альфа;Москва\n", CodePageTables.windows1251Text)
    let look = try #require(Self.look(bytes))
    #expect(look.codePage == "WINDOWS-1251")
    #expect(look.line == 1)
    #expect(look.read == "êëèåíò")
    #expect(look.meant == "клиент")
  }

  /// Turkish names in Windows-1254, which Windows-1252 reads `Ýzmir`, `Iþýk`; Icelandic ones in
  /// Windows-1252 (`Þórsson`, `Guðrún`: the same bytes, with `á í ó ú`) are what they read.
  @Test func turkishTextInWindows1254IsTurkishAndIcelandicIsWestern() throws {
    let turkish = Self.encoded(
      "Musteri;Sehir\nIşık A.Ş.;İzmir\nYıldız Ltd;Ankara\nAydın;Muğla\n", CodePageTables.windows1254Text)
    let look = try #require(Self.look(turkish))
    #expect(look.codePage == "WINDOWS-1254")
    #expect(look.read == "Iþýk")
    #expect(look.meant == "Işık")
    // Every letter of these is its Latin-1 code point in Windows-1252.
    let icelandic = "Nafn;Borg\nJón Þórsson;Reykjavík\nGuðrún;Akureyri\n".unicodeScalars.map { UInt8($0.value) }
    #expect(Self.look(icelandic) == nil)
  }

  /// What made a Turkish warning before a reviewer's file: Romanian `ţ` (Windows-1250's `FE`), a
  /// Mac OS Roman dash (`D0`), Icelandic names without accents (`Sigurðsson`).
  @Test func romanianMacAndIcelandicTextIsNotTurkish() throws {
    let romanian = Self.encoded("id;client\n1;Constanţa SRL\n2;Piaţa Unirii\n", CodePageTables.windows1250Text)
    #expect(Self.look(romanian)?.codePage != "WINDOWS-1254")
    let icelandic = "id;nafn\n1;Sigurðsson\n2;Guðmundsson\n".unicodeScalars.map { UInt8($0.value) }
    #expect(Self.look(icelandic) == nil)
  }

  /// Hebrew (Windows-1255) and Greek (Windows-1253) names are words of letters beyond ASCII alone,
  /// as Cyrillic ones are, but not capitalized (Hebrew) or with few of Cyrillic's `а е и о`
  /// (Greek): no Cyrillic code page is named, the file is said to be in one Verdict does not read.
  @Test func hebrewAndGreekTextIsNoCyrillic() throws {
    let hebrew: [UInt8] =
      Array("id;name\n1;".utf8) + [249, 236, 229, 237] + Array("\n2;".utf8)
      + [233, 249, 248, 224, 236] + Array("\n3;".utf8) + [227, 229, 227, 32, 235, 228, 239, 10]
    let greek: [UInt8] =
      Array("id;name\n1;".utf8) + [208, 225, 240, 225, 228, 252, 240, 239, 245, 235, 239, 242]
      + Array("\n2;".utf8) + [193, 232, 222, 237, 225] + Array("\n3;".utf8) + [
        195, 229, 254, 241, 227, 233, 239, 242, 10,
      ]
    for bytes in [hebrew, greek] {
      let look = try #require(Self.look(bytes))
      #expect(look.codePage.isEmpty)
      #expect(look.hint.hasPrefix("export the file as UTF-8"))
      #expect(look.warning(file: "h.csv").contains("a code page Verdict does not read"))
    }
  }

  /// Excel for Mac's "Comma Separated Values": German and French names in Mac OS Roman, which
  /// Windows-1252 reads `MŸller`, `Sšhne`, `CafŽ`; read right with `--encoding macintosh`.
  @Test func germanAndFrenchTextInMacRomanIsMacOSRoman() throws {
    let text = "Kunde;Offen;Plan\nMüller & Söhne;1.234,56 €;Pro\nCafé Zoë;12,00 €;Basis\nBäckerei Nordlicht;0;Pro\n"
    let bytes = Self.encoded(text, CodePageTables.macRomanText)
    let look = try #require(Self.look(bytes))
    #expect(look.codePage == "MACINTOSH")
    #expect(look.line == 2)
    #expect(look.read == "MŸller")
    #expect(look.meant == "Müller")
    #expect(
      look.warning(file: "k.csv")
        == "k.csv was read as Windows-1252, but its text looks Western, written in Mac OS Roman: \"MŸller\" (line 2) "
        + "is \"Müller\" there, and a text read wrong equals none of the policy's: give --encoding macintosh, or "
        + "--encoding windows-1252 if \"MŸller\" is right")
    let source = ByteSource(bytes: bytes, encoding: .macRoman)
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
    #expect(String(decoding: buffer[..<count], as: UTF8.self) == text)
  }

  /// Czech and Polish text in Windows-1250, whose `š`, `ť` and `ź` are Mac OS Roman's signs too,
  /// stays Central European: its own signs outnumber them.
  @Test func czechAndPolishTextStaysCentralEuropean() throws {
    let bytes = Self.encoded(
      "id,name,city\n1,Šťastný,Košice\n2,Wiśniewski,Łódź\n3,Dvořák,Žďár\n", CodePageTables.windows1250Text)
    #expect(Self.look(bytes)?.codePage == "WINDOWS-1250")
  }

  /// Czech names in Windows-1250 (`š`, `ř`, `á`) and two Czech names in a Western file (`š`
  /// alone): no Mac OS Roman, whose `ö` is the same byte as `š`; it was named, and its
  /// `--encoding macintosh` would have garbled the file (a review found it).
  @Test func czechNamesAreNoMacOSRoman() {
    let czech = Self.encoded("id,segment\nDušan Novák,VIP\nJiří Kašpar,VIP\n", CodePageTables.windows1250Text)
    #expect(Self.look(czech)?.codePage != "MACINTOSH")
    let western = "id,segment\nDušan Novak,VIP\nMiloš Kral,VIP\n".unicodeScalars.map {
      $0 == "š" ? 0x9A : UInt8($0.value)
    }
    #expect(Self.look(western) == nil)
  }

  /// Western text in Windows-1252 with the same bytes in other places: `£` and `¥` before
  /// amounts, `œ` in French words, `¿` and `º` where Spanish writes them, `½`, `¼`, accented
  /// capitals, units (`m³`) and currencies (`JP¥`); and one Polish word alone, which a Western
  /// file may hold as a name.
  @Test(arguments: [
    "id,name,note\n1,Müller,£30\n2,Søren,¥500\n",
    "id,name,note\n1,Cœur de Lion,sœur\n2,Œuvre,ÉTÉ\n",
    "id,brand,city\n1,Acme™,Košice\n2,Zeta†,Paris\n3,Beta™,Brno\n",
    "id,nota\n1,¿Qué tal?\n2,Nº 5\n3,1ª clase\n",
    "id,size\n1,1½ in\n2,2¼ in\n3,¾\n",
    "id,unit,price\n1,m³,JP¥500\n2,cm³,CN¥20\n3,m¹,GB£3\n",
    "id,city\n1,Wrocław\n2,Berlin\n",
  ])
  func westernTextLooksWestern(_ text: String) {
    // Windows-1252 writes these characters as Latin-1 does, but for `œ` and `Œ`.
    let bytes = text.unicodeScalars.map { scalar -> UInt8 in
      switch scalar {
      case "œ": 0x9C
      case "Œ": 0x8C
      case "š": 0x9A
      case "™": 0x99
      case "†": 0x86
      case "ł": 0xB3
      default: UInt8(scalar.value)
      }
    }
    #expect(Self.look(bytes) == nil)
  }

  @Test func aFileNotDetectedAsWindows1252IsNotLookedAt() throws {
    let polish = Self.encoded("id,city\nC1,Łódź\nC2,Wrocław\n", CodePageTables.windows1250Text)
    let detected = ByteSource(bytes: polish, encoding: nil)
    #expect(detected.encoding == .windows1252)
    #expect(detected.codePageLook?.codePage == "WINDOWS-1250")
    #expect(ByteSource(bytes: polish, encoding: .windows1252).codePageLook == nil, "asked for, not detected")
    #expect(ByteSource(bytes: Array("id,city\nC1,Łódź\n".utf8), encoding: nil).codePageLook == nil, "UTF-8")
  }
}
