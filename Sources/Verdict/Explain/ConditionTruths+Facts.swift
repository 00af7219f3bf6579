/// The truths as ``LinePlan``'s fact search reads them.
extension ConditionTruths: FactValues {
  func truth(ofNode index: Int32, id: Int32) -> TraceValues.Truth {
    switch truths[Int(index)] {
    case Truth.false.rawValue: .isFalse
    case Truth.missing.rawValue: .unknown
    case Truth.true.rawValue: .isTrue
    default: .notComputed
    }
  }

  /// The distance between the two sides of comparison `index`, from the values they stand for:
  /// text and lists (which a scalar does not hold inline) have none, as
  /// ``ExplanationBuilder/distance(_:_:)`` says of them.
  func distance(ofNode index: Int32, left: Int32, right: Int32) -> Double? {
    distance(ofComparison: index)
  }

  /// The distance between the two sides of comparison `index`, worked out once a client.
  func distance(ofComparison index: Int32) -> Double? {
    let slot = Int(index)
    if stamps[slot] == generation { return distances[slot] }
    let (a, b) = sides[slot]
    let distance = ConditionTruths.distance(a, b)
    distances[slot] = distance
    stamps[slot] = generation
    return distance
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
