extension Transcoder {
  /// Decodes raw bytes in an East Asian code page (``MultiByteDecoder``) into
  /// `destination[output..<limit]`.
  ///
  /// A character cut by the end of the raw bytes stays in the raw buffer until the next read
  /// completes it; one whose UTF-8 form does not fit before `limit` is written partly, its
  /// other bytes waiting in `pending`.
  /// - Returns: The new output position; stops when the output is full or the raw bytes run out.
  /// - Throws: `DataReadError` for bytes that are no character of the code page, input that
  ///   ends inside a character, or a C library that cannot decode the code page.
  func decodeMultiByte(
    _ encoding: TextEncoding, into destination: UnsafeMutablePointer<UInt8>, from output: Int, to limit: Int
  ) throws(DataReadError) -> Int {
    guard let decoder = multiByte else { throw Transcoder.undecodable(encoding) }
    var output = output
    while output < limit && rawStart < rawEnd {
      let room = limit - output
      let step: (read: Int, written: Int, outcome: MultiByteDecoder.Outcome)
      if room >= 4 {
        step = decoder.decode(raw + rawStart, count: rawEnd - rawStart, into: destination + output, capacity: room)
        track(UnsafeBufferPointer(start: destination + output, count: step.written))
        output += step.written
      } else {
        // Less room than a character may need: decoded into a word, of which what does not
        // fit waits in `pending` (at most three bytes, as at least one fits).
        var word: UInt32 = 0
        step = withUnsafeMutableBytes(of: &word) { bytes in
          let output = bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self)
          return decoder.decode(raw + rawStart, count: rawEnd - rawStart, into: output, capacity: 4)
        }
        withUnsafeBytes(of: word) { bytes in
          track(UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self).prefix(step.written)))
        }
        emit(utf8: UInt32(littleEndian: word), length: step.written, into: destination, at: &output, limit: limit)
      }
      rawStart += step.read
      switch step.outcome {
      case .done, .outputFull:
        if step.read == 0 && step.written == 0 { return output }
      case .cutCharacter:
        guard rawAtEnd else { return output }
        throw invalidMultiByte(encoding, "it ends inside a character (\(rawHex(rawEnd - rawStart)))")
      case .invalid:
        // The message shows the two bytes of the sequence, and so must not depend on where a
        // read ended: with its first byte alone left, the next read comes first.
        if rawEnd - rawStart < 2 && !rawAtEnd { return output }
        let count = min(2, rawEnd - rawStart)
        throw invalidMultiByte(encoding, "\(rawHex(count)) \(count == 1 ? "is" : "are") no character of it")
      }
    }
    return output
  }

  /// Follows the line and column of the UTF-8 output through `bytes`, for errors.
  private func track(_ bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes { advance(past: UInt32(byte), width: 1) }
  }

  /// The next `count` raw bytes in hexadecimal, with the byte offset of the first: `bytes 82 20
  /// at byte offset 118`.
  private func rawHex(_ count: Int) -> String {
    let digits = (0..<count).map { offset -> String in
      let text = String(raw[rawStart + offset], radix: 16, uppercase: true)
      return text.count == 1 ? "0" + text : text
    }
    let noun = count == 1 ? "byte" : "bytes"
    return "\(noun) \(digits.joined(separator: " ")) at byte offset \(rawBytesBefore + rawStart)"
  }

  /// An error for input that is not valid in the code page, placed at the line and column the
  /// character would have had in the UTF-8 text.
  private func invalidMultiByte(_ encoding: TextEncoding, _ detail: String) -> DataReadError {
    let name = MultiByteDecoder.displayName(of: encoding)
    return DataReadError(
      line: line, column: column, message: "the input is not valid \(name): \(detail)",
      hint: "the export is damaged or is not \(name) throughout; export it again (UTF-8 is safest) "
        + "or read it with the encoding it really has")
  }

  /// The error for a code page the C library cannot decode.
  private static func undecodable(_ encoding: TextEncoding) -> DataReadError {
    let name = MultiByteDecoder.displayName(of: encoding)
    let iconvName = MultiByteDecoder.iconvName(of: encoding) ?? encoding.rawValue
    return DataReadError.io(
      "cannot read \(name) here: the C library's iconv has no \(iconvName) conversion; install its "
        + "conversion modules (glibc's gconv) or export the file as UTF-8")
  }
}
