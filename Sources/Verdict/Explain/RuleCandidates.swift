/// The rules a ranking chooses the nearest from, remembered by the truths of the plan's tests:
/// which rules have findings, the fewest of them, and are decided rather than unknown, as
/// ``ConditionTruths/nearestRule()`` first ranks them. Those depend on the truths alone (the
/// distances only break ties between them), and the truths of a policy's tests take few
/// combinations over a run's clients, so each combination is ranked once.
///
/// A combination is a key of two bits a test (not computed, false, missing, true) with the top
/// bit set; the rules are bits of a mask. With them are the findings of each candidate, which
/// the truths decide too (but where an `or` chooses its nearest option), so that a tie between
/// candidates only adds up their distances. The rule loop's decision (``ConditionTruths/decision()``)
/// depends on those truths alone too, and is remembered with them, so that a client whose
/// combination is known has its `and`s and `or`s worked out only for the rule its line is about.
/// A policy with more than ``maximumTests`` tests or more
/// than 64 rules has no keys, and its every client is ranked in full. One belongs to one thread
/// at a time (a ``ConditionTruths``'s).
final class RuleCandidates {
  /// The most tests a key holds: two bits each, below the top bit that marks a slot as used.
  @inline(__always) static var maximumTests: Int { 31 }
  /// Slots of the table, a power of two; at most ``limit`` used, the rest keep probes short. The
  /// shared benchmark's policy (20 tests) meets about 5,000 combinations in its first 20,000
  /// clients and 7,000 in 40,000: 3,072 slots were full after some 9,000 clients, and every
  /// client after that whose combination came later was ranked and decided in full.
  @inline(__always) private static var capacity: Int { 1 << capacityBits }
  @inline(__always) private static var capacityBits: Int { 14 }
  @inline(__always) private static var limit: Int { 12_288 }

  /// The tests, by their index in the plan, whose truths make the key.
  let tests: [Int32]
  /// Whether the policy is small enough for keys.
  let keyed: Bool
  private let keys: UnsafeMutablePointer<UInt64>
  private let masks: UnsafeMutablePointer<UInt64>
  /// Where each slot's findings start in ``findings``; -1 while its candidates are not known.
  private let starts: UnsafeMutablePointer<Int32>
  /// Each slot's decision: the winning rule + 1 (0: none matched) and how many rules were
  /// unknown; a winner of -1 while the decision is not known.
  private let decisions: UnsafeMutablePointer<(winner: Int32, unknown: Int32)>
  /// For each key remembered, the findings of each of its candidates in rule order: their count
  /// then their nodes; or -1 alone for a candidate whose findings a distance chooses (an `or`
  /// takes its nearest option), which are then searched for each client; or -2 for a false `or`
  /// whose options tie on their count, then how many options and each one's count and nodes
  /// (``ConditionTruths/keepTiedOptions(of:)``), ranked by the nearest. Memory of its own, read for
  /// every tie without a reference count or an access check.
  @exclusivity(unchecked) private(set) var findings: UnsafeMutableBufferPointer<Int32>
  @exclusivity(unchecked) private var findingCount = 0
  @exclusivity(unchecked) private var used = 0

  /// For a plan whose tests are `tests` and which has `rules` rules.
  init(tests: [Int32], rules: Int) {
    self.tests = tests
    keyed = tests.count <= RuleCandidates.maximumTests && rules <= 64
    keys = .allocate(capacity: RuleCandidates.capacity)
    keys.initialize(repeating: 0, count: RuleCandidates.capacity)
    masks = .allocate(capacity: RuleCandidates.capacity)
    masks.initialize(repeating: 0, count: RuleCandidates.capacity)
    starts = .allocate(capacity: RuleCandidates.capacity)
    starts.initialize(repeating: -1, count: RuleCandidates.capacity)
    decisions = .allocate(capacity: RuleCandidates.capacity)
    decisions.initialize(repeating: (-1, 0), count: RuleCandidates.capacity)
    findings = .allocate(capacity: 64)
    findings.initialize(repeating: 0)
  }

