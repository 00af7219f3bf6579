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
    var distance: Double?
    if let first = a.inlineValue, let second = b.inlineValue { distance = ExplanationBuilder.distance(first, second) }
    distances[slot] = distance
    stamps[slot] = generation
    return distance
  }
}
