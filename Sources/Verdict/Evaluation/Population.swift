import Dispatch

/// Figures over every client of a data set, for `share`, `rank` and `percentile`.
///
/// Gather it with ``Policy/population(of:)``, or let ``Policy/evaluate(_:in:)-([Client],_)`` do
/// it; it keeps one number a client for each field that `rank` or `percentile` needs, and one
/// total for each field that `share` needs.
public struct Population: Sendable {
  /// Totals by field slot, for `share`; `nil` once a total outgrew 28 digits.
  var totals: [Int: DecimalNumber?] = [:]
  /// How many clients have a value below zero (a net refund) of each field of ``totals``: its
  /// shares mean nothing while any has, a part of a total that is no sum of parts (one client's
  /// share was 1000%). A count, so that a what-if that corrects the one negative value measures.
  var negativeTotals: [Int: Int] = [:]
  /// Sorted values by field slot, for `rank` and `percentile`.
  var sortedValues: [Int: [DecimalNumber]] = [:]
  /// One more client's values by field slot, counted in `rank` and `percentile` as if they were
  /// in ``sortedValues``: an example measured against a data set built (and sorted) once.
  var member: [Int: DecimalNumber] = [:]
  /// One client's values by field slot, left out of `rank` and `percentile` though they are in
  /// ``sortedValues``: the values a what-if replaced (``replacing(_:with:)``).
  var excluded: [Int: DecimalNumber] = [:]
  /// The unit of each measured field's values, and the fields whose values came in two.
  var units = PopulationUnits()
  /// The layout of the policy that gathered it: its figures are by field slot, so evaluating
  /// with a policy whose fields sit in other slots is refused (``Policy/layoutMismatch(of:in:)``).
  var layout: ClientLayout?

  /// Why `share` of a field some client has below zero is refused, for every client it is asked
  /// for (as values in two currencies are): no share of such a total is a part of it.
  static let negativeShare = ValueFailure(
    "a client's value is below zero (a net refund?): a share is a part of a total of values of 0 or more",
    hint: "measure a value that is never below zero (of a table's amounts, sum those above zero: "
      + "sum(t.amount where amount > 0))")

  /// Whether it holds any figure (the policy it was built for uses a population function).
  var measuresAnything: Bool { !totals.isEmpty || !sortedValues.isEmpty }

  /// This population with one more client, `client`: what ``PopulationBuilder`` would build with
  /// it added, without sorting again, so that many examples can share one data set's population.
  /// Only one client can be added this way: the result of one call is not extended by another.
  package func including(_ client: some ClientRecord) -> Population {
    var result = self
    result.member = [:]
    result.excluded = [:]
    result.units.note(client)
    for (field, total) in totals {
      guard let magnitude = client.value(at: field).populationNumber else { continue }
      result.totals[field] = total.flatMap { try? DecimalNumber.adding($0, magnitude) }
      if magnitude.isBelowZero { result.negativeTotals[field, default: 0] += 1 }
    }
    for field in sortedValues.keys {
      if let magnitude = client.value(at: field).populationNumber { result.member[field] = magnitude }
    }
    return result
  }

  /// This population with `original`, one of the clients it was built from, measured with the
  /// values of `client` instead: a what-if (`explain --set`, the REPL's `:set`) of a client of the
  /// data, without building and sorting the population again. A what-if that measured the client
  /// against a population still holding its old value gave shares and percentiles past 100%.
  package func replacing(_ original: some ClientRecord, with client: some ClientRecord) -> Population {
    var result = including(client)
    for (field, total) in result.totals {
      guard let old = original.value(at: field).populationNumber else { continue }
      result.totals[field] = total.flatMap { try? DecimalNumber.subtracting($0, old) }
      if old.isBelowZero { result.negativeTotals[field, default: 1] -= 1 }
    }
    for field in sortedValues.keys {
      if let old = original.value(at: field).populationNumber { result.excluded[field] = old }
    }
    return result
  }

