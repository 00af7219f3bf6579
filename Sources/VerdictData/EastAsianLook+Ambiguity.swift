/// What is said when a sample reads in more than one East Asian code page.
extension EastAsianLook {
  /// The most bytes of the first word beyond ASCII that the message shows in each reading.
  static let wordLimit = 24

  /// The error for `sample`, which reads in every one of `readings`, or is `tooShort` to tell
  /// which of them (Windows-1252 among them) it is written in: where its first word beyond ASCII
  /// is, and that word in each, for the user to say which is right.
  static func ambiguity(
    in sample: UnsafeBufferPointer<UInt8>, readings: [TextEncoding], tooShort: Bool
  ) -> DataReadError {
    let word = firstWord(in: sample)
    let (line, column) = position(of: word.lowerBound, in: sample)
    let bytes = UnsafeBufferPointer(rebasing: sample[word])
    let shown = readings.map { encoding -> String in
      let westernScalars = bytes.compactMap { Unicode.Scalar(Transcoder.windows1252Scalar($0)) }
      let decoded =
        encoding == .windows1252
        ? String(String.UnicodeScalarView(westernScalars)) : MultiByteDecoder(encoding)?.text(of: bytes)
      let text = decoded.map { "\"\(MessageText.escaped($0))\"" }
      return "\(text ?? "nothing") in \(MultiByteDecoder.displayName(of: encoding))"
    }
    let what =
      tooShort
      ? "the file is not UTF-8, and it has too few characters beyond ASCII to tell which code page it is in"
      : "the file is not UTF-8, and its text reads in more than one East Asian code page"
    let options = readings.map { "--encoding \($0.rawValue)" }
    return DataReadError(
      line: line, column: column,
      message: "\(what): " + shown.joined(separator: ", "),
      hint: "give the one whose reading is right: \(options.joined(separator: " or ")); "
        + "or export the file as UTF-8")
  }

  /// The bytes of the sample's first word with a byte beyond ASCII: from the letters and digits
  /// before that byte to the next space, separator, quote or line break (the second byte of a
  /// character may be an ASCII letter or sign), at most ``wordLimit`` bytes.
  static func firstWord(in sample: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard let first = sample.firstIndex(where: { $0 >= 0x80 }) else { return 0..<0 }
    func inWord(_ byte: UInt8) -> Bool {
      byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x40 && byte <= 0x7E && byte != 0x7C)
    }
    func isAlphanumeric(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
    var start = first
    while start > 0, first - start < 8, isAlphanumeric(sample[start - 1]) { start -= 1 }
    var end = first
    while end < sample.count, end - start < wordLimit, inWord(sample[end]) { end += 1 }
    return start..<end
  }

  /// The 1-based line and byte column of `index` in `sample`; a line ends at LF, CR or CR LF.
  static func position(of index: Int, in sample: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var position = 0
    while position < index {
      let byte = sample[position]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, position + 1 < index, sample[position + 1] == 0x0A { position += 1 }
        line += 1
        lineStart = position + 1
      }
      position += 1
    }
    return (line, index - lineStart + 1)
  }
}
