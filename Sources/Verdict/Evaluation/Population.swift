/// Figures over every client of a data set, for `share`, `rank` and `percentile`.
///
/// Build it in a first pass with ``PopulationBuilder``; it keeps one number a client for each
/// field that `rank` or `percentile` needs, and one total for each field that `share` needs.
public struct Population: Sendable {
  /// Totals by field slot, for `share`.
  var totals: [Int: Double] = [:]
  /// Sorted values by field slot, for `rank` and `percentile`.
  var sortedValues: [Int: [Double]] = [:]

  /// The value of a population measure for a client whose field holds `value`.
  func measure(_ measure: PopulationMeasure, field: Int, value: Value) -> Value {
    guard let magnitude = value.magnitude else { return .missing }
    switch measure {
    case .share:
      guard let total = totals[field], total != 0 else { return .missing }
      return .percent(magnitude / total)
    case .rank:
      guard let sorted = sortedValues[field] else { return .missing }
      // 1 + how many values are larger.
      return .int(Int64(1 + sorted.count - Population.upperBound(of: magnitude, in: sorted)))
    case .percentile:
      guard let sorted = sortedValues[field], !sorted.isEmpty else { return .missing }
      guard sorted.count > 1 else { return .percent(0) }
      return .percent(Double(Population.lowerBound(of: magnitude, in: sorted)) / Double(sorted.count - 1))
    }
  }

  static func lowerBound(of value: Double, in sorted: [Double]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  static func upperBound(of value: Double, in sorted: [Double]) -> Int {
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
public struct PopulationBuilder: Sendable {
  private let needs: [PopulationNeed]
  private var population = Population()

  /// Starts collecting what `policy` needs.
  public init(for policy: Policy) {
    needs = policy.program.populationNeeds
    for need in needs {
      switch need.measure {
      case .share: population.totals[need.field] = 0
      case .rank, .percentile: population.sortedValues[need.field] = []
      }
    }
  }

  /// Whether the policy needs a population at all.
  public var isNeeded: Bool { !needs.isEmpty }

  /// Adds one client's values.
  public mutating func add(_ client: some ClientRecord) {
    for need in needs {
      guard let magnitude = client.value(at: need.field).magnitude else { continue }
      switch need.measure {
      case .share: population.totals[need.field, default: 0] += magnitude
      case .rank, .percentile: population.sortedValues[need.field, default: []].append(magnitude)
      }
    }
  }

  /// The population of every client added.
  public func build() -> Population {
    var result = population
    for (field, values) in result.sortedValues { result.sortedValues[field] = values.sorted() }
    return result
  }
}

extension Value {
  /// The size of a numeric value as a `Double`, for population figures.
  var magnitude: Double? {
    switch self {
    case .int(let value): Double(value)
    case .real(let value), .percent(let value): value
    case .duration(let span): Double(span.seconds)
    case .money(let money): Double(money.scaledAmount)
    case .missing, .bool, .date, .text, .list: nil
    }
  }
}
