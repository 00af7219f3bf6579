#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An East Asian code page decoded to UTF-8 by the C library's `iconv`, which has the tables of
/// tens of thousands of characters that Shift_JIS, EUC-JP, GBK, Big5 and EUC-KR map (glibc's `gconv`
/// modules, part of every Linux system's C library; Darwin's `libiconv`).
final class MultiByteDecoder {
  /// How far one call got.
  enum Outcome: Equatable {
    /// Every input byte was decoded.
    case done
    /// The output is full; the rest of the input waits.
    case outputFull
    /// The input ends inside a character, whose bytes wait for more input.
    case cutCharacter
    /// The input's next bytes are no character of the code page.
    case invalid
  }

  /// The code page.
  let encoding: TextEncoding
  private let converter: iconv_t

  /// A decoder of `encoding`, one of the East Asian code pages; `nil` when the C library cannot
  /// decode it (a system without its conversion modules).
  init?(_ encoding: TextEncoding) {
    guard let name = MultiByteDecoder.iconvName(of: encoding) else { return nil }
    // `iconv_open` says it cannot with `(iconv_t) -1`.
    guard let converter = iconv_open("UTF-8", name), Int(bitPattern: converter) != -1 else { return nil }
    self.encoding = encoding
    self.converter = converter
  }

  deinit { iconv_close(converter) }

  /// The name `iconv` knows the code page by: Windows' code pages, as Excel writes them.
  static func iconvName(of encoding: TextEncoding) -> String? {
    switch encoding {
    case .shiftJIS: "CP932"
    case .eucJP: "EUC-JP"
    case .gbk: "GB18030"
    case .big5: "CP950"
    case .eucKR: "CP949"
    case .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16: nil
    }
  }

  /// The code page's name in messages.
  static func displayName(of encoding: TextEncoding) -> String {
    switch encoding {
    case .shiftJIS: "Shift_JIS"
    case .eucJP: "EUC-JP"
    case .gbk: "GBK"
    case .big5: "Big5"
    case .eucKR: "EUC-KR"
    case .windows1252: "Windows-1252"
    case .utf8, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .utf16: encoding.rawValue
    }
  }

  /// Decodes `input` into `output`, as far as both go.
  /// - Returns: How many bytes were read and written, and why decoding stopped.
  func decode(
    _ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>, capacity: Int
  ) -> (read: Int, written: Int, outcome: Outcome) {
    var inputLeft = count
    var outputLeft = capacity
    var inputNext: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input)
      .assumingMemoryBound(to: CChar.self)
    var outputNext: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
    let result = iconv(converter, &inputNext, &inputLeft, &outputNext, &outputLeft)
    let outcome: Outcome
    if result != -1 {
      outcome = .done
    } else {
      switch errno {
      case E2BIG: outcome = .outputFull
      case EINVAL: outcome = .cutCharacter
      default: outcome = .invalid
      }
    }
    return (count - inputLeft, capacity - outputLeft, outcome)
  }

  /// `bytes` decoded whole, leaving out a character cut by their end; `nil` when they hold a
  /// sequence that is no character.
  func text(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
    // Four bytes of UTF-8 a byte is more than any of the code pages needs.
    let capacity = 4 * bytes.count
    let output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { output.deallocate() }
    let (_, written, outcome) = decode(base, count: bytes.count, into: output, capacity: capacity)
    iconv(converter, nil, nil, nil, nil)
    guard outcome != .invalid else { return nil }
    return String(decoding: UnsafeBufferPointer(start: output, count: written), as: UTF8.self)
  }
}
