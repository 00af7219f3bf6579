import XCTest

@testable import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files from Excel and banks in Japan, China, Taiwan and Korea, saved in their Windows code
/// pages: detected by what their characters are, read exactly, split anywhere, refused with the
/// place when damaged or when more than one code page reads them; Western and other single-byte
/// text never taken for them.
final class EastAsianEncodingTests: XCTestCase {
  /// Client lists as such exports have them: names, a channel, amounts.
  static let lists: [(TextEncoding, String)] = [
    (
      .shiftJIS,
      "取引先コード,取引先名,未収金,連絡手段\nC001,株式会社ヤマダ商事,120000,メール\n"
        + "C002,佐藤デザイン事務所,0,電話\nC003,ﾐﾗｲ ｺｳｷﾞｮｳ,30000,チャット\n"
    ),
    (
      .eucJP,
      "name,owed,note\n株式会社山田商事,500,支払い遅延あり\n有限会社佐藤デザイン,50,特になし\nさくら企画,70,修正が多い\n"
    ),
    // Company names with the NEC signs and IBM's kanji Windows adds to Shift_JIS.
    (.shiftJIS, "name,owed\n㈱髙橋工務店,500\n㈲山﨑デザイン,40\n①濵田,3\n"),
    (.gbk, "id,客户名称,欠款,渠道\n1,北京科技有限公司,52000,电话\n2,上海贸易公司,0,邮件\n"),
    (.big5, "id,name,owed,channel\n1,臺北設計工作室,7512,電子郵件\n2,陳小明,12104,電話\n"),
    (.eucKR, "id,고객명,매출,채널\n1,주식회사 한빛,100,전화\n2,김민수,0,이메일\n3,삼성전자,5,채팅\n"),
  ]

  func testEachCodePageIsDetectedAndReadExactly() throws {
    for (encoding, text) in Self.lists {
      let bytes = try Self.encoded(text, encoding)
      let detected = try bytes.withUnsafeBufferPointer { try TextEncoding.detect(in: $0, isWholeInput: true) }
      XCTAssertEqual(detected, encoding, text)
      let source = ByteSource(bytes: bytes, encoding: nil)
      XCTAssertEqual(source.encoding, encoding)
      XCTAssertEqual(try EncodedText.text(of: source), text)
    }
  }

  /// Bytes pinned from the code pages' tables, so that a decoder reading them as another code
  /// page (or `iconv` with another table) is caught, not only a round trip through `iconv`.
  func testKnownBytesDecodeToTheirCharacters() throws {
    let pinned: [(TextEncoding, [UInt8], String)] = [
      (.shiftJIS, [0x93, 0x64, 0x98, 0x62, 0x5C, 0x7E, 0xB1], "電話\\~ｱ"),
      (.gbk, [0xB5, 0xE7, 0xBB, 0xB0], "电话"),
      (.big5, [0xB9, 0x71, 0xB8, 0xDC], "電話"),
      (.eucKR, [0xC0, 0xFC, 0xC8, 0xAD], "전화"),
      (.eucJP, [0xC5, 0xC5, 0xCF, 0xC3, 0xA4, 0xA2], "電話あ"),
    ]
    for (encoding, bytes, text) in pinned {
      XCTAssertEqual(try EncodedText.text(of: ByteSource(bytes: bytes, encoding: encoding)), text, "\(encoding)")
    }
  }

  func testCharactersSplitByEveryChunkAndBufferSizeSurvive() throws {
    for (encoding, text) in Self.lists {
      let bytes = try Self.encoded(text, encoding)
      for chunkSize in [1, 2, 3, 7] {
        for bufferSize in [1, 2, 3, 5, 4096] {
          let source = ByteSource(bytes: bytes, encoding: encoding, chunkSize: chunkSize)
          XCTAssertEqual(
            try EncodedText.text(of: source, bufferSize: bufferSize), text,
            "\(encoding), chunks of \(chunkSize), buffer of \(bufferSize)")
        }
      }
    }
  }

