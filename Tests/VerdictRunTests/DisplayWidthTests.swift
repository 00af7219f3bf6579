import Foundation
import Testing

@testable import VerdictRun

/// Terminal columns of table cells, and cutting cells to a column.
struct DisplayWidthTests {
  static func width(_ text: String) -> Int { DisplayWidth.of(text) }

  static func width(bytes: [UInt8]) -> Int { bytes.withUnsafeBufferPointer { DisplayWidth.of($0) } }

  @Test func lettersTakeOneColumnHoweverTheyAreEncoded() {
    #expect(Self.width("Backerei") == 8)
    #expect(Self.width("B\u{E4}ckerei") == 8)
    #expect(Self.width("Ba\u{308}ckerei") == 8)
    #expect(Self.width("Ελληνικά") == 8)
    #expect(Self.width("Café") == 4)
  }

  @Test func wideCharactersAndEmojiTakeTwo() {
    #expect(Self.width("東京") == 4)
    #expect(Self.width("한국") == 4)
    #expect(Self.width("ＡＢ") == 4)
    #expect(Self.width("🙂ok") == 4)
  }

  @Test func invisibleCharactersTakeNone() {
    #expect(Self.width("a\u{200B}b\u{200D}c") == 3)
    #expect(Self.width("a\u{7}b\u{7F}c\u{85}") == 3)
    // Line breaks and tabs become spaces in a table cell.
    #expect(Self.width("a\nb\tc") == 5)
  }

  /// Every byte, at every place of a cell of 1 to 20 printable ASCII bytes, counts as the
  /// scalar-by-scalar count (`prefix(of:fitting:)`) counts it, whether the cell is told printable
  /// ASCII eight bytes at a time, four to seven in one word, or a byte at a time.
  @Test func printableASCIIIsToldEightBytesAtATime() {
    for length in 1...20 {
      for place in 0..<length {
        for byte in UInt8(0)...UInt8(255) {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          bytes[place] = byte
          bytes.withUnsafeBufferPointer { cell in
            let expected = DisplayWidth.prefix(of: cell, fitting: .max).width
            #expect(DisplayWidth.of(cell) == expected, "\(bytes)")
            #expect(DisplayWidth.isPrintableASCII(cell) == (byte >= 0x20 && byte <= 0x7E), "\(bytes)")
          }
        }
      }
    }
  }

  @Test func aBrokenByteTakesOneColumn() {
    #expect(Self.width(bytes: [0x41, 0xE4, 0x42]) == 3)
    #expect(Self.width(bytes: [0x41, 0xE6, 0x9D]) == 3)
    #expect(Self.width(bytes: [0xF8, 0x90, 0x80, 0x80]) == 4)
  }

  @Test func fittingKeepsWhatFitsAndLeavesAColumnForTheEllipsis() {
    func fit(_ text: String, _ width: Int) -> (String, Int, Bool) {
      let bytes = Array(text.utf8)
      let shown = bytes.withUnsafeBufferPointer { DisplayWidth.fit($0, in: width) }
      return (String(decoding: bytes[..<shown.length], as: UTF8.self), shown.width, shown.isCut)
    }
    #expect(fit("Acme", 4) == ("Acme", 4, false))
    #expect(fit("Acme Inc", 4) == ("Acm", 3, true))
    // Spaces before the cut go, a wide character that does not fit whole goes.
    #expect(fit("Acme Inc", 6) == ("Acme", 4, true))
    #expect(fit("東京デザイン", 6) == ("東京", 4, true))
    // A combining mark stays with its letter.
    #expect(fit("Ba\u{308}ckerei", 3) == ("Ba\u{308}", 2, true))
  }

  @Test func aCutCellEndsInAnEllipsis() {
    #expect(TableRenderer.cell("pays so late that it hurts", width: 10) == (Array("pays so l…".utf8), 10))
    #expect(TableRenderer.cell("pays so late that it hurts", width: 9) == (Array("pays so…".utf8), 8))
    #expect(TableRenderer.cell("two\nlines", width: 20) == (Array("two lines".utf8), 9))
    #expect(TableRenderer.cell("東京デザイン", width: 7) == (Array("東京デ…".utf8), 7))
  }
}
