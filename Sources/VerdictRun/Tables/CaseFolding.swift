/// Lower case for the texts a run compares regardless of case, the lookalike keys of record
/// tables (``LookalikeKeys``) and the labels of totals rows (``TotalsRow``), without making a
/// `String`: nearly every key and label is ASCII or Latin-1 (`Café Müller`, `TOTAL GÉNÉRAL`).
enum CaseFolding {
  /// Lowers the capital letters of the UTF-8 text in `bytes` in place when it is ASCII and
  /// Latin-1 alone (U+0000–U+00FF): `A`–`Z`, and `À`–`Þ` but `×`, whose second byte is 0x20
  /// below their small letter's. `false` for text with any other character (or not UTF-8),
  /// whose case takes `String.lowercased()`; `bytes` is then partly lowered.
  static func lowerLatin1(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte &- 0x41 < 26 {
        bytes[index] = byte | 0x20
      } else if byte >= 0x80 {
        guard byte == 0xC2 || byte == 0xC3, index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        if byte == 0xC3, next >= 0x80, next <= 0x9E, next != 0x97 { bytes[index + 1] = next | 0x20 }
        index += 1
      }
      index += 1
    }
    return true
  }
}
