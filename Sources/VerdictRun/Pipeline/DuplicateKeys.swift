/// Client keys seen more than once in a run (two rows with the same `id`), for a warning in the
/// summary: two rows for one client usually mean an export of the wrong shape or a bad merge.
///
/// Each key is remembered as a 64-bit hash; a key whose hash was seen before is named with its
/// count. (Two different keys sharing a hash is a one in 10^7 chance at a million rows.) So that
/// memory stays bounded whatever the size of the data, at most ``capacity`` keys are remembered
/// (a 4 MB table: a larger one made every row a cache miss and `verdict run` 15% slower on a
/// million clients); keys after them are checked against those only, through a filter small
/// enough for the cache (``KeyHashFilter``), and the summary says so. Used by the writing thread
/// alone.
final class DuplicateKeys {
  /// The most keys remembered: far more clients than a freelancer or agency has.
  static let capacity = 1 << 18
  /// Whether keys were seen after ``capacity`` were remembered.
  private(set) var isIncomplete = false
  /// The hashes seen, in an open-addressing table (0 marks a free slot). `Set<UInt64>` would hash
  /// each hash again with SipHash and check its storage on every write, which cost more than the
  /// rest of the writing thread's work a row.
  private var table: UnsafeMutableBufferPointer<UInt64>
  private var used = 0
  /// The most repeated keys named; rows repeating others are only counted, so that a file of
  /// nothing but repeats does not keep every key's name.
  static let namedLimit = 1_000
  /// Extra appearances by key, and the order keys were first found repeated.
  private var extra: [String: Int] = [:]
  private var order: [String] = []
  /// Whether more keys were repeated than ``namedLimit``.
  private(set) var hasUnnamedRepeats = false
  /// The sum of the slots loaded ahead, kept so that the loads are not optimised away.
  private var loaded: UInt64 = 0
  /// The full table's hashes, made when it stops taking keys (``fullTableFilter()``).
  private var filter: KeyHashFilter?

  init() {
    table = DuplicateKeys.zeroedTable(count: 1 << 12)
  }

  deinit {
    if let base = table.baseAddress { ZeroedMemory.free(base) }
    filter?.free()
  }

  /// A table of `count` free slots (see ``ZeroedMemory``): zeroing a 512 KB table in `init` was
  /// 128 page faults at the start of every run, and the tables it grew into cost 36 instructions
  /// a row on 200,000 clients.
  private static func zeroedTable(count: Int) -> UnsafeMutableBufferPointer<UInt64> {
    UnsafeMutableBufferPointer(start: ZeroedMemory.allocate(UInt64.self, count: count), count: count)
  }

  /// Counts one row's key, without the spaces and tabs around it, as the run history and the
  /// record tables take keys (`C2 ` and `C2` are one client there, so they are a repeat here);
  /// an empty key (no key column, or an empty cell) is not counted.
  func add(_ key: UnsafeBufferPointer<UInt8>) {
    let key = AggregateStore.trimmed(key)
    guard !key.isEmpty, !insert(DuplicateKeys.hash(key)) else { return }
    name(key)
  }

  /// Counts the keys of `count` rows as ``add(_:)`` does one by one, given each row's
  /// ``hash(ofKey:)`` (a batch's, made by the reading thread, `Batch.keyHashes`); `key(row)` is
  /// read only to name a repeat.
  ///
  /// Why a batch at a time: the table is large, so each insertion is a cache miss of its own. The
  /// slots of the whole batch are loaded first, in a loop whose loads do not wait on each other
  /// (the processor overlaps their misses), and the insertions then find them in the cache.
  ///
  /// With room for the whole batch made first, each insertion is the probe alone, inlined (the
  /// check for room and the call cost 34 instructions a row).
  func add(rows count: Int, hashes: UnsafePointer<UInt64>, key: (Int) -> UnsafeBufferPointer<UInt8>) {
    // A full table takes no more keys: each is only looked up, through the filter, which is in
    // the cache, so no slots are loaded ahead.
    if let filter = fullTableFilter() {
      for row in 0..<count where hashes[row] != 0 {
        if isRemembered(hashes[row], filter: filter) {
          name(AggregateStore.trimmed(key(row)))
        } else {
          isIncomplete = true
        }
      }
      return
    }
    while (used &+ count) &* 2 > table.count && used < DuplicateKeys.capacity { grow() }
    let table = self.table
    let mask = table.count &- 1
    var touched: UInt64 = 0
    for row in 0..<count where hashes[row] != 0 { touched &+= table[DuplicateKeys.slot(of: hashes[row], mask: mask)] }
    loaded = touched
    let roomy = (used &+ count) &* 2 <= table.count
    for row in 0..<count {
      let hash = hashes[row]
      guard hash != 0 else { continue }
      if roomy ? !insert(hash, into: table, mask: mask) : !insert(hash) {
        name(AggregateStore.trimmed(key(row)))
      }
    }
  }

