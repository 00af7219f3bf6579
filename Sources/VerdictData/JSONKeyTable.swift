#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The keys whose values a caller reads, each with its slot (its index in `keys`).
package struct JSONKeyTable: Sendable {
  /// The keys, by slot (`nil` for a slot no key fills).
  package let keys: [String?]
  /// Each key's UTF-8 bytes, by slot.
  let keyBytes: [[UInt8]]
  /// Each key's slot, for keys found by `String` comparison as the members' keys are
  /// (canonically equivalent spellings are the same key): those that are not ASCII.
  let slotOfText: [String: Int]
  /// The slot each key's text has in ``slotOfText`` (its own, unless it repeats an earlier key).
  let canonicalSlot: [Int]
  /// Whether any key repeats an earlier one.
  let hasRepeatedKeys: Bool
  /// Whether any key is not ASCII.
  let hasKeysNotASCII: Bool
  /// Whether any key has a `.`, and so may be the path of a nested object's member
  /// (`billing.outstanding`): only then are a record's objects read member by member.
  let hasPaths: Bool
  /// Each key's bytes as headers are matched loosely (ASCII letters lowercased, spaces and tabs
  /// dropped), by slot: a record that spells a key another way is found by them.
  let foldedBytes: [[UInt8]]
  /// The first bytes of ``foldedBytes``: a key no slot holds whose first letter (folded) is none
  /// of them is told apart at once, for records with many keys the policy does not read.
  let foldedFirstBytes: [Bool]

  /// A table of `keys`; slot `i` is `keys[i]`, and a `nil` key's slot stays empty. Slots whose
  /// keys are the same get the same value.
  package init(keys: [String?]) {
    self.keys = keys
    // A key is valid UTF-8, which never holds the byte 0xFF: a slot without a key matches none.
    keyBytes = keys.map { $0.map { Array($0.utf8) } ?? [0xFF] }
    var slotOfText: [String: Int] = [:]
    for (slot, key) in keys.enumerated() {
      if let key, slotOfText[key] == nil { slotOfText[key] = slot }
    }
    self.slotOfText = slotOfText
    canonicalSlot = keys.enumerated().map { slot, key in key.flatMap { slotOfText[$0] } ?? slot }
    hasRepeatedKeys = canonicalSlot.enumerated().contains { $0.offset != $0.element }
    hasKeysNotASCII = keys.contains { !($0?.utf8.allSatisfy { $0 < 0x80 } ?? true) }
    hasPaths = keys.contains { $0?.utf8.contains(UInt8(ascii: ".")) ?? false }
    foldedBytes = keyBytes.map { bytes in bytes.filter { $0 != 0x20 && $0 != 0x09 }.map(JSONKeyTable.lowercased) }
    var firsts = [Bool](repeating: false, count: 256)
    for folded in foldedBytes { if let first = folded.first { firsts[Int(first)] = true } }
    foldedFirstBytes = firsts
  }

  /// The slot whose key `key`, a key no slot holds, spells another way (`Outstanding` or
  /// `out standing` for `outstanding`), if any: the record's value under it would be missing
  /// without a word, as a record is read by its exact keys.
  func slotSpelledOtherwise(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = key.first(where: { $0 != 0x20 && $0 != 0x09 }),
      foldedFirstBytes[Int(JSONKeyTable.lowercased(first))]
    else { return nil }
    for slot in foldedBytes.indices where JSONKeyTable.folds(key, to: foldedBytes[slot]) { return slot }
    return nil
  }

  /// An ASCII capital as its small letter; any other byte as it is.
  @inline(__always)
  private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

  /// Whether `key`, folded as ``foldedBytes`` are, is `folded`; most keys differ at their first
  /// letter, so most are told apart at once.
  private static func folds(_ key: UnsafeBufferPointer<UInt8>, to folded: [UInt8]) -> Bool {
    var index = 0
    for byte in key where byte != 0x20 && byte != 0x09 {
      guard index < folded.count, folded[index] == lowercased(byte) else { return false }
      index += 1
    }
    return index == folded.count
  }

  /// The slot of the key whose bytes are `key`, or `nil`; `guess` is checked first.
  @inline(__always)
  func slot(of key: UnsafeBufferPointer<UInt8>, guess: Int) -> Int? {
    if guess >= 0, guess < keyBytes.count, matches(key, keyBytes[guess]) { return canonicalSlot[guess] }
    if !isASCII(key) { return slotOfText[String(decoding: key, as: UTF8.self)] }
    for slot in keyBytes.indices where matches(key, keyBytes[slot]) { return canonicalSlot[slot] }
    // An ASCII key can still equal a key that is not ASCII: "K" is the Kelvin sign's
    // canonical decomposition.
    return hasKeysNotASCII ? slotOfText[String(decoding: key, as: UTF8.self)] : nil
  }

  /// Gives each slot whose key repeats an earlier one (which the reading fills) that slot's cell.
  @inline(__always)
  func copyRepeatedKeys(in cells: JSONRecordCells) {
    guard hasRepeatedKeys else { return }
    for slot in canonicalSlot.indices where canonicalSlot[slot] != slot {
      cells.cells[slot] = cells.cells[canonicalSlot[slot]]
    }
  }

  @inline(__always)
  private func matches(_ key: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
    guard key.count == expected.count else { return false }
    guard let keyStart = key.baseAddress else { return true }
    return expected.withUnsafeBufferPointer { memcmp(keyStart, $0.baseAddress!, key.count) == 0 }
  }

  private func isASCII(_ key: UnsafeBufferPointer<UInt8>) -> Bool { key.allSatisfy { $0 < 0x80 } }
}