  /// The value of a population measure for a client whose field holds `value`.
  /// - Throws: an overflow for `share` when the data's total outgrew 28 digits: the share cannot
  ///   be known, and missing would say the data was not there; a failure when the field's values
  ///   came in two units (EUR and USD), which no figure adds up.
  func measure(_ measure: PopulationMeasure, field: Int, value: Value) throws(ValueFailure) -> Value {
    guard let magnitude = value.populationNumber else { return .missing }
    try units.check(field)
    switch measure {
    case .share:
      guard let measured = totals[field] else { return .missing }
      guard let total = measured else { throw .overflow }
      guard negativeTotals[field, default: 0] <= 0 else { throw Population.negativeShare }
      guard !total.isZero, let share = try? DecimalNumber.dividing(magnitude, total) else { return .missing }
      return .percent(share)
    case .rank:
      guard let sorted = sortedValues[field] else { return .missing }
      // 1 + how many values are larger.
      var larger = sorted.count - Population.upperBound(of: magnitude, in: sorted)
      if !member.isEmpty, let extra = member[field], extra > magnitude { larger += 1 }
      if !excluded.isEmpty, let gone = excluded[field], gone > magnitude { larger -= 1 }
      return .int(Int64(1 + larger))
    case .percentile:
      guard let sorted = sortedValues[field] else { return .missing }
      var count = sorted.count
      var below = Population.lowerBound(of: magnitude, in: sorted)
      if !member.isEmpty, let extra = member[field] {
        count += 1
        if extra < magnitude { below += 1 }
      }
      if !excluded.isEmpty, let gone = excluded[field] {
        count -= 1
        if gone < magnitude { below -= 1 }
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
  /// The fields whose totals `share` needs, each once.
  private let totalFields: [Int]
  /// The fields whose values `rank` and `percentile` need, each once: a field both measure
  /// counts each client once.
  private let sortedFields: [Int]
  /// The running total of each of ``totalFields``; `nil` once it outgrew 28 digits.
  private var totals: [DecimalNumber?]
  /// How many clients' values of each of ``totalFields`` were below zero.
  private var negative: [Int]
  /// The values of each of ``sortedFields``, in the order the clients came.
  private var values: [[DecimalNumber]]
  /// The unit of each measured field's values.
  private var units: PopulationUnits
  /// The layout of the policy it collects for.
  private let layout: ClientLayout

  /// Starts collecting what `policy` needs.
  package init(for policy: Policy) {
    layout = policy.clientLayout
    var totalFields: [Int] = []
    var sortedFields: [Int] = []
    for need in policy.program.populationNeeds {
      switch need.measure {
      case .share: if !totalFields.contains(need.field) { totalFields.append(need.field) }
      case .rank, .percentile: if !sortedFields.contains(need.field) { sortedFields.append(need.field) }
      }
    }
    self.totalFields = totalFields
    self.sortedFields = sortedFields
    units = PopulationUnits(fields: totalFields + sortedFields.filter { !totalFields.contains($0) })
    totals = Array(repeating: DecimalNumber(0), count: totalFields.count)
    negative = Array(repeating: 0, count: totalFields.count)
    values = Array(repeating: [], count: sortedFields.count)
  }

  /// Whether the policy needs a population at all.
  package var isNeeded: Bool { !totalFields.isEmpty || !sortedFields.isEmpty }

  /// Adds one client's values.
  package mutating func add(_ client: some ClientRecord) {
    units.note(client)
    for index in totalFields.indices {
      guard let magnitude = client.value(at: totalFields[index]).populationNumber else { continue }
      totals[index] = totals[index].flatMap { try? DecimalNumber.adding($0, magnitude) }
      if magnitude.isBelowZero { negative[index] += 1 }
    }
    for index in sortedFields.indices {
      guard let magnitude = client.value(at: sortedFields[index]).populationNumber else { continue }
      values[index].append(magnitude)
    }
  }

  /// The population of every client added. The fields' values are sorted at the same time, one
  /// field a thread.
  package func build() -> Population {
    var result = Population()
    result.units = units
    result.layout = layout
    for (index, field) in totalFields.enumerated() {
      result.totals[field] = totals[index]
      if negative[index] > 0 { result.negativeTotals[field] = negative[index] }
    }
    let sorted = ConcurrentResults<[DecimalNumber]>(count: sortedFields.count)
    DispatchQueue.concurrentPerform(iterations: sortedFields.count) { index in
      sorted[index] = PopulationBuilder.sorted(values[index])
    }
    for (index, field) in sortedFields.enumerated() { result.sortedValues[field] = sorted[index] }
    return result
  }

  /// `values` in ascending order. Only their order matters (a population counts values below
  /// and above), so the numbers are sorted as whole 128-bit keys at the largest scale among
  /// them, far faster than comparing decimals of different scales, and come back at that scale
  /// (equal in value); when one would not fit a decimal's 28 digits there, the decimals
  /// themselves are sorted.
  static func sorted(_ values: [DecimalNumber]) -> [DecimalNumber] {
    let scale = values.reduce(0) { max($0, Int($1.scale)) }
    var keys: [Int128] = []
    keys.reserveCapacity(values.count)
    for value in values {
      let (shifted, overflow) = value.significand.multipliedReportingOverflow(
        by: DecimalNumber.powerOfTen(scale - Int(value.scale)))
      guard !overflow, shifted < DecimalNumber.significandLimit else { return values.sorted() }
      keys.append(value.isNegative ? -Int128(shifted) : Int128(shifted))
    }
    keys.sort()
    return keys.map { DecimalNumber(significand: $0.magnitude, scale: scale, negative: $0 < 0) }
  }
}

/// Results that threads of `DispatchQueue.concurrentPerform` write, each to its own index, in
/// memory no other thread touches until all have finished.
private final class ConcurrentResults<Element>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Element?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  subscript(index: Int) -> Element {
    get { slots[index]! }
    set { slots[index] = newValue }
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

extension DecimalNumber {
  /// Whether the number is below zero (`-0` is not).
  var isBelowZero: Bool { isNegative && !isZero }
}
