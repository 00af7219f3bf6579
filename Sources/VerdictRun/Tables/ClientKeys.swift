import Foundation

/// The client keys of a run's record tables, in the order they first appear, with an index to
/// find a key's number from its bytes.
///
/// Ten million records look up their client here, so a look-up makes no `String`: the keys'
/// bytes are kept end to end in one arena, and the index is an open-addressing table of 64-bit
/// entries (the high half of the key's hash, to skip most wrong slots without reading the
/// arena, and the key's number plus one; 0 marks a free slot). A million keys of 8 bytes take
/// about 32 MB: their bytes, where each ends, and two index slots each.
struct ClientKeys: RandomAccessCollection {
  /// The keys' bytes, end to end.
  private var bytes: [UInt8] = []
  /// Where each key ends in ``bytes``; it starts where the one before ends.
  private var ends: [Int] = []
  /// The index, a power of two in size, never more than half full.
  private var slots = [UInt64](repeating: 0, count: 1 << 12)

  /// The first key's number.
  var startIndex: Int { 0 }
  /// One past the last key's number.
  var endIndex: Int { ends.count }

  /// Key `number`, as text.
  subscript(number: Int) -> String {
    let start = number == 0 ? 0 : ends[number - 1]
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[number]]), as: UTF8.self)
    }
  }

  /// Calls `body` with the bytes of key `number`.
  func withBytes<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let start = number == 0 ? 0 : ends[number - 1]
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[number]])) }
  }

  /// The number of `key`, if it is known.
  func number(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let found = find(key, hash: ClientKeys.hash(key))
    return found.number
  }

  /// The number of `key`, which is added (as the next number) if new; `isNew` says which.
  mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int32, isNew: Bool) {
    add(key, hash: ClientKeys.hash(key))
  }

  /// The same, for a key whose ``hash(_:)`` is known.
  mutating func add(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int32, isNew: Bool) {
    let found = find(key, hash: hash)
    if let number = found.number { return (number, false) }
    let number = Int32(ends.count)
    bytes.append(contentsOf: key)
    ends.append(bytes.count)
    slots[found.slot] = ClientKeys.entry(hash: hash, number: number)
    if ends.count * 2 > slots.count { grow() }
    return (number, true)
  }

  /// Reads the slot each hash starts at, and the bounds and first bytes of the key it holds, and
  /// returns a value made of them (so that the reads are kept). Why: with a million clients every
  /// lookup misses the cache, and one at a time each waits for its miss; reading a whole batch's
  /// slots first lets the misses overlap, and the lookups then find them in cache.
  func warm(_ hashes: UnsafeBufferPointer<UInt64>) -> UInt64 {
    slots.withUnsafeBufferPointer { slots in
      ends.withUnsafeBufferPointer { ends in
        bytes.withUnsafeBufferPointer { bytes in
          let mask = slots.count &- 1
          var sum: UInt64 = 0
          for hash in hashes {
            let entry = slots[Int(truncatingIfNeeded: hash) & mask]
            sum &+= entry
            guard entry != 0 else { continue }
            let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
            let end = ends[number]
            sum &+= UInt64(truncatingIfNeeded: end)
            if end > 0 { sum &+= UInt64(bytes[end &- 1]) }
          }
          return sum
        }
      }
    }
  }

  /// The key's number, or the free slot where it would go.
  @inline(__always)
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int32?, slot: Int) {
    slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { bytes in
        ends.withUnsafeBufferPointer { ends in
          let mask = slots.count &- 1
          let tag = hash & 0xFFFF_FFFF_0000_0000
          var slot = Int(truncatingIfNeeded: hash) & mask
          while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
              let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
              let start = number == 0 ? 0 : ends[number &- 1]
              let held = UnsafeBufferPointer(rebasing: bytes[start..<ends[number]])
              if ClientKeys.same(held, key) { return (Int32(truncatingIfNeeded: number), slot) }
            }
            slot = (slot &+ 1) & mask
          }
        }
      }
    }
  }

  @inline(__always)
  private static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let a = left.baseAddress, let b = right.baseAddress else { return true }
    // Most keys are short: compare them here rather than call memcmp.
    if left.count <= 16 {
      for index in 0..<left.count where a[index] != b[index] { return false }
      return true
    }
    return memcmp(a, b, left.count) == 0
  }

  @inline(__always)
  private static func entry(hash: UInt64, number: Int32) -> UInt64 {
    (hash & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(bitPattern: number) &+ 1)
  }

  /// Doubles the index, placing every key again.
  private mutating func grow() {
    var grown = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = grown.count - 1
    bytes.withUnsafeBufferPointer { bytes in
      var start = 0
      for (number, end) in ends.enumerated() {
        let hash = ClientKeys.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while grown[slot] != 0 { slot = (slot &+ 1) & mask }
        grown[slot] = ClientKeys.entry(hash: hash, number: Int32(number))
        start = end
      }
    }
    slots = grown
  }

  /// A hash of the key's bytes, eight at a time: client keys are short, and every record has one.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset &+ 8 <= key.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 29
      offset &+= 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < key.count {
      tail |= UInt64(base[offset]) << shift
      shift &+= 8
      offset &+= 1
    }
    // A full finalizer (MurMur3's): keys that differ only in their last bytes, such as
    // `C1000291` and `C1000292`, must still differ in the low bits that pick a slot.
    hash ^= tail
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 33)
  }
}
