/// The steps that compare fields with texts and quotients of fields with whole numbers, the
/// commonest comparisons the tree walk would otherwise compute through ``Value``s: on the shared
/// benchmark (`channel == "phone"`, `channel in ["email", "chat"]`,
/// `revenue_last_month / hours_last_month < 20`) they cost about 1,000 instructions a client that
/// way. Anything these steps do not expect goes to the paths they stand for, so every value,
/// missing result and error is still those paths'.
extension Interpreter {
  /// `in` or `not in` of a text field and a list of texts, as ``Value/member(_:of:)`` decides
  /// it for texts: present in the list when equal to one of them.
  @inline(never)
  mutating func memberText(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    guard case .text(let text) = record.pointee.value(at: Int(step.pointee.slot)) else {
      return try operandTruth(step.pointee.node)
    }
    let start = Int(step.pointee.skip)
    var found = false
    for offset in start..<start + Int(step.pointee.second) where runtime.conditionTexts[offset] == text {
      found = true
      break
    }
    return Truth(found != (step.pointee.outcomes != 0))
  }

  /// A quotient of two number fields compared with a whole number, decided on the operands as
  /// ``DecimalNumber/quotientPlace(_:_:comparedWith:)`` can; else as ``compareComputed(_:)``
  /// computes it, dividing.
  @inline(never)
  mutating func compareQuotient(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    if let dividend = record.pointee.value(at: Int(step.pointee.slot)).asDecimal,
      let divisor = record.pointee.value(at: Int(step.pointee.second)).asDecimal,
      let place = DecimalNumber.quotientPlace(dividend, divisor, comparedWith: step.pointee.constant.payload)
    {
      return Truth(outcome: step.pointee.outcomes, place: place)
    }
    return try compareComputed(step)
  }
}

extension DecimalNumber {
  /// 0, 1 or 2 when `a ÷ b`, rounded as ``dividing(_:_:)`` rounds it, is below, equal to or above
  /// `whole`, decided without dividing; `nil` when this cannot tell, for the division to decide:
  /// when the significands do not fit 64 bits, `a` has more than 18 decimal places or `b` more
  /// than 8, `b` is zero (an error), a product does not fit 128 bits, or the exact quotient is so
  /// near `whole` that rounding it could make it equal.
  ///
  /// Why this is exact: rounding is monotone and `whole` (at most 19 digits) is a value a
  /// quotient can take, so the rounded quotient is on the same side of `whole` as the exact one
  /// unless it rounds to `whole` itself. Near a whole number of `d` digits a quotient is rounded
  /// to a unit of at most 10^(d−28) (28 significant digits, or 28 decimal places below 10), so
  /// one farther than that from `whole` cannot round to it. With at most 8 decimal places in
  /// `b`, the quotient is below 2^64 × 10^8 < 10^28: never the overflow the division reports.
  static func quotientPlace(_ a: DecimalNumber, _ b: DecimalNumber, comparedWith whole: Int64) -> Int? {
    guard a.high == 0, b.high == 0, b.low != 0, a.scale <= 18, b.scale <= 8 else { return nil }
    // a − whole × b, both over 10^(a.scale + b.scale), with b's sign moved onto a.
    let dividend = a.isNegative != b.isNegative ? -Int128(a.low) : Int128(a.low)
    let left = dividend * Int128(powerOfTen64(Int(b.scale)))
    let (product, overflow) = Int128(whole).multipliedReportingOverflow(by: Int128(b.low))
    let (right, overflowAgain) = product.multipliedReportingOverflow(by: Int128(powerOfTen64(Int(a.scale))))
    guard !overflow, !overflowAgain else { return nil }
    let (difference, overflowOnce) = left.subtractingReportingOverflow(right)
    guard !overflowOnce else { return nil }
    if difference == 0 { return 1 }
    // |a ÷ b − whole| = |difference| ÷ (b.low × 10^a.scale) must exceed 10^(d−28).
    let (distance, far) = difference.magnitude.multipliedReportingOverflow(
      by: powerOfTen(maximumDigits - digitCount(whole.magnitude)))
    guard far || distance > UInt128(b.low) * UInt128(powerOfTen64(Int(a.scale))) else { return nil }
    return difference < 0 ? 0 : 2
  }
}
