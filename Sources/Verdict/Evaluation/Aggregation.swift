/// One client's running figure for one aggregate, folded record by record: 24 bytes and
/// trivially copyable, so that a million clients' figures are one flat buffer.
package struct AggregateAccumulator: Sendable {
  /// The sum, the smallest or largest value so far, or for `any`/`all` whether a deciding
  /// record was seen; missing until the first value.
  var figure = Scalar.missing
  /// The records that passed the filter.
  package var count: UInt32 = 0
  /// Those among them whose value was missing.
  package var missing: UInt32 = 0

  /// An accumulator that has seen no record.
  package init() {}
}

/// What folding a record does for one aggregate: trivially copyable, so that the loop over a
/// table's aggregates copies and reference-counts nothing.
struct FoldStep {
  /// The aggregate's index among the policy's, and so among a client's accumulators.
  var index: Int
  var function: AggregateFunction
  /// The table program's lets for the value and the filter; -1 for none.
  var value: Int32
  var filter: Int32

  init(index: Int, _ aggregate: AggregateInfo) {
    self.index = index
    function = aggregate.function
    value = aggregate.value.map { Int32($0) } ?? -1
    filter = aggregate.filter.map { Int32($0) } ?? -1
  }
}

/// A table's fold steps, in memory of their own that lives as long as the table.
final class FoldSteps: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<FoldStep>

  init(_ steps: [FoldStep]) {
    buffer = .allocate(capacity: steps.count)
    _ = buffer.initialize(from: steps)
  }

  deinit { buffer.deallocate() }
}

extension Interpreter {
  /// Folds the record this interpreter reads into `accumulator` for the aggregate of `step`:
  /// evaluates the filter, then the value, through the table program's lets.
  @inline(__always)
  mutating func fold(_ step: FoldStep, into accumulator: inout AggregateAccumulator) throws(Interrupt) {
    if step.filter >= 0 {
      let passes = try evaluate(runtime.letRoots[Int(step.filter)])
      // A record whose condition is unknown does not count, as a rule whose condition is
      // unknown does not fire.
      guard passes.isTrue else { return }
    }
    accumulator.count &+= 1
    guard step.value >= 0 else { return }
    let root = runtime.letRoots[Int(step.value)]
    let value = try evaluate(root)
    if value.isMissing {
      accumulator.missing &+= 1
      return
    }
    // Text and lists are not kept: they stay in the record, which the next record replaces.
    guard value.inlineValue != nil || step.function == .count else {
      let type = self.value(of: value).type?.described ?? "this value"
      throw typeError("\(step.function.rawValue) cannot take \(type)", root)
    }
    let figure = accumulator.figure
    switch step.function {
    case .count:
      return
    case .any:
      if try truth(value, root) { accumulator.figure = .bool(true) }
    case .all:
      if !(try truth(value, root)) { accumulator.figure = .bool(false) }
    case .sum, .average:
      guard !figure.isMissing else {
        accumulator.figure = value
        return
      }
      accumulator.figure = try add(figure, value, at: root)
    case .min, .earliest:
      if figure.isMissing {
        accumulator.figure = value
      } else if try order(value, figure, at: root) < 0 {
        accumulator.figure = value
      }
    case .max, .latest:
      if figure.isMissing {
        accumulator.figure = value
      } else if try order(value, figure, at: root) > 0 {
        accumulator.figure = value
      }
    }
  }

  private mutating func truth(_ scalar: Scalar, _ node: Int32) throws(Interrupt) -> Bool {
    guard scalar.kind == .bool else {
      throw typeError("expected true or false, not \(value(of: scalar).type?.described ?? "missing")", node)
    }
    return scalar.payload != 0
  }

  private mutating func add(_ left: Scalar, _ right: Scalar, at node: Int32) throws(Interrupt) -> Scalar {
    do throws(ValueFailure) {
      if let sum = try Scalar.arithmetic(.add, left, right) { return sum }
      return scalar(try Value.arithmetic(.add, value(of: left), value(of: right)))
    } catch { throw located(error, node) }
  }

  private mutating func order(_ left: Scalar, _ right: Scalar, at node: Int32) throws(Interrupt) -> Int {
    if let order = Scalar.orderIntegers(left, right) { return order }
    do throws(ValueFailure) { return try Value.ordering(value(of: left), value(of: right)) } catch {
      throw located(error, node)
    }
  }
}

extension AggregateAccumulator {
  /// The aggregate's value once every record is folded in: missing values make a sum, an
  /// average, a smallest or largest value unknown, and `any`/`all` unknown unless a known record
  /// decides them (Kleene logic, as `or` and `and`).
  func result(of aggregate: AggregateInfo) -> Value {
    let figure = self.figure.inlineValue ?? .missing
    switch aggregate.function {
    case .count:
      return .int(Int64(count - (aggregate.value == nil ? 0 : missing)))
    case .any:
      if case .bool(true) = figure { return .bool(true) }
      return missing > 0 ? .missing : .bool(false)
    case .all:
      if case .bool(false) = figure { return .bool(false) }
      return missing > 0 ? .missing : .bool(true)
    case .sum:
      if missing > 0 { return .missing }
      if count == 0 { return AggregateAccumulator.zero(of: aggregate) }
      return figure
    case .average:
      guard missing == 0, count > 0 else { return .missing }
      return (try? Value.arithmetic(.divide, figure, .int(Int64(count)))) ?? .missing
    case .min, .max, .latest, .earliest:
      return missing > 0 ? .missing : figure
    }
  }

  /// The sum of no records: 0 in the column's unit, or missing when the unit is not known before
  /// the data (money with no currency declared).
  static func zero(of aggregate: AggregateInfo) -> Value {
    switch aggregate.type {
    case .number, nil: .int(0)
    case .duration: .duration(TimeSpan(seconds: 0))
    case .money: aggregate.currency.map { .money(Money(scaledAmount: 0, currency: $0)) } ?? .missing
    case .percent, .bool, .date, .text, .list: .missing
    }
  }
}
