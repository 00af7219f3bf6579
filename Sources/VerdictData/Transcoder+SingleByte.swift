extension Transcoder {
  /// Decodes Windows-1252 (`windows1252: true`) or ISO-8859-1 raw bytes into
  /// `destination[output..<limit]`.
  ///
  /// ASCII runs are copied 8 bytes at a time. Every byte is a character, so no byte is ever
  /// left over between reads.
  /// - Returns: The new output position; stops when the output is full or the raw bytes run out.
  func decodeSingleByte(
    into destination: UnsafeMutablePointer<UInt8>, from output: Int, to limit: Int, windows1252: Bool
  ) -> Int {
    decodeSingleByte(into: destination, from: output, to: limit) { byte in
      windows1252 ? Transcoder.windows1252Scalar(byte) : UInt32(byte)
    }
  }

  /// Decodes the raw bytes of a code page whose bytes from 0x80 up are the code points `upper`
  /// holds (``CodePageTables``), as ``decodeSingleByte(into:from:to:windows1252:)`` does.
  func decodeSingleByte(
    into destination: UnsafeMutablePointer<UInt8>, from output: Int, to limit: Int, upper: UnsafePointer<UInt32>
  ) -> Int {
    decodeSingleByte(into: destination, from: output, to: limit) { upper[Int($0) &- 0x80] }
  }

  /// The loop of both: ASCII as it is, any other byte through `scalar`.
  @inline(__always)
  private func decodeSingleByte(
    into destination: UnsafeMutablePointer<UInt8>, from output: Int, to limit: Int, scalar: (UInt8) -> UInt32
  ) -> Int {
    var output = output
    var index = rawStart
    let end = rawEnd
    while output < limit && index < end {
      if end - index >= 8 && limit - output >= 8 {
        let word = UnsafeRawPointer(raw + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          UnsafeMutableRawPointer(destination + output).storeBytes(of: word, as: UInt64.self)
          index += 8
          output += 8
          continue
        }
      }
      let byte = raw[index]
      index += 1
      if byte < 0x80 {
        destination[output] = byte
        output += 1
      } else {
        emit(scalar(byte), into: destination, at: &output, limit: limit)
      }
    }
    rawStart = index
    return output
  }

  /// The code point of a Windows-1252 byte, per the WHATWG Encoding Standard's
  /// index-windows-1252: 0x80-0x9F map to the table below (the five bytes Windows leaves
  /// undefined map to the C1 control of the same value), every other byte to itself.
  @inline(__always)
  static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
    switch byte {
    case 0x80: 0x20AC  // €
    case 0x82: 0x201A  // ‚
    case 0x83: 0x0192  // ƒ
    case 0x84: 0x201E  // „
    case 0x85: 0x2026  // …
    case 0x86: 0x2020  // †
    case 0x87: 0x2021  // ‡
    case 0x88: 0x02C6  // ˆ
    case 0x89: 0x2030  // ‰
    case 0x8A: 0x0160  // Š
    case 0x8B: 0x2039  // ‹
    case 0x8C: 0x0152  // Œ
    case 0x8E: 0x017D  // Ž
    case 0x91: 0x2018  // ‘
    case 0x92: 0x2019  // ’
    case 0x93: 0x201C  // “
    case 0x94: 0x201D  // ”
    case 0x95: 0x2022  // •
    case 0x96: 0x2013  // –
    case 0x97: 0x2014  // —
    case 0x98: 0x02DC  // ˜
    case 0x99: 0x2122  // ™
    case 0x9A: 0x0161  // š
    case 0x9B: 0x203A  // ›
    case 0x9C: 0x0153  // œ
    case 0x9E: 0x017E  // ž
    case 0x9F: 0x0178  // Ÿ
    default: UInt32(byte)  // 0x00-0x7F, 0xA0-0xFF, and 0x81 0x8D 0x8F 0x90 0x9D
    }
  }
}
