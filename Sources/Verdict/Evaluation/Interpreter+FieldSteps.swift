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
    try compareFields(step, DecimalNumber.quotientPlace(_:_:comparedWith:))
  }

  /// A number field compared with a whole number times a number field, decided on the operands
  /// as ``DecimalNumber/productPlace(_:_:times:)`` can; else as ``compareComputed(_:)`` computes
  /// it, multiplying. On the shared benchmark (`outstanding_balance > 2 * revenue_last_month`)
  /// the multiplication and comparison of decimals there cost about 80 instructions a client,
  /// this step about 14 (callgrind; `Policy.report` 1,180 -> 1,143 a client).
  @inline(never)
  mutating func compareProduct(_ step: UnsafePointer<ConditionStep>) throws(Interrupt) -> Truth {
    try compareFields(step, DecimalNumber.productPlace(_:_:times:))
  }

  /// The number fields at `slot` and `second` and the whole number `constant`, placed by `place`
  /// (0, 1 or 2: the left side below, equal to or above the right), when it can; else the step as
  /// ``compareComputed(_:)`` computes it. What ``compareQuotient(_:)`` and ``compareProduct(_:)``
  /// share, inlined into each.
  @inline(__always)
  mutating func compareFields(
    _ step: UnsafePointer<ConditionStep>, _ place: (DecimalNumber, DecimalNumber, Int64) -> Int?
  ) throws(Interrupt) -> Truth {
    if let a = record.pointee.value(at: Int(step.pointee.slot)).asDecimal,
      let b = record.pointee.value(at: Int(step.pointee.second)).asDecimal,
      let place = place(a, b, step.pointee.constant.payload)
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
  ///
  /// Inlined into ``Interpreter/compareQuotient(_:)``, its one caller in evaluation: as a call it
  /// cost about 55 instructions more a client on the shared benchmark (callgrind).
  @inline(__always)
  static func quotientPlace(_ a: DecimalNumber, _ b: DecimalNumber, comparedWith whole: Int64) -> Int? {
    guard a.high == 0, b.high == 0, b.low != 0, a.scale <= 18, b.scale <= 8 else { return nil }
    if let place = smallQuotientPlace(a, b, comparedWith: whole) { return place }
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

  /// ``quotientPlace(_:_:comparedWith:)`` on 64-bit integers, for operands it has checked; `nil`
  /// when a significand, a product or the difference does not fit 64 bits. A fast path for the
  /// common case (`revenue / hours < 20` on the shared benchmark), where the 128-bit products and
  /// the nearness test cost about 50 instructions more a client.
  ///
  /// Why no nearness test: it asks |difference| × 10^(28−d) to exceed `bound` (b.low × 10^a.scale),
  /// `whole` having d digits. Here |whole| × `bound` ≤ 2^63, and |whole| ≥ 10^(d−1), so `bound` <
  /// 10^(20−d) (or below 2^63 < 10^28 for a zero `whole`): any nonzero difference passes.
  @inline(__always)
  static func smallQuotientPlace(_ a: DecimalNumber, _ b: DecimalNumber, comparedWith whole: Int64) -> Int? {
    guard a.low <= UInt64(Int64.max), b.low <= UInt64(Int64.max) else { return nil }
    let (left, leftOverflow) = Int64(a.low).multipliedReportingOverflow(by: Int64(powerOfTen64(Int(b.scale))))
    let (bound, boundOverflow) = Int64(b.low).multipliedReportingOverflow(by: Int64(powerOfTen64(Int(a.scale))))
    let (right, rightOverflow) = whole.multipliedReportingOverflow(by: bound)
    guard !leftOverflow, !boundOverflow, !rightOverflow else { return nil }
    let (difference, overflow) = (a.isNegative != b.isNegative ? -left : left).subtractingReportingOverflow(right)
    guard !overflow else { return nil }
    return difference == 0 ? 1 : difference < 0 ? 0 : 2
  }
}

extension DecimalNumber {
  /// 0, 1 or 2 when `a` is below, equal to or above `whole × b`, computed on 64- and 128-bit
  /// integers; `nil` when the significands do not fit 63 bits, a scale is past 18 or
  /// `whole × b.low` does not fit 63 bits, for the arithmetic of decimals to decide.
  ///
  /// Why this is exact: the product is below 2^63 < 10^28 with `b`'s scale, so
  /// ``multiplying(_:_:)`` (and whole numbers' multiplication) gives it unrounded, and numbers
  /// compare by value. Both sides brought to the scale `a.scale + b.scale` stay below
  /// 2^63 × 10^18 < 2^127.
  @inline(__always)
  static func productPlace(_ a: DecimalNumber, _ b: DecimalNumber, times whole: Int64) -> Int? {
    guard a.high == 0, b.high == 0, a.low <= UInt64(Int64.max), b.low <= UInt64(Int64.max), a.scale <= 18,
      b.scale <= 18
    else { return nil }
    let (product, overflow) = whole.multipliedReportingOverflow(by: Int64(b.low))
    guard !overflow else { return nil }
    let left = Int128(a.isNegative ? -Int64(a.low) : Int64(a.low)) * Int128(powerOfTen64(Int(b.scale)))
    let right = Int128(product) * Int128(powerOfTen64(Int(a.scale)))
    let signed = b.isNegative ? -right : right
    return (left >= signed ? 1 : 0) + (left > signed ? 1 : 0)
  }
}
