/// A set of rule indices, stored as bits so that an evaluation allocates nothing for policies of
/// up to 64 rules.
public struct RuleSet: Sendable, Hashable, Sequence {
  private var low: UInt64 = 0
  /// Rules 64 and up, 64 a word; `nil` until one is inserted, so that a set of fewer rules holds
  /// no reference to retain or release.
  private var high: [UInt64]?

  /// An empty set.
  package init() {}

  /// Adds a rule.
  @inlinable package mutating func insert(_ rule: Int) {
    if rule < 64 {
      insertLow(rule)
    } else {
      insertHigh(rule)
    }
  }

  @usableFromInline mutating func insertLow(_ rule: Int) { low |= 1 << UInt64(rule) }

  @usableFromInline mutating func insertHigh(_ rule: Int) {
    let word = rule / 64 - 1
    var words = high ?? []
    high = nil
    while words.count <= word { words.append(0) }
    words[word] |= 1 << UInt64(rule % 64)
    high = words
  }

  /// Whether the set holds `rule`.
  public func contains(_ rule: Int) -> Bool {
    if rule < 64 { return low & (1 << UInt64(rule)) != 0 }
    let word = rule / 64 - 1
    guard let high else { return false }
    return word < high.count && high[word] & (1 << UInt64(rule % 64)) != 0
  }

  /// Whether the set is empty.
  public var isEmpty: Bool {
    guard low == 0 else { return false }
    guard let high else { return true }
    return high.allSatisfy { $0 == 0 }
  }

  /// How many rules the set holds.
  public var count: Int {
    guard let high else { return low.nonzeroBitCount }
    return high.reduce(low.nonzeroBitCount) { $0 + $1.nonzeroBitCount }
  }

  /// The rule indices in ascending order.
  public func makeIterator() -> IndexingIterator<[Int]> {
    var indices: [Int] = []
    for bit in 0..<64 where low & (1 << UInt64(bit)) != 0 { indices.append(bit) }
    for (word, bits) in (high ?? []).enumerated() {
      for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { indices.append((word + 1) * 64 + bit) }
    }
    return indices.makeIterator()
  }
}
