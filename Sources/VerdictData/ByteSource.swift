#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte input read in chunks: a file path, `"-"` for standard input, or bytes in memory.
///
/// Files are read with `read(2)` straight into the reader's reused buffer, so no per-chunk
/// allocation happens. A source is consumed once, by one reader.
///
/// A source always hands out UTF-8. The initializers without an `encoding` pass the bytes
/// through untouched. Those with one convert other encodings to UTF-8 while reading, and
/// with `encoding: nil` detect the encoding from the first 1 MiB (see `TextEncoding`).
package final class ByteSource {
  /// The size of one read: 1 MiB.
  package static let defaultChunkSize = 1 << 20

  /// How many bytes at the start of the input encoding detection looks at: 1 MiB.
  static let detectionSampleSize = 1 << 20

  /// A name for messages: the path, `<stdin>` or `<memory>`.
  package let name: String

  /// The encoding of the input: the one asked for, the detected one, or `utf8` for a source
  /// opened without an encoding. Known as soon as the source is created.
  package internal(set) var encoding: TextEncoding = .utf8

  /// When the input was detected as Windows-1252 (not asked for), the other code page its first
  /// 64 KiB look written in, if they do (``CodePageLook``).
  package internal(set) var codePageLook: CodePageLook?

  /// The most bytes one `read(into:)` call returns.
  let chunkSize: Int

  private let descriptor: Int32
  private let closesDescriptor: Bool
  private let memory: [UInt8]
  private var memoryOffset = 0
  /// Bytes read from the descriptor ahead of time for encoding detection; served first.
  var lookahead: [UInt8] = []
  private var lookaheadOffset = 0
  /// Whether the descriptor reported the end of input (a terminal is never read again).
  var descriptorAtEnd = false
  /// The conversion to UTF-8; `nil` for UTF-8 input, which is passed through.
  var transcoder: Transcoder?
  /// For bytes in memory, why detection could not decide their encoding, thrown by the first read.
  var detectionFailure: DataReadError?

  /// Opens the file at `path` for reading; `"-"` reads standard input.
  ///
  /// - Throws: `DataReadError` (without a position) when the file cannot be opened, or is not
  ///   CSV or JSON text (``ForeignFileKind``).
  package convenience init(path: String) throws(DataReadError) {
    try self.init(path: path, chunkSize: ByteSource.defaultChunkSize)
    try readAhead(ForeignFileKind.signatureLength)
    try refuseForeign()
  }

  /// Whether the input starts as UTF-16 text does (``TextEncoding/looksLikeUTF16(_:)``), from the
  /// bytes read ahead when it was opened: JSON data, read as UTF-8, refuses it.
  package var startsLikeUTF16: Bool {
    lookahead.withUnsafeBufferPointer(TextEncoding.looksLikeUTF16)
  }

  /// Reads the given bytes, for tests and for data that is already in memory.
  package convenience init(bytes: [UInt8]) {
    self.init(bytes: bytes, chunkSize: ByteSource.defaultChunkSize)
  }

  /// Opens `path` and hands out at most `chunkSize` bytes per read (tests use tiny sizes).
  init(path: String, chunkSize: Int) throws(DataReadError) {
    self.chunkSize = max(1, chunkSize)
    self.memory = []
    if path == "-" {
      self.name = "<stdin>"
      self.descriptor = STDIN_FILENO
      self.closesDescriptor = false
      return
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw DataReadError.io("cannot open '\(MessageText.escaped(path))': \(ByteSource.describeErrno())")
    }
    self.name = path
    self.descriptor = descriptor
    self.closesDescriptor = true
  }

  /// Serves `bytes` in pieces of at most `chunkSize` bytes (tests use tiny sizes).
  init(bytes: [UInt8], chunkSize: Int) {
    self.chunkSize = max(1, chunkSize)
    self.name = "<memory>"
    self.descriptor = -1
    self.closesDescriptor = false
    self.memory = bytes
  }

  deinit {
    if closesDescriptor {
      close(descriptor)
    }
  }

  /// Reads up to `min(buffer.count, chunk size)` bytes of UTF-8 into `buffer`.
  ///
  /// For input in another encoding, the bytes are the UTF-8 conversion of the input; a
  /// character may be split between two calls.
  /// - Returns: The number of bytes read; 0 means the end of the input.
  /// - Throws: `DataReadError` (without a position) when the operating system reports a read
  ///   error; `DataReadError` with a line and column for input that is not valid UTF-16.
  package func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataReadError) -> Int {
    let wanted = min(buffer.count, chunkSize)
    guard wanted > 0, let destination = buffer.baseAddress else {
      return 0
    }
    if let detectionFailure { throw detectionFailure }
    if let transcoder {
      return try transcoder.read(
        into: destination.assumingMemoryBound(to: UInt8.self), count: wanted, from: self)
    }
    return try readRaw(into: destination, count: wanted)
  }

  /// Reads up to `count` bytes of the input as they are, without conversion.
  func readRaw(into destination: UnsafeMutableRawPointer, count wanted: Int) throws(DataReadError) -> Int {
    if lookaheadOffset < lookahead.count {
      let count = min(wanted, lookahead.count - lookaheadOffset)
      lookahead.withUnsafeBytes { source in
        if let start = source.baseAddress {
          destination.copyMemory(from: start + lookaheadOffset, byteCount: count)
        }
      }
      lookaheadOffset += count
      if lookaheadOffset == lookahead.count {
        lookahead = []
        lookaheadOffset = 0
      }
      return count
    }
    if descriptor < 0 {
      let count = min(wanted, memory.count - memoryOffset)
      guard count > 0 else {
        return 0
      }
      memory.withUnsafeBytes { source in
        if let start = source.baseAddress {
          destination.copyMemory(from: start + memoryOffset, byteCount: count)
        }
      }
      memoryOffset += count
      return count
    }
    return try readDescriptorRetrying(into: destination, count: wanted)
  }

  /// One `read(2)` of at most `count` bytes, retried when interrupted by a signal.
  private func readDescriptorRetrying(into destination: UnsafeMutableRawPointer, count wanted: Int)
    throws(DataReadError) -> Int
  {
    if descriptorAtEnd {
      return 0
    }
    while true {
      let count = readDescriptor(descriptor, destination, wanted)
      if count > 0 {
        return count
      }
      if count == 0 {
        descriptorAtEnd = true
        return 0
      }
      if errno != EINTR {
        throw DataReadError.io("cannot read '\(MessageText.escaped(name))': \(ByteSource.describeErrno())")
      }
    }
  }

  /// Throws when the input read ahead starts as a workbook, a compressed file, markup or another
  /// file that is not CSV or JSON text does: read as CSV, its bytes would be a header of nonsense.
  func refuseForeign() throws(DataReadError) {
    if let kind = ForeignFileKind(start: lookahead) {
      throw kind.refusal(name: name)
    }
  }

  /// Reads the first `count` bytes of a file (fewer at the end of input) into `lookahead`; from
  /// a pipe or terminal, only what the first reads bring once they hold a file signature's
  /// worth (``ForeignFileKind/signatureLength``), so that a slow writer's first rows are not held
  /// back until `count` bytes have come, and a compressed stream is still known.
  func readAhead(_ count: Int) throws(DataReadError) {
    var status = stat()
    let streams = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
    var failure: DataReadError?
    // Read into uninitialized room: zeroing a megabyte first, to keep only what a small file
    // brings, was 256 page faults each time a file is opened (three times a run).
    let sample = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = 0
      guard let base = buffer.baseAddress else {
        return
      }
      do throws(DataReadError) {
        while filled < count {
          let read = try readDescriptorRetrying(into: base + filled, count: count - filled)
          if read == 0 {
            break
          }
          filled += read
          if streams && filled >= min(count, ForeignFileKind.signatureLength) {
            break
          }
        }
      } catch {
        failure = error
      }
    }
    if let failure {
      throw failure
    }
    lookahead = sample
  }

  private static func describeErrno() -> String {
    // A folder opens, and fails at its first read: said as every command says it.
    if errno == EISDIR { return "it is a folder" }
    guard let text = strerror(errno) else {
      return "error \(errno)"
    }
    return String(cString: text)
  }
}

/// `read(2)`, named apart from `ByteSource.read(into:)`.
private func readDescriptor(
  _ descriptor: Int32, _ destination: UnsafeMutableRawPointer, _ count: Int
) -> Int {
  read(descriptor, destination, count)
}
