/// The line's commonest values written on 64 bits: a decimal whose digits fit a word, and the
/// short texts the line is mostly made of.
extension LineBytes {
  /// A decimal as ``appendDisplay(_:unit:)`` shows it (``ExplanationRounding/shownMarked(_:)``),
  /// when its significand fits 64 bits and it has at most 19 places; `false`, with nothing
  /// written, for any other, left to the general path.
  ///
  /// It exists because the general path trims, rounds, compares and writes the number on 128
  /// bits, several times what the line's decimals (amounts, ratios, averages) need.
  func appendNarrowDecimal(_ number: DecimalNumber) -> Bool {
    guard number.high == 0, number.scale <= 19 else { return false }
    var significand = number.low
    guard significand != 0 else {
      append(UInt8(ascii: "0"))
      return true
    }
    var scale = Int(number.scale)
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    if scale > ExplanationRounding.exactPlaces,
      let (kept, places) = LineBytes.roundedForLine(significand, scale: scale, power: DecimalNumber.powerOfTen64)
    {
      significand = kept
      scale = places
      appendRoundingMark()
    }
    appendSignificand(significand, scale: scale, negative: number.isNegative)
    return true
  }

  /// A decimal whose significand needs more than 64 bits, most often a quotient (`revenue /
  /// hours` has 28 digits), as ``appendDisplay(_:unit:)`` shows it, when it has more places than
  /// are shown exactly (``ExplanationRounding/exactPlaces``) and its rounded significand fits 64
  /// bits; `false`, with nothing written, for any other, left to the general path.
  ///
  /// It exists because the general path trims, rounds and trims again, compares the result with
  /// the number and writes it, each on 128 bits (about 700 instructions for a quotient), where
  /// one 128-bit division rounds it as ``ExplanationRounding/shown(_:)`` does.
  func appendWideDecimal(_ number: DecimalNumber) -> Bool {
    var significand = number.significand
    var scale = Int(number.scale)
    guard significand != 0 else { return false }
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    guard scale > ExplanationRounding.exactPlaces,
      let (kept, places) = LineBytes.roundedForLine(significand, scale: scale, power: DecimalNumber.powerOfTen),
      kept <= UInt128(UInt64.max)
    else { return false }
    appendRoundingMark()
    appendSignificand(UInt64(kept), scale: places, negative: number.isNegative)
    return true
  }

  /// `significand`, a decimal's without zeros at its end and with `scale` places, more than are
  /// shown exactly, rounded as ``ExplanationRounding/shown(_:)`` rounds: to the zeros right after
  /// the point, then 2 digits past them and at least 2 places, half to even; `nil` when that keeps
  /// every place (nothing to round). The result has no zeros at its end (its places counted
  /// without them). The last digit is not zero, so fewer places always change the value: the
  /// caller marks the number. `power(n)` is 10^n in `Significand`.
  @inline(__always)
  fileprivate static func roundedForLine<Significand: FixedWidthInteger & UnsignedInteger>(
    _ significand: Significand, scale: Int, power: (Int) -> Significand
  ) -> (kept: Significand, places: Int)? {
    let fraction = significand % power(scale)
    var zeros = 0
    var limit = power(scale - 1)
    while zeros < scale, fraction < limit {
      zeros += 1
      limit /= 10
    }
    let places = min(scale, max(2, zeros + 2))
    guard places < scale else { return nil }
    let unit = power(scale - places)
    var (kept, dropped) = significand.quotientAndRemainder(dividingBy: unit)
    let half = unit / 2
    if dropped > half || (dropped == half && kept & 1 == 1) { kept += 1 }
    var shown = places
    while shown > 0, kept % 10 == 0 {
      kept /= 10
      shown -= 1
    }
    return (kept, shown)
  }

  /// The digits of `significand` with the point `scale` places from the right (zeros in front
  /// when it has fewer digits), after a minus when `negative`, as ``appendDecimal`` writes a
  /// decimal without zeros at the end.
  @inline(__always)
  private func appendSignificand(_ significand: UInt64, scale: Int, negative: Bool) {
    if negative { append(UInt8(ascii: "-")) }
    makeDigits(significand)
    let whole = digitCount - scale
    guard scale > 0 else { return appendDigits() }
    if whole > 0 {
      appendDigits(count: whole)
      append(UInt8(ascii: "."))
      appendDigits(after: whole)
    } else {
      append(UInt8(ascii: "0"))
      append(UInt8(ascii: "."))
      for _ in 0..<(-whole) { append(UInt8(ascii: "0")) }
      appendDigits()
    }
  }

  /// A date as ``CalendarDate/description`` writes it, `2024-01-31`, when its year has four
  /// digits (years 1000 to 9999): its ten bytes put together in a word and a half and copied at
  /// once; `false`, with nothing written, for another year, left to the general padding.
  ///
  /// It exists because padding each part cost three rounds of digits and appends, about 400
  /// instructions a date a line shows.
  func appendDate(year: Int, month: Int, day: Int) -> Bool {
    guard (1000...9999).contains(year) else { return false }
    let zero = UInt8(ascii: "0")
    let dash = UInt8(ascii: "-")
    let bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
      zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10), zero + UInt8(year % 10),
      dash, zero + UInt8(month / 10), zero + UInt8(month % 10), dash, zero + UInt8(day / 10), zero + UInt8(day % 10)
    )
    withUnsafeBytes(of: bytes) { append($0.assumingMemoryBound(to: UInt8.self)) }
    return true
  }

  /// Copies `count` bytes from `source` to `target`, which do not overlap. Up to 16 bytes, the
  /// length of most names and literals of a line, as two overlapping loads and stores: a call to
  /// `memcpy` costs more than such a copy.
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
      let first = from.loadUnaligned(as: UInt64.self)
      let last = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      to.storeBytes(of: first, as: UInt64.self)
      to.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      let first = from.loadUnaligned(as: UInt32.self)
      let last = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      to.storeBytes(of: first, as: UInt32.self)
      to.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
    case 1..<4:
      for offset in 0..<count { target[offset] = source[offset] }
    case 0: return
    default: target.initialize(from: source, count: count)
    }
  }
}

/// Values written from the scalars that hold them (``ConditionTruths/side(_:ofNode:)``).
extension LineBytes {
  /// The value of an inline scalar as ``appendDisplay(_:unit:)`` shows it; `false`, with nothing
  /// written, for text or a list (a scalar refers to them), left to the caller.
  ///
  /// Whole numbers and decimals, most of a line's values, are written without making a ``Value``
  /// first.
  @inline(__always)
  func appendDisplay(_ scalar: Scalar, unit: TimeSpan.Unit?) -> Bool {
    switch scalar.kind {
    case .int: appendInteger(scalar.payload)
    case .decimal:
      let number = scalar.decimal
      if !appendNarrowDecimal(number), !appendWideDecimal(number) { appendDisplay(.decimal(number), unit: unit) }
    case .missing, .bool, .duration, .percent, .money, .date:
      guard let value = scalar.inlineValue else { return false }
      appendDisplay(value, unit: unit)
    case .constant, .field, .computed: return false
    }
    return true
  }
}