  func testADamagedCharacterIsRefusedWhereItIs() throws {
    // `株` then a byte no Shift_JIS character starts with, on the second line.
    let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x8A, 0x94, 0xFF, 0x41] + Array("\n".utf8)
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: bytes, encoding: .shiftJIS, chunkSize: 3)))
    XCTAssertEqual(error.line, 2)
    XCTAssertEqual(error.column, 6)
    XCTAssertTrue(
      error.message.hasPrefix("the input is not valid Shift_JIS: bytes FF 41 at byte offset 12"), error.message)
  }

  func testADamagedCharacterIsRefusedTheSameWhereverAReadEnds() throws {
    // `Kunde` and Big5's `苇`, then `96 90`, no Big5 character: a read ending after `96` showed it
    // alone, as "byte 96 … are no character of it" (found by the encoding fuzzer).
    let bytes: [UInt8] = Array("Kunde".utf8) + [0xD4, 0xB1, 0x96, 0x90] + Array("ma\n".utf8)
    for chunkSize in 1...bytes.count {
      let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: bytes, encoding: .big5, chunkSize: chunkSize)))
      XCTAssertEqual(error.column, 9, "chunks of \(chunkSize)")
      XCTAssertTrue(
        error.message.hasPrefix("the input is not valid Big5: bytes 96 90 at byte offset 7 are no character of it"),
        "chunks of \(chunkSize): \(error.message)")
    }
  }

  func testInputEndingInsideACharacterIsRefused() throws {
    let bytes: [UInt8] = Array("id\n".utf8) + [0xB5, 0xE7, 0xBB]
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: bytes, encoding: .gbk)))
    XCTAssertEqual(error.line, 2)
    XCTAssertEqual(error.column, 4)
    XCTAssertEqual(
      error.message, "the input is not valid GBK: it ends inside a character (byte BB at byte offset 5)")
  }

  func testCharactersAfterAnASCIIStartLongerThanTheWindowAreLookedAt() throws {
    // 70 KiB of codes and romanized names before the first kanji: the file was Windows-1252, and
    // `株式会社ヤマダ商事` read `Š”Ž®‰ïŽÐƒ„ƒ}ƒ_¤Ž–`, without a word.
    let ascii = "id,name\n" + (0..<3500).map { "C\($0),Yamada Shoji \($0)\n" }.joined()
    XCTAssertGreaterThan(ascii.utf8.count, EastAsianLook.window)
    let bytes = try Self.encoded(ascii + "C9001,株式会社ヤマダ商事\nC9002,佐藤デザイン事務所\n", .shiftJIS)
    let detected = try bytes.withUnsafeBufferPointer { try TextEncoding.detect(in: $0, isWholeInput: true) }
    XCTAssertEqual(detected, .shiftJIS)
    // Two Korean names after as long a start: refused at their line, as at the file's start.
    let korean = try Self.encoded(ascii + "C9001,김민수\n", .eucKR)
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: korean, encoding: nil)))
    XCTAssertEqual(error.line, 3502)
    XCTAssertEqual(error.column, 7)
  }

  func testWesternAndOtherSingleByteTextIsNotTakenForEastAsian() throws {
    let western = [
      "name,city\nO’Brien’s Bar,Dublin\nMacy’s,New York\nChildren’s Trust,“Leeds”\n",
      "Kunde;Ort\nMüller & Söhne;Köln\nBäckerei Größe;Düsseldorf\nJürgen Weiß;Straße 5\n",
      "client,note\nÅngström AB,©Acme 2024\nÆrø Fisk,21 °C\nÖberg,±5 ½kg\n",
      "nom,ville\nSociété Générale,Orléans\nCafé Noël,Besançon\nŒuvres d’art,Saint-Étienne\n",
    ]
    for text in western {
      let bytes = try EncodedText.windows1252(text)
      let detected = try bytes.withUnsafeBufferPointer { try TextEncoding.detect(in: $0, isWholeInput: true) }
      XCTAssertEqual(detected, .windows1252, text)
    }
    let others: [(String, String)] = [
      ("id;клиент;город\n1;ООО Ромашка;Москва\n2;Иванов Иван;Санкт-Петербург\n", "CP1251"),
      ("id;klient\n1;Zażółć gęślą jaźń\n2;Łódź Sp. z o.o.\n", "CP1250"),
    ]
    for (text, codePage) in others {
      let bytes = try Self.encoded(text, iconvName: codePage)
      let detected = try bytes.withUnsafeBufferPointer { try TextEncoding.detect(in: $0, isWholeInput: true) }
      XCTAssertEqual(detected, .windows1252, text)
    }
  }

  func testTextThatReadsInSeveralCodePagesIsRefusedWithEachReading() throws {
    // Two Korean names: too few characters to tell Korean from Chinese.
    let bytes = try Self.encoded("id,name\n1,김민수\n2,이영희\n", .eucKR)
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: bytes, encoding: nil)))
    XCTAssertEqual(error.line, 2)
    XCTAssertEqual(error.column, 3)
    XCTAssertTrue(error.message.contains("\"김민수\" in EUC-KR"), error.message)
    XCTAssertTrue(error.message.contains(" in GBK"), error.message)
    XCTAssertTrue(error.hint?.contains("--encoding euc-kr") == true, error.hint ?? "")
  }

  /// A name or two: too few characters to tell a code page, unless its bytes look Western.
  func testAFileTooShortToTellIsRefusedWithItsReadings() throws {
    let bytes = try Self.encoded("name,owed\n张伟,500\n", .gbk)
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: bytes, encoding: nil)))
    XCTAssertEqual(error.line, 2)
    XCTAssertTrue(error.message.contains("too few characters"), error.message)
    XCTAssertTrue(error.message.contains("\"张伟\" in GBK"), error.message)
    XCTAssertTrue(error.message.contains("\"ÕÅÎ°\" in Windows-1252"), error.message)
    XCTAssertTrue(error.hint?.contains("--encoding windows-1252") == true, error.hint ?? "")
  }

  /// Chinese names whose characters all fall in Korean's band but one: read as Korean before the
  /// review (twelve characters were enough); now refused with the readings, never taken for Korean.
  func testChineseNamesAreNeverTakenForKorean() throws {
    let bytes = try Self.encoded("id,name,owed\n1,段磊,8387\n2,崔亮,5604\n3,罗红娜,1271\n4,孔桂梅,5737\n5,闫凯琳,7474\n", .gbk)
    let source = ByteSource(bytes: bytes, encoding: nil)
    XCTAssertNotEqual(source.encoding, .eucKR)
    let error = try XCTUnwrap(EncodedText.readError(source))
    XCTAssertTrue(error.message.contains("\"段磊\" in GBK"), error.message)
  }

  /// A Japanese list in EUC-JP of kanji alone, with a company word (`会社`), is no longer read as
  /// GBK without a word: refused, its EUC-JP reading first. A Chinese list with `柴家庄` (the same
  /// bytes as `会社`) is refused too, never read as EUC-JP.
  func testKanjiAloneWithCompanyWordsIsLeftToTheUser() throws {
    let japanese = try Self.encoded("name,owed\n株式会社山田商事,500\n佐藤花子,50\n", .eucJP)
    let error = try XCTUnwrap(EncodedText.readError(ByteSource(bytes: japanese, encoding: nil)))
    XCTAssertTrue(error.message.contains("\"株式会社山田商事\" in EUC-JP"), error.message)
    let chinese = try Self.encoded("name,amount\n柴家庄,7\n北京市,2\n上海市,3\n广州市,4\n深圳市,1\n天津市,2\n", .gbk)
    let source = ByteSource(bytes: chinese, encoding: nil)
    XCTAssertNotEqual(source.encoding, .eucJP)
  }

  func testMoreKoreanTextIsKorean() throws {
    let text = "id,name,channel\n1,주식회사 한빛,전화\n2,김민수,이메일\n3,이영희,채팅\n4,네이버 주식회사,전화\n"
    let bytes = try Self.encoded(text, .eucKR)
    XCTAssertEqual(try bytes.withUnsafeBufferPointer { try TextEncoding.detect(in: $0, isWholeInput: true) }, .eucKR)
  }

  func testOtherNamesOfTheCodePages() {
    XCTAssertEqual(TextEncoding.named("SJIS"), .shiftJIS)
    XCTAssertEqual(TextEncoding.named("cp932"), .shiftJIS)
    XCTAssertEqual(TextEncoding.named("Shift_JIS"), .shiftJIS)
    XCTAssertEqual(TextEncoding.named("GB18030"), .gbk)
    XCTAssertEqual(TextEncoding.named("cp950"), .big5)
    XCTAssertEqual(TextEncoding.named("UHC"), .eucKR)
    XCTAssertEqual(TextEncoding.named("ks_c_5601-1987"), .eucKR)
    XCTAssertEqual(TextEncoding.named("x-sjis"), .shiftJIS)
    XCTAssertEqual(TextEncoding.named("EUC-JP"), .eucJP)
    XCTAssertEqual(TextEncoding.named("cp1252"), .windows1252)
    XCTAssertNil(TextEncoding.named("klingon"))
  }

  /// `text` in `encoding`'s code page, encoded by `iconv`.
  static func encoded(_ text: String, _ encoding: TextEncoding) throws -> [UInt8] {
    try encoded(text, iconvName: XCTUnwrap(MultiByteDecoder.iconvName(of: encoding)))
  }

  /// `text` encoded by `iconv` in the code page it calls `iconvName`.
  static func encoded(_ text: String, iconvName: String) throws -> [UInt8] {
    guard let converter = iconv_open(iconvName, "UTF-8"), Int(bitPattern: converter) != -1 else {
      throw FixtureError(message: "iconv cannot encode \(iconvName)")
    }
    defer { iconv_close(converter) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: 4 * input.count + 4)
    let written = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
        var inputNext: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var outputNext: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var inputLeft = inputBuffer.count
        var outputLeft = outputBuffer.count
        guard iconv(converter, &inputNext, &inputLeft, &outputNext, &outputLeft) != -1 else { return -1 }
        return outputBuffer.count - outputLeft
      }
    }
    guard written >= 0 else { throw FixtureError(message: "iconv cannot encode \(text) in \(iconvName)") }
    return Array(output.prefix(written))
  }

  /// A fixture that could not be made.
  struct FixtureError: Error {
    var message: String
  }
}
