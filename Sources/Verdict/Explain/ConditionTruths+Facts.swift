/// The facts behind a node's truth, found on the truths alone, as ``LinePlan`` finds them on a
/// trace: what the ranking of the rules counts and measures (``nearestRule()``).
extension ConditionTruths {
  /// Adds node `index` to the facts.
  @inline(__always)
  func fact(_ index: Int32) {
    if factCount == facts.count { growFacts() }
    facts[factCount] = index
    factCount += 1
  }

  /// What makes a true node true (``LinePlan/support(_:_:into:)``).
  func support(_ index: Int32) {
    guard truths[Int(index)] == .true else { return }
    let entry = entries[Int(index)]
    switch entry.kind {
    case .and:
      for position in entry.children { support(children[position]) }
    case .or:
      for position in entry.children where truths[Int(children[position])] == .true {
        support(children[position])
        return
      }
    case .let:
      if let definition = definition(of: entry) { support(definition) } else { fact(index) }
    case .not:
      guard entry.count > 0 else { return }
      // What keeps the operand false, not unknown.
      let start = factCount
      falsity(children[Int(entry.first)])
      keepKnown(from: start)
    case .comparison, .field, .test:
      fact(index)
    }
  }

  /// Leaves out the unknown facts from `start` on (a `not` shows its operand's known ones).
  func keepKnown(from start: Int) {
    var kept = start
    for position in start..<factCount where truths[Int(facts[position])] != .missing {
      facts[kept] = facts[position]
      kept += 1
    }
    factCount = kept
  }

  /// What makes a false node false (``LinePlan/falsity(_:_:into:)``).
  func falsity(_ index: Int32) {
    guard truths[Int(index)] == .false else { return }
    let entry = entries[Int(index)]
    switch entry.kind {
    case .and, .or:
      for position in entry.children { falsity(children[position]) }
    case .let:
      if let definition = definition(of: entry) { falsity(definition) } else { fact(index) }
    case .not:
      guard entry.count > 0 else { return }
      support(children[Int(entry.first)])
    case .comparison, .field, .test:
      fact(index)
    }
  }

  /// What would make a true node false (``LinePlan/breakers(_:_:into:)``).
  func breakers(_ index: Int32) {
    guard truths[Int(index)] == .true else { return }
    let entry = entries[Int(index)]
    switch entry.kind {
    case .and:
      nearest(of: index, entry, breaking: true)
    case .or:
      for position in entry.children { breakers(children[position]) }
    case .let:
      if let definition = definition(of: entry) { breakers(definition) } else { fact(index) }
    case .not:
      guard entry.count > 0 else { return }
      let start = factCount
      obstacles(children[Int(entry.first)])
      keepKnown(from: start)
    case .comparison, .field, .test:
      fact(index)
    }
  }

  /// What stops a false or unknown node from being true (``LinePlan/obstacles(_:_:into:)``).
  func obstacles(_ index: Int32) {
    switch truths[Int(index)] {
    case .missing?:
      unknowns(index)
      return
    case .false?: break
    case .true?, nil: return
    }
    let entry = entries[Int(index)]
    switch entry.kind {
    case .and:
      for position in entry.children {
        let child = children[position]
        // A test's obstacle, false or unknown, is the test itself.
        guard entries[Int(child)].isTest else {
          obstacles(child)
          continue
        }
        if let truth = truths[Int(child)], truth <= .missing { fact(child) }
      }
    case .or:
      nearest(of: index, entry, breaking: false)
    case .let:
      if let definition = definition(of: entry) { obstacles(definition) } else { fact(index) }
    case .not:
      guard entry.count > 0 else { return }
      breakers(children[Int(entry.first)])
    case .comparison, .field, .test:
      fact(index)
    }
  }

  /// The facts of the operand of node `index` (`entry`) nearest to being overcome: an `or`'s
  /// option nearest to holding, or (`breaking`) an `and`'s operand nearest to failing; the node
  /// itself when no operand has any.
  func nearest(of index: Int32, _ entry: Entry, breaking: Bool) {
    // The option nearest to holding, kept at `base`; the first of equals.
    let base = factCount
    var best: (count: Int, distance: Double)?
    for position in entry.children {
      let start = factCount
      if breaking { breakers(children[position]) } else { obstacles(children[position]) }
      let count = factCount - start
      guard count > 0 else { continue }
      // Counting only: the first of the fewest (whose facts are as many as the nearest's).
      let distance = measuring ? totalDistance(from: start) : 0
      if let known = best, !LinePlan.nearer((count, distance), than: known) {
        if count == known.count { countTied = true }
        factCount = start
        continue
      }
      if start != base {
        for offset in 0..<count { facts[base + offset] = facts[start + offset] }
        factCount = base + count
      }
      best = (count, distance)
    }
    if best == nil { fact(index) }
  }

  /// The unknown tests under an unknown node (``LinePlan``'s `unknowns`).
  func unknowns(_ index: Int32) {
    guard truths[Int(index)] == .missing else { return }
    let entry = entries[Int(index)]
    switch entry.kind {
    case .and, .or, .not, .let:
      let start = factCount
      for position in entry.children { unknowns(children[position]) }
      if factCount == start { fact(index) }
    case .comparison, .field, .test:
      fact(index)
    }
  }

  /// A let's definition when it is a combination of tests worth looking into.
  @inline(__always)
  func definition(of entry: Entry) -> Int32? {
    guard entry.kind == .let, entry.count > 0 else { return nil }
    let child = children[Int(entry.first)]
    switch entries[Int(child)].kind {
    case .and, .or, .not, .comparison, .let: return child
    case .field, .test: return nil
    }
  }
}
