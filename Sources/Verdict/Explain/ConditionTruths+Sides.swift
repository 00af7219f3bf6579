/// The two sides of each comparison: what a ranking measures the distance between and what the
/// line shows.
extension ConditionTruths {
  /// The two sides of comparison `index`, for the client the truths were filled for. A field
  /// compared with a constant has them read here, and a comparison decided by its step
  /// (``Entry/step``) has them computed here, on first asking: most clients never need them (only
  /// a tie in the ranking or the line of its rule does), and computing them with the truths cost
  /// a division or a multiplication of decimals a client. `nil` when that computing fails, which
  /// the step's decision rules out (it computes as the evaluation does, and the evaluation of
  /// these sides succeeded).
  ///
  /// Inlined where asked (about 100,000 times in 40,000 clients of the shared benchmark, mostly
  /// for a field's side): as a call, its prologue and the optional pair it returned through memory
  /// cost about 40 instructions each. Computing a step's sides stays out of line.
  @inline(__always)
  func sides(of index: Int) -> (Scalar, Scalar)? {
    let entry = entries[index]
    if entry.slot >= 0 {
      // A field compared with a constant: the field as the evaluation reads it.
      guard let subject else { return nil }
      let value = subject.client.pointee.value(at: Int(entry.slot))
      return (Scalar(inline: value) ?? Scalar(kind: .field, payload: Int64(entry.slot)), constants[index])
    }
    guard entry.step >= 0, sideStamps[index] != generation else { return sides[index] }
    return computedSides(of: index, entry)
  }

  /// The sides of comparison `index`, whose entry is `entry`, decided by its step: computed as
  /// the step's own fallback computes them, and kept for the client.
  @inline(never)
  private func computedSides(of index: Int, _ entry: Entry) -> (Scalar, Scalar)? {
    guard let subject else { return nil }
    var observer = NoObserver()
    do throws(EvaluationError) {
      let computed = try policy.withInterpreter(
        recordAt: subject.client, contextAt: subject.context, emptyLets: emptiedLets(), &observer
      ) {
        (interpreter) throws(Interrupt) -> (Scalar, Scalar) in
        let expression = interpreter.nodes[Int(entry.id)]
        // As the step's own fallback computes them (``Interpreter/compareComputed(_:)``).
        return (try interpreter.computed(expression.a), try interpreter.computed(expression.b))
      }
      sides[index] = computed
      sideStamps[index] = generation
      return computed
    } catch {
      return nil
    }
  }
}

/// How far a comparison's two sides are apart, for the ranking.
extension ConditionTruths {
  /// The distance between the two sides of comparison `index`, worked out once a client.
  func distance(ofComparison index: Int32) -> Double? {
    let slot = Int(index)
    if stamps[slot] == generation { return distances[slot] }
    let distance = fieldDistance(slot) ?? sides(of: slot).flatMap { ConditionTruths.distance($0.0, $0.1) }
    distances[slot] = distance
    stamps[slot] = generation
    return distance
  }

  /// The distance of comparison `index` when it compares a field that holds a whole number or a
  /// decimal within 64 bits with a whole number: the same double ``distance(_:_:)`` works out on
  /// the two scalars (``ExplanationBuilder/amount(_:)`` of a decimal is its significand over
  /// 10^scale, each converted as here), without making them or calling out for the decimal; `nil`
  /// for any other comparison or value. A ranking measures about four of these for most clients
  /// that match no rule.
  @inline(__always)
  private func fieldDistance(_ index: Int) -> Double? {
    let entry = entries[index]
    guard entry.slot >= 0, let subject else { return nil }
    let constant = constants[index]
    guard constant.kind == .int else { return nil }
    let x: Double
    switch subject.client.pointee.value(at: Int(entry.slot)) {
    case .int(let number): x = Double(number)
    case .decimal(let number):
      guard number.high == 0, number.scale <= 19 else { return nil }
      let magnitude = Double(number.low) / Double(DecimalNumber.powerOfTen64(Int(number.scale)))
      x = number.isNegative ? -magnitude : magnitude
    case .missing, .bool, .duration, .percent, .money, .date, .text, .list: return nil
    }
    let y = Double(constant.payload)
    let scale = max(abs(x), abs(y))
    return scale == 0 ? 0 : min(abs(x - y) / scale, 1)
  }

  /// ``ExplanationBuilder/distance(_:_:)`` of the values two scalars stand for, on the scalars:
  /// two dates apart in years, two amounts relative to the larger (each capped at 1); `nil` for
  /// anything else, text and lists (not inline) included.
  static func distance(_ a: Scalar, _ b: Scalar) -> Double? {
    if a.kind == .date, b.kind == .date { return min(Double((a.payload - b.payload).magnitude) / 365, 1) }
    guard let x = amount(a), let y = amount(b) else { return nil }
    let scale = max(abs(x), abs(y))
    return scale == 0 ? 0 : min(abs(x - y) / scale, 1)
  }

  /// ``ExplanationBuilder/amount(_:)`` of the value a scalar stands for.
  @inline(__always)
  private static func amount(_ scalar: Scalar) -> Double? {
    switch scalar.kind {
    case .int, .duration, .money: Double(scalar.payload)
    case .decimal, .percent: ExplanationBuilder.amount(.decimal(scalar.decimal))
    case .missing, .bool, .date, .constant, .field, .computed: nil
    }
  }
}