  /// Adds `hash` (not 0) to `table`, which has room for it; `false` when it was there already.
  @inline(__always)
  private func insert(_ hash: UInt64, into table: UnsafeMutableBufferPointer<UInt64>, mask: Int) -> Bool {
    var slot = DuplicateKeys.slot(of: hash, mask: mask)
    while true {
      let held = table[slot]
      if held == hash { return false }
      if held == 0 {
        table[slot] = hash
        used &+= 1
        return true
      }
      slot = (slot &+ 1) & mask
    }
  }

  /// The hash this check remembers `key` by, without the spaces and tabs around it: 0 for an
  /// empty key, which is not counted.
  @inline(__always)
  static func hash(ofKey key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let key = AggregateStore.trimmed(key)
    return key.isEmpty ? 0 : hash(key)
  }

  /// The hash of a key of at least one byte, never 0: its length, then its bytes eight at a time
  /// (the last one to eight bytes as one word), each word mixed in with a multiply, and
  /// SplitMix64's finaliser over the whole. Equal keys hash equal on every machine.
  ///
  /// Why words: FNV-1a, a multiply a byte, made every row's key a chain of dependent multiplies
  /// on the reading thread (a key of six bytes: six multiplies in turn); a key of up to eight
  /// bytes is now one multiply and the finaliser's two (the shared benchmark's `--quiet`: 3,570
  /// → 3,550 instructions a client, callgrind).
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = key.count
    let raw = UnsafeRawPointer(key.baseAddress.unsafelyUnwrapped)
    var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
    var index = 0
    while index &+ 8 < count {
      hash =
        (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      index &+= 8
    }
    hash = (hash ^ lastWord(raw, from: index, count: count)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    hash ^= hash >> 31
    return hash == 0 ? 1 : hash
  }

  /// Bytes `index..<count` of the key at `raw` (one to eight of them) as a word, byte `index + i`
  /// at bits `8 * i`, read with loads that stay within the key (overlapping where the count is
  /// not a power of two). With the key's length hashed first, different keys give different words.
  @inline(__always)
  private static func lastWord(_ raw: UnsafeRawPointer, from index: Int, count: Int) -> UInt64 {
    let left = count &- index
    if count >= 8 {
      // The word that ends the key holds the `left` bytes in its top bytes.
      let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
      return last >> UInt64(8 &* (8 &- left))
    }
    if count >= 4 {
      let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
      return first | last << UInt64(8 &* (count &- 4))
    }
    let bytes = raw.assumingMemoryBound(to: UInt8.self)
    return UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count &- 1]) << 16
  }

  /// The first slot to look at for `hash`: spread with a multiply, and the high bits taken.
  @inline(__always)
  private static func slot(of hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 24) & mask
  }

  /// Counts one more row of a key seen before.
  private func name(_ key: UnsafeBufferPointer<UInt8>) {
    let name = String(decoding: key, as: UTF8.self)
    if extra[name] == nil {
      guard order.count < DuplicateKeys.namedLimit else {
        hasUnnamedRepeats = true
        return
      }
      order.append(name)
    }
    extra[name, default: 0] += 1
  }

  /// The repeated keys in the order they were found, each with how many rows have it.
  var repeated: [(key: String, rows: Int)] { order.map { ($0, extra[$0]! + 1) } }

  /// Adds `hash` (not 0) to the table; `false` when it was there already.
  private func insert(_ hash: UInt64) -> Bool {
    if let filter = fullTableFilter() { return !isRemembered(hash, filter: filter) && remembersNoMore() }
    if used &* 2 >= table.count { grow() }
    return insert(hash, into: table, mask: table.count &- 1)
  }

  /// The filter of the table's hashes once it takes no more keys (at least ``capacity``, and no
  /// room left without growing), made the first time it is asked for; `nil` before.
  private func fullTableFilter() -> KeyHashFilter? {
    if let filter { return filter }
    guard used >= DuplicateKeys.capacity, used &* 2 >= table.count else { return nil }
    filter = KeyHashFilter(hashesIn: table)
    return filter
  }

  /// Whether `hash` (not 0) is in the full table: the filter rules most hashes out, and the table
  /// decides the rest.
  @inline(__always)
  private func isRemembered(_ hash: UInt64, filter: KeyHashFilter) -> Bool {
    filter.mayHold(hash) && contains(hash)
  }

  /// Whether `hash` is in the full table.
  private func contains(_ hash: UInt64) -> Bool {
    let mask = table.count &- 1
    var slot = DuplicateKeys.slot(of: hash, mask: mask)
    while table[slot] != 0 {
      if table[slot] == hash { return true }
      slot = (slot &+ 1) & mask
    }
    return false
  }

  /// Notes that a key was not remembered, and returns `true` (it was new as far as is known).
  private func remembersNoMore() -> Bool {
    isIncomplete = true
    return true
  }

  private func grow() {
    let old = table
    table = DuplicateKeys.zeroedTable(count: old.count * 2)
    used = 0
    let table = self.table
    let mask = table.count &- 1
    for hash in old where hash != 0 { _ = insert(hash, into: table, mask: mask) }
    if let base = old.baseAddress { ZeroedMemory.free(base) }
  }
}
