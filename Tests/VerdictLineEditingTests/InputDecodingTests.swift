import XCTest

@testable import VerdictLineEditing

/// UTF-8 decoding of terminal input, which depends on the LC_CTYPE an editor selects.
final class InputDecodingTests: XCTestCase {
  override func setUp() {
    super.setUp()
    _ = LineEditor(programName: "verdict-tests", historyFile: nil)
  }

  private func decodeAll(_ bytes: [UInt8]) -> String {
    var pending: [CChar] = []
    var text = String.UnicodeScalarView()
    for byte in bytes {
      pending.append(CChar(bitPattern: byte))
      if let character = InputReader.decode(&pending) {
        text.append(LineEditor.scalar(character))
      }
    }
    return String(text)
  }

  func testMultiByteCharactersSurvive() {
    XCTAssertEqual(decodeAll(Array("héllo".utf8)), "héllo")
    XCTAssertEqual(decodeAll(Array("→ ✓ 日本 🙂".utf8)), "→ ✓ 日本 🙂")
  }

  func testIncompleteSequenceWaitsForMoreBytes() {
    var pending: [CChar] = [CChar(bitPattern: 0xC3)]
    XCTAssertNil(InputReader.decode(&pending))
    XCTAssertEqual(pending.count, 1)
    pending.append(CChar(bitPattern: 0xA9))
    XCTAssertEqual(InputReader.decode(&pending).map(LineEditor.scalar), "é")
    XCTAssertEqual(pending, [])
  }

  func testInvalidBytesAreDroppedWithoutLosingWhatFollows() {
    XCTAssertEqual(decodeAll([0x61, 0xFF, 0x62]), "ab")
    XCTAssertEqual(decodeAll([0xC3, 0x41, 0x42]), "AB")
  }

  func testNonScalarWideCharactersBecomeReplacementCharacters() {
    XCTAssertEqual(LineEditor.scalar(0xD800), "\u{FFFD}")
    XCTAssertEqual(LineEditor.scalar(-1), "\u{FFFD}")
  }
}