  deinit {
    keys.deallocate()
    masks.deallocate()
    starts.deallocate()
    decisions.deallocate()
    findings.deallocate()
  }

  /// The key of `truths`, the truths of a plan's nodes by index; `nil` when the plan is too large.
  @inline(__always)
  func key(_ truths: UnsafeMutableBufferPointer<Truth?>) -> UInt64? {
    guard keyed else { return nil }
    var key: UInt64 = 1 << 63
    for (position, test) in tests.enumerated() {
      // 0 for a test not computed.
      guard let truth = truths[Int(test)] else { continue }
      key |= RuleCandidates.bits(of: truth) << UInt64(2 * position)
    }
    return key
  }

  /// A computed test's two bits in a key: 1, 2, 3 for false, missing, true.
  @inline(__always)
  static func bits(of truth: Truth) -> UInt64 {
    UInt64(truth.rawValue &+ 1)
  }

  /// The candidates remembered for `key`, if any, and where their findings start in
  /// ``findings``.
  @inline(__always)
  func candidates(of key: UInt64) -> (rules: UInt64, findings: Int)? {
    guard let slot = slot(holding: key), starts[slot] >= 0 else { return nil }
    return (masks[slot], Int(starts[slot]))
  }

  /// The decision remembered for `key`, if any: the winning rule (`nil`: none matched) and how
  /// many rules were unknown.
  @inline(__always)
  func decision(of key: UInt64) -> (winner: Int?, unknownRuleCount: Int)? {
    guard let slot = slot(holding: key), case let decided = decisions[slot], decided.winner >= 0 else { return nil }
    return (decided.winner == 0 ? nil : Int(decided.winner - 1), Int(decided.unknown))
  }

  /// Remembers the candidates of `key` and their findings (as ``findings`` holds them), while
  /// there is room.
  func remember(_ candidates: UInt64, findings: some Collection<Int32>, of key: UInt64) {
    guard let slot = slot(making: key), starts[slot] < 0 else { return }
    masks[slot] = candidates
    if findingCount + findings.count > self.findings.count {
      let larger = UnsafeMutableBufferPointer<Int32>.allocate(
        capacity: max(self.findings.count * 2, findingCount + findings.count))
      larger.initialize(repeating: 0)
      _ = larger.update(fromContentsOf: self.findings[..<findingCount])
      self.findings.deallocate()
      self.findings = larger
    }
    starts[slot] = Int32(findingCount)
    for finding in findings {
      self.findings[findingCount] = finding
      findingCount += 1
    }
  }

  /// Remembers the decision of `key`, while there is room.
  func remember(winner: Int?, unknownRuleCount: Int, of key: UInt64) {
    guard let slot = slot(making: key) else { return }
    decisions[slot] = (Int32(winner.map { $0 + 1 } ?? 0), Int32(unknownRuleCount))
  }

  /// The slot of `key`, if remembered.
  @inline(__always)
  private func slot(holding key: UInt64) -> Int? {
    let (slot, found) = probe(key)
    return found ? slot : nil
  }

  /// The slot of `key`, taken for it if it has none and there is room; `nil` when there is not.
  private func slot(making key: UInt64) -> Int? {
    let (slot, found) = probe(key)
    if found { return slot }
    guard used < RuleCandidates.limit else { return nil }
    keys[slot] = key
    used += 1
    return slot
  }

  /// The slot holding `key` (`found`), or else the free slot where it would go.
  @inline(__always)
  private func probe(_ key: UInt64) -> (slot: Int, found: Bool) {
    var slot = RuleCandidates.slot(of: key)
    while keys[slot] != 0 {
      if keys[slot] == key { return (slot, true) }
      slot = (slot + 1) & (RuleCandidates.capacity - 1)
    }
    return (slot, false)
  }

  @inline(__always)
  private static func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacityBits))
  }
}
