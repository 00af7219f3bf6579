import XCTest

@testable import VerdictData

/// `TextEncoding.isValidUTF8` against the standard library's validating decoder, exhaustively
/// for short sequences and on seeded random input, plus the 8-byte ASCII path at every offset.
final class UTF8ValidationTests: XCTestCase {
  /// The standard library's verdict, the reference.
  static func reference(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  static func isValid(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { TextEncoding.isValidUTF8($0) }
  }

  func testNamedSequences() {
    let cases: [(String, [UInt8], Bool)] = [
      ("empty", [], true),
      ("ASCII", Array("Empfaenger;Betrag".utf8), true),
      ("two-byte ä", [0xC3, 0xA4], true),
      ("three-byte €", [0xE2, 0x82, 0xAC], true),
      ("four-byte 😀", [0xF0, 0x9F, 0x98, 0x80], true),
      ("U+10FFFF", [0xF4, 0x8F, 0xBF, 0xBF], true),
      ("U+D7FF", [0xED, 0x9F, 0xBF], true),
      ("overlong NUL", [0xC0, 0x80], false),
      ("overlong C1", [0xC1, 0xBF], false),
      ("overlong three-byte", [0xE0, 0x9F, 0xBF], false),
      ("overlong four-byte", [0xF0, 0x8F, 0xBF, 0xBF], false),
      ("surrogate U+D800", [0xED, 0xA0, 0x80], false),
      ("surrogate U+DFFF", [0xED, 0xBF, 0xBF], false),
      ("U+110000", [0xF4, 0x90, 0x80, 0x80], false),
      ("F5 lead", [0xF5, 0x80, 0x80, 0x80], false),
      ("FF", [0xFF], false),
      ("lone continuation", [0x80], false),
      ("Windows-1252 ä", Array("Empf".utf8) + [0xE4] + Array("nger".utf8), false),
      ("cut off at the end", [0x61, 0xE2, 0x82], false),
      ("lead followed by ASCII", [0xC3, 0x61], false),
    ]
    for (name, bytes, expected) in cases {
      XCTAssertEqual(Self.isValid(bytes), expected, name)
      XCTAssertEqual(Self.reference(bytes), expected, "\(name): reference")
    }
  }

  func testCutOffSequenceIsTruncatedNotInvalid() {
    let cut: [UInt8] = [0x61, 0xF0, 0x9F, 0x98]
    XCTAssertEqual(cut.withUnsafeBufferPointer { UTF8Validation.check($0) }, .truncated)
    let wrong: [UInt8] = [0x61, 0xF0, 0x8F]
    XCTAssertEqual(wrong.withUnsafeBufferPointer { UTF8Validation.check($0) }, .invalid)
  }

  func testEveryOneAndTwoByteSequence() {
    for first in 0...255 {
      for second in 0...255 {
        let bytes = [UInt8(first), UInt8(second)]
        XCTAssertEqual(Self.isValid(bytes), Self.reference(bytes), "\(bytes)")
      }
      let single = [UInt8(first)]
      XCTAssertEqual(Self.isValid(single), Self.reference(single), "\(single)")
    }
  }

  func testEveryLeadAndSecondByteOfLongerSequences() {
    for lead in 0xC0...0xFF {
      for second in 0...255 {
        for rest in [[0x80], [0xBF], [0x7F], [0xC0], [0x80, 0x80], [0xBF, 0xBF], [0x80, 0x7F]] {
          let bytes = [UInt8(lead), UInt8(second)] + rest.map { UInt8($0) }
          XCTAssertEqual(Self.isValid(bytes), Self.reference(bytes), "\(bytes)")
        }
      }
    }
  }

  func testEveryOffsetAroundTheThirtyTwoAndEightByteSteps() {
    let sequences: [[UInt8]] = [[0xC3, 0xA4], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xE4], [0x80], [0xC3]]
    for sequence in sequences {
      for offset in 0...80 {
        let bytes = [UInt8](repeating: 0x61, count: offset) + sequence + [UInt8](repeating: 0x62, count: 80 - offset)
        XCTAssertEqual(Self.isValid(bytes), Self.reference(bytes), "\(sequence) at \(offset)")
        let atEnd = [UInt8](repeating: 0x61, count: offset) + sequence
        XCTAssertEqual(Self.isValid(atEnd), Self.reference(atEnd), "\(sequence) ending at \(offset)")
      }
    }
  }

  func testTallyCountsEverySequenceAtEveryOffset() {
    // Two sequences, each in either step's reach: the tally must find both wherever they are.
    let valid: [UInt8] = [0xE2, 0x82, 0xAC]
    let invalid: [UInt8] = [0xE4]
    for first in 0...70 {
      for gap in [0, 1, 7, 8, 31, 32, 33] {
        let bytes =
          [UInt8](repeating: 0x61, count: first) + valid + [UInt8](repeating: 0x62, count: gap) + invalid
          + [UInt8](repeating: 0x63, count: 40)
        let tally = bytes.withUnsafeBufferPointer { UTF8Validation.tally($0) }
        XCTAssertEqual(tally.wellFormed, 1, "valid at \(first), gap \(gap)")
        XCTAssertEqual(tally.illFormed, 1, "invalid at \(first), gap \(gap)")
        XCTAssertFalse(tally.truncated)
      }
    }
  }

  func testSeededMutationsOfRealText() {
    // Valid text with one or two bytes replaced, removed or cut off: mostly near-valid input.
    let text = Array("Müller € 😀 Żółć \u{10FFFF}\u{D7FF}\u{E000} ok".utf8)
    let alphabet: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ]
    var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
    var validSeen = 0
    for _ in 0..<20_000 {
      var bytes = text
      for _ in 0...random.next(below: 2) {
        let index = random.next(below: bytes.count)
        switch random.next(below: 3) {
        case 0: bytes[index] = alphabet[random.next(below: alphabet.count)]
        case 1: bytes.remove(at: index)
        default: bytes.removeSubrange(index...)
        }
        if bytes.isEmpty { break }
      }
      let expected = Self.reference(bytes)
      validSeen += expected ? 1 : 0
      XCTAssertEqual(Self.isValid(bytes), expected, "\(bytes)")
    }
    // The mutations must produce both outcomes often.
    XCTAssertGreaterThan(validSeen, 2000)
    XCTAssertLessThan(validSeen, 18_000)
  }
}

/// A small seeded generator (PCG-style LCG), so failures reproduce.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// A number in `0..<bound`.
  mutating func next(below bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
