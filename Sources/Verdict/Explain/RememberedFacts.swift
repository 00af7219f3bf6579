/// The facts a line shows for a rule, remembered by the truths of the plan's tests (the key of
/// ``RuleCandidates/key(_:)``): what ``LinePlan/support(_:_:into:)`` and
/// ``LinePlan/obstacles(_:_:into:)`` find on ``ConditionTruths`` depends on the truths alone, but
/// where an `or` chooses between options with as many facts by their distances. The truths of a
/// policy's tests take few combinations over a run's clients (about 7,000 in the shared
/// benchmark's first 40,000), so each rule's facts are searched once a combination rather than
/// once a line (that search cost about 280 instructions a client there).
///
/// A table of ``capacity`` slots, each a key, a rule and where its facts are in ``facts``; at
/// most ``limit`` used, the rest keep probes short. One belongs to one thread at a time (an
/// ``ExplanationLineWriter``'s).
final class RememberedFacts {
  @inline(__always) private static var capacityBits: Int { 14 }
  @inline(__always) private static var capacity: Int { 1 << capacityBits }
  @inline(__always) private static var limit: Int { 12_288 }

  /// Each slot's key; 0 for a free slot (a key has its top bit set).
  private let keys: UnsafeMutablePointer<UInt64>
  /// Each used slot's rule, and where its facts start in ``facts`` and how many there are.
  private let places: UnsafeMutablePointer<(rule: Int32, start: Int32, count: Int32)>
  @exclusivity(unchecked) private var facts: UnsafeMutableBufferPointer<LinePlan.Fact>
  @exclusivity(unchecked) private var factCount = 0
  @exclusivity(unchecked) private var used = 0

  /// How many rules' facts are remembered.
  var count: Int { used }

  init() {
    keys = .allocate(capacity: RememberedFacts.capacity)
    keys.initialize(repeating: 0, count: RememberedFacts.capacity)
    places = .allocate(capacity: RememberedFacts.capacity)
    places.initialize(repeating: (-1, 0, 0), count: RememberedFacts.capacity)
    facts = .allocate(capacity: 256)
    facts.initialize(repeating: LinePlan.Fact(node: 0, inverted: false))
  }

  deinit {
    keys.deallocate()
    places.deallocate()
    facts.deallocate()
  }

  /// The facts remembered for rule `rule` under the tests' truths `key`, if any; valid until the
  /// next ``remember(_:of:rule:)``.
  @inline(__always)
  func facts(of key: UInt64, rule: Int) -> UnsafeBufferPointer<LinePlan.Fact>? {
    let (slot, found) = probe(key, rule: Int32(truncatingIfNeeded: rule))
    guard found else { return nil }
    let place = places[slot]
    return UnsafeBufferPointer(rebasing: facts[Int(place.start)..<Int(place.start + place.count)])
  }

  /// Remembers `found`, the facts of rule `rule` under the tests' truths `key`, while there is
  /// room.
  func remember(_ found: [LinePlan.Fact], of key: UInt64, rule: Int) {
    let rule = Int32(truncatingIfNeeded: rule)
    let (slot, known) = probe(key, rule: rule)
    guard !known, used < RememberedFacts.limit else { return }
    if factCount + found.count > facts.count {
      let larger = UnsafeMutableBufferPointer<LinePlan.Fact>.allocate(
        capacity: max(facts.count * 2, factCount + found.count))
      larger.initialize(repeating: LinePlan.Fact(node: 0, inverted: false))
      _ = larger.update(fromContentsOf: facts[..<factCount])
      facts.deallocate()
      facts = larger
    }
    keys[slot] = key
    places[slot] = (rule, Int32(factCount), Int32(found.count))
    for fact in found {
      facts[factCount] = fact
      factCount += 1
    }
    used += 1
  }

  /// The slot holding `key` and `rule` (`found`), or else the free slot where they would go.
  @inline(__always)
  private func probe(_ key: UInt64, rule: Int32) -> (slot: Int, found: Bool) {
    let mixed = (key ^ UInt64(truncatingIfNeeded: rule)) &* 0x9E37_79B9_7F4A_7C15
    var slot = Int(truncatingIfNeeded: mixed >> UInt64(64 - RememberedFacts.capacityBits))
    while keys[slot] != 0 {
      if keys[slot] == key, places[slot].rule == rule { return (slot, true) }
      slot = (slot + 1) & (RememberedFacts.capacity - 1)
    }
    return (slot, false)
  }
}
