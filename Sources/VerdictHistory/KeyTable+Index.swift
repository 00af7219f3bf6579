import Foundation

/// A ``KeyTable``'s hash index: built (on another thread for a large table) and grown, and the
/// lookups and inserts that go through it.
extension KeyTable {
  /// Builds the hash index on another thread (for a large table): the table can be used at once,
  /// and a lookup that needs the index waits for it. Lookups of the key with a given id
  /// (``matches(_:_:)``) never wait.
  mutating func indexInBackground() {
    guard count >= 50_000 else { return index() }
    let build = IndexBuild(bytes: bytes, ends: ends)
    pending = build
    DispatchQueue.global().async { build.run() }
  }

  /// Rebuilds the hash index over every key (after ``append(packed:lengths:count:)``).
  mutating func index() {
    pending = nil
    rebuildIndex(minimum: count * 2)
  }

  /// Rebuilds the hash index with at least `minimum` slots (a power of two).
  private mutating func rebuildIndex(minimum: Int) {
    slots = Self.slots(bytes: bytes, ends: ends, minimum: minimum)
  }

  /// Makes the index ready to take `additional` more keys by ``insert(_:)`` without growing or
  /// being copied, so that the slots ``touch(_:)`` loads are the ones the inserts use.
  mutating func reserveIndex(_ additional: Int) {
    if let pending {
      slots = pending.slots()
      self.pending = nil
    }
    if (count + additional) * 2 > slots.buffer.count {
      // Doubling, not more: the memory of each new index is cleared by the kernel page by page.
      grow(minimum: (count + additional) * 2)
    } else if !isKnownUniquelyReferenced(&slots) {
      slots = slots.copy()
    }
  }

  /// Moves the index into at least `minimum` slots, placing each entry by the half of its hash
  /// it keeps: no key is read or hashed again.
  private mutating func grow(minimum: Int) {
    var size = 16
    while size < minimum { size *= 2 }
    let grown = KeySlots(count: size)
    let mask = size - 1
    for entry in slots.buffer where entry != 0 {
      var slot = Self.home(entry, mask: mask)
      while grown.buffer[slot] != 0 { slot = (slot + 1) & mask }
      grown.buffer[slot] = entry
    }
    slots = grown
  }

  /// Loads the slots where the searches for keys with these hashes (``hash(_:)``) start, and
  /// returns their sum (so that the loads are kept): a caller about to insert many keys touches
  /// them all first, in a loop whose loads do not wait on each other, so that their cache misses
  /// overlap instead of each insert waiting on its own.
  func touch(_ hashes: ArraySlice<UInt64>) -> UInt64 {
    let slots = slots.buffer
    guard !slots.isEmpty else { return 0 }
    let mask = slots.count - 1
    var sum: UInt64 = 0
    for hash in hashes { sum &+= slots[Self.home(hash, mask: mask)] }
    return sum
  }

  /// A hash index over the keys with these bytes and ends, with at least `minimum` slots.
  static func slots(bytes: [UInt8], ends: [Int], minimum: Int) -> KeySlots {
    var size = 16
    while size < minimum { size *= 2 }
    let slots = KeySlots(count: size)
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      for id in 0..<ends.count {
        let end = ends[id]
        place(id, hash: hash(UnsafeBufferPointer(rebasing: all[start..<end])), in: slots.buffer)
        start = end
      }
    }
    return slots
  }

  /// Puts the key with `id` and `hash` in the first free slot from its own.
  @inline(__always)
  private static func place(_ id: Int, hash: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) {
    let mask = slots.count - 1
    var slot = home(hash, mask: mask)
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = (hash & 0xffff_ffff_0000_0000) | UInt64(id + 1)
  }

  /// The slot where the search for a key with `hash` starts: from the high half of the hash,
  /// which each slot keeps, so that a larger index is made from the slots alone.
  @inline(__always)
  private static func home(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: hash >> 32) & mask
  }

  /// The id of the key `key`, if it is in the table.
  @inline(__always)
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    let slots = (pending?.slots() ?? slots).buffer
    guard !slots.isEmpty else { return nil }
    let hash = Self.hash(key)
    let tag = hash & 0xffff_ffff_0000_0000
    let mask = slots.count - 1
    var slot = Self.home(hash, mask: mask)
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let id = Int(entry & 0xffff_ffff) - 1
      if entry & 0xffff_ffff_0000_0000 == tag, matches(id, key) { return id }
      slot = (slot + 1) & mask
    }
  }

  /// Whether the key with `id` is `key`.
  @inline(__always)
  func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let range = range(of: id)
    guard range.count == key.count else { return false }
    return bytes.withUnsafeBufferPointer { all in
      guard let stored = all.baseAddress.map({ UnsafeRawPointer($0 + range.lowerBound) }),
        let given = key.baseAddress.map(UnsafeRawPointer.init)
      else { return key.isEmpty }
      // Eight bytes at a time, then the rest one by one: keys are short, and a call costs more.
      var offset = 0
      while offset + 8 <= key.count {
        guard
          stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            == given.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        else { return false }
        offset += 8
      }
      while offset < key.count {
        guard stored.load(fromByteOffset: offset, as: UInt8.self) == given.load(fromByteOffset: offset, as: UInt8.self)
        else { return false }
        offset += 1
      }
      return true
    }
  }

  /// The id of `key`, added with the next id when it is not in the table yet (`isNew`).
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
    insert(key, hash: Self.hash(key))
  }

  /// ``insert(_:)`` for a key whose ``hash(_:)`` the caller made already.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int, isNew: Bool) {
    // Room was usually made for the key already (``reserveIndex(_:)``): checked here inline.
    if pending != nil || (count + 1) * 2 > slots.buffer.count || !isKnownUniquelyReferenced(&slots) {
      reserveIndex(1)
    }
    let slots = slots.buffer
    let tag = hash & 0xffff_ffff_0000_0000
    let mask = slots.count - 1
    var slot = Self.home(hash, mask: mask)
    while slots[slot] != 0 {
      let entry = slots[slot]
      let id = Int(entry & 0xffff_ffff) - 1
      if entry & 0xffff_ffff_0000_0000 == tag, matches(id, key) { return (id, false) }
      slot = (slot + 1) & mask
    }
    let id = count
    bytes.append(contentsOf: key)
    ends.append(bytes.count)
    slots[slot] = tag | UInt64(id + 1)
    return (id, true)
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

/// Runs `body` on the UTF-8 bytes of `key`, without copying a native string.
@inline(__always)
func withBytes<T>(of key: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
  if let result = try key.utf8.withContiguousStorageIfAvailable(body) { return result }
  return try Array(key.utf8).withUnsafeBufferPointer(body)
}
