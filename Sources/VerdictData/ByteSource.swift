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
public final class ByteSource {
  /// The size of one read: 1 MiB.
  public static let defaultChunkSize = 1 << 20

  /// A name for messages: the path, `<stdin>` or `<memory>`.
  public let name: String

  /// The most bytes one `read(into:)` call returns.
  let chunkSize: Int

  private let descriptor: Int32
  private let closesDescriptor: Bool
  private let memory: [UInt8]
  private var memoryOffset = 0

  /// Opens the file at `path` for reading; `"-"` reads standard input.
  ///
  /// - Throws: `DataReadError` (without a position) when the file cannot be opened.
  public convenience init(path: String) throws(DataReadError) {
    try self.init(path: path, chunkSize: ByteSource.defaultChunkSize)
  }

  /// Reads the given bytes, for tests and for data that is already in memory.
  public convenience init(bytes: [UInt8]) {
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
      throw DataReadError.io("cannot open '\(path)': \(ByteSource.describeErrno())")
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

  /// Reads up to `min(buffer.count, chunk size)` bytes into `buffer`.
  ///
  /// - Returns: The number of bytes read; 0 means the end of the input.
  /// - Throws: `DataReadError` (without a position) when the operating system reports a read error.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataReadError) -> Int {
    let wanted = min(buffer.count, chunkSize)
    guard wanted > 0, let destination = buffer.baseAddress else {
      return 0
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
    while true {
      let count = readDescriptor(descriptor, destination, wanted)
      if count >= 0 {
        return count
      }
      if errno != EINTR {
        throw DataReadError.io("cannot read '\(name)': \(ByteSource.describeErrno())")
      }
    }
  }

  private static func describeErrno() -> String {
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
