/// The commonest arithmetic done on scalars directly, without building ``Value``s. Each shape
/// here gives exactly what ``Value/arithmetic(_:_:_:)`` gives; every other shape is left to it.
extension Scalar {
  /// Whole numbers added, subtracted or multiplied; decimals (with decimals or whole numbers);
  /// money of one currency, or durations, added or subtracted; money or a duration multiplied or
  /// divided by a whole number. `nil` for anything else (including missing operands), which the
  /// general arithmetic of values handles.
  @inline(__always)
  static func arithmetic(_ op: Arithmetic, _ left: Scalar, _ right: Scalar) throws(ValueFailure) -> Scalar? {
    if right.kind == .int {
      if left.kind == .int {
        return integer(op, left.payload, right.payload)
      }
      if left.kind == .money || left.kind == .duration {
        guard op == .multiply || op == .divide else { return nil }
        let amount = try Value.scale(left.payload, op, byWhole: right.payload)
        return Scalar(kind: left.kind, currency: left.currency, payload: amount)
      }
      return left.kind == .decimal ? try decimals(op, left, right) : nil
    }
    if right.kind == .decimal { return try decimals(op, left, right) }
    guard left.header == right.header,
      left.kind == .money || left.kind == .duration
    else { return nil }
    switch op {
    case .add:
      return Scalar(
        kind: left.kind, currency: left.currency,
        payload: try Value.checked(left.payload.addingReportingOverflow(right.payload)))
    case .subtract:
      return Scalar(
        kind: left.kind, currency: left.currency,
        payload: try Value.checked(left.payload.subtractingReportingOverflow(right.payload)))
    case .multiply, .divide:
      return nil
    }
  }

  /// Decimals, or a decimal and a whole number, combined; `nil` for other kinds. Out of line, so
  /// that the whole-number paths inlined into the interpreter stay small.
  @inline(never)
  private static func decimals(_ op: Arithmetic, _ left: Scalar, _ right: Scalar) throws(ValueFailure) -> Scalar? {
    guard let a = left.number, let b = right.number else { return nil }
    return Scalar(.decimal, try DecimalNumber.applying(op, a, b))
  }

  /// Whole numbers added, subtracted or multiplied; `nil` for division, which may leave whole
  /// numbers, and for a result past 64 bits, which the general arithmetic makes a decimal.
  @inline(__always)
  private static func integer(_ op: Arithmetic, _ a: Int64, _ b: Int64) -> Scalar? {
    let result: (partialValue: Int64, overflow: Bool)
    switch op {
    case .add: result = a.addingReportingOverflow(b)
    case .subtract: result = a.subtractingReportingOverflow(b)
    case .multiply: result = a.multipliedReportingOverflow(by: b)
    case .divide: return nil
    }
    return result.overflow ? nil : Scalar(kind: .int, payload: result.partialValue)
  }
}
