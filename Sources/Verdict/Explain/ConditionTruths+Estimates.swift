/// A tie between the rules nearest by count, broken on estimates of the distances that need a
/// quotient or a product of fields (`revenue / hours < 20`, `owed > 2 * revenue`) before their
/// exact sides are computed: a decimal division through the interpreter cost about 600
/// instructions a client that matched no rule, where the rules' totals are almost never close
/// enough for the estimate's error to tell.
extension ConditionTruths {
  /// How far apart two totals must be for estimates to order them as their exact values: an
  /// estimate is within a few units in the last place of a distance of at most 1 (about 10^-15),
  /// and a total adds up a rule's few findings.
  @inline(__always) private static var estimateMargin: Double { 1e-9 }

  /// The first of ``closest`` (two or more, their findings remembered from `start` in
  /// ``RuleCandidates/findings``) with the smallest total distance, as ``nearestRule()`` measures
  /// it, when the estimates tell: `nil` when a total that was estimated is within
  /// ``estimateMargin`` of the smallest, or is the smallest and another is that close, the caller
  /// then measuring every total exactly.
  func nearestByEstimate(findingsAt start: Int) -> Int? {
    var position = start
    var best = 0
    for index in 0..<closestCount {
      let count = Int(candidates.findings[position])
      if count >= 0 {
        let nodes = UnsafeBufferPointer(rebasing: candidates.findings[position + 1..<position + 1 + count])
        closestTotals[index] = estimatedDistance(of: nodes)
        position += 1 + count
      } else if count == ConditionTruths.tiedOptionsMark {
        let option = nearestOption(at: position, estimating: true)
        closestTotals[index] = (option.distance, option.estimated)
        position = option.next
      } else {
        // An `or` whose findings a distance chooses: measured exactly, as ``nearestRule()`` does.
        factCount = 0
        closestTotals[index] = (rankedDistance(of: Int(closest[index])), false)
        position += 1
      }
      if closestTotals[index].distance < closestTotals[best].distance { best = index }
    }
    let chosen = closestTotals[best]
    for index in 0..<closestCount where index != best {
      let other = closestTotals[index]
      if other.estimated || chosen.estimated, abs(other.distance - chosen.distance) <= ConditionTruths.estimateMargin {
        return nil
      }
    }
    return Int(closest[best])
  }

  /// ``totalDistance(of:)`` with each comparison decided by its step whose distance is not known
  /// yet estimated (``estimatedDistance(ofStep:)``), in the same order; `estimated` when one was.
  func estimatedDistance(of nodes: UnsafeBufferPointer<Int32>) -> (distance: Double, estimated: Bool) {
    var total: Double = 0
    var estimated = false
    for node in nodes {
      let index = Int(node)
      var distance: Double?
      if entries[index].kind == .comparison {
        if entries[index].step >= 0, stamps[index] != generation, sideStamps[index] != generation,
          let estimate = estimatedDistance(ofStep: index)
        {
          distance = estimate
          estimated = true
        } else {
          distance = self.distance(ofComparison: node)
        }
      }
      total += min(distance ?? 1, 1)
    }
    return (total, estimated)
  }

  /// ``ConditionTruths/distance(_:_:)`` of the sides of comparison `index`, decided by its step,
  /// worked out in doubles from the fields: the quotient of the field at the step's slot by the
  /// one at its second slot against the whole number, or the field at its slot against the whole
  /// number times the one at its second slot (the distance is the same either way round). `nil`
  /// when a field is neither a whole number nor a decimal, or the divisor is zero.
  func estimatedDistance(ofStep index: Int) -> Double? {
    guard let subject else { return nil }
    // The step where the runtime keeps it, and the fields read in place: copying the step out of
    // the policy and each field's value into an estimate cost more than the arithmetic.
    let step = UnsafePointer(policy.runtime.conditionSteps.baseAddress.unsafelyUnwrapped + Int(entries[index].step))
    guard let field = estimate(of: subject.client, at: step.pointee.slot),
      let other = estimate(of: subject.client, at: step.pointee.second)
    else { return nil }
    let whole = Double(step.pointee.constant.payload)
    let x: Double
    let y: Double
    switch step.pointee.operation {
    case .compareQuotient:
      guard other != 0 else { return nil }
      (x, y) = (field / other, whole)
    case .compareProduct: (x, y) = (field, whole * other)
    case .compareInt, .compareDuration, .compareDate, .compareMoney, .compareOperands, .compareComputed, .compareText,
      .memberText, .truthField, .isMissingField, .general, .ruleCondition, .not, .letCached, .letStore, .pass:
      return nil
    }
    guard x.isFinite, y.isFinite else { return nil }
    let scale = max(abs(x), abs(y))
    return scale == 0 ? 0 : min(abs(x - y) / scale, 1)
  }

  /// The field at `slot` of `client` as a double, when it is a whole number or a decimal within
  /// 64 bits (a wider decimal as ``ExplanationBuilder/amount(_:)`` has it); `nil` otherwise.
  @inline(__always)
  private func estimate(of client: UnsafePointer<Client>, at slot: Int32) -> Double? {
    switch client.pointee.value(at: Int(slot)) {
    case .int(let number): return Double(number)
    case .decimal(let number):
      guard number.high == 0, number.scale <= 19 else { return ExplanationBuilder.amount(.decimal(number)) }
      let magnitude = Double(number.low) / Double(DecimalNumber.powerOfTen64(Int(number.scale)))
      return number.isNegative ? -magnitude : magnitude
    case .missing, .bool, .duration, .percent, .money, .date, .text, .list: return nil
    }
  }
}
