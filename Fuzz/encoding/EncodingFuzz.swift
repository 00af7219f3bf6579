@testable import VerdictData

/// Bytes → encoding detection → `ByteSource` with a tiny chunk size and a tiny buffer, for the
/// conversions the `csv` target's reference does not decode: the East Asian code pages
/// (``MultiByteDecoder``, iconv) and detection's choice between them (``EastAsianLook``).
///
/// The first byte chooses the encoding (detected, or one of the twelve forced), the second the
/// chunk size (1 to 16 bytes) and the size of the caller's buffer (1 to 8); the rest is the file.
/// Checked: what a source hands out is valid UTF-8 (but for UTF-8 passed through), and the same
/// (text, and error with its line, column and byte offset) whatever the chunk and buffer sizes
/// (before an error, the start of the same text);
/// an East Asian code page reads as iconv decodes the whole input at once, and fails exactly
/// when that fails or the input ends inside a character; detection refuses, or picks an
/// encoding, the same way every time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  let mode = input.byte()
  let sizes = input.byte()
  let chunkSize = 1 + Int(sizes & 15)
  let bufferSize = 1 + Int(sizes >> 4 & 7)
  let file = input.rest()
  let encodings = TextEncoding.allCases
  let choice = Int(mode) % (encodings.count + 1)
  let requested: TextEncoding? = choice == 0 ? nil : encodings[choice - 1]

  let whole = drain(ByteSource(bytes: file, encoding: requested, chunkSize: file.count + 1), bufferSize: 4096)
  let small = drain(ByteSource(bytes: file, encoding: requested, chunkSize: chunkSize), bufferSize: bufferSize)
  invariant(
    whole.encoding == small.encoding, "detected \(whole.encoding) whole, \(small.encoding) in chunks of \(chunkSize)")
  invariant(
    whole.error == small.error,
    "chunks of \(chunkSize) into \(bufferSize) bytes fail otherwise: \(String(describing: whole.error)), "
      + "\(String(describing: small.error))")
  // A read that fails hands out nothing of what it decoded, so how much text comes before an
  // error depends on the sizes; it is the start of the same text.
  let shorter = min(whole.output.count, small.output.count)
  invariant(
    whole.error == nil ? whole.output == small.output : whole.output.prefix(shorter) == small.output.prefix(shorter),
    "chunks of \(chunkSize) into \(bufferSize) bytes read otherwise: \(whole.output), \(small.output)")
  for read in [whole, small] where read.encoding != .utf8 {
    // Before an error, the text may end inside the character whose bytes were cut by the buffer.
    let text = read.error == nil ? read.output : Array(read.output.prefix(completeLength(read.output)))
    invariant(
      text.withUnsafeBufferPointer(TextEncoding.isValidUTF8),
      "\(read.encoding) handed out bytes that are not UTF-8: \(read.output)")
  }
  if let decoder = MultiByteDecoder(whole.encoding), whole.detectionFailure == nil {
    checkAgainstIconv(file, decoder: decoder, read: whole)
  }
  return 0
}

/// What a source hands out, read to the end or to its first error.
struct Drained {
  var encoding: TextEncoding
  var detectionFailure: DataReadError?
  var output: [UInt8] = []
  var error: DataReadError?
}

/// Reads `source` to the end through a buffer of `bufferSize` bytes.
func drain(_ source: ByteSource, bufferSize: Int) -> Drained {
  var result = Drained(encoding: source.encoding, detectionFailure: source.detectionFailure)
  var buffer = [UInt8](repeating: 0, count: bufferSize)
  var reads = 0
  do {
    while true {
      let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
      invariant(count <= bufferSize, "read \(count) bytes into a buffer of \(bufferSize)")
      if count == 0 { break }
      result.output += buffer[..<count]
      reads += 1
      invariant(reads <= 16 * (source.chunkSize + 64) * 1024, "no end to the reads")
    }
  } catch let error as DataReadError {
    result.error = error
  } catch {
    invariant(false, "read threw \(error)")
  }
  return result
}

/// The length of `bytes` without a UTF-8 character cut off at their end.
func completeLength(_ bytes: [UInt8]) -> Int {
  var start = bytes.count
  while start > 0, start > bytes.count - 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
  guard start > 0, bytes[start - 1] >= 0xC0 else { return bytes.count }
  let lead = bytes[start - 1]
  let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
  return bytes.count - (start - 1) < length ? start - 1 : bytes.count
}

/// Compares an East Asian code page's reading with iconv's decoding of the whole input at once:
/// the same text when that succeeds, an error when it fails, and an error when the input ends
/// inside a character (iconv leaves the cut character out; the source refuses it).
func checkAgainstIconv(_ file: [UInt8], decoder: MultiByteDecoder, read: Drained) {
  let reference = file.withUnsafeBufferPointer { decoder.text(of: $0) }
  guard let reference else {
    invariant(read.error != nil, "\(read.encoding): input iconv refuses was read without an error")
    return
  }
  let expected = Array(reference.utf8)
  if read.error == nil {
    invariant(read.output == expected, "\(read.encoding) reads \(read.output), iconv \(expected)")
  } else {
    invariant(
      read.error?.message.contains("ends inside a character") == true,
      "\(read.encoding): input iconv decodes fails with \(String(describing: read.error))")
    invariant(
      read.output.count <= expected.count && Array(expected.prefix(read.output.count)) == read.output,
      "\(read.encoding): before the cut character, \(read.output) is not the start of \(expected)")
  }
}
