/// A rule that is an `or` whose options tie on their count of findings, remembered with the
/// tests' truths as those options (``RuleCandidates/findings``): a ranking then adds up each
/// option's distances and takes the least, as ``obstacles(_:)`` would choose the nearest option,
/// rather than working out the rule's `and`s and `or`s and searching its findings again (the
/// shared benchmark's `review_scope` ties for about a third of the clients that match no rule).
extension ConditionTruths {
  /// What marks a rule's findings in ``RuleCandidates/findings`` as its tied options: the mark,
  /// how many options, then each one's count and nodes.
  @inline(__always) static var tiedOptionsMark: Int32 { -2 }

  /// Adds to ``keptFindings`` the findings of rule `rule`, a false `or` whose options tied on
  /// their count, as ``RuleCandidates/findings`` keeps them (``tiedOptionsMark``, then the
  /// options with the fewest findings, in order); `false`, nothing added, when the rule is not
  /// such an `or` or one of its options has a tie of its own, whose findings a distance chooses
  /// too.
  func keepTiedOptions(of rule: Int) -> Bool {
    let root = roots[rule]
    let entry = entries[Int(root)]
    guard entry.kind == .or, truths[Int(root)] == .false else { return false }
    measuring = false
    defer {
      measuring = true
      factCount = 0
    }
    let start = keptFindings.count
    keptFindings.append(ConditionTruths.tiedOptionsMark)
    keptFindings.append(0)
    var least = Int.max
    for position in entry.children {
      factCount = 0
      countTied = false
      obstacles(children[position])
      guard !countTied else {
        keptFindings.removeLast(keptFindings.count - start)
        return false
      }
      // An option with more findings than another is never the nearest, whatever its distance.
      guard factCount > 0, factCount <= least else { continue }
      if factCount < least {
        least = factCount
        keptFindings.removeLast(keptFindings.count - start - 2)
        keptFindings[start + 1] = 0
      }
      keptFindings[start + 1] += 1
      keptFindings.append(Int32(factCount))
      keptFindings += facts[..<factCount]
    }
    guard keptFindings[start + 1] > 0 else {
      keptFindings.removeLast(keptFindings.count - start)
      return false
    }
    return true
  }

  /// The distance of the rule whose findings are the tied options at `position` in
  /// ``RuleCandidates/findings``: the least of the options' totals (``totalDistance(of:)``, or
  /// ``estimatedDistance(of:)`` when `estimating`, estimated when one of them was), and where
  /// the next rule's findings start.
  func nearestOption(at position: Int, estimating: Bool) -> (distance: Double, estimated: Bool, next: Int) {
    let options = Int(candidates.findings[position + 1])
    var next = position + 2
    var least = Double.infinity
    var estimated = false
    for _ in 0..<options {
      let count = Int(candidates.findings[next])
      let nodes = UnsafeBufferPointer(rebasing: candidates.findings[next + 1..<next + 1 + count])
      let total: (distance: Double, estimated: Bool) =
        estimating ? estimatedDistance(of: nodes) : (totalDistance(of: nodes), false)
      least = min(least, total.distance)
      estimated = estimated || total.estimated
      next += 1 + count
    }
    return (least, estimated, next)
  }
}
