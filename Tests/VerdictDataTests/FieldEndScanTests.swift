import XCTest

@testable import VerdictData

/// The scans that find the bytes ending or opening a field (`CSVRecordScanner+ByteSearch.swift`):
/// each must flag exactly the separator, the quote and the bytes below 14, byte by byte, whatever
/// the bytes around them. `PlatformFieldEnds` splits every record; the others are checked here on
/// every machine they compile on, so the scan of another processor is tested too.
final class FieldEndScanTests: XCTestCase {
  /// The bytes of `bytes[start..<start + width]` a scan must flag, as bits.
  static func expected(_ bytes: [UInt8], from start: Int, width: Int, separator: UInt8) -> UInt64 {
    var bits: UInt64 = 0
    for index in 0..<width {
      let byte = bytes[start + index]
      if byte == separator || byte == UInt8(ascii: "\"") || byte < 14 { bits |= 1 << UInt64(index) }
    }
    return bits
  }

  /// Checks `scan` at every offset of seeded random bytes drawn from `alphabet`.
  func check<Scan: FieldEndScan>(_ type: Scan.Type, separator: UInt8, alphabet: [UInt8], seed: UInt64) {
    var state = seed
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let scan = Scan(separator: separator, quote: UInt8(ascii: "\""))
    for length in 8...40 {
      let bytes = (0..<length).map { _ in alphabet[next() % alphabet.count] }
      bytes.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress!
        for start in 0...(length - 8) {
          let (bits, width) = scan.found(at: base + start, end: base + length)
          XCTAssertTrue(width == 8 || width == 16 && start + 16 <= length, "width \(width) at \(start) of \(length)")
          XCTAssertEqual(
            bits, Self.expected(bytes, from: start, width: width, separator: separator),
            "\(Scan.self) at \(start) of \(bytes)")
        }
      }
    }
  }

  /// Bytes near the ones that matter: the separators, the quote, 13 and 14, 0, 127 and 128, 255.
  static let alphabet: [UInt8] = [0, 9, 10, 13, 14, 31, 32, 34, 44, 59, 65, 124, 127, 128, 172, 194, 255]

  func testTheWordScanFlagsExactlyTheFieldEndingBytes() {
    for (index, separator) in [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")].enumerated() {
      check(FieldEndBytes.self, separator: separator, alphabet: Self.alphabet, seed: UInt64(index + 1))
    }
    check(FieldEndBytes.self, separator: 44, alphabet: Array(0...255), seed: 99)
  }

  func testThePlatformScanFlagsExactlyTheFieldEndingBytes() {
    for (index, separator) in [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")].enumerated() {
      check(PlatformFieldEnds.self, separator: separator, alphabet: Self.alphabet, seed: UInt64(index + 11))
    }
    check(PlatformFieldEnds.self, separator: 44, alphabet: Array(0...255), seed: 199)
  }
}
