import Foundation

/// Client keys by id, held as one buffer of UTF-8 bytes with the end of each key, and an
/// open-addressing hash index over them: a million keys cost their bytes plus 16 bytes each, and
/// finding one costs a hash of its bytes, without making a `String`.
///
/// A key's id is its position: ids are handed out in the order keys are appended.
struct KeyTable: Sendable {
  /// The keys' bytes, one after the other.
  private(set) var bytes: [UInt8] = []
  /// Where each key ends in `bytes` (it starts where the one before ends).
  private(set) var ends: [Int] = []
  /// Hash slots: the high half of a key's hash, then its id + 1 in the low half; 0 for an empty
  /// slot. Never more than half full.
  private var slots: [UInt64] = []

  /// How many keys there are.
  var count: Int { ends.count }

  /// The bytes of the key with `id`, as a range of `bytes`.
  @inline(__always)
  func range(of id: Int) -> Range<Int> {
    (id == 0 ? 0 : ends[id - 1])..<ends[id]
  }

  /// The key with `id`.
  func key(_ id: Int) -> String {
    String(decoding: bytes[range(of: id)], as: UTF8.self)
  }

  /// Makes room for `count` more keys of `bytes` bytes in all.
  mutating func reserve(keys count: Int, bytes: Int) {
    ends.reserveCapacity(ends.count + count)
    self.bytes.reserveCapacity(self.bytes.count + bytes)
  }

  /// Appends keys packed as their bytes one after the other and their lengths (packed numbers);
  /// `false`, with nothing appended, when they do not fit together or are not `count` keys.
  /// Call ``index()`` after the last.
  mutating func append(packed keyBytes: UnsafeRawBufferPointer, lengths: UnsafeRawBufferPointer, count: Int) -> Bool {
    var reader = PackedReader(lengths)
    let firstEnd = ends.count
    let start = bytes.count
    var end = start
    for _ in 0..<count {
      guard let length = reader.next(), length <= keyBytes.count else { break }
      end += Int(length)
      ends.append(end)
    }
    guard ends.count - firstEnd == count, reader.isAtEnd, end - start == keyBytes.count else {
      ends.removeSubrange(firstEnd...)
      return false
    }
    bytes.append(contentsOf: keyBytes)
    return true
  }

  /// Builds the hash index on another thread (for a large table, when the caller has other work
  /// meanwhile); `finish` waits for it and gives the indexed table.
  consuming func indexedInBackground() -> () -> KeyTable {
    guard count >= 50_000 else {
      index()
      let table = self
      return { table }
    }
    let build = IndexBuild(self)
    DispatchQueue.global().async { build.run() }
    return build.finish
  }

  /// Rebuilds the hash index over every key (after ``append(packed:lengths:count:)``).
  mutating func index() { rebuildIndex(minimum: count * 2) }

  /// Rebuilds the hash index with at least `minimum` slots (a power of two).
  private mutating func rebuildIndex(minimum: Int) {
    var size = 16
    while size < minimum { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    bytes.withUnsafeBufferPointer { all in
      slots.withUnsafeMutableBufferPointer { slots in
        var start = 0
        for id in 0..<ends.count {
          let end = ends[id]
          Self.place(id, hash: Self.hash(UnsafeBufferPointer(rebasing: all[start..<end])), in: slots)
          start = end
        }
      }
    }
  }

  /// Puts the key with `id` and `hash` in the first free slot from its own.
  @inline(__always)
  private static func place(_ id: Int, hash: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = (hash & 0xffff_ffff_0000_0000) | UInt64(id + 1)
  }

  /// The id of the key `key`, if it is in the table.
  @inline(__always)
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !slots.isEmpty else { return nil }
    let hash = Self.hash(key)
    let tag = hash & 0xffff_ffff_0000_0000
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry == 0 { return nil }
        let id = Int(entry & 0xffff_ffff) - 1
        if entry & 0xffff_ffff_0000_0000 == tag, matches(id, key) { return id }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Whether the key with `id` is `key`.
  @inline(__always)
  func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let range = range(of: id)
    guard range.count == key.count else { return false }
    return bytes.withUnsafeBufferPointer { all in
      key.isEmpty || memcmp(all.baseAddress! + range.lowerBound, key.baseAddress!, key.count) == 0
    }
  }

  /// Adds `key` (not in the table yet) with the next id, which it returns.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    if (count + 1) * 2 > slots.count { rebuildIndex(minimum: (count + 1) * 4) }
    let id = count
    bytes.append(contentsOf: key)
    ends.append(bytes.count)
    let hash = Self.hash(key)
    slots.withUnsafeMutableBufferPointer { Self.place(id, hash: hash, in: $0) }
    return id
  }

  /// A hash of the bytes: eight at a time multiplied in, then mixed (MurmurHash3's finalizer),
  /// so that keys that differ in a digit spread over the whole table.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = UInt64(truncatingIfNeeded: key.count) &* 0x9e37_79b9_7f4a_7c15
    var offset = 0
    let raw = UnsafeRawBufferPointer(key)
    while offset + 8 <= key.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = ((hash ^ word) &* 0x9e37_79b9_7f4a_7c15).rotatedLeft(by: 31)
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < key.count {
      tail |= UInt64(key[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail) &* 0x9e37_79b9_7f4a_7c15
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    hash = hash &* 0xc4ce_b9fe_1a85_ec53
    return hash ^ (hash >> 33)
  }
}

extension UInt64 {
  @inline(__always)
  fileprivate func rotatedLeft(by bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}

/// A key table whose index is being built on another thread; the semaphore orders the build
/// before `finish` reads the table.
private final class IndexBuild: @unchecked Sendable {
  private var table: KeyTable
  private let done = DispatchSemaphore(value: 0)

  init(_ table: KeyTable) {
    self.table = table
  }

  func run() {
    table.index()
    done.signal()
  }

  func finish() -> KeyTable {
    done.wait()
    return table
  }
}

/// Runs `body` on the UTF-8 bytes of `key`, without copying a native string.
@inline(__always)
func withBytes<T>(of key: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
  if let result = try key.utf8.withContiguousStorageIfAvailable(body) { return result }
  return try Array(key.utf8).withUnsafeBufferPointer(body)
}
