extension Transcoder {
  /// Decodes UTF-16 raw bytes into `destination[output..<limit]`.
  ///
  /// A 16-bit unit or a surrogate pair cut by the end of the raw bytes stays in the raw buffer
  /// until the next read completes it. A byte order mark as the first character is dropped.
  /// - Returns: The new output position; stops when the output is full or the raw bytes run out.
  /// - Throws: `DataReadError` for an unpaired surrogate or an odd byte at the end of the input.
  func decodeUTF16(
    into destination: UnsafeMutablePointer<UInt8>, from output: Int, to limit: Int, order: UTF16ByteOrder
  ) throws(DataReadError) -> Int {
    var output = output
    var index = rawStart
    let end = rawEnd
    defer { rawStart = index }
    while output < limit {
      let left = end - index
      guard left >= 2 else {
        if left == 1 && rawAtEnd {
          throw invalidUTF16(
            "its last byte, at byte offset \(rawBytesBefore + index), is half a 16-bit unit "
              + "(the input has an odd number of bytes)")
        }
        break
      }
      let unit = loadUnit(at: index, order: order)
      var scalar = UInt32(unit)
      var size = 2
      if unit & 0xF800 == 0xD800 {
        guard unit < 0xDC00 else {
          throw invalidUTF16(
            "low surrogate \(Transcoder.hex(unit)) at byte offset \(rawBytesBefore + index) "
              + "has no high surrogate before it")
        }
        guard left >= 4 else {
          if rawAtEnd {
            throw invalidUTF16(
              "high surrogate \(Transcoder.hex(unit)) at byte offset \(rawBytesBefore + index) "
                + "ends the input without a low surrogate")
          }
          break
        }
        let next = loadUnit(at: index + 2, order: order)
        guard next & 0xFC00 == 0xDC00 else {
          throw invalidUTF16(
            "high surrogate \(Transcoder.hex(unit)) at byte offset \(rawBytesBefore + index) "
              + "is followed by \(Transcoder.hex(next)), not by a low surrogate")
        }
        scalar = 0x1_0000 + (UInt32(unit - 0xD800) << 10 | UInt32(next - 0xDC00))
        size = 4
      }
      index += size
      if atStart {
        atStart = false
        if scalar == 0xFEFF {
          continue
        }
      }
      advance(past: scalar, width: Transcoder.utf8Length(of: scalar))
      if scalar < 0x80 {
        destination[output] = UInt8(truncatingIfNeeded: scalar)
        output += 1
      } else {
        emit(scalar, into: destination, at: &output, limit: limit)
      }
    }
    return output
  }

  /// The 16-bit unit at `raw[index]` in the given byte order.
  @inline(__always)
  private func loadUnit(at index: Int, order: UTF16ByteOrder) -> UInt16 {
    let first = UInt16(raw[index])
    let second = UInt16(raw[index + 1])
    switch order {
    case .littleEndian:
      return first | second << 8
    case .bigEndian:
      return first << 8 | second
    }
  }

  /// An error for invalid UTF-16, placed at the line and column the character would have
  /// had in the UTF-8 text.
  private func invalidUTF16(_ detail: String) -> DataReadError {
    DataReadError(
      line: line, column: column, message: "the input is not valid UTF-16: \(detail)",
      hint: "the export is damaged or is not UTF-16; export it again (UTF-8 is safest) "
        + "or read it with the encoding it really has")
  }

  /// `0xD83D` style text for a 16-bit unit.
  private static func hex(_ unit: UInt16) -> String {
    let digits = String(unit, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
  }
}
