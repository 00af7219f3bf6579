/// A sliding window of not-yet-consumed bytes from a `ByteSource`.
///
/// Readers parse directly out of `base[start..<end]`. When a record runs past `end`, they call
/// `refill()`, which moves the unconsumed bytes to the front of the buffer, grows it only if a
/// single record is larger than the buffer, and reads the next chunk behind them. Memory is
/// therefore bounded by the largest record (capped at `maxCapacity`), not by the file size.
final class ChunkWindow {
  /// The buffer; valid bytes are `base[start..<end]`.
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// The buffer's size in bytes.
  private(set) var capacity: Int
  /// The first byte not yet consumed by the reader.
  var start = 0
  /// One past the last byte read from the source.
  private(set) var end = 0
  /// True once the source reported the end of input.
  private(set) var isAtEndOfInput = false
  /// How many bytes of the input lie before `base[0]`, for absolute offsets.
  private(set) var bytesBefore = 0
  /// The largest the buffer may grow to.
  let maxCapacity: Int

  private let source: ByteSource

  /// Creates an empty window; the buffer starts at the source's chunk size.
  init(source: ByteSource, maxCapacity: Int) {
    self.source = source
    self.capacity = max(1, min(source.chunkSize, maxCapacity))
    self.maxCapacity = max(capacity, maxCapacity)
    self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The number of unconsumed bytes.
  var available: Int { end - start }

  /// Keeps `base[start..<end]`, moved to the front, and reads one more chunk behind it.
  ///
  /// Offsets held by the caller must be rebased relative to `start` across this call.
  /// - Returns: `false` when nothing can be added because the unconsumed bytes already fill
  ///   a buffer of `maxCapacity`; `true` otherwise (including when the input just ended,
  ///   which sets `isAtEndOfInput`).
  func refill() throws(DataReadError) -> Bool {
    if isAtEndOfInput {
      return true
    }
    if start > 0 {
      let kept = end - start
      if kept > 0 {
        // copyMemory is memmove: the regions may overlap.
        UnsafeMutableRawPointer(base).copyMemory(from: base + start, byteCount: kept)
      }
      bytesBefore += start
      start = 0
      end = kept
    }
    if end == capacity {
      guard capacity < maxCapacity else {
        return false
      }
      let grown = min(maxCapacity, capacity * 2)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      bigger.update(from: base, count: end)
      base.deallocate()
      base = bigger
      capacity = grown
    }
    let count = try source.read(
      into: UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end))
    if count == 0 {
      isAtEndOfInput = true
    }
    end += count
    return true
  }

  /// Refills until at least `count` bytes are available or the input ends.
  func ensureAvailable(_ count: Int) throws(DataReadError) {
    while available < count && !isAtEndOfInput {
      guard try refill() else {
        return
      }
    }
  }
}
