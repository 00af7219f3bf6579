import Foundation

/// Client keys by id, held as one buffer of UTF-8 bytes with the end of each key, and an
/// open-addressing hash index over them: a million keys cost their bytes plus 16 bytes each, and
/// finding one costs a hash of its bytes, without making a `String`.
///
/// A key's id is its position: ids are handed out in the order keys are appended.
struct KeyTable: Sendable {
  /// The keys' bytes, one after the other. Like the other stored properties, written only by the
  /// table's own methods (here and in `KeyTable+Index.swift`).
  var bytes: [UInt8] = []
  /// Where each key ends in `bytes` (it starts where the one before ends).
  var ends: [Int] = []
  /// Hash slots: the high half of a key's hash, then its id + 1 in the low half; 0 for an empty
  /// slot. Never more than half full.
  var slots = KeySlots(count: 0)
  /// The index being built on another thread, if it is; it replaces `slots` when done.
  var pending: IndexBuild?

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

  /// Appends keys packed by ``pack(_:)``: `suffixes` holds what each key adds to the start it
  /// shares with the key before it in the part, and `lengths` two numbers a key: the length of
  /// that shared start and of the suffix. `false`, with nothing appended, when they do not fit
  /// together or are not `count` keys. Call ``index()`` after the last.
  mutating func append(packed suffixes: UnsafeRawBufferPointer, lengths: UnsafeRawBufferPointer, count: Int) -> Bool {
    // First check that the lengths fit together and total the keys' bytes, then copy them in
    // place: appending byte by byte costs a check of the array's storage per byte.
    var reader = PackedReader(lengths)
    var total = 0
    var used = 0
    var previous = 0
    for _ in 0..<count {
      guard let shared = reader.next(), let suffix = reader.next(), shared <= UInt64(previous),
        suffix <= UInt64(suffixes.count - used)
      else { return false }
      previous = Int(shared) + Int(suffix)
      total += previous
      used += Int(suffix)
    }
    guard reader.isAtEnd, used == suffixes.count else { return false }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: total))
    let firstEnd = ends.count
    ends.append(contentsOf: repeatElement(0, count: count))
    reader = PackedReader(lengths)
    bytes.withUnsafeMutableBytes { all in
      ends.withUnsafeMutableBufferPointer { ends in
        var at = start
        var previousStart = start
        used = 0
        for index in 0..<count {
          // Checked above: both are there.
          let shared = Int(reader.next() ?? 0)
          let suffix = Int(reader.next() ?? 0)
          Self.copy(shared, from: UnsafeRawBufferPointer(all), at: previousStart, to: all, at: at)
          Self.copy(suffix, from: suffixes, at: used, to: all, at: at + shared)
          used += suffix
          previousStart = at
          at += shared + suffix
          ends[firstEnd + index] = at
        }
      }
    }
    return true
  }

  /// Copies `count` bytes from `source` at `from` to `target` at `to`, a word at a time while a
  /// word fits in both, then byte by byte. The bytes a word writes past `count` are written over
  /// by what is copied next, since the keys are unpacked one after the other; a key's start is
  /// copied from the key before it, which ends where it begins, and only bytes of that key are
  /// read for it (the rest of each word read is written over).
  @inline(__always)
  private static func copy(
    _ count: Int, from source: UnsafeRawBufferPointer, at from: Int, to target: UnsafeMutableRawBufferPointer,
    at to: Int
  ) {
    guard count > 0, let read = source.baseAddress, let write = target.baseAddress else { return }
    var offset = 0
    while offset < count, from + offset + 8 <= source.count, to + offset + 8 <= target.count {
      let word = read.loadUnaligned(fromByteOffset: from + offset, as: UInt64.self)
      write.storeBytes(of: word, toByteOffset: to + offset, as: UInt64.self)
      offset += 8
    }
    while offset < count {
      let byte = read.load(fromByteOffset: from + offset, as: UInt8.self)
      write.storeBytes(of: byte, toByteOffset: to + offset, as: UInt8.self)
      offset += 1
    }
  }

  /// The keys with the ids in `ids` packed for ``append(packed:lengths:count:)``: each key as the
  /// length of the start it shares with the key before it and the rest (keys of an export often
  /// differ only in their last characters).
  func pack(_ ids: Range<Int>) -> (suffixes: [UInt8], lengths: [UInt8]) {
    guard !ids.isEmpty else { return ([], []) }
    // Written in place, in room for the most each can take: the suffixes are at most the keys'
    // bytes, and a key's two lengths at most 2 + 10 bytes (the shared start is below 256).
    let bound = range(of: ids.upperBound - 1).upperBound - range(of: ids.lowerBound).lowerBound
    var suffixes: [UInt8] = []
    let lengths = bytes.withUnsafeBufferPointer { all in
      [UInt8](unsafeUninitializedCapacity: ids.count * 12) { lengths, lengthCount in
        var written = 0
        suffixes = [UInt8](unsafeUninitializedCapacity: bound) { suffixes, suffixCount in
          var previous = 0..<0
          var used = 0
          for id in ids {
            let key = range(of: id)
            let shared = Self.sharedStart(all, previous, key)
            written = PackedNumbers.write(UInt64(shared), into: lengths, at: written)
            written = PackedNumbers.write(UInt64(key.count - shared), into: lengths, at: written)
            for offset in (key.lowerBound + shared)..<key.upperBound {
              suffixes[used] = all[offset]
              used += 1
            }
            previous = key
          }
          suffixCount = used
        }
        lengthCount = written
      }
    }
    return (suffixes, lengths)
  }

  /// How many bytes, up to 255, the keys at `first` and `second` in `all` start with alike:
  /// eight at a time, then one by one.
  @inline(__always)
  private static func sharedStart(_ all: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>) -> Int {
    let limit = Swift.min(255, first.count, second.count)
    guard limit > 0, let base = all.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var shared = 0
    while shared + 8 <= limit {
      let difference =
        raw.loadUnaligned(fromByteOffset: first.lowerBound + shared, as: UInt64.self)
        ^ raw.loadUnaligned(fromByteOffset: second.lowerBound + shared, as: UInt64.self)
      // Little-endian: the first byte that differs holds the lowest bit set.
      if difference != 0 { return shared + UInt64(littleEndian: difference).trailingZeroBitCount / 8 }
      shared += 8
    }
    while shared < limit, all[first.lowerBound + shared] == all[second.lowerBound + shared] { shared += 1 }
    return shared
  }

}
