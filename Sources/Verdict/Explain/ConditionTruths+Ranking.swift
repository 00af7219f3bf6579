/// The rule nearest to matching, ranked on the truths alone: ``LinePlan/nearestRule(_:facts:)``
/// and the fact search under it (``LinePlan/obstacles(_:_:into:)``, ``LinePlan/support(_:_:into:)``),
/// step for step, on the evaluation's own layout of the plan, with a fact kept as its node alone
/// (which side of a `not` it is on changes neither how many facts there are nor their distance).
///
/// Two implementations of one ranking, so a change to either is a change to both:
/// `ExplanationRankingTests` ranks generated clients with this one, with ``LinePlan``'s on the
/// truths, and with ``LinePlan``'s on the whole trace, and requires the same rule and line.
extension ConditionTruths {
  /// The rule nearest to matching, as ``LinePlan/nearestRule(_:facts:)`` chooses it on the same
  /// truths; `nil` when no rule has findings.
  ///
  /// That ranking keeps the first rule with the least of (unknown, count of findings, distance):
  /// here the rules with the least (unknown, count) come first (``closestByCount()``, remembered
  /// by the truths in ``candidates``), and only a tie between them measures distances, which
  /// compute sides (a quotient's) that most clients never need.
  func nearestRule() -> Int? {
    var remembered: Int?
    if let key = keyStamp == generation ? key : candidates.key(truths) {
      if let known = candidates.candidates(of: key) {
        closestCount = 0
        var rest = known.rules
        while rest != 0 {
          closest[closestCount] = Int32(rest.trailingZeroBitCount)
          closestCount += 1
          rest &= rest &- 1
        }
        remembered = known.findings
      } else {
        combine()
        closestByCount()
        var rules: UInt64 = 0
        for rule in closest[..<closestCount] { rules |= 1 << UInt64(rule) }
        if closestCount > 1 { findingsOfClosest() } else { keptFindings.removeAll(keepingCapacity: true) }
        candidates.remember(rules, findings: keptFindings, of: key)
        // The findings just found, ranked as a later client's: estimates first, no search again.
        if closestCount > 1 { remembered = candidates.candidates(of: key)?.findings }
      }
    } else {
      combine()
      closestByCount()
    }
    guard closestCount > 1 else { return closestCount == 0 ? nil : Int(closest[0]) }
    if let remembered, let rule = nearestByEstimate(findingsAt: remembered) { return rule }
    // The first of the smallest distance.
    var best: (rule: Int, distance: Double)?
    var position = remembered ?? 0
    for index in 0..<closestCount {
      let rule = Int(closest[index])
      factCount = 0
      let distance: Double
      if remembered != nil, case let count = Int(candidates.findings[position]), count >= 0 {
        let nodes = UnsafeBufferPointer(rebasing: candidates.findings[position + 1..<position + 1 + count])
        distance = totalDistance(of: nodes)
        position += 1 + count
      } else if remembered != nil, candidates.findings[position] == ConditionTruths.tiedOptionsMark {
        (distance, _, position) = nearestOption(at: position, estimating: false)
      } else {
        distance = rankedDistance(of: rule)
        position += 1
      }
      if let known = best, !(distance < known.distance) { continue }
      best = (rule, distance)
    }
    return best?.rule
  }

  /// The findings of each rule of ``closest``, in order, as ``RuleCandidates/findings`` keeps
  /// them: their count and nodes, the options of a rule that is an `or` whose options tied
  /// (``keepTiedOptions(of:)``), or -1 for another rule whose findings a distance chooses. An `or`
  /// whose options with findings have different counts chooses the fewest whatever their
  /// distances, so its findings are kept too: they are counted only, and kept when no two
  /// options tied (the shared benchmark's `review_scope`, a candidate for most clients that
  /// match no rule, ties for about a third of them).
  private func findingsOfClosest() {
    keptFindings.removeAll(keepingCapacity: true)
    for index in 0..<closestCount {
      let rule = Int(closest[index])
      factCount = 0
      // A true rule's distance is 0: no findings counted.
      if truths[Int(roots[rule])] != .true {
        measuring = !choosesByDistance[rule]
        countTied = false
        obstacles(roots[rule])
        measuring = true
        guard !countTied else {
          if !keepTiedOptions(of: rule) { keptFindings.append(-1) }
          continue
        }
      }
      keptFindings.append(Int32(factCount))
      keptFindings += facts[..<factCount]
    }
    factCount = 0
  }

  /// Puts into ``closest`` the rules with findings that have the least of (unknown, count of
  /// findings), in order: the truths alone decide them.
  private func closestByCount() {
    measuring = false
    defer { measuring = true }
    closestCount = 0
    var least = (unknown: true, count: Int.max)
    for rule in roots.indices {
      let root = roots[rule]
      let truth = truths[Int(root)]
      factCount = 0
      switch truth {
      case .true?:
        // A rule with findings (what it rests on), ranked by its obstacles: none.
        support(root)
        guard factCount > 0 else { continue }
        factCount = 0
      case .false?, .missing?:
        obstacles(root)
        guard factCount > 0 else { continue }
      case nil:
        continue
      }
      let rank = (unknown: truth == .missing, count: factCount)
      if rank != least, (rank.unknown ? 1 : 0, rank.count) < (least.unknown ? 1 : 0, least.count) {
        least = rank
        closestCount = 0
      } else if rank != least {
        continue
      }
      closest[closestCount] = Int32(rule)
      closestCount += 1
    }
  }

  /// The total distance of rule `rule`'s findings, as ``nearestRule()`` ranks them, found again
  /// after the facts there are now (which stay).
  func rankedDistance(of rule: Int) -> Double {
    combine(rule: rule)
    let root = roots[rule]
    guard truths[Int(root)] != .true else { return 0 }
    let start = factCount
    obstacles(root)
    let distance = totalDistance(from: start)
    factCount = start
    return distance
  }

  /// The facts' distances from `start` on, added up in order; a fact without one counts as 1
  /// (``LinePlan/totalDistance(_:_:)``).
  func totalDistance(from start: Int) -> Double {
    totalDistance(of: UnsafeBufferPointer(rebasing: facts[start..<factCount]))
  }

  /// The distances of the facts `nodes`, added up in order; a fact without one counts as 1.
  @inline(__always)
  func totalDistance(of nodes: UnsafeBufferPointer<Int32>) -> Double {
    var total: Double = 0
    for node in nodes {
      let distance = entries[Int(node)].kind == .comparison ? distance(ofComparison: node) : nil
      total += min(distance ?? 1, 1)
    }
    return total
  }

  /// Room for twice as many facts, those found kept.
  func growFacts() {
    let larger = UnsafeMutableBufferPointer<Int32>.allocate(capacity: facts.count * 2)
    larger.initialize(repeating: 0)
    _ = larger.update(fromContentsOf: facts[..<factCount])
    facts.deallocate()
    facts = larger
  }
}
