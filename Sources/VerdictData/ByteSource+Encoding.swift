/// Opening a source in an encoding, or detecting it: what the conversion to UTF-8 is.
extension ByteSource {
  /// Opens the file at `path` (`"-"`: standard input) and converts it from `encoding` to UTF-8.
  ///
  /// With `encoding: nil` the encoding is detected from the first 1 MiB of input, which is
  /// read ahead (so standard input works too; it blocks until 1 MiB or the end arrives).
  /// With a forced `utf16`, the first 1 KiB is read ahead to find the byte order.
  /// Check `encoding` for the result.
  /// - Throws: `DataReadError` (without a position) when the file cannot be opened or read.
  package convenience init(path: String, encoding: TextEncoding?) throws(DataReadError) {
    try self.init(path: path, encoding: encoding, chunkSize: ByteSource.defaultChunkSize)
  }

  /// Reads the given bytes, converting them from `encoding` to UTF-8 (`nil`: detect it).
  package convenience init(bytes: [UInt8], encoding: TextEncoding?) {
    self.init(bytes: bytes, encoding: encoding, chunkSize: ByteSource.defaultChunkSize)
  }

  /// `init(path:encoding:)` handing out at most `chunkSize` bytes per read (tests use tiny sizes).
  convenience init(path: String, encoding: TextEncoding?, chunkSize: Int) throws(DataReadError) {
    try self.init(path: path, chunkSize: chunkSize)
    try readAhead(ByteSource.sampleSize(for: encoding))
    try refuseForeign()
    let wholeInput = descriptorAtEnd
    try lookahead.withUnsafeBufferPointer { (sample) throws(DataReadError) in
      try configure(encoding, sample: sample, isWholeInput: wholeInput)
    }
  }

  /// `init(bytes:encoding:)` handing out at most `chunkSize` bytes per read (tests use tiny sizes).
  convenience init(bytes: [UInt8], encoding: TextEncoding?, chunkSize: Int) {
    self.init(bytes: bytes, chunkSize: chunkSize)
    let sampleSize = ByteSource.sampleSize(for: encoding)
    bytes.withUnsafeBufferPointer { all in
      let sample = UnsafeBufferPointer(rebasing: all.prefix(sampleSize))
      do throws(DataReadError) {
        try configure(encoding, sample: sample, isWholeInput: sample.count == all.count)
      } catch {
        detectionFailure = error
      }
    }
  }

  /// How much of the input deciding `encoding` needs: 1 MiB to detect, 1 KiB for the byte
  /// order of forced UTF-16, otherwise what telling a file that is not text needs.
  private static func sampleSize(for encoding: TextEncoding?) -> Int {
    guard let encoding else {
      return detectionSampleSize
    }
    switch encoding {
    case .utf16:
      return TextEncoding.utf16PatternWindow
    case .utf8, .windows1252, .latin1, .windows1250, .windows1251, .windows1254, .macRoman, .shiftJIS, .eucJP, .gbk,
      .big5, .eucKR:
      return ForeignFileKind.signatureLength
    }
  }

  /// Sets `encoding` and the conversion from the requested encoding, or from the one
  /// detected in `sample` (the start of the input).
  /// - Throws: `DataReadError` when detection finds the sample in more than one East Asian
  ///   code page (``EastAsianLook``).
  private func configure(
    _ requested: TextEncoding?, sample: UnsafeBufferPointer<UInt8>, isWholeInput: Bool
  ) throws(DataReadError) {
    let chosen: TextEncoding
    if let requested {
      chosen = requested
    } else {
      chosen = try TextEncoding.detect(in: sample, isWholeInput: isWholeInput)
    }
    encoding = chosen
    if requested == nil, chosen == .windows1252 {
      codePageLook = CodePageLook.find(in: UnsafeBufferPointer(rebasing: sample.prefix(1 << 16)))
    }
    switch chosen {
    case .utf8:
      transcoder = nil
    case .windows1252:
      transcoder = Transcoder(decoding: .windows1252, readSize: chunkSize)
    case .latin1:
      transcoder = Transcoder(decoding: .latin1, readSize: chunkSize)
    case .windows1250:
      transcoder = Transcoder(decoding: .codePage(CodePageTables.windows1250), readSize: chunkSize)
    case .windows1251:
      transcoder = Transcoder(decoding: .codePage(CodePageTables.windows1251), readSize: chunkSize)
    case .windows1254:
      transcoder = Transcoder(decoding: .codePage(CodePageTables.windows1254), readSize: chunkSize)
    case .macRoman:
      transcoder = Transcoder(decoding: .codePage(CodePageTables.macRoman), readSize: chunkSize)
    case .utf16:
      transcoder = Transcoder(decoding: .utf16(TextEncoding.utf16ByteOrder(of: sample)), readSize: chunkSize)
    case .shiftJIS, .eucJP, .gbk, .big5, .eucKR:
      transcoder = Transcoder(decoding: .multiByte(chosen), readSize: chunkSize)
    }
  }
}
