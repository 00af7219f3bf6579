/// Figures over every client of a data set, for `share`, `rank` and `percentile`.
///
/// Gather it with ``Policy/population(of:)``, or let ``Policy/evaluate(_:in:)-([Client],_)`` do
/// it; it keeps one number a client for each field that `rank` or `percentile` needs, and one
/// total for each field that `share` needs.
public struct Population: Sendable {
  /// Totals by field slot, for `share`; `nil` once a total outgrew 28 digits.
  var totals: [Int: DecimalNumber?] = [:]
  /// Sorted values by field slot, for `rank` and `percentile`.
  var sortedValues: [Int: [DecimalNumber]] = [:]
  /// One more client's values by field slot, counted in `rank` and `percentile` as if they were
  /// in ``sortedValues``: an example measured against a data set built (and sorted) once.
  var member: [Int: DecimalNumber] = [:]

  /// Whether it holds any figure (the policy it was built for uses a population function).
  var measuresAnything: Bool { !totals.isEmpty || !sortedValues.isEmpty }

  /// This population with one more client, `client`: what ``PopulationBuilder`` would build with
  /// it added, without sorting again, so that many examples can share one data set's population.
  /// Only one client can be added this way: the result of one call is not extended by another.
  package func including(_ client: some ClientRecord) -> Population {
    var result = self
    result.member = [:]
    for (field, total) in totals {
      guard let magnitude = client.value(at: field).populationNumber else { continue }
      result.totals[field] = total.flatMap { try? DecimalNumber.adding($0, magnitude) }
    }
    for field in sortedValues.keys {
      if let magnitude = client.value(at: field).populationNumber { result.member[field] = magnitude }
    }
    return result
  }

  /// The value of a population measure for a client whose field holds `value`.
  func measure(_ measure: PopulationMeasure, field: Int, value: Value) -> Value {
    guard let magnitude = value.populationNumber else { return .missing }
    switch measure {
    case .share:
      guard let total = totals[field] ?? nil, !total.isZero,
        let share = try? DecimalNumber.dividing(magnitude, total)
      else { return .missing }
      return .percent(share)
    case .rank:
      guard let sorted = sortedValues[field] else { return .missing }
      // 1 + how many values are larger.
      var larger = sorted.count - Population.upperBound(of: magnitude, in: sorted)
      if !member.isEmpty, let extra = member[field], extra > magnitude { larger += 1 }
      return .int(Int64(1 + larger))
    case .percentile:
      guard let sorted = sortedValues[field] else { return .missing }
      var count = sorted.count
      var below = Population.lowerBound(of: magnitude, in: sorted)
      if !member.isEmpty, let extra = member[field] {
        count += 1
        if extra < magnitude { below += 1 }
      }
      guard count > 0 else { return .missing }
      guard count > 1 else { return .percent(DecimalNumber(0)) }
      // Neither overflows nor divides by zero: a count below 2^63 divided by a positive one.
      guard let fraction = try? DecimalNumber.dividing(DecimalNumber(Int64(below)), DecimalNumber(Int64(count - 1)))
      else {
        return .missing
      }
      return .percent(fraction)
    }
  }

  static func lowerBound(of value: DecimalNumber, in sorted: [DecimalNumber]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  static func upperBound(of value: DecimalNumber, in sorted: [DecimalNumber]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// Collects a ``Population`` from clients, one at a time.
package struct PopulationBuilder: Sendable {
  private let needs: [PopulationNeed]
  private var population = Population()

  /// Starts collecting what `policy` needs.
  package init(for policy: Policy) {
    needs = policy.program.populationNeeds
    for need in needs {
      switch need.measure {
      case .share: population.totals[need.field] = DecimalNumber(0)
      case .rank, .percentile: population.sortedValues[need.field] = []
      }
    }
  }

  /// Whether the policy needs a population at all.
  package var isNeeded: Bool { !needs.isEmpty }

  /// Adds one client's values.
  package mutating func add(_ client: some ClientRecord) {
    for need in needs {
      guard let magnitude = client.value(at: need.field).populationNumber else { continue }
      switch need.measure {
      case .share:
        let total = population.totals[need.field] ?? nil
        population.totals[need.field] = total.flatMap { try? DecimalNumber.adding($0, magnitude) }
      case .rank, .percentile: population.sortedValues[need.field, default: []].append(magnitude)
      }
    }
  }

  /// The population of every client added.
  package func build() -> Population {
    var result = population
    for (field, values) in result.sortedValues { result.sortedValues[field] = values.sorted() }
    return result
  }
}

extension Value {
  /// The size of a numeric value, exactly, for population figures: money in ten-thousandths,
  /// durations in seconds.
  var populationNumber: DecimalNumber? {
    switch self {
    case .int(let value): DecimalNumber(value)
    case .decimal(let value), .percent(let value): value
    case .duration(let span): DecimalNumber(span.seconds)
    case .money(let money): DecimalNumber(money.scaledAmount)
    case .missing, .bool, .date, .text, .list: nil
    }
  }

  /// The size of a numeric value as a `Double`, for how far apart explanations find two values.
  var magnitude: Double? {
    switch self {
    case .int(let value): Double(value)
    case .decimal(let value), .percent(let value): value.doubleValue
    case .duration(let span): Double(span.seconds)
    case .money(let money): Double(money.scaledAmount)
    case .missing, .bool, .date, .text, .list: nil
    }
  }
}
