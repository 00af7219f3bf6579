/// The rule nearest to matching, for a line without a winner.
extension LinePlan {
  /// The rule nearest to matching, as ``ExplanationText/line(_:)`` ranks them: one that was
  /// decided before one that was unknown, then the fewest and smallest obstacles (the first of
  /// equals); `nil` when no rule has findings. `facts` is room to work in, left with no meaning.
  func nearestRule(_ values: some FactValues, facts: inout [Fact]) -> Int? {
    var best: (rule: Int, unknown: Bool, count: Int, distance: Double)?
    for rule in roots.indices {
      let root = roots[rule]
      let truth = truth(root, values)
      facts.removeAll(keepingCapacity: true)
      switch truth {
      case .notComputed: continue
      case .isTrue:
        // A rule with findings (what it rests on), ranked by its obstacles: none.
        support(root, values, into: &facts)
        guard !facts.isEmpty else { continue }
        facts.removeAll(keepingCapacity: true)
      case .isFalse, .unknown, .other:
        obstacles(root, values, into: &facts)
        guard !facts.isEmpty else { continue }
      }
      let unknown = truth == .unknown
      // Only a rule that can come first needs its distance: not one of a later class (unknown
      // after decided), nor one with more obstacles.
      if let known = best, unknown != known.unknown ? unknown : facts.count > known.count { continue }
      let candidate = (rule, unknown, facts.count, totalDistance(facts[...], values))
      if let known = best {
        let nearer =
          candidate.1 != known.unknown
          ? known.unknown : LinePlan.nearer((candidate.2, candidate.3), than: (known.count, known.distance))
        guard nearer else { continue }
      }
      best = candidate
    }
    return best?.rule
  }
}
