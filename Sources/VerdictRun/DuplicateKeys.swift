/// Client keys seen more than once in a run (two rows with the same `id`), for a warning in the
/// summary: two rows for one client usually mean an export of the wrong shape or a bad merge.
///
/// Each key is remembered as a 64-bit hash, which keeps a million keys in a few megabytes; a key
/// whose hash was seen before is named with its count. (Two different keys sharing a hash is a
/// one in 10^13 chance at a million rows.)
struct DuplicateKeys {
  private var seen = Set<UInt64>()
  /// Extra appearances by key, and the order keys were first found repeated.
  private var extra: [String: Int] = [:]
  private var order: [String] = []

  /// Counts one row's key; an empty key (no key column, or an empty cell) is not counted.
  mutating func add(_ key: UnsafeBufferPointer<UInt8>) {
    guard !key.isEmpty else { return }
    // FNV-1a: cheap for short keys, and the writing thread does this for every row.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    if seen.insert(hash).inserted { return }
    let name = String(decoding: key, as: UTF8.self)
    if extra[name] == nil { order.append(name) }
    extra[name, default: 0] += 1
  }

  /// The repeated keys in the order they were found, each with how many rows have it.
  var repeated: [(key: String, rows: Int)] { order.map { ($0, extra[$0]! + 1) } }
}
