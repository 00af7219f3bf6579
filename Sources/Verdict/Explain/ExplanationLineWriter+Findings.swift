/// The facts of a line: taken again from those a combination of the tests' truths gave before
/// (``RememberedFacts``), or found on the truths or the trace, and written one after the other.
extension ExplanationLineWriter {
  /// The findings of rule `rule`, joined as the line shows them: what it rests on when it
  /// matched, what kept it from matching otherwise.
  func writeFindings(rule: Int) {
    let root = plan.roots[rule]
    let holds: Bool
    switch truth(of: root) {
    case .isTrue: holds = true
    case .isFalse, .unknown, .other: holds = false
    case .notComputed: return
    }
    // From the truths of a fill of every rule (its key the client's, not left from another
    // client's fill), the facts are those the same truths gave before, which
    // ``trace(rule:of:in:filled:)`` found.
    if let known = knownFacts {
      // Written where they are: copied into ``facts`` they cost more than the search they spare.
      return write(known, holding: holds)
    }
    let keyed = factsFromTruths && truths.keyStamp == truths.generation
    // Emptied fact by fact: `removeAll(keepingCapacity:)` goes through the general
    // `replaceSubrange` (about 80 instructions a line) for the few facts a line has.
    while facts.popLast() != nil {}
    if factsFromTruths {
      truths.factsMeasured = false
      if holds { plan.support(root, truths, into: &facts) } else { plan.obstacles(root, truths, into: &facts) }
      if keyed, !truths.factsMeasured { rememberedFacts.remember(facts, of: truths.key, rule: rule) }
    } else if holds {
      plan.support(root, values, into: &facts)
    } else {
      plan.obstacles(root, values, into: &facts)
    }
    // By position: `enumerated()` or the array's buffer retained and released it.
    for number in facts.indices {
      if number > 0 { out.append("; ") }
      if holds { held(facts[number]) } else { missed(facts[number]) }
    }
  }

  /// Writes `found`, the facts of a rule that held (`holding`) or did not, joined by `; `.
  @inline(__always)
  private func write(_ found: UnsafeBufferPointer<LinePlan.Fact>, holding: Bool) {
    for number in found.indices {
      if number > 0 { out.append("; ") }
      if holding { held(found[number]) } else { missed(found[number]) }
    }
  }
}
